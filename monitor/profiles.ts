/**
 * Builds the profiles of every monitored site and every crawled candidate from their stored captures,
 * with one layout idf over all of them, and stores a profile only when it changed. A monitored site
 * taken down keeps the captures of its last useful crawl (or its imported snapshot), so it is still
 * compared through what it was.
 */

import { createHash } from 'node:crypto';
import {
  type CaptureRow,
  type Database,
  type DomainRow,
  type FingerprintInput,
  hasContent as hasTextContent,
  latestProfile,
  latestUsefulCaptures,
  listDomains,
  listSites,
  type SiteProfileRow,
  saveProfile,
} from '../db/index.ts';

import {
  buildDocumentFrequencies,
  buildProfile,
  DETECTOR_VERSION,
  type DetectorThresholds,
  defaultThresholds,
  fingerprintsOf,
  type LayoutIdf,
  type PageFeatures,
  photoFamilyContent,
  photoFamilyRule,
  photoSiteFrequencies,
  resolveThresholds,
  type SiteProfile,
  sitePhotos,
  withPhotoSites,
} from '../detector/index.ts';
import type { EvidenceStore } from '../evidence/index.ts';
import { stableJson } from '../lib/stable-json.ts';
import type { MonitoredSet } from '../screen/index.ts';
import { type StoredPhotos, storedPhotos } from './corpus-stats.ts';
import { type RefreshReport, refreshCaptures } from './reprocess.ts';

export interface ProfileSubject {
  kind: 'site' | 'candidate';
  /** Site name or candidate hostname. */
  label: string;
  siteId: number | null;
  domain: DomainRow | null;
  /** Hostnames that belong to this subject (a site's seeds), never compared with itself. */
  hostnames: string[];
  captures: CaptureRow[];
}

export interface BuiltProfile {
  subject: ProfileSubject;
  profile: SiteProfile;
  row: SiteProfileRow;
}

/**
 * A crawl describes a site when it has text content (db's `hasTextContent`: ads, contacts or a listing/ad layout),
 * or when its pages show a gallery of ad photos (a clone that kept only the reference's photos, with captions), not
 * when it is a bare seizure notice (whose emblems are a few pictures, the same on every path).
 */
export function hasContent(rows: CaptureRow[]): boolean {
  if (hasTextContent(rows)) return true;
  const pages = rows.flatMap((r) => (r.features ? [r.features as unknown as PageFeatures] : []));
  return sitePhotos(pages).length >= GALLERY_MIN_PHOTOS;
}

/** Distinct ad photos that make a crawl without ads or contacts a site's content (a gallery, not a notice's logos). */
export const GALLERY_MIN_PHOTOS = 5;

/**
 * With `evidence`, captures whose features an older detector extracted are recomputed from their stored HTML first
 * (counted in `refresh`), so every subject is described by the current detector only.
 */
export interface SubjectOptions {
  evidence?: EvidenceStore;
  refresh?: RefreshReport;
}

export async function collectSubjects(
  db: Database,
  options: { candidateIds?: number[] } & SubjectOptions = {},
): Promise<ProfileSubject[]> {
  return [...(await siteSubjects(db, options)), ...(await candidateSubjects(db, options.candidateIds, options))];
}

async function currentCaptures(
  db: Database,
  domainIds: number[],
  region: string,
  options: SubjectOptions,
): Promise<CaptureRow[]> {
  const rows = await latestUsefulCaptures(db, domainIds, hasContent);
  return options.evidence ? refreshCaptures(db, options.evidence, rows, region, options.refresh) : rows;
}

/** Every active monitored site with the captures of its last useful crawl (or imported snapshot). */
export async function siteSubjects(db: Database, options: SubjectOptions = {}): Promise<ProfileSubject[]> {
  const subjects: ProfileSubject[] = [];
  for (const site of await listSites(db)) {
    const seeds = site.domains.filter((d) => d.active);
    const captures = await currentCaptures(
      db,
      seeds.map((d) => d.id),
      site.region,
      options,
    );
    subjects.push({
      kind: 'site',
      label: site.name,
      siteId: site.id,
      domain: seeds[0] ?? null,
      hostnames: seeds.map((d) => d.hostname),
      captures,
    });
  }
  return subjects.filter((s) => s.captures.length > 0);
}

/** Crawled active candidates (all, or those of `ids`) with the captures of their last useful crawl. */
export async function candidateSubjects(
  db: Database,
  ids?: number[],
  options: SubjectOptions = {},
): Promise<ProfileSubject[]> {
  const subjects: ProfileSubject[] = [];
  const candidates = await listDomains(db, { role: 'candidate', active: true, ids });
  const regions = options.evidence
    ? new Map((await listSites(db, { includeInactive: true })).map((s) => [s.id, s.region]))
    : new Map<number, string>();
  for (const domain of candidates) {
    if (!domain.lastCrawledAt) continue;
    // A candidate's phone numbers are read in the region of the site it was found from, as when it was crawled.
    const region = (domain.originSiteId !== null ? regions.get(domain.originSiteId) : undefined) ?? 'FR';
    const captures = await currentCaptures(db, [domain.id], region, options);
    subjects.push({
      kind: 'candidate',
      label: domain.hostname,
      siteId: null,
      domain,
      hostnames: [domain.hostname],
      captures,
    });
  }
  return subjects.filter((s) => s.captures.length > 0);
}

const pagesOf = (s: ProfileSubject) => s.captures.map((c) => c.features as unknown as PageFeatures);

/** Document frequencies of layout tokens over the subjects' pages (the idf of their profiles). */
export function layoutCorpus(subjects: ProfileSubject[]): LayoutIdf {
  return buildDocumentFrequencies(subjects.flatMap(pagesOf));
}

/**
 * Pivots (analytics ids, payment ids, favicon hashes…) indexed as exact fingerprints (SHA-256 of kind:value, first
 * 64 bits), so the indexed comparison also reaches a counterpart whose only link is a shared pivot.
 */
export function pivotFingerprints(profile: SiteProfile): FingerprintInput[] {
  return profile.pivots.map((p) => ({
    kind: 'pivot',
    value: BigInt(`0x${createHash('sha256').update(`${p.kind}:${p.value}`).digest('hex').slice(0, 16)}`),
    ref: `${p.kind}:${p.value}`,
  }));
}

/** Every fingerprint a profile is indexed by. */
export function profileFingerprints(profile: SiteProfile): FingerprintInput[] {
  return [
    ...fingerprintsOf(profile).map((f) => ({ kind: f.kind, value: f.value, ref: f.ref ?? '' })),
    ...pivotFingerprints(profile),
  ];
}

/**
 * For each of `profiles`, on how many families each of its ad photos appears (within the photo distance): the
 * profiles given and every other latest stored profile (those `excluded` says are the same subject's older build are
 * left out), the profile's own family (a clone, its mirrors and photo-only copies, detector/images/families.ts)
 * counted once. That is the photos' specificity, so stock images and a common script's logos weigh little, and it is
 * the same whether a cycle builds every profile at once, a queue job builds one candidate's, or `phenix compare`
 * builds the sites it was given.
 */
export async function photoSpecificities(
  db: Database | null,
  profiles: SiteProfile[],
  excluded: (stored: StoredPhotos) => boolean = () => false,
  t: DetectorThresholds = defaultThresholds,
): Promise<Map<string, number>[]> {
  // Without a database (a one-off `phenix compare`), over the profiles given alone.
  const others = db ? (await storedPhotos(db)).filter((p) => !excluded(p)) : [];
  return photoSiteFrequencies(
    [...profiles.map((p) => p.photos ?? []), ...others.map((p) => p.photos)],
    t.photoMaxDistance,
    t.photoCropMaxDistance,
    photoFamilyRule(t),
    [...profiles.map(photoFamilyContent), ...others.map((p) => p.content)],
  ).slice(0, profiles.length);
}

/** A stored profile that is one of the subjects' own (an older build of the same site or candidate). */
export function storedOwnedBy(subjects: ProfileSubject[]): (stored: StoredPhotos) => boolean {
  const siteIds = new Set(subjects.flatMap((s) => (s.siteId === null ? [] : [s.siteId])));
  const domainIds = new Set(subjects.flatMap((s) => (s.siteId === null && s.domain ? [s.domain.id] : [])));
  return (p) => (p.siteId !== null && siteIds.has(p.siteId)) || (p.domainId !== null && domainIds.has(p.domainId));
}

export interface BuildProfilesOptions {
  /** The layout idf (default: over the subjects); a queue cycle passes its fixed corpus. */
  idf?: LayoutIdf;
  /** The unit's detector thresholds (config `detector`), for the photo families of the photos' specificity. */
  thresholds?: Partial<DetectorThresholds>;
}

/**
 * Builds and stores the subjects' profiles (a new row only when a profile or the detector version changed), with
 * one idf and the photos' specificity over everything stored.
 */
export async function buildProfiles(
  db: Database,
  subjects: ProfileSubject[],
  options: BuildProfilesOptions = {},
): Promise<BuiltProfile[]> {
  const idf = options.idf ?? layoutCorpus(subjects);
  // Built first, weighed after: a photo's families need every profile's content (its contacts and ads).
  const unweighed = subjects.map((subject) => buildProfile(pagesOf(subject), { site: subject.label, idf }));
  const specificities = await photoSpecificities(
    db,
    unweighed,
    storedOwnedBy(subjects),
    resolveThresholds(options.thresholds),
  );
  const built: BuiltProfile[] = [];
  for (const [i, subject] of subjects.entries()) {
    const profile = withPhotoSites(unweighed[i], specificities[i]);
    const key = subject.kind === 'site' ? { siteId: subject.siteId! } : { domainId: subject.domain!.id };
    const previous = await latestProfile(db, key);
    const row =
      previous && previous.detectorVersion === DETECTOR_VERSION && stableJson(previous.profile) === stableJson(profile)
        ? previous
        : await saveProfile(
            db,
            key,
            {
              pageCount: profile.pageCount,
              data: profile as unknown as Record<string, unknown>,
              runId: subject.captures[0]?.runId,
              detectorVersion: DETECTOR_VERSION,
            },
            profileFingerprints(profile),
          );
    built.push({ subject, profile, row });
  }
  return built;
}

/** The monitored sites' profiles built in memory with their own idf, for screening new names against them. */
export async function monitoredForScreening(db: Database): Promise<MonitoredSet> {
  const subjects = await siteSubjects(db);
  const idf = layoutCorpus(subjects);
  return {
    idf,
    profiles: subjects.map((s) => ({
      siteId: s.siteId!,
      siteName: s.label,
      hostnames: s.hostnames,
      profile: buildProfile(pagesOf(s), { site: s.label, idf }),
    })),
  };
}

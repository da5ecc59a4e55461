/**
 * Builds the profiles of every monitored site and every crawled candidate from their stored captures,
 * with one layout idf over all of them, and stores a profile only when it changed. A monitored site
 * taken down keeps the captures of its last useful crawl (or its imported snapshot), so it is still
 * compared through what it was.
 */
import {
  type CaptureRow,
  type Database,
  type DomainRow,
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
  fingerprintsOf,
  type PageFeatures,
  type SiteProfile,
} from '../detector/index.ts';
import { stableJson } from '../lib/stable-json.ts';

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

/** A crawl describes a site when at least one page has ads, contacts, or a listing/ad layout (not a bare seizure notice). */
export function hasContent(rows: CaptureRow[]): boolean {
  return rows.some((r) => {
    const f = r.features as unknown as PageFeatures | null;
    return f !== null && (f.ads.length > 0 || f.contacts.length > 0 || f.pageType !== 'other');
  });
}

export async function collectSubjects(
  db: Database,
  options: { candidateIds?: number[] } = {},
): Promise<ProfileSubject[]> {
  const subjects: ProfileSubject[] = [];
  for (const site of await listSites(db)) {
    const seeds = site.domains.filter((d) => d.active);
    const captures = await latestUsefulCaptures(
      db,
      seeds.map((d) => d.id),
      hasContent,
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
  const candidates = await listDomains(db, { role: 'candidate', active: true });
  for (const domain of candidates) {
    if (options.candidateIds && !options.candidateIds.includes(domain.id)) continue;
    if (!domain.lastCrawledAt) continue;
    const captures = await latestUsefulCaptures(db, [domain.id], hasContent);
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

export async function buildProfiles(db: Database, subjects: ProfileSubject[]): Promise<BuiltProfile[]> {
  const pagesOf = (s: ProfileSubject) => s.captures.map((c) => c.features as unknown as PageFeatures);
  const idf = buildDocumentFrequencies(subjects.flatMap(pagesOf));
  const built: BuiltProfile[] = [];
  for (const subject of subjects) {
    const profile = buildProfile(pagesOf(subject), { site: subject.label, idf });
    const key = subject.kind === 'site' ? { siteId: subject.siteId! } : { domainId: subject.domain!.id };
    const previous = await latestProfile(db, key);
    const row =
      previous && stableJson(previous.profile) === stableJson(profile)
        ? previous
        : await saveProfile(
            db,
            key,
            {
              pageCount: profile.pageCount,
              data: profile as unknown as Record<string, unknown>,
              runId: subject.captures[0]?.runId,
            },
            fingerprintsOf(profile).map((f) => ({ kind: f.kind, value: f.value, ref: f.ref ?? '' })),
          );
    built.push({ subject, profile, row });
  }
  return built;
}

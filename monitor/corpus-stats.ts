/**
 * What the detector weighs evidence with, over every latest stored profile, sites and candidates alike:
 * - the corpus statistics (how many sites carry each contact, how many share each template);
 * - each profile's ad photos and content (contacts, ad fingerprints), for the photos' specificity (`monitor/profiles.ts photoSpecificities`);
 * - the monitored sites' profiles of this detector version, which every candidate is also read against at once (boards
 *   merged into one site: detector/compare/merged.ts).
 * Both comparison paths (all-by-all and indexed, one process or queue jobs) read them here, so a pair gets the same
 * verdict whichever path compares it.
 *
 * Cost: a stored profile never changes (a new build is a new row, db/queries/profiles.ts `saveProfile`), so the set
 * of latest profile ids says everything about what is derived from them. Each call reads that id list (one integer a
 * profile) and rereads the profiles only when it changed since the last call on the same database: the compare jobs
 * of one queue cycle, which all run after the cycle's crawls, share one read per worker. Only the derived figures
 * are kept (contact and template counts, photo hashes, contact keys and ad fingerprints), not the profiles.
 */
import { createHash } from 'node:crypto';
import { type Database, getProfiles, latestProfileIds, listSites } from '../db/index.ts';
import {
  buildCorpusStats,
  type CorpusStats,
  DETECTOR_VERSION,
  type PhotoHashLike,
  photoFamilyContent,
  type SiteContent,
  type SiteProfile,
} from '../detector/index.ts';

/** One stored profile's ad photos, with whose they are and what else it shows (for the photo families). */
export interface StoredPhotos {
  siteId: number | null;
  domainId: number | null;
  photos: PhotoHashLike[];
  content: SiteContent;
}

interface Derived {
  ids: string;
  stats: CorpusStats;
  photos: StoredPhotos[];
  references: { siteId: number; profile: SiteProfile }[];
}

const derived = new WeakMap<Database, Derived>();

async function storedDerived(db: Database): Promise<Derived> {
  const latest = await latestProfileIds(db);
  const ids = createHash('sha256').update(latest.join(',')).digest('hex');
  const cached = derived.get(db);
  if (cached?.ids === ids) return cached;
  const rows = await getProfiles(db, latest);
  const profiles = rows.map((r) => r.profile as unknown as SiteProfile);
  const next: Derived = {
    ids,
    stats: buildCorpusStats(profiles),
    photos: rows.map((r, i) => ({
      siteId: r.siteId,
      domainId: r.domainId,
      photos: (profiles[i].photos ?? []).map((p) => ({ hash: p.hash, crops: p.crops })),
      content: photoFamilyContent(profiles[i]),
    })),
    references: rows.flatMap((r, i) =>
      r.siteId !== null && r.detectorVersion === DETECTOR_VERSION ? [{ siteId: r.siteId, profile: profiles[i] }] : [],
    ),
  };
  derived.set(db, next);
  return next;
}

export async function storedCorpusStats(db: Database): Promise<CorpusStats> {
  return (await storedDerived(db)).stats;
}

/** The ad photos of every latest stored profile (photo hashes and their windows only). */
export async function storedPhotos(db: Database): Promise<StoredPhotos[]> {
  return (await storedDerived(db)).photos;
}

/**
 * The latest profiles of this detector version of the sites monitored now (a site taken out of the configuration is
 * no board of the unit's any more): both comparison paths pass this array for every pair they compare, so a
 * candidate is read against the same boards whichever path compares it.
 */
export async function storedReferences(db: Database): Promise<SiteProfile[]> {
  const active = new Set((await listSites(db)).map((s) => s.id));
  return (await storedDerived(db)).references.filter((r) => active.has(r.siteId)).map((r) => r.profile);
}

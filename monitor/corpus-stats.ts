/**
 * The corpus statistics the detector weighs evidence with (how many sites carry each contact, how many share each
 * template), built from every latest stored profile, sites and candidates alike. Both comparison paths (all-by-all
 * and indexed) read them here, so a pair gets the same verdict whichever path compares it. Cost: one read of every
 * latest profile per call (a cycle, or a compare job).
 */
import { type Database, getProfiles, latestProfileIds } from '../db/index.ts';
import { buildCorpusStats, type CorpusStats, type SiteProfile } from '../detector/index.ts';

export async function storedCorpusStats(db: Database): Promise<CorpusStats> {
  const rows = await getProfiles(db, await latestProfileIds(db));
  return buildCorpusStats(rows.map((r) => r.profile as unknown as SiteProfile));
}

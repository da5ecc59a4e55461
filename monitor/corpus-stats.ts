/**
 * The corpus statistics the detector weighs evidence with (how many sites carry each contact, how many share each
 * template), built from every latest stored profile, sites and candidates alike. Both comparison paths (all-by-all
 * and indexed) read them here, so a pair gets the same verdict whichever path compares it.
 *
 * Cost: a stored profile never changes (a new build is a new row, db/queries/profiles.ts `saveProfile`), so the set
 * of latest profile ids says everything about the statistics. Each call reads that id list (one integer a profile)
 * and rebuilds only when it changed since the last call on the same database: the compare jobs of one queue cycle,
 * which all run after the cycle's crawls, share one build per worker instead of reading every profile each.
 */
import { createHash } from 'node:crypto';
import { type Database, getProfiles, latestProfileIds } from '../db/index.ts';
import { buildCorpusStats, type CorpusStats, type SiteProfile } from '../detector/index.ts';

const built = new WeakMap<Database, { ids: string; stats: CorpusStats }>();

export async function storedCorpusStats(db: Database): Promise<CorpusStats> {
  const latest = await latestProfileIds(db);
  const ids = createHash('sha256').update(latest.join(',')).digest('hex');
  const cached = built.get(db);
  if (cached?.ids === ids) return cached.stats;
  const rows = await getProfiles(db, latest);
  const stats = buildCorpusStats(rows.map((r) => r.profile as unknown as SiteProfile));
  built.set(db, { ids, stats });
  return stats;
}

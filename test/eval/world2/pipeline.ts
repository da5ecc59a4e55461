/**
 * World 2 through the detector's own pipeline, as test/eval/evaluate.ts does for world 1: render every page,
 * extractPage, one document-frequency table over the universe, buildProfile per site, corpus statistics over the
 * profiles. Returns the labelled pairs with their profiles; comparing is the harness's job.
 */
import {
  buildCorpusStats,
  buildDocumentFrequencies,
  buildProfile,
  extractPage,
  type PageFeatures,
  type SiteProfile,
} from '../../../detector/index.ts';
import { buildWorld2, renderWorld2, type World2Options, type World2Pair } from './world.ts';

export interface ProfiledPair extends World2Pair {
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: ReturnType<typeof buildCorpusStats>;
}

export interface ProfiledWorld2 {
  seed: string;
  sites: number;
  pages: number;
  pairs: ProfiledPair[];
}

/**
 * The product crawls up to `maxPages` (200 by default, config/schema.ts) pages per site, more than any world-2 site
 * has: every page is fetched. (A smaller budget here would hide the old ads behind the new ones a restart lists first.)
 */
export const PRODUCT_MAX_PAGES = 200;

export function profileWorld2(options: World2Options): ProfiledWorld2 {
  const world = buildWorld2(options);
  const rendered = renderWorld2(world);
  for (const [name, list] of rendered)
    if (list.length > PRODUCT_MAX_PAGES)
      throw new Error(`world 2 site ${name} has ${list.length} pages, more than a crawl fetches`);
  const features = new Map<string, PageFeatures[]>();
  let pages = 0;
  for (const [name, list] of rendered) {
    features.set(
      name,
      list.map(([url, html]) => extractPage({ url, html })),
    );
    pages += list.length;
  }
  const idf = buildDocumentFrequencies([...features.values()].flat());
  const profiles = new Map<string, SiteProfile>();
  for (const [name, feats] of features) profiles.set(name, buildProfile(feats, { site: name, idf }));
  const stats = buildCorpusStats(profiles.values());
  return {
    seed: world.seed,
    sites: world.sites.length,
    pages,
    pairs: world.pairs.map((p) => ({
      ...p,
      referenceProfile: profiles.get(p.reference)!,
      candidateProfile: profiles.get(p.candidate)!,
      stats,
    })),
  };
}

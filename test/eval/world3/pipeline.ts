/**
 * World 3 through the detector's own pipeline, as a deployment would see it: every page of every site through
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
import type { World3Pair } from './model.ts';
import { buildWorld3, renderWorld3, type World3Options } from './world.ts';

export interface ProfiledPair3 extends World3Pair {
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: ReturnType<typeof buildCorpusStats>;
}

/** The product crawls up to 200 pages per site (config default); no world-3 site has more, so every page is given. */
export const CRAWL_BUDGET = 200;

export function profileWorld3(options: World3Options): {
  seed: string;
  sites: number;
  pages: number;
  pairs: ProfiledPair3[];
} {
  const world = buildWorld3(options);
  const rendered = renderWorld3(world);
  const features = new Map<string, PageFeatures[]>();
  let pages = 0;
  for (const [name, list] of rendered) {
    if (list.length > CRAWL_BUDGET)
      throw new Error(`world 3 site ${name} has ${list.length} pages, more than a crawl fetches`);
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

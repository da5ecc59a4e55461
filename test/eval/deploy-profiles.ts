/**
 * What a deployment does with a universe's extracted pages, shared by the generated worlds' pipelines (worlds 2, 3
 * and 4): one document-frequency table over every page, buildProfile per site, the ad photos weighed over every site
 * as a monitor cycle (or `phenix compare` without a database) weighs them, corpus statistics over the profiles.
 * Harness plumbing, not a world: no template, vocabulary, picture model or recipe, so the worlds stay independent.
 */
import {
  buildCorpusStats,
  buildDocumentFrequencies,
  buildProfile,
  type PageFeatures,
  type SiteProfile,
  withPhotoSites,
} from '../../detector/index.ts';
import { photoSpecificities } from '../../monitor/profiles.ts';

/**
 * The product crawls up to 200 pages per site (`maxPages`, config/schema.ts): a world site with more would be judged
 * on pages no crawl fetches (and a smaller budget would hide the old ads behind the new ones a restart lists first).
 */
export const CRAWL_BUDGET = 200;

export function checkCrawlBudget(world: string, site: string, pages: number): void {
  if (pages > CRAWL_BUDGET) throw new Error(`${world} site ${site} has ${pages} pages, more than a crawl fetches`);
}

export interface DeployedProfiles {
  profiles: Map<string, SiteProfile>;
  stats: ReturnType<typeof buildCorpusStats>;
}

/** Profiles of every site from its pages' features, photos weighed (sites without photos are left as built). */
export async function deployProfiles(features: Map<string, PageFeatures[]>): Promise<DeployedProfiles> {
  const idf = buildDocumentFrequencies([...features.values()].flat());
  const names = [...features.keys()];
  const unweighed = names.map((name) => buildProfile(features.get(name)!, { site: name, idf }));
  const specificities = await photoSpecificities(null, unweighed);
  const profiles = new Map(names.map((name, i) => [name, withPhotoSites(unweighed[i], specificities[i])]));
  return { profiles, stats: buildCorpusStats(profiles.values()) };
}

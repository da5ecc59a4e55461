/**
 * World 2 through the detector's own pipeline, as test/eval/evaluate.ts does for world 1: render every page,
 * extractPage, the ad photos' bytes a crawl would fetch hashed into the page's `images` (pictures.ts), one
 * document-frequency table over the universe, buildProfile per site, the photos weighed over every site as a
 * monitor cycle (or `phenix compare`) weighs them (photoSpecificities, withPhotoSites), corpus statistics over the
 * profiles. Returns the labelled pairs with their profiles; comparing is the harness's job.
 */
import { extractPage, type PageFeatures, type SiteProfile } from '../../../detector/index.ts';
import { checkCrawlBudget, type DeployedProfiles, deployProfiles } from '../deploy-profiles.ts';
import { type PictureStats, world2Pictures } from './pictures.ts';
import { buildWorld2, renderWorld2, type World2Options, type World2Pair } from './world.ts';

export interface ProfiledPair extends World2Pair {
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: DeployedProfiles['stats'];
}

export interface ProfiledWorld2 {
  seed: string;
  sites: number;
  pages: number;
  /** The pictures hashed (absent without pictures). */
  pictures?: PictureStats;
  pairs: ProfiledPair[];
}

export interface ProfileWorld2Options {
  /**
   * Fetch the ad photos' bytes, as a crawl does (default true); false gives the detector the HTML alone, as this
   * pipeline did before pictures.ts.
   */
  pictures?: boolean;
}

export async function profileWorld2(
  options: World2Options,
  { pictures = true }: ProfileWorld2Options = {},
): Promise<ProfiledWorld2> {
  const world = buildWorld2(options);
  const rendered = renderWorld2(world);
  for (const [name, list] of rendered) checkCrawlBudget('world 2', name, list.length);
  const fetched = pictures
    ? await world2Pictures(world.sites.map((site) => ({ site, pages: rendered.get(site.name)! })))
    : null;
  const features = new Map<string, PageFeatures[]>();
  let pages = 0;
  for (const [name, list] of rendered) {
    const images = fetched?.images.get(name);
    features.set(
      name,
      list.map(([url, html], i) => {
        const page = extractPage({ url, html });
        return images ? { ...page, images: images[i] } : page;
      }),
    );
    pages += list.length;
  }
  const { profiles, stats } = await deployProfiles(features);
  return {
    seed: world.seed,
    sites: world.sites.length,
    pages,
    ...(fetched ? { pictures: fetched.stats } : {}),
    pairs: world.pairs.map((p) => ({
      ...p,
      referenceProfile: profiles.get(p.reference)!,
      candidateProfile: profiles.get(p.candidate)!,
      stats,
    })),
  };
}

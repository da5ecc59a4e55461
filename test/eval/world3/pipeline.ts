/**
 * World 3 through the detector's own pipeline, as a deployment would see it: every page of every site through
 * extractPage with its ad photos hashed as a crawl hashes them (pictures.ts), one document-frequency table over the
 * universe, buildProfile per site, the photos weighed over every site as a cycle weighs them (photoSpecificities),
 * corpus statistics over the profiles. Returns the labelled pairs with their profiles; comparing is the harness's job.
 */
import { extractPage, type PageFeatures, type SiteProfile } from '../../../detector/index.ts';
import { checkCrawlBudget, type DeployedProfiles, deployProfiles } from '../deploy-profiles.ts';
import type { World3Pair } from './model.ts';
import { createPictureCache, pagePhotos } from './pictures.ts';
import { buildWorld3, renderWorld3, type World3Options } from './world.ts';

export interface ProfiledPair3 extends World3Pair {
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: DeployedProfiles['stats'];
}

export async function profileWorld3(
  options: World3Options,
  { pictures = true }: { pictures?: boolean } = {},
): Promise<{
  seed: string;
  sites: number;
  pages: number;
  pairs: ProfiledPair3[];
}> {
  const world = buildWorld3(options);
  const rendered = renderWorld3(world);
  const features = new Map<string, PageFeatures[]>();
  const picture = createPictureCache();
  let pages = 0;
  for (const [name, list] of rendered) {
    checkCrawlBudget('world 3', name, list.length);
    const feats: PageFeatures[] = [];
    for (const [url, html] of list) {
      const images = await Promise.all(
        (pictures ? pagePhotos(html, url) : []).map(async (p) => ({
          url: p.url,
          ...(await picture(p.id, name, p.width)),
        })),
      );
      feats.push({ ...extractPage({ url, html }), ...(images.length > 0 ? { images } : {}) });
    }
    features.set(name, feats);
    pages += list.length;
  }
  const { profiles, stats } = await deployProfiles(features);
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

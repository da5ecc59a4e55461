/**
 * World 4 through the detector's own pipeline, as a deployment would see it: every page of every site through
 * extractPage with its ad photos hashed as a crawl hashes them (pictures.ts), one document-frequency table over the
 * universe, buildProfile per site, the photos weighed over every site as a cycle weighs them (photoSpecificities),
 * corpus statistics over the profiles. Returns the labelled pairs with their profiles; comparing is the harness's job.
 */
import { extractPage, type PageFeatures, type SiteProfile } from '../../../detector/index.ts';
import { checkCrawlBudget, type DeployedProfiles, deployProfiles } from '../deploy-profiles.ts';
import type { World4Pair } from './model.ts';
import { createPictureCache, pagePhotos } from './pictures.ts';
import { buildWorld4, renderWorld4, type World4Options } from './world.ts';

export interface ProfiledPair4 extends World4Pair {
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: DeployedProfiles['stats'];
}

export async function profileWorld4(
  options: World4Options,
  { pictures = true }: { pictures?: boolean } = {},
): Promise<{ seed: string; sites: number; pages: number; pairs: ProfiledPair4[] }> {
  const world = buildWorld4(options);
  const rendered = renderWorld4(world);
  const byName = new Map(world.sites.map((s) => [s.name, s]));
  const features = new Map<string, PageFeatures[]>();
  const picture = createPictureCache();
  let pages = 0;
  for (const [name, list] of rendered) {
    checkCrawlBudget('world 4', name, list.length);
    const style = byName.get(name)!.photo;
    const feats: PageFeatures[] = [];
    for (const [url, html] of list) {
      const images = await Promise.all(
        (pictures ? pagePhotos(html, url) : []).map(async (p) => ({
          url: p.url,
          ...(await picture(p.id, style, p.width)),
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

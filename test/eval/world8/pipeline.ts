/**
 * World 8 through the product's own entry points, as a deployment would see it: every page of every site through
 * extractPage, its pictures served the site's way and hashed (photos.ts), then the deployment's shared steps
 * (deploy-profiles.ts). Returns the labelled pairs with their profiles; comparing them is the harness's job.
 */
import { extractPage, type PageFeatures, type PageImage, type SiteProfile } from '../../../detector/index.ts';
import { checkCrawlBudget, deployProfiles } from '../deploy-profiles.ts';
import type { Pair } from './model.ts';
import { createPictureCache } from './photos.ts';
import { buildWorld8, renderWorld8, type World8Options } from './world.ts';

export { WORLD8_SEEDS } from './world.ts';

export interface ProfiledPair8 extends Pair {
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: Awaited<ReturnType<typeof deployProfiles>>['stats'];
}

export async function profileWorld8(
  options: World8Options,
  { pictures = true }: { pictures?: boolean } = {},
): Promise<{ seed: string; sites: number; pages: number; pairs: ProfiledPair8[] }> {
  const world = buildWorld8(options);
  const rendered = renderWorld8(world);
  const byName = new Map(world.sites.map((s) => [s.name, s]));
  const cache = createPictureCache();
  const features = new Map<string, PageFeatures[]>();
  let pages = 0;
  for (const [name, list] of rendered) {
    checkCrawlBudget('world 8', name, list.length);
    const style = byName.get(name)!.photo;
    const hashed: PageImage[][] = await Promise.all(
      list.map((page) =>
        Promise.all(
          (pictures ? page.photos : []).map(async (p) => {
            const h = await cache.picture(p.id, style, p.thumb);
            return { url: page.url.replace(/^(https:\/\/[^/]+).*$/, '$1') + p.url, ...h };
          }),
        ),
      ),
    );
    features.set(
      name,
      list.map((page, i) => ({
        ...extractPage({ url: page.url, html: page.html }),
        ...(hashed[i].length > 0 ? { images: hashed[i] } : {}),
      })),
    );
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

/**
 * World 7 through the detector's own pipeline, as a deployment would see it: every page of every site through
 * extractPage with its pictures fetched and hashed as a crawl hashes them (photos.ts), then the deployment's shared
 * steps (deploy-profiles.ts). Returns the labelled pairs with their profiles; comparing them is the harness's job.
 */
import { extractPage, type PageFeatures, type PageImage, type SiteProfile } from '../../../detector/index.ts';
import { checkCrawlBudget, deployProfiles } from '../deploy-profiles.ts';
import type { Pair } from './model.ts';
import { createPhotoCache } from './photos.ts';
import { buildWorld7, renderWorld7, type World7Options } from './world.ts';

export interface ProfiledPair7 extends Pair {
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: Awaited<ReturnType<typeof deployProfiles>>['stats'];
}

export async function profileWorld7(
  options: World7Options,
  { pictures = true }: { pictures?: boolean } = {},
): Promise<{ seed: string; sites: number; pages: number; pairs: ProfiledPair7[] }> {
  const world = buildWorld7(options);
  const rendered = renderWorld7(world);
  const byName = new Map(world.sites.map((s) => [s.name, s]));
  const photos = createPhotoCache();
  const features = new Map<string, PageFeatures[]>();
  let pages = 0;
  for (const [name, list] of rendered) {
    checkCrawlBudget('world 7', name, list.length);
    const style = byName.get(name)!.photo;
    // A site's pictures are fetched and hashed together (sharp works off the main thread), then pages are extracted.
    const hashed: PageImage[][] = await Promise.all(
      list.map((page) =>
        Promise.all(
          (pictures ? page.photos : []).map(async (p) => {
            const h = await photos.picture(p.id, style, p.thumb);
            return { url: p.url, sha256: h.sha256, hash: h.hash, crops: h.crops, width: h.width, height: h.height };
          }),
        ),
      ),
    );
    photos.flush();
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

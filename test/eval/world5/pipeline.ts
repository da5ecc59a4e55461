/**
 * World 5 through the detector's own pipeline, as a deployment would see it: every page of every site through
 * extractPage with its ad photos hashed as a crawl hashes them (photos.ts), then the deployment's shared steps
 * (deploy-profiles.ts: one document-frequency table, buildProfile per site, photos weighed over every site, corpus
 * statistics). Returns the labelled pairs with their profiles; comparing them is the harness's job, not this file's.
 */
import { extractPage, type PageFeatures, type SiteProfile } from '../../../detector/index.ts';
import { checkCrawlBudget, type DeployedProfiles, deployProfiles } from '../deploy-profiles.ts';
import { TRADES, type Trade } from './lexicon.ts';
import type { World5, World5Pair } from './model.ts';
import { createPhotoCache, pagePhotos } from './photos.ts';
import { buildWorld5, renderWorld5, type World5Options } from './world.ts';

export interface ProfiledPair5 extends World5Pair {
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: DeployedProfiles['stats'];
}

/** Which scene each photo id is drawn as: the trade of the first ad of the world showing it. */
export function photoScenes(world: World5): Map<string, Trade['scene']> {
  const scenes = new Map<string, Trade['scene']>();
  for (const s of world.sites)
    for (const a of s.ads) for (const p of a.photos) if (!scenes.has(p)) scenes.set(p, TRADES[a.trade].scene);
  return scenes;
}

export async function profileWorld5(
  options: World5Options,
  { pictures = true }: { pictures?: boolean } = {},
): Promise<{ seed: string; sites: number; pages: number; pairs: ProfiledPair5[] }> {
  const world = buildWorld5(options);
  const rendered = renderWorld5(world);
  const byName = new Map(world.sites.map((s) => [s.name, s]));
  const scenes = photoScenes(world);
  const picture = createPhotoCache();
  const features = new Map<string, PageFeatures[]>();
  let pages = 0;
  for (const [name, list] of rendered) {
    checkCrawlBudget('world 5', name, list.length);
    const style = byName.get(name)!.photo;
    // Every picture of the site is hashed concurrently (sharp works off the main thread), then pages are extracted.
    const found = list.map(([url, html]) => (pictures ? pagePhotos(html, url) : []));
    const hashed = await Promise.all(
      found.map((photos) =>
        Promise.all(
          photos.map(async (p) => ({
            url: p.url,
            ...(await picture(p.id, scenes.get(p.id) ?? 'room', style, p.width)),
          })),
        ),
      ),
    );
    const feats: PageFeatures[] = list.map(([url, html], i) => ({
      ...extractPage({ url, html }),
      ...(hashed[i].length > 0 ? { images: hashed[i] } : {}),
    }));
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

/**
 * World 6 through the detector's own pipeline, as a deployment would see it: every page of every site through
 * extractPage with its ad photos hashed as a crawl hashes them (photos.ts), then the deployment's shared steps
 * (deploy-profiles.ts). Returns the labelled pairs with their profiles; comparing them is the harness's job.
 */
import { extractPage, type PageFeatures, type SiteProfile } from '../../../detector/index.ts';
import { checkCrawlBudget, type DeployedProfiles, deployProfiles } from '../deploy-profiles.ts';
import type { Pair } from './model.ts';
import { createPhotoCache } from './photos.ts';
import { buildWorld6, renderWorld6, type World6Options } from './world.ts';

export interface ProfiledPair6 extends Pair {
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: DeployedProfiles['stats'];
}

export async function profileWorld6(
  options: World6Options,
  { pictures = true }: { pictures?: boolean } = {},
): Promise<{ seed: string; sites: number; pages: number; pairs: ProfiledPair6[] }> {
  const world = buildWorld6(options);
  const rendered = renderWorld6(world);
  const byName = new Map(world.sites.map((s) => [s.name, s]));
  const picture = createPhotoCache();
  const features = new Map<string, PageFeatures[]>();
  let pages = 0;
  for (const [name, list] of rendered) {
    checkCrawlBudget('world 6', name, list.length);
    const style = byName.get(name)!.photo;
    // Every picture of the site is hashed concurrently (sharp works off the main thread), then pages are extracted.
    const hashed = await Promise.all(
      list.map((page) =>
        Promise.all(
          (pictures ? page.photos : []).map(async (p) => ({ url: p.url, ...(await picture(p.id, style, p.width)) })),
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

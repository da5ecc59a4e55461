/**
 * World 4 through the detector's own pipeline, as a deployment would see it: every page of every site through
 * extractPage with its ad photos hashed as a crawl hashes them (pictures.ts), one document-frequency table over the
 * universe, buildProfile per site, the photos weighed over every site as a cycle weighs them (photoSpecificities),
 * corpus statistics over the profiles. Returns the labelled pairs with their profiles; comparing is the harness's job.
 */
import {
  buildCorpusStats,
  buildDocumentFrequencies,
  buildProfile,
  extractPage,
  type PageFeatures,
  type SiteProfile,
  withPhotoSites,
} from '../../../detector/index.ts';
import { photoSpecificities } from '../../../monitor/profiles.ts';
import type { World4Pair } from './model.ts';
import { createPictureCache, pagePhotos } from './pictures.ts';
import { buildWorld4, renderWorld4, type World4Options } from './world.ts';

export interface ProfiledPair4 extends World4Pair {
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: ReturnType<typeof buildCorpusStats>;
}

/** The product crawls up to 200 pages per site (config default); no world-4 site has more. */
export const CRAWL_BUDGET = 200;

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
    if (list.length > CRAWL_BUDGET)
      throw new Error(`world 4 site ${name} has ${list.length} pages, more than a crawl fetches`);
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
  const idf = buildDocumentFrequencies([...features.values()].flat());
  const names = [...features.keys()];
  const unweighed = names.map((name) => buildProfile(features.get(name)!, { site: name, idf }));
  const specificities = await photoSpecificities(null, unweighed);
  const profiles = new Map<string, SiteProfile>(
    names.map((name, i) => [name, withPhotoSites(unweighed[i], specificities[i])]),
  );
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

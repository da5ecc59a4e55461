/**
 * World 10 through the product's entry points: every page of every site → extractPage, its photos hashed (photoHashes,
 * imageInfo, SHA-256 of the served bytes), the crawl budget checked per site, then deployProfiles once over the whole
 * seed. No comparison is run here: the pairs come back with both profiles for whoever scores them.
 */
import { createHash } from 'node:crypto';
import { extractPage, type PageFeatures, type PageImage, type SiteProfile } from '../../../detector/index.ts';
import { imageInfo, photoHashes } from '../../../images/index.ts';
import { checkCrawlBudget, deployProfiles } from '../deploy-profiles.ts';
import { forgetPictures, servePicture } from './photos.ts';
import type { PhotoUse } from './templates/common.ts';
import { buildWorld10 } from './world.ts';

export const WORLD10_SEEDS: string[] = ['w10-vercors', 'w10-medoc', 'w10-bocage'];

export interface ProfiledPair10 {
  seed: string;
  reference: string;
  candidate: string;
  kind: string;
  group: 'clone' | 'hard' | 'unrelated';
  expectClone: boolean;
  referenceScript: string;
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: Awaited<ReturnType<typeof deployProfiles>>['stats'];
}

type Hashed = Omit<PageImage, 'url'>;
const hashed = new Map<string, Promise<Hashed>>();

function hashPicture(use: PhotoUse): Promise<Hashed> {
  const key = `${use.pic}|${use.style}`;
  let p = hashed.get(key);
  if (!p) {
    p = (async () => {
      const bytes = await servePicture(use.pic, use.style);
      const [h, info] = await Promise.all([photoHashes(bytes), imageInfo(bytes)]);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return { sha256, hash: h.hash, crops: h.crops, width: info.width, height: info.height };
    })();
    hashed.set(key, p);
  }
  return p;
}

/** Hashes every distinct (picture, rendition) of the seed, a few at a time, a picture's renditions together. */
async function hashAll(uses: PhotoUse[], concurrency = 4): Promise<void> {
  const distinct = [...new Map(uses.map((u) => [`${u.pic}|${u.style}`, u])).entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, u]) => u);
  let next = 0;
  const worker = async () => {
    while (next < distinct.length) await hashPicture(distinct[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export async function profileWorld10(
  options: { seed: string },
  opts: { pictures?: boolean } = {},
): Promise<{ seed: string; sites: number; pages: number; pictures: number; pairs: ProfiledPair10[] }> {
  const pictures = opts.pictures ?? true;
  const world = buildWorld10(options.seed);
  hashed.clear();
  if (pictures) {
    await hashAll(world.sites.flatMap((s) => s.pages.flatMap((p) => p.photos)));
    forgetPictures();
  }
  const featuresBySite = new Map<string, PageFeatures[]>();
  let pageCount = 0;
  for (const site of world.sites) {
    const features: PageFeatures[] = [];
    for (const page of site.pages) {
      const f = extractPage({ url: page.url, html: page.html });
      if (pictures && page.photos.length > 0) {
        const images: PageImage[] = [];
        for (const use of page.photos) images.push({ url: use.url, ...(await hashPicture(use)) });
        f.images = images;
      }
      features.push(f);
    }
    checkCrawlBudget('world 10', site.name, site.pages.length);
    pageCount += site.pages.length;
    featuresBySite.set(site.name, features);
  }
  const { profiles, stats } = await deployProfiles(featuresBySite);
  const pairs: ProfiledPair10[] = world.pairs.map((p) => {
    const referenceProfile = profiles.get(p.reference);
    const candidateProfile = profiles.get(p.candidate);
    if (!referenceProfile || !candidateProfile)
      throw new Error(`world 10 pair ${p.reference} / ${p.candidate} names a missing site`);
    return { seed: options.seed, ...p, expectClone: p.group === 'clone', referenceProfile, candidateProfile, stats };
  });
  return { seed: options.seed, sites: world.sites.length, pages: pageCount, pictures: hashed.size, pairs };
}

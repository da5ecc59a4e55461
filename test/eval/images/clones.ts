/**
 * Clone verdicts on clones that keep only their photos, or only their look, with and without the picture signals.
 * Sites come from the fixture generator (neutral ads, fiction numbers); each ad page carries one procedural photo;
 * the home page is rendered by Chromium for its above-the-fold hash. Cases:
 * - photo-only clone: another operator's texts and phones on another template, the reference's photos transformed;
 * - look-only clone: the reference's home page with its DOM rebuilt (every block wrapped anew), the brand (logo)
 *   removed and other ads: same look, different markup and content;
 * - stock-photo decoy: an unrelated site that shares three stock photos also found on many other sites;
 * - unrelated: another operator, template, photos and look.
 */
import { chromium } from 'playwright';
import { syntheticPhoto } from '../../../demo/photos.ts';
import {
  buildDocumentFrequencies,
  buildProfile,
  compareProfiles,
  defaultThresholds,
  extractPage,
  type PageFeatures,
  type PageImage,
  photoSiteFrequencies,
  type SiteProfile,
} from '../../../detector/index.ts';
import { imageInfo, phash, photoHashes } from '../../../images/index.ts';
import {
  adPath,
  createOperator,
  createPhoneAllocator,
  createRng,
  renderSite,
  type SiteSpec,
  TEMPLATES,
} from '../../../sitegen/index.ts';
import { transformPhoto } from '../../fixtures/images/transforms.ts';

export interface CloneCase {
  name: string;
  expected: 'clone' | 'not clone';
  withSignals: string;
  withoutSignals: string;
  evidence: string;
}

type Browser = Awaited<ReturnType<typeof chromium.launch>>;

async function lookOf(browser: Browser, html: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html);
  const shot = await page.screenshot({ type: 'png' });
  await page.close();
  return phash(shot);
}

/** Every element of the body wrapped in a new <div>: the same picture on screen, other tag paths. */
function rebuildDom(html: string, brand: string): string {
  return html
    .replace(/<(header|nav|main|footer|section|article|ul|table)\b/gi, '<div class="w"><$1')
    .replace(/<\/(header|nav|main|footer|section|article|ul|table)>/gi, '</$1></div>')
    .split(brand)
    .join('');
}

async function site(
  spec: SiteSpec,
  photos: (i: number) => Promise<Buffer | null>,
  look: string | null,
  rewrite: (html: string) => string = (html) => html,
): Promise<PageFeatures[]> {
  const pages = new Map([...renderSite(spec)].map(([path, html]) => [path, rewrite(html)]));
  const out: PageFeatures[] = [];
  const photoPaths = new Map(spec.ads.map((ad, i) => [adPath(spec, ad), i]));
  for (const [path, html] of pages) {
    const f = extractPage({ url: `http://${spec.domain}${path}`, html });
    const i = photoPaths.get(path);
    const bytes = i === undefined ? null : await photos(i);
    if (bytes) {
      const info = await imageInfo(bytes);
      const image: PageImage = {
        url: `http://${spec.domain}/p/${i}.jpg`,
        sha256: `${spec.domain}:${i}`,
        ...(await photoHashes(bytes)),
        width: info.width,
        height: info.height,
      };
      f.images = [image];
    }
    if (path === TEMPLATES[spec.template].listingPath(1)) f.look = look;
    out.push(f);
  }
  return out;
}

const withoutPictures = (p: SiteProfile): SiteProfile => ({ ...p, photos: undefined, look: undefined });

export async function evaluateClones(seed: string): Promise<CloneCase[]> {
  const rng = createRng(`clones:${seed}`);
  const phones = createPhoneAllocator(7000);
  const op = (name: string) =>
    createOperator(rng.fork(name), phones, { name, advertisers: 10, adsPerAdvertiser: [1, 1] });
  const ref = op('ref');
  const other = op('other');
  const third = op('third');
  const base = Number(seed.replace(/\D/g, '') || 1) * 1000;
  const refSpec: SiteSpec = {
    domain: 'ref.test',
    brand: 'Annonces Référence',
    template: 'classic',
    ads: ref.ads,
    trackers: ref.trackers,
  };
  const photoClone: SiteSpec = {
    domain: 'photos.test',
    brand: 'Nouvelles Annonces',
    template: 'cards',
    ads: other.ads,
    trackers: other.trackers,
  };
  const lookClone: SiteSpec = { ...refSpec, domain: 'look.test', ads: third.ads, trackers: third.trackers };
  const unrelated: SiteSpec = {
    domain: 'autre.test',
    brand: 'Autre Site',
    template: 'list',
    ads: third.ads,
    trackers: third.trackers,
  };
  const stockDecoy: SiteSpec = {
    domain: 'stock.test',
    brand: 'Stock Services',
    template: 'portal',
    ads: other.ads,
    trackers: other.trackers,
  };
  const original = (i: number) => syntheticPhoto(base + i);
  const stock = (i: number): Promise<Buffer | null> => (i < 3 ? syntheticPhoto(900_000 + i) : Promise.resolve(null));

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const home = (spec: SiteSpec) => renderSite(spec).get(TEMPLATES[spec.template].listingPath(1))!;
  let sites: Record<string, PageFeatures[]>;
  try {
    sites = {
      ref: await site(refSpec, async (i) => (i < 3 ? stock(i) : original(i)), await lookOf(browser, home(refSpec))),
      photos: await site(
        photoClone,
        async (i) => (i < 3 ? stock(i) : transformPhoto(await original(i), 'combined', rng.fork(`p${i}`))),
        await lookOf(browser, home(photoClone)),
      ),
      look: await site(
        lookClone,
        async () => null,
        await lookOf(browser, rebuildDom(home(lookClone), refSpec.brand)),
        (html) => rebuildDom(html, refSpec.brand),
      ),
      unrelated: await site(
        unrelated,
        async (i) => syntheticPhoto(base + 500 + i),
        await lookOf(browser, home(unrelated)),
      ),
      stock: await site(stockDecoy, stock, await lookOf(browser, home(stockDecoy))),
    };
  } finally {
    await browser.close();
  }
  // The stock photos also appear on a few other stored sites (what makes them stock).
  const extraSites = Array.from({ length: 4 }, () => sites.stock.flatMap((p) => p.images ?? []));
  const all = Object.values(sites);
  const idf = buildDocumentFrequencies(all.flat());
  const photosOf = (pages: PageFeatures[]) => pages.flatMap((p) => p.images ?? []);
  const names = Object.keys(sites);
  const family = {
    minShared: defaultThresholds.minSharedPhotos,
    share: defaultThresholds.clonePhotoShare,
    maxSites: defaultThresholds.photoFamilySites,
  };
  const frequencies = (mirror: boolean) =>
    photoSiteFrequencies(
      [...all.map(photosOf), ...extraSites, ...(mirror ? [photosOf(sites.photos)] : [])],
      defaultThresholds.photoMaxDistance,
      defaultThresholds.photoCropMaxDistance,
      family,
    );
  const photoSites = frequencies(false);
  // The same corpus with a second copy of the photo-only clone online (a mirror): its photos are then on 3 sites.
  const withMirror = frequencies(true);
  const profile = (name: string, mirror = false) =>
    buildProfile(sites[name], { site: name, idf, photoSites: (mirror ? withMirror : photoSites)[names.indexOf(name)] });
  const cases: [string, string, 'clone' | 'not clone', boolean][] = [
    ['photo-only clone', 'photos', 'clone', false],
    ['photo-only clone with a mirror online (photos on 3 sites)', 'photos', 'clone', true],
    ['look-only clone (DOM rebuilt, logo removed, other ads)', 'look', 'not clone', false],
    ['stock-photo decoy', 'stock', 'not clone', false],
    ['unrelated site', 'unrelated', 'not clone', false],
  ];
  return cases.map(([name, key, expected, mirror]) => {
    const r = profile('ref', mirror);
    const c = profile(key, mirror);
    const withSignals = compareProfiles(r, c);
    const without = compareProfiles(withoutPictures(r), withoutPictures(c));
    const evidence = withSignals.explanation.filter((l) => /photo|screenshot/.test(l)).join('; ');
    return {
      name,
      expected,
      withSignals: `${withSignals.verdict} (${withSignals.score.toFixed(2)}; layout ${withSignals.signals.layout ?? '—'}, look ${withSignals.signals.look ?? '—'}, photos ${withSignals.signals.photos ?? '—'})`,
      withoutSignals: `${without.verdict} (${without.score.toFixed(2)}; layout ${without.signals.layout ?? '—'})`,
      evidence,
    };
  });
}

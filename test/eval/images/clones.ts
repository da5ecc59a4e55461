/**
 * Clone verdicts on clones that keep only their photos, or only their look, with and without the picture signals.
 * Sites come from the fixture generator (neutral ads, fiction numbers); each ad page carries one procedural photo;
 * the home page is rendered by Chromium for its above-the-fold hash. Cases:
 * - photo-only clone: another operator's texts and phones on another template, the reference's photos transformed;
 * - look-only clone: the reference's home page with its DOM rebuilt (every block wrapped anew), the brand (logo)
 *   removed and other ads: same look, different markup and content;
 * - photo-only gallery: the reference's own photos (the photo clone's copies) on pages with captions only;
 * - the clone and the gallery with 1, 3, 5 and 10 copies online at once (one family: their photos stay specific);
 * - stock-photo decoy: an unrelated site that shares three stock photos also found on other unrelated sites (each
 *   with its own number), also with 10 copies of the clone and 10 of the gallery online;
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
  photoFamilyContent,
  photoFamilyRule,
  photoSiteFrequencies,
  type SiteProfile,
  withPhotoSites,
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
import { picturePage } from '../../fixtures/images/pictures.ts';
import { transformPhoto } from '../../fixtures/images/transforms.ts';

export interface CloneCase {
  name: string;
  expected: 'clone' | 'not clone';
  /** The verdict with the picture signals (what the goal checks). */
  verdict: string;
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
  // The stock photos also appear on other stored sites (what makes them stock): unrelated sites, each with its own
  // number beside them.
  const stockUsers = Array.from({ length: 4 }, (_, k) => ({
    photos: sites.stock.flatMap((p) => p.images ?? []),
    content: { contacts: [`phone:+33639987${String(k).padStart(3, '0')}`], ads: [] },
  }));
  // A photo-only gallery of the reference: the photo clone's copies of its own photos, captions only.
  sites.gallery = sites.photos
    .flatMap((p) => p.images ?? [])
    .filter((img) => !sites.stock.some((p) => (p.images ?? []).some((s) => s.hash === img.hash)))
    .map((img, i) => picturePage(`/photo/${i + 1}`, [img], { pageType: 'other' }));
  const all = Object.values(sites);
  const names = Object.keys(sites);
  const idf = buildDocumentFrequencies(all.flat());
  const unweighed = Object.fromEntries(names.map((n) => [n, buildProfile(sites[n], { site: n, idf })]));
  const t = defaultThresholds;
  /** The profiles weighed with `mirrors` more copies of the photo clone and `galleries` copies of the gallery online. */
  const weighed = (mirrors: number, galleries: number) => {
    const extra = [
      ...stockUsers,
      ...Array.from({ length: mirrors }, () => ({
        photos: unweighed.photos.photos ?? [],
        content: photoFamilyContent(unweighed.photos),
      })),
      ...Array.from({ length: galleries }, () => ({ photos: unweighed.gallery.photos ?? [], content: null })),
    ];
    const freq = photoSiteFrequencies(
      [...names.map((n) => unweighed[n].photos ?? []), ...extra.map((e) => e.photos)],
      t.photoMaxDistance,
      t.photoCropMaxDistance,
      photoFamilyRule(t),
      [...names.map((n) => photoFamilyContent(unweighed[n])), ...extra.map((e) => e.content)],
    );
    return Object.fromEntries(names.map((n, i) => [n, withPhotoSites(unweighed[n], freq[i])]));
  };
  const cases: [string, string, 'clone' | 'not clone', number, number][] = [
    ['photo-only clone', 'photos', 'clone', 0, 0],
    ...[1, 3, 5, 10].map(
      (k) =>
        [`photo-only clone with ${k} more copies online`, 'photos', 'clone', k, 0] as [
          string,
          string,
          'clone',
          number,
          number,
        ],
    ),
    ...[1, 3, 5, 10].map(
      (k) =>
        [`photo-only gallery (captions only), ${k} copies online`, 'gallery', 'clone', 0, k] as [
          string,
          string,
          'clone',
          number,
          number,
        ],
    ),
    ['look-only clone (DOM rebuilt, logo removed, other ads)', 'look', 'not clone', 0, 0],
    ['stock-photo decoy', 'stock', 'not clone', 0, 0],
    ['stock-photo decoy, 10 clone copies and 10 gallery copies online', 'stock', 'not clone', 10, 10],
    ['unrelated site', 'unrelated', 'not clone', 0, 0],
  ];
  return cases.map(([name, key, expected, mirrors, galleries]) => {
    const profiles = weighed(mirrors, galleries);
    const r = profiles.ref;
    const c = profiles[key];
    const withSignals = compareProfiles(r, c);
    const without = compareProfiles(withoutPictures(r), withoutPictures(c));
    const evidence = withSignals.explanation.filter((l) => /photo|screenshot/.test(l)).join('; ');
    return {
      name,
      expected,
      verdict: withSignals.verdict,
      withSignals: `${withSignals.verdict} (${withSignals.score.toFixed(2)}; layout ${withSignals.signals.layout ?? '—'}, look ${withSignals.signals.look ?? '—'}, photos ${withSignals.signals.photos ?? '—'})`,
      withoutSignals: `${without.verdict} (${without.score.toFixed(2)}; layout ${without.signals.layout ?? '—'})`,
      evidence,
    };
  });
}

/**
 * Site profiles: the aggregate of a site's pages that is stored and compared, even after the site is taken down.
 * Layout: per page type, log-tf × idf weighted tag-path tokens → 64-bit SimHash. Ad text: each ad's blocks minus the
 * site's boilerplate (blocks repeated on most pages) → word 3-shingles → 64-bit SimHash.
 */
import { isServiceUrl } from './extract/ads.ts';
import { normaliseText, words } from './extract/normalise.ts';
import { fromHex64, toHex64 } from './hash64.ts';
import { siteLook, sitePhotos, specificityOf } from './images/index.ts';
import { ladderStepAt } from './images/windows.ts';
import { layoutSketch } from './layout-sketch.ts';
import { dedupePivots } from './pivots/index.ts';
import { SimHashAccumulator, simhashHex, wordShingles } from './simhash.ts';
import type { AdBlock, AdFingerprint, Contact, LayoutIdf, PageFeatures, PageType, SiteProfile } from './types.ts';

const PAGE_TYPES: PageType[] = ['listing', 'ad', 'other'];
const AD_SHINGLE = 3;
const MIN_AD_WORDS = 8;
const MIN_AD_PAGES = 3;
/**
 * Words a listing summary needs to stand for its ad beside the full texts: an excerpt does, a title with a date, a
 * town and a price does not (two plumbers' ads share their title).
 */
const MIN_SUMMARY_WORDS = 2 * MIN_AD_WORDS;
const BOILERPLATE_SHARE = 0.5;
export const BOILERPLATE_MIN_PAGES = 3;
/** Template labels inside blocks: at most this many words at a block's start or end (see templateEdges). */
const LABEL_MAX_WORDS = 3;
/**
 * A template label is on (nearly) every ad of the site; the advertisers' own first words ("je", "bonjour") reach half
 * of a site's ads in generated worlds, never this share there (words that reach it are stripped on both sides anyway).
 */
const LABEL_SHARE = 0.8;
/** What is left of a block once its label is cut, at most this many words, is a field's value, not ad text. */
const FIELD_MAX_WORDS = 4;
/**
 * Ads are kept whole for the side-by-side comparison (a diff of excerpts cut at different places strikes out words
 * the other side has); only a hostile page's megabyte "ad" is cut, and then marked `textCut`.
 */
const AD_TEXT_CHARS = 5000;

/**
 * How weighted features become fingerprints (16 hex digits). The default is the 64-bit SimHash; the evaluation swaps
 * in the simhash-js baseline through this seam to run the very same pipeline with other hashes.
 */
export interface Fingerprinter {
  layout(weights: Map<string, number>): string | null;
  text(shingles: Map<string, number>, words: string[]): string | null;
}

export const simhashFingerprinter: Fingerprinter = {
  layout: (weights) => simhashHex(weights),
  text: (shingles) => {
    const acc = new SimHashAccumulator();
    for (const [s, n] of shingles) acc.add(s, 1 + Math.log(n));
    return acc.empty ? null : acc.hex();
  },
};

export interface BuildProfileOptions {
  site: string;
  idf?: LayoutIdf;
  fingerprinter?: Fingerprinter;
  /**
   * On how many stored sites each photo hash appears (photoSiteFrequencies over every subject); photos seen on many
   * sites (stock images, logos) weigh less. Without it every photo counts fully.
   */
  photoSites?: Map<string, number>;
}

export function buildDocumentFrequencies(pages: PageFeatures[]): LayoutIdf {
  const frequencies: Record<string, number> = {};
  for (const p of pages) for (const t of Object.keys(p.layout)) frequencies[t] = (frequencies[t] ?? 0) + 1;
  return { documents: pages.length, frequencies };
}

function idfOf(idf: LayoutIdf | undefined): (token: string) => number {
  if (!idf || idf.documents === 0) return () => 1;
  const n = idf.documents;
  // Smoothed idf; tokens unseen in the corpus count as rare.
  return (t) => Math.log((n + 1) / ((idf.frequencies[t] ?? 0) + 1)) + 0.05;
}

function layoutHash(pages: PageFeatures[], idf: (t: string) => number, fp: Fingerprinter): string | null {
  if (pages.length === 0) return null;
  const sums = new Map<string, number>();
  for (const p of pages) for (const [t, c] of Object.entries(p.layout)) sums.set(t, (sums.get(t) ?? 0) + c);
  const weights = new Map<string, number>();
  for (const [t, sum] of sums) weights.set(t, Math.log1p(sum / pages.length) * idf(t));
  return fp.layout(weights);
}

/** The type's layout sketch: idf × share of its pages carrying each token (see layout-sketch.ts). */
function sketchOf(pages: PageFeatures[], idf: (t: string) => number): string | null {
  if (pages.length === 0) return null;
  const carried = new Map<string, number>();
  for (const p of pages) for (const t of Object.keys(p.layout)) carried.set(t, (carried.get(t) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [t, n] of carried) weights.set(t, (n / pages.length) * idf(t));
  return layoutSketch(weights);
}

/** Blocks that repeat on most pages of the site (navigation, footer, "contact the advertiser" buttons...). */
function boilerplateBlocks(pages: PageFeatures[]): Set<string> {
  const out = new Set<string>();
  const scan = (group: PageFeatures[], blocksOf: (p: PageFeatures) => Iterable<string>) => {
    if (group.length < BOILERPLATE_MIN_PAGES) return;
    const df = new Map<string, number>();
    for (const p of group) for (const b of new Set(blocksOf(p))) df.set(b, (df.get(b) ?? 0) + 1);
    const min = Math.max(BOILERPLATE_MIN_PAGES, Math.ceil(group.length * BOILERPLATE_SHARE));
    for (const [b, n] of df) if (n >= min) out.add(b);
  };
  scan(pages, (p) => p.textBlocks);
  scan(
    pages.filter((p) => p.pageType === 'ad'),
    (p) => p.ads.flatMap((a) => a.blocks),
  );
  return out;
}

/**
 * The site's template labels inside blocks: the first or last 1–3 words of a block found so on at least `LABEL_SHARE`
 * (80 %) of the site's ads (and ≥ 3), around words that vary ("ville lyon", "annonce ajoutee le mars", "lyon vues"). A script's
 * field label and its variable value sit in one block, which block-level boilerplate cannot remove; the ad's own
 * words rarely begin or end the same block on most ads. Counted once per ad; whole blocks are left to `boilerplate`.
 */
export interface TemplateEdges {
  heads: Set<string>;
  tails: Set<string>;
}

function templateEdges(adWords: string[][][]): TemplateEdges {
  const heads = new Map<string, number>();
  const tails = new Map<string, number>();
  if (adWords.length < BOILERPLATE_MIN_PAGES) return { heads: new Set(), tails: new Set() };
  const h = new Set<string>();
  const t = new Set<string>();
  for (const blocks of adWords) {
    h.clear();
    t.clear();
    for (const ws of blocks) {
      let head = '';
      let tail = '';
      for (let k = 1; k <= Math.min(LABEL_MAX_WORDS, ws.length - 1); k++) {
        head = k === 1 ? ws[0] : `${head} ${ws[k - 1]}`;
        tail = k === 1 ? ws[ws.length - 1] : `${ws[ws.length - k]} ${tail}`;
        h.add(head);
        t.add(tail);
      }
    }
    for (const x of h) heads.set(x, (heads.get(x) ?? 0) + 1);
    for (const x of t) tails.set(x, (tails.get(x) ?? 0) + 1);
  }
  const min = Math.max(BOILERPLATE_MIN_PAGES, Math.ceil(adWords.length * LABEL_SHARE));
  const frequent = (m: Map<string, number>) => new Set([...m].filter(([, n]) => n >= min).map(([x]) => x));
  return { heads: frequent(heads), tails: frequent(tails) };
}

/**
 * A block's words without the site's template label at either end (the longest found); a short field left once a
 * label is cut (a town, a month, a counter's word) goes with its label: a script's field value is not the ad's wording.
 */
export function withoutLabels(ws: string[], edges: TemplateEdges): string[] {
  if (edges.heads.size === 0 && edges.tails.size === 0) return ws;
  let from = 0;
  let head = '';
  for (let k = 1; k <= Math.min(LABEL_MAX_WORDS, ws.length - 1); k++) {
    head = k === 1 ? ws[0] : `${head} ${ws[k - 1]}`;
    if (edges.heads.has(head)) from = k;
  }
  let to = ws.length;
  let tail = '';
  for (let k = 1; k <= Math.min(LABEL_MAX_WORDS, ws.length - from - 1); k++) {
    tail = k === 1 ? ws[ws.length - 1] : `${ws[ws.length - k]} ${tail}`;
    if (edges.tails.has(tail)) to = ws.length - k;
  }
  if (from === 0 && to === ws.length) return ws;
  return to - from <= FIELD_MAX_WORDS ? [] : ws.slice(from, to);
}

function adFingerprints(
  ads: AdBlock[],
  boilerplate: Set<string>,
  fp: Fingerprinter,
): (AdFingerprint & { words: string[] })[] {
  const out: (AdFingerprint & { words: string[] })[] = [];
  const seen = new Set<string>();
  const kept = ads.map((ad) => ad.blocks.filter((b) => !boilerplate.has(b)).map(words));
  const edges = templateEdges(kept);
  for (const [i, ad] of ads.entries()) {
    const ws = kept[i].flatMap((b) => withoutLabels(b, edges));
    if (ws.length < MIN_AD_WORDS) continue;
    const fingerprint = fp.text(wordShingles(ws, AD_SHINGLE), ws);
    if (!fingerprint || seen.has(fingerprint) || seen.has(ad.id)) continue;
    seen.add(fingerprint);
    seen.add(ad.id);
    const cut = ad.text.length > AD_TEXT_CHARS;
    const text = cut ? `${ad.text.slice(0, AD_TEXT_CHARS)}…` : ad.text;
    out.push({ id: ad.id, url: ad.url, fingerprint, text, ...(cut ? { textCut: true } : {}), words: ws });
  }
  return out;
}

/**
 * The site's text fingerprint: the bitwise majority of its ad fingerprints weighted by ad length, i.e. a SimHash whose
 * features are the ads themselves. Sites sharing most of their ads get close site fingerprints, at no extra hashing.
 */
function majority(weighted: [string, number][]): string | null {
  if (weighted.length === 0) return null;
  const votes = new Float64Array(64);
  let total = 0;
  for (const [hex, w] of weighted) {
    const { hi, lo } = fromHex64(hex);
    for (let b = 0; b < 32; b++) {
      votes[b] += w * ((lo >>> b) & 1);
      votes[b + 32] += w * ((hi >>> b) & 1);
    }
    total += w;
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (2 * votes[b] > total) lo |= 1 << b;
    if (2 * votes[b + 32] > total) hi |= 1 << b;
  }
  return toHex64(hi, lo);
}

/**
 * The site's contacts, each once (one seen in a page's text wins over the same read in a picture: plainer evidence),
 * with its scope: `site` for the operator's own (found on service or home pages and on no ad, on a service page that
 * holds no ad — the legal notice or contact page, where the law asks the publisher to name itself — whatever other
 * page also shows it, or on most pages of the site: a footer), `ad` for an advertiser's (found with the ads).
 * Site-level contacts say who runs the site; an advertiser's number says who posts on it, and advertisers post on
 * many sites. A script whose contact form reads as an ad page (Zikula's Formicula) still names its operator on its
 * legal notice.
 */
function dedupeContacts(pages: PageFeatures[]): Contact[] {
  const seen = new Map<string, { contact: Contact; pages: number; withAds: boolean; onService: boolean }>();
  for (const p of pages) {
    const withAds = p.pageType !== 'other';
    const onService = !withAds && isServiceUrl(p.url);
    for (const c of p.contacts) {
      const key = `${c.kind}:${c.value}`;
      const entry = seen.get(key);
      if (!entry) seen.set(key, { contact: c, pages: 1, withAds, onService });
      else {
        entry.pages++;
        entry.withAds ||= withAds;
        entry.onService ||= onService;
        if (entry.contact.source === 'image' && c.source !== 'image') entry.contact = c;
      }
    }
  }
  const onMost = (n: number) => pages.length >= BOILERPLATE_MIN_PAGES && n >= pages.length * BOILERPLATE_SHARE;
  return [...seen.values()].map(({ contact, pages: n, withAds, onService }) => ({
    ...contact,
    scope: !withAds || onService || onMost(n) ? 'site' : 'ad',
  }));
}

export function buildProfile(pages: PageFeatures[], options: BuildProfileOptions): SiteProfile {
  const idf = idfOf(options.idf);
  const byType: Record<PageType, PageFeatures[]> = { listing: [], ad: [], other: [] };
  for (const p of pages) byType[p.pageType].push(p);
  const boilerplate = boilerplateBlocks(pages);
  const fp = options.fingerprinter ?? simhashFingerprinter;
  const adPageAds = byType.ad.flatMap((p) => p.ads);
  const listingAds = byType.listing.flatMap((p) => p.ads);
  // The ad pages' full texts when at least MIN_AD_PAGES of them give an ad, else everything with the listings' summaries.
  const fromAdPages = adFingerprints(adPageAds, boilerplate, fp);
  const fromPages = fromAdPages.length >= MIN_AD_PAGES;
  const found = fromPages ? fromAdPages : adFingerprints([...adPageAds, ...listingAds], boilerplate, fp);
  const summaries = adFingerprints(listingAds, boilerplate, fp).filter((a) => a.words.length >= MIN_SUMMARY_WORDS);
  const layout: Record<PageType, string | null> = {
    listing: layoutHash(byType.listing, idf, fp),
    ad: layoutHash(byType.ad, idf, fp),
    other: layoutHash(byType.other, idf, fp),
  };
  const sketches: Record<PageType, string | null> = {
    listing: sketchOf(byType.listing, idf),
    ad: sketchOf(byType.ad, idf),
    other: sketchOf(byType.other, idf),
  };
  const single = PAGE_TYPES.find((t) => byType[t].length === pages.length);
  const plain = (list: typeof found): AdFingerprint[] =>
    list.map(({ id, url, fingerprint, text }) => ({ id, url, fingerprint, text }));
  const ads = plain(found);
  return {
    version: 1,
    site: options.site,
    pageCount: pages.length,
    pageTypes: { listing: byType.listing.length, ad: byType.ad.length, other: byType.other.length },
    layout,
    // When every page has one type (a single page, say) the whole-site layout is that type's: no second hash.
    layoutAll: single ? layout[single] : layoutHash(pages, idf, fp),
    layoutSketch: sketches,
    layoutSketchAll: single ? sketches[single] : sketchOf(pages, idf),
    contacts: dedupeContacts(pages),
    ads,
    ...(summaries.length > 0 ? { summaries: plain(summaries) } : {}),
    textAll: majority(found.map((a) => [a.fingerprint, a.words.length])),
    pivots: dedupePivots(pages.flatMap((p) => p.pivots)),
    ...imageParts(pages, options.photoSites),
  };
}

/** Photos and look only when the pages have pictures, so profiles of older captures stay as they were. */
function imageParts(pages: PageFeatures[], photoSites?: Map<string, number>): Pick<SiteProfile, 'photos' | 'look'> {
  const photos = sitePhotos(pages).map((p) => ({ ...p, specificity: specificityOf(photoSites?.get(p.hash) ?? 1) }));
  const look = siteLook(pages);
  return { ...(photos.length > 0 ? { photos } : {}), ...(look ? { look } : {}) };
}

/**
 * The profile with its photos' specificity from `photoSites` (on how many families each photo hash appears). The
 * monitor builds a profile first and weighs its photos after: the families need every profile's content.
 */
export function withPhotoSites(profile: SiteProfile, photoSites: Map<string, number>): SiteProfile {
  if (!profile.photos) return profile;
  return {
    ...profile,
    photos: profile.photos.map((p) => ({ ...p, specificity: specificityOf(photoSites.get(p.hash) ?? 1) })),
  };
}

/** The 64-bit fingerprints of a profile to index for near-duplicate lookups (unsigned bigints). */
export interface ProfileFingerprint {
  kind:
    | 'layout-listing'
    | 'layout-ad'
    | 'layout-other'
    | 'layout-all'
    | 'text-all'
    | 'ad'
    | 'photo'
    | 'photo-crop'
    | 'photo-ladder'
    | 'look';
  /**
   * Ad id for `ad` fingerprints (ads and listing excerpts), the picture's SHA-256 for `photo`, `photo-crop` (its
   * windows) and `photo-ladder` (its ladder's windows: images/windows.ts) ones.
   */
  ref: string | null;
  value: bigint;
}

export function fingerprintsOf(profile: SiteProfile): ProfileFingerprint[] {
  const out: ProfileFingerprint[] = [];
  for (const t of PAGE_TYPES) {
    const hex = profile.layout[t];
    if (hex) out.push({ kind: `layout-${t}`, ref: null, value: BigInt(`0x${hex}`) });
  }
  if (profile.layoutAll) out.push({ kind: 'layout-all', ref: null, value: BigInt(`0x${profile.layoutAll}`) });
  if (profile.textAll) out.push({ kind: 'text-all', ref: null, value: BigInt(`0x${profile.textAll}`) });
  for (const ad of profile.ads) out.push({ kind: 'ad', ref: ad.id, value: BigInt(`0x${ad.fingerprint}`) });
  // Listing excerpts are looked up like ads (a copy made of listings meets the reference's listings), each once.
  const adIds = new Set(profile.ads.map((a) => a.id));
  for (const s of profile.summaries ?? [])
    if (!adIds.has(s.id)) out.push({ kind: 'ad', ref: s.id, value: BigInt(`0x${s.fingerprint}`) });
  for (const photo of profile.photos ?? []) {
    out.push({ kind: 'photo', ref: photo.sha256, value: BigInt(`0x${photo.hash}`) });
    // Each kind deduplicated on its own: a ladder step equal to a crop window (step 1 is the centred 95 % window)
    // is still looked up as a ladder step, within the whole picture's reach.
    const seen = { 'photo-crop': new Set([photo.hash]), 'photo-ladder': new Set([photo.hash]) };
    for (const [i, crop] of (photo.crops ?? []).entries()) {
      const kind = ladderStepAt(i) > 0 ? 'photo-ladder' : 'photo-crop';
      if (seen[kind].has(crop)) continue;
      seen[kind].add(crop);
      out.push({ kind, ref: photo.sha256, value: BigInt(`0x${crop}`) });
    }
  }
  if (profile.look) out.push({ kind: 'look', ref: null, value: BigInt(`0x${profile.look}`) });
  return out;
}

/** Normalised words of a text, as used for ad fingerprints (exported for the evaluation baseline). */
export function adWords(text: string): string[] {
  return words(normaliseText(text));
}

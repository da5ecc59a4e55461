/**
 * Finds the ads of a page from its structure (saved HTML, any template; class words are one cue among several):
 * - listing pages hold a run of ≥ 3 sibling blocks with the same structure, each with a link and some text;
 * - ad pages hold one main text (non-chrome, non-link blocks) with a heading, or under an ad-like URL, or in a
 *   single ad's markup (schema.org Offer/Product, single-ad container, price/place/contact blocks: parse-html.ts);
 * the rest is `other`. Site-level boilerplate is removed later, in the profile, where all pages are known.
 */
import type { AdBlock, PageType } from '../types.ts';
import { normaliseText } from './normalise.ts';
import type { ElementNode, ParsedPage, TextBlock } from './parse-html.ts';

const MIN_ITEM_CHARS = 30;
const MIN_ITEMS = 3;
const MIN_AD_CHARS = 150;
/** Service pages of a site (contact, legal, help, account): never ads even when they hold a heading and text. */
/**
 * A path segment naming a service page (contact, legal notice, terms, privacy, help, account), in French and English,
 * as classified scripts route them (`/contact`, `/mentions-legales.html`, Sharetribe's `/infos/terms`, `/cgu`,
 * `/terms_of_service`, ASP.NET's `/Home/ContactUs`): its text is the operator's, never an ad, however long.
 */
const SERVICE_SEGMENT =
  /^(?:contact(?:ez-nous|-us)?|nous-contacter|mentions(?:-legales)?|legal(?:-notices?|-informations?)?|cgu|cgv|conditions(?:-generales)?(?:-d-utilisation|-de-vente|-d-usage)?|terms(?:-of-(?:use|service))?|terms-and-conditions|tos|privacy(?:-policy)?|politique-de-confidentialite|confidentialite|imprint|impressum|rules|regles|reglement|about(?:-us)?|a-propos|qui-sommes-nous|faqs?|aide|help|how-to-use|cookies|cookie-policy|login|log-in|sign-in|signin|connexion|inscription|register|signup|sign-up|compte|account|plan-du-site|sitemap)$/i;

function isServicePath(path: string): boolean {
  return path.split(/[/?&=]/).some((seg) => {
    const word = seg.replace(/\.\w+$/, '').replace(/_/g, '-');
    // PascalCase routes (ASP.NET MVC's `/Home/ContactUs`, `/Terms/PrivacyPolicy`) read as their hyphenated words.
    return SERVICE_SEGMENT.test(word) || SERVICE_SEGMENT.test(word.replace(/([a-z0-9])([A-Z])/g, '$1-$2'));
  });
}
/** A page URL's path and query (the URL itself when it does not parse). */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** Whether a page's URL (path and query) names a service page (`isServicePath`). */
export function isServiceUrl(url: string): boolean {
  return isServicePath(pathOf(url));
}
const AD_URL =
  /\/(?:annonces?|ads?|adverts?|offres?|listings?|items?|classifieds?|petites-annonces|detail|fiche|voir)[/_-]|[?&](?:id|ad|annonce)=\d|\d{3,}(?:\.html?)?$/i;

export interface PageAds {
  pageType: PageType;
  ads: AdBlock[];
  /** Normalised text of all content blocks (for site boilerplate detection). */
  textBlocks: string[];
}

function isInside(elements: ElementNode[], index: number, ancestors: Set<number>): boolean {
  for (let p = elements[index].parent; p >= 0; p = elements[p].parent) if (ancestors.has(p)) return true;
  return false;
}

function blockText(blocks: TextBlock[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) if (!blocks[i].chrome) s += (s ? ' ' : '') + blocks[i].text;
  return s;
}

/** The outermost element holding block `b` and nothing else (the cell of a label or of its value). */
function cellOf(elements: ElementNode[], blocks: TextBlock[], b: number): number {
  let e = blocks[b].element;
  if (e < 0 || elements[e].firstBlock !== b || elements[e].endBlock !== b + 1) return -1;
  for (let p = elements[e].parent; p >= 0 && elements[p].firstBlock === b && elements[p].endBlock === b + 1; ) {
    e = p;
    p = elements[p].parent;
  }
  return e;
}

const LABEL_CELL = new Set(['dt', 'th']);

/** At most `max` words in a normalised text (single spaces), counted without splitting it. */
function fewWords(text: string, max: number): boolean {
  let at = -1;
  for (let n = 0; n < max; n++) {
    at = text.indexOf(' ', at + 1);
    if (at < 0) return true;
  }
  return false;
}
const FIELD_LABEL_WORDS = 3;

/**
 * Whether block `b` is a field's label cell and `b + 1` its value: next sibling cells, the first short, in a dt/dd
 * list, a table row or any pair of cells alone in their parent (`<div class="label">Ville</div><div>Lyon</div>`).
 * The two are fingerprinted as one block, "ville lyon", so that the site's template labels are found on it (profile).
 */
function isField(elements: ElementNode[], blocks: TextBlock[], norm: string[], b: number): boolean {
  if (b + 1 >= blocks.length || !norm[b] || !fewWords(norm[b], FIELD_LABEL_WORDS)) return false;
  const label = cellOf(elements, blocks, b);
  const value = cellOf(elements, blocks, b + 1);
  if (label < 0 || value < 0 || elements[label].parent !== elements[value].parent) return false;
  const parent = elements[label].parent;
  if (parent < 0) return false;
  const siblings = elements[parent].children;
  // Children are in document order: a binary search finds the label among a long list's items.
  let lo = 0;
  let hi = siblings.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (siblings[mid] < label) lo = mid + 1;
    else hi = mid;
  }
  if (siblings[lo] !== label || siblings[lo + 1] !== value) return false;
  return LABEL_CELL.has(elements[label].tag) || elements[parent].tag === 'tr' || siblings.length === 2;
}

/** Normalised blocks of an ad, a field's label and value joined (see isField). */
function adBlocks(page: ParsedPage, norm: string[], indexes: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < indexes.length; i++) {
    const b = indexes[i];
    if (!norm[b]) continue;
    if (indexes[i + 1] === b + 1 && norm[b + 1] && isField(page.elements, page.blocks, norm, b)) {
      out.push(`${norm[b]} ${norm[b + 1]}`);
      i++;
    } else out.push(norm[b]);
  }
  return out;
}

/** Items of repeated sibling groups (the ad summaries of a listing), outermost groups only. */
function repeatedItems(page: ParsedPage): number[] {
  const { elements, blocks } = page;
  const items = new Set<number>();
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    if (el.chrome || el.children.length < MIN_ITEMS || isInside(elements, i, items)) continue;
    const bySig = new Map<string, number[]>();
    for (const c of el.children) {
      const child = elements[c];
      if (!child.hasLink || child.children.length === 0) continue;
      if (blockText(blocks, child.firstBlock, child.endBlock).length < MIN_ITEM_CHARS) continue;
      const list = bySig.get(child.sig);
      if (list) list.push(c);
      else bySig.set(child.sig, [c]);
    }
    for (const list of bySig.values()) if (list.length >= MIN_ITEMS) for (const c of list) items.add(c);
  }
  return [...items].sort((a, b) => a - b);
}

export function extractAds(page: ParsedPage, url: string, path: string): PageAds {
  const { elements, blocks } = page;
  const items = repeatedItems(page);
  const inItem = new Uint8Array(blocks.length);
  let itemChars = 0;
  // Each block is normalised once: the same strings serve boilerplate detection and ad fingerprints.
  // Ad text is what a reader sees (hidden labels left out, elements kept apart); page types use all the text as before.
  const norm = blocks.map((b) => normaliseText(b.visible));
  const itemAds: AdBlock[] = [];
  items.forEach((idx, n) => {
    const el = elements[idx];
    const parts: string[] = [];
    const kept: number[] = [];
    let chars = -1;
    for (let b = el.firstBlock; b < el.endBlock; b++) {
      inItem[b] = 1;
      if (blocks[b].chrome) continue;
      chars += blocks[b].text.length + 1;
      if (!blocks[b].visible) continue;
      parts.push(blocks[b].visible);
      kept.push(b);
    }
    itemChars += Math.max(0, chars);
    const text = parts.join(' ');
    itemAds.push({ id: `${path}#${n}`, url, text, blocks: adBlocks(page, norm, kept) });
  });

  const main: TextBlock[] = [];
  const mainIndexes: number[] = [];
  let mainChars = 0;
  let mainHeading = false;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (inItem[b] || block.chrome || block.inLink) continue;
    main.push(block);
    mainIndexes.push(b);
    mainChars += block.text.length;
    if (block.heading) mainHeading = true;
  }

  const textBlocks = new Set(norm.filter((n) => n.length > 0));
  const adUrl = AD_URL.test(path);
  // A single ad's markup: a container word or schema.org microdata, with at least two of price, place, contact.
  const cues = page.adCues;
  const adMarkup = (cues.has('single') || cues.has('schema')) && cues.size >= 3;
  let pageType: PageType = 'other';
  if (items.length >= MIN_ITEMS && itemChars >= mainChars && !(adUrl && mainChars >= MIN_AD_CHARS)) {
    pageType = 'listing';
  } else if (mainChars >= MIN_AD_CHARS && (mainHeading || adUrl || adMarkup) && !isServicePath(path)) {
    pageType = 'ad';
  }

  let ads: AdBlock[] = [];
  if (pageType === 'listing') ads = itemAds;
  else if (pageType === 'ad') {
    ads = [
      {
        id: path,
        url,
        text: main
          .filter((b) => b.visible)
          .map((b) => b.visible)
          .join(' '),
        blocks: adBlocks(page, norm, mainIndexes),
      },
    ];
  }
  return { pageType, ads, textBlocks: [...textBlocks] };
}

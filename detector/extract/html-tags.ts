/**
 * The HTML vocabulary the page parser reads structure with: which subtrees are dropped, which regions are site
 * chrome, which tags end a run of text, and the markup cues of a single ad that real classified scripts share.
 */

import { styleHides } from './hidden-text.ts';

export type AdCue = 'schema' | 'price' | 'place' | 'contact' | 'single';

/** Subtrees that are not the site's own structure (code, styling, vector art, third-party frames). */
export const DROPPED = new Set([
  'script',
  'style',
  'svg',
  'iframe',
  'noscript',
  'template',
  'object',
  'embed',
  'canvas',
  'math',
]);
/** Regions that hold site chrome rather than content. */
export const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'label', 'dialog']);
/** Tags that end a run of text (block boundaries). */
export const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
  'button',
  'option',
  'select',
  'label',
  'img',
]);
export const VISIBLE = /\S/;
/** Sectioning content: a header or footer inside one belongs to that section (an ad's title), not to the site. */
export const SECTIONING = new Set(['article', 'main', 'section']);
/**
 * Markup cues of a single ad that real classified scripts share (schema.org Offer/Product microdata, and class or id
 * words for the ad's price, place, contact box and single-ad container), counted by kind outside site chrome. One
 * kind alone proves nothing (a price also sits in a listing item); the page type weighs how many kinds are present.
 */
export const SCHEMA_TYPE =
  /schema\.org\/(?:Offer|AggregateOffer|Product|Vehicle|Car|Accommodation|Service|JobPosting|RealEstateListing|Classified)/i;
export const SCHEMA_PROP = /^(?:price|pricecurrency|offers|availableatorfrom|areaserved)$/i;
export const CUE_WORDS: [AdCue, RegExp][] = [
  ['price', /(?:^|[-_])(?:price|prix|tarif)/i],
  ['place', /(?:^|[-_])(?:location|city|town|address|lieu|ville|region|locality)(?:$|[-_])/i],
  ['contact', /(?:^|[-_])(?:contact|phone|tel|telephone|seller|annonceur|vendeur)(?:$|[-_])/i],
  [
    'single',
    /(?:^|[-_])single(?:$|[-_])|(?:^|[-_])(?:ad|advert|annonce|listing|item|offer|classified)s?[-_](?:single|detail|details|view|content|description)(?:$|[-_])|(?:^|[-_])(?:single|detail|details|view)[-_](?:ad|advert|annonce|listing|item|offer|classified)s?(?:$|[-_])/i,
  ],
];
export const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Elements a reader does not see: the `hidden` attribute, `aria-hidden="true"`, an inline `display:none` or
 * `visibility:hidden`, or a class word that hides (Bootstrap `d-none`, `sr-only`, `visually-hidden`, WordPress
 * `screen-reader-text`, Drupal `element-invisible`…). Their text stays in the page text (contacts are read there: a
 * number revealed on click sits in a hidden span) but is not ad text: it is mostly a script's labels for screen readers.
 */
const HIDING_CLASS =
  /(?:^|\s)(?:hidden|hide|is-hidden|u-hidden|d-none|display-none|invisible|sr-only|visually-hidden|visuallyhidden|screen-reader-text|screen-reader-only|element-invisible|element-hidden|offscreen)(?:\s|$)/i;

export function hidesFromReader(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs) return true;
  const aria = attribs['aria-hidden'];
  if (aria !== undefined && aria.trim().toLowerCase() === 'true') return true;
  if (attribs.style !== undefined && styleHides(attribs.style)) return true;
  const cls = attribs.class;
  return cls !== undefined && cls.length < 500 && HIDING_CLASS.test(cls);
}

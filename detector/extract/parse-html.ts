/**
 * One streaming pass over a page's HTML (htmlparser2, no DOM) that collects everything the extractors need: layout
 * tokens, a light element tree with text blocks, link targets, script and stylesheet URLs and inline script text.
 * Layout tokens use tag names only (never classes, ids, attribute values or text) so a re-skinned clone keeps them.
 */
import { Parser } from 'htmlparser2';

/** Subtrees that are not the site's own structure (code, styling, vector art, third-party frames). */
const DROPPED = new Set([
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
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'label', 'dialog']);
/** Tags that end a run of text (block boundaries). */
const BLOCK = new Set([
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
const VISIBLE = /\S/;
/**
 * Elements a reader does not see: the `hidden` attribute, `aria-hidden="true"`, an inline `display:none` or
 * `visibility:hidden`, or a class word that hides (Bootstrap `d-none`, `sr-only`, `visually-hidden`, WordPress
 * `screen-reader-text`, Drupal `element-invisible`…). Their text stays in the page text (contacts are read there: a
 * number revealed on click sits in a hidden span) but is not ad text: it is mostly a script's labels for screen readers.
 */
const HIDING_CLASS =
  /(?:^|\s)(?:hidden|hide|is-hidden|u-hidden|d-none|display-none|invisible|sr-only|visually-hidden|visuallyhidden|screen-reader-text|screen-reader-only|element-invisible|element-hidden|offscreen)(?:\s|$)/i;
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

function hides(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs) return true;
  const aria = attribs['aria-hidden'];
  if (aria !== undefined && aria.trim().toLowerCase() === 'true') return true;
  if (attribs.style !== undefined && HIDING_STYLE.test(attribs.style)) return true;
  const cls = attribs.class;
  return cls !== undefined && cls.length < 500 && HIDING_CLASS.test(cls);
}
/** Sectioning content: a header or footer inside one belongs to that section (an ad's title), not to the site. */
const SECTIONING = new Set(['article', 'main', 'section']);
/**
 * Markup cues of a single ad that real classified scripts share (schema.org Offer/Product microdata, and class or id
 * words for the ad's price, place, contact box and single-ad container), counted by kind outside site chrome. One
 * kind alone proves nothing (a price also sits in a listing item); the page type weighs how many kinds are present.
 */
const SCHEMA_TYPE =
  /schema\.org\/(?:Offer|AggregateOffer|Product|Vehicle|Car|Accommodation|Service|JobPosting|RealEstateListing|Classified)/i;
const SCHEMA_PROP = /^(?:price|pricecurrency|offers|availableatorfrom|areaserved)$/i;
const CUE_WORDS: [AdCue, RegExp][] = [
  ['price', /(?:^|[-_])(?:price|prix|tarif)/i],
  ['place', /(?:^|[-_])(?:location|city|town|address|lieu|ville|region|locality)(?:$|[-_])/i],
  ['contact', /(?:^|[-_])(?:contact|phone|tel|telephone|seller|annonceur|vendeur)(?:$|[-_])/i],
  [
    'single',
    /(?:^|[-_])single(?:$|[-_])|(?:^|[-_])(?:ad|advert|annonce|listing|item|offer|classified)s?[-_](?:single|detail|details|view|content|description)(?:$|[-_])|(?:^|[-_])(?:single|detail|details|view)[-_](?:ad|advert|annonce|listing|item|offer|classified)s?(?:$|[-_])/i,
  ],
];
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_CHILD_SIG = 8;
const MAX_INLINE_SCRIPT = 200_000;
const MAX_TRACKER_HINTS = 500;
const MAX_HINT_LENGTH = 2_000;

export interface ElementNode {
  tag: string;
  parent: number;
  /** Structural signature: tag + compressed sequence of child tags (e.g. `ul[li+]`). */
  sig: string;
  /** Index range of the text blocks inside this element. */
  firstBlock: number;
  endBlock: number;
  children: number[];
  /** True when the element sits inside site chrome (nav, header, footer, aside, forms). */
  chrome: boolean;
  hasLink: boolean;
}

export interface TextBlock {
  /** All the block's text as found (hidden parts included, elements joined as the HTML has them): contacts read it. */
  text: string;
  /**
   * What a reader sees of the block, each element's text kept apart by a space (a label cell or a span never glues to
   * the next word): ad text is made of it. Empty when the whole block is hidden.
   */
  visible: string;
  /** Innermost element holding the block. */
  element: number;
  /** Every character of the block was inside a link. */
  inLink: boolean;
  chrome: boolean;
  heading: boolean;
}

export type AdCue = 'schema' | 'price' | 'place' | 'contact' | 'single';

export interface ParsedPage {
  /** Kinds of single-ad markup cues found outside site chrome (see CUE_WORDS). */
  adCues: Set<AdCue>;
  layout: Map<string, number>;
  elements: ElementNode[];
  blocks: TextBlock[];
  hrefs: string[];
  scripts: string[];
  stylesheets: string[];
  /**
   * Inline script texts as found (slices of the page, never joined: a joined 100 KB string lands in V8's large-object
   * space and costs more to allocate than the whole extraction).
   */
  inlineScripts: string[];
  /**
   * Where tracker ids hide outside scripts: `data-` attribute values anywhere, and the `src`/`href` of elements inside
   * `<noscript>` (the pixel or frame a tracker shows when scripts are off). Bounded: a hostile page cannot grow it.
   */
  trackerHints: string[];
  title: string;
}

interface OpenElement {
  index: number;
  tag: string;
  lastChild: string;
  lastRepeated: boolean;
  /** Compressed child tag sequence, e.g. `h2,p+,div` (at most MAX_CHILD_SIG entries). */
  childSeq: string;
  childEntries: number;
  /** This element opened a chrome region (and closes it). */
  chrome: boolean;
  /** This element opened a hidden region (and closes it). */
  hidden: boolean;
}

function addToken(map: Map<string, number>, token: string): void {
  map.set(token, (map.get(token) ?? 0) + 1);
}

export function parseHtml(html: string): ParsedPage {
  const layout = new Map<string, number>();
  const elements: ElementNode[] = [];
  const blocks: TextBlock[] = [];
  const hrefs: string[] = [];
  const scripts: string[] = [];
  const stylesheets: string[] = [];
  const inline: string[] = [];
  const trackerHints: string[] = [];
  let inlineLength = 0;
  let title = '';
  const adCues = new Set<AdCue>();
  const noteCues = (attribs: Record<string, string>): void => {
    if (attribs.itemtype && SCHEMA_TYPE.test(attribs.itemtype)) adCues.add('schema');
    if (attribs.itemprop?.split(/\s+/).some((p) => SCHEMA_PROP.test(p))) adCues.add('schema');
    const words = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
    if (words.length < 2 || words.length > 500) return;
    for (const w of words.split(/\s+/))
      if (w) for (const [cue, re] of CUE_WORDS) if (!adCues.has(cue) && re.test(w)) adCues.add(cue);
  };

  const stack: OpenElement[] = [];
  let dropDepth = 0;
  let droppedTag = '';
  let inScript = false;
  let inTitle = false;
  let inHead = 0;
  let chromeDepth = 0;
  let linkDepth = 0;
  let headingDepth = 0;
  let hiddenDepth = 0;
  let buf = '';
  let seen = '';
  let bufLinkChars = 0;
  let bufChars = 0;

  const flush = (): void => {
    if (bufChars === 0) return;
    const text = buf.replace(/\s+/g, ' ').trim();
    if (text.length > 0) {
      blocks.push({
        text,
        visible: seen === buf ? text : seen.replace(/\s+/g, ' ').trim(),
        element: stack.length > 0 ? stack[stack.length - 1].index : -1,
        inLink: bufLinkChars >= bufChars,
        chrome: chromeDepth > 0,
        heading: headingDepth > 0,
      });
    }
    buf = '';
    seen = '';
    bufChars = 0;
    bufLinkChars = 0;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (trackerHints.length < MAX_TRACKER_HINTS) {
          const inNoscript = droppedTag === 'noscript' && dropDepth > 0;
          for (const key in attribs) {
            const value = attribs[key];
            if (value.length > MAX_HINT_LENGTH) continue;
            if (key.startsWith('data-') || (inNoscript && (key === 'src' || key === 'href'))) trackerHints.push(value);
          }
        }
        if (dropDepth > 0) {
          if (name === droppedTag) dropDepth++;
          return;
        }
        if (name === 'script') {
          if (attribs.src) scripts.push(attribs.src);
          else inScript = true;
        } else if (name === 'link') {
          const rel = (attribs.rel ?? '').toLowerCase();
          if (rel.includes('stylesheet') && attribs.href) stylesheets.push(attribs.href);
        } else if (name === 'title') {
          inTitle = true;
        }
        if (name === 'head') inHead++;
        if (DROPPED.has(name)) {
          dropDepth = 1;
          droppedTag = name;
          return;
        }
        if (inHead > 0) return;
        if (name === 'a' && attribs.href) hrefs.push(attribs.href);
        if (BLOCK.has(name)) flush();
        else if (seen.length > 0 && seen[seen.length - 1] !== ' ') seen += ' ';
        const opensHidden = hides(attribs);
        // header/footer are site chrome unless they sit in sectioning content (an article's own header).
        const opensChrome =
          CHROME.has(name) && !((name === 'header' || name === 'footer') && stack.some((o) => SECTIONING.has(o.tag)));
        if (chromeDepth === 0 && !opensChrome) noteCues(attribs);
        const parentOpen = stack.length > 0 ? stack[stack.length - 1] : null;
        const index = elements.length;
        elements.push({
          tag: name,
          parent: parentOpen ? parentOpen.index : -1,
          sig: name,
          firstBlock: blocks.length,
          endBlock: blocks.length,
          children: [],
          chrome: chromeDepth > 0 || opensChrome,
          hasLink: name === 'a',
        });
        if (parentOpen) {
          elements[parentOpen.index].children.push(index);
          if (parentOpen.lastChild !== name) {
            // Past MAX_CHILD_SIG entries the sequence is frozen (lastRepeated stops any further '+').
            const room = parentOpen.childEntries < MAX_CHILD_SIG;
            if (room) {
              parentOpen.childSeq += parentOpen.childEntries === 0 ? name : `,${name}`;
              parentOpen.childEntries++;
            }
            parentOpen.lastChild = name;
            parentOpen.lastRepeated = !room;
          } else if (!parentOpen.lastRepeated) {
            parentOpen.childSeq += '+';
            parentOpen.lastRepeated = true;
          }
        }
        // Tag path of the last three ancestors plus this tag.
        const n = stack.length;
        const path =
          n >= 3
            ? `${stack[n - 3].tag}>${stack[n - 2].tag}>${stack[n - 1].tag}>${name}`
            : stack.map((s) => s.tag).join('>') + (n > 0 ? '>' : '') + name;
        addToken(layout, `p:${path}`);
        stack.push({
          index,
          tag: name,
          lastChild: '',
          lastRepeated: false,
          childSeq: '',
          childEntries: 0,
          chrome: opensChrome,
          hidden: opensHidden,
        });
        if (opensChrome) chromeDepth++;
        if (opensHidden) hiddenDepth++;
        if (name === 'a') linkDepth++;
        if (HEADING.has(name)) headingDepth++;
      },
      ontext(data) {
        if (inTitle) title += data;
        if (dropDepth > 0) {
          if (inScript && inlineLength < MAX_INLINE_SCRIPT) {
            inline.push(data);
            inlineLength += data.length;
          }
          return;
        }
        if (inHead > 0) return;
        buf += data;
        if (hiddenDepth === 0) seen += data;
        // Text nodes that are only whitespace do not count towards a block's (link) length.
        if (!VISIBLE.test(data)) return;
        bufChars += data.length;
        if (linkDepth > 0) bufLinkChars += data.length;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (dropDepth > 0) {
          if (name === droppedTag && --dropDepth === 0) {
            droppedTag = '';
            inScript = false;
          }
          return;
        }
        if (name === 'head') {
          inHead = Math.max(0, inHead - 1);
          return;
        }
        if (inHead > 0) return;
        // htmlparser2 closes implied elements itself; pop up to the matching tag.
        let i = stack.length - 1;
        while (i >= 0 && stack[i].tag !== name) i--;
        if (i < 0) return;
        if (BLOCK.has(name)) flush();
        else if (seen.length > 0 && seen[seen.length - 1] !== ' ') seen += ' ';
        while (stack.length > i) {
          const open = stack.pop()!;
          if (stack.length > i) flush();
          const el = elements[open.index];
          el.endBlock = blocks.length;
          el.sig = `${open.tag}[${open.childSeq}]`;
          if (el.hasLink && el.parent >= 0) elements[el.parent].hasLink = true;
          if (open.childEntries > 0) addToken(layout, `c:${el.sig}`);
          if (open.chrome) chromeDepth--;
          if (open.hidden) hiddenDepth--;
          if (open.tag === 'a') linkDepth--;
          if (HEADING.has(open.tag)) headingDepth--;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return {
    adCues,
    layout,
    elements,
    blocks,
    hrefs,
    scripts,
    stylesheets,
    inlineScripts: inline,
    trackerHints,
    title: title.replace(/\s+/g, ' ').trim(),
  };
}

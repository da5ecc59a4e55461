/**
 * One streaming pass over a page's HTML (htmlparser2, no DOM) that collects everything the extractors need: layout
 * tokens, a light element tree with text blocks, link targets, script and stylesheet URLs and inline script text.
 * Layout tokens use tag names, whether an element carries a class or an id (never the names themselves: a re-skinned
 * clone that renames its classes keeps them), the page's generator and its style sheet and script paths (template
 * cues that renaming classes leaves alone); never text.
 */
import { Parser } from 'htmlparser2';
import { addHiddenClasses, hidesContent, MAX_STYLE_TEXT, reversed, reversesText } from './hidden-text.ts';
import {
  type AdCue,
  BLOCK,
  CHROME,
  CUE_WORDS,
  DROPPED,
  HEADING,
  hidesFromReader,
  SCHEMA_PROP,
  SCHEMA_TYPE,
  SECTIONING,
  VISIBLE,
} from './html-tags.ts';
import { assetToken, generatorToken, MAX_ASSET_TOKENS } from './layout-cues.ts';

export { type AdCue, DROPPED } from './html-tags.ts';

const MAX_CHILD_SIG = 8;
const MAX_INLINE_SCRIPT = 200_000;
const MAX_TRACKER_HINTS = 500;
const MAX_HINT_LENGTH = 2_000;
const MAX_HIDDEN_TEXT = 100_000;

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
  /** Text of hidden elements (hidden-text.ts), one string per element, kept out of the blocks. */
  hiddenTexts: string[];
  /** Text drawn right to left by a bidi override, as shown (also in the blocks; innerText gives it backwards). */
  redrawnTexts: string[];
  /** Inline text drawn invisibly (font-size 0, opacity 0, a class the page hides): a browser's innerText keeps it. */
  invisibleInline: boolean;
  title: string;
}

interface OpenElement {
  index: number;
  tag: string;
  /** The tag marked with `.` when the element has a class and `#` when it has an id (`div.#`). */
  mark: string;
  lastChild: string;
  lastRepeated: boolean;
  /** Compressed child tag sequence, e.g. `h2,p+,div` (at most MAX_CHILD_SIG entries). */
  childSeq: string;
  childEntries: number;
  /** This element opened a chrome region (and closes it). */
  chrome: boolean;
  /** This element hides its content (and started a hidden region). */
  hides: boolean;
  /** Where its text starts in `buf` when drawn right to left (bidi override), else -1; blocks count at opening. */
  reverseFrom: number;
  blocksAtOpen: number;
  /** This element opened a region a reader does not see (and closes it). */
  unseen: boolean;
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
  let unseenDepth = 0;
  let buf = '';
  let seen = '';
  let bufLinkChars = 0;
  let bufChars = 0;
  let hiddenDepth = 0;
  let hiddenBuf = '';
  let hiddenLength = 0;
  const hiddenTexts: string[] = [];
  const redrawnTexts: string[] = [];
  let invisibleInline = false;
  const hiddenClasses = new Map<string, 'hidden' | 'invisible'>();
  let styleText = '';

  const flush = (): void => {
    if (bufChars === 0) return;
    // U+FEFF shows nothing; \s would turn it into a space inside a number or an address.
    const text = (buf.includes('\uFEFF') ? buf.replace(/\uFEFF/g, '') : buf).replace(/\s+/g, ' ').trim();
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
        } else if (name === 'meta' && attribs.content && (attribs.name ?? '').toLowerCase() === 'generator') {
          const token = generatorToken(attribs.content);
          if (token) addToken(layout, token);
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
        // The same path with each element marked by whether it carries a class or an id: the site's use of CSS,
        // which survives renamed classes.
        const mark = `${name}${attribs.class?.trim() ? '.' : ''}${attribs.id?.trim() ? '#' : ''}`;
        const marked =
          n >= 3
            ? `${stack[n - 3].mark}>${stack[n - 2].mark}>${stack[n - 1].mark}>${mark}`
            : stack.map((s) => s.mark).join('>') + (n > 0 ? '>' : '') + mark;
        addToken(layout, `m:${marked}`);
        const unseen = hidesFromReader(attribs);
        const hiding = hiddenDepth === 0 ? hidesContent(name, attribs, hiddenClasses) : null;
        const hides = hiding !== null;
        if (hides) hiddenDepth++;
        if (hiding === 'invisible') invisibleInline = true;
        stack.push({
          index,
          tag: name,
          mark,
          lastChild: '',
          lastRepeated: false,
          childSeq: '',
          childEntries: 0,
          chrome: opensChrome,
          hides,
          unseen,
          reverseFrom: attribs.style && reversesText(attribs) ? buf.length : -1,
          blocksAtOpen: blocks.length,
        });
        if (opensChrome) chromeDepth++;
        if (unseen) unseenDepth++;
        if (name === 'a') linkDepth++;
        if (HEADING.has(name)) headingDepth++;
      },
      ontext(data) {
        if (inTitle) title += data;
        if (dropDepth > 0) {
          if (inScript && inlineLength < MAX_INLINE_SCRIPT) {
            inline.push(data);
            inlineLength += data.length;
          } else if (droppedTag === 'style' && styleText.length < MAX_STYLE_TEXT) styleText += data;
          return;
        }
        if (inHead > 0) return;
        if (hiddenDepth > 0) {
          if (hiddenLength < MAX_HIDDEN_TEXT) hiddenBuf += data;
          hiddenLength += data.length;
          return;
        }
        buf += data;
        if (unseenDepth === 0) seen += data;
        // Text nodes that are only whitespace do not count towards a block's (link) length.
        if (!VISIBLE.test(data)) return;
        bufChars += data.length;
        if (linkDepth > 0) bufLinkChars += data.length;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (dropDepth > 0) {
          if (name === droppedTag && --dropDepth === 0) {
            if (droppedTag === 'style' && styleText) addHiddenClasses(styleText, hiddenClasses);
            styleText = '';
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
          if (open.reverseFrom >= 0 && blocks.length === open.blocksAtOpen && open.reverseFrom <= buf.length) {
            const shown = reversed(buf.slice(open.reverseFrom));
            redrawnTexts.push(shown.trim());
            buf = buf.slice(0, open.reverseFrom) + shown;
          }
          if (open.hides) {
            hiddenDepth--;
            const text = hiddenBuf.replace(/\s+/g, ' ').trim();
            if (text) hiddenTexts.push(text);
            hiddenBuf = '';
          }
          if (stack.length > i) flush();
          const el = elements[open.index];
          el.endBlock = blocks.length;
          el.sig = `${open.tag}[${open.childSeq}]`;
          if (el.hasLink && el.parent >= 0) elements[el.parent].hasLink = true;
          if (open.childEntries > 0) addToken(layout, `c:${el.sig}`);
          if (open.chrome) chromeDepth--;
          if (open.unseen) unseenDepth--;
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
  let assets = 0;
  for (const url of [...stylesheets, ...scripts]) {
    const token = assetToken(url);
    if (!token || (!layout.has(token) && assets++ >= MAX_ASSET_TOKENS)) continue;
    addToken(layout, token);
  }
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
    hiddenTexts,
    redrawnTexts,
    invisibleInline,
    title: title.replace(/\s+/g, ' ').trim(),
  };
}

/**
 * What a browser does not show as written, read from the markup alone: inline elements hidden by the `hidden`
 * attribute, an inline `display: none` / `visibility: hidden` / `font-size: 0` / `opacity: 0`, or a class that the page's own `<style>` hides (decoy
 * digits slipped inside a phone number: `06 39 <span style="display:none">47</span> 98…`), and text drawn right to left by
 * `unicode-bidi: bidi-override; direction: rtl` (a number written backwards in the markup, shown the right way round).
 * Rules inside `@media` and other at-rules are left out: they hide only on some screens.
 */

const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;
/**
 * Declarations that leave an inline element in the flow but draw nothing of it: no glyph size, no opacity. A decoy
 * digit needs only this (`<span style="font-size:0">47</span>`). Read for inline elements only: on a block,
 * `font-size: 0` is the usual gap-removal trick and its children set their own size.
 */
const INVISIBLE_STYLE =
  /(?:^|;)\s*(?:font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?|opacity\s*:\s*0(?:\.0+)?%?)\s*(?:!\s*important\s*)?(?:;|$)/i;

/** An inline `style` that hides its element outright (display none, visibility hidden or collapse). */
export function styleHides(style: string): boolean {
  return HIDDEN_STYLE.test(style.trim());
}

/** How a declaration block hides an inline element: out of the layout, drawn invisibly, or not at all. */
function styleHiding(style: string): 'hidden' | 'invisible' | null {
  const s = style.trim();
  return HIDDEN_STYLE.test(s) ? 'hidden' : INVISIBLE_STYLE.test(s) ? 'invisible' : null;
}
const BIDI_OVERRIDE = /unicode-bidi\s*:\s*bidi-override/i;
const RTL = /direction\s*:\s*rtl/i;
const CLASS_SELECTOR = /^\.(-?[_a-zA-Z][\w-]*)$/;
/** Bounds on the style text read and the classes kept (a hostile page cannot grow them). */
export const MAX_STYLE_TEXT = 200_000;
const MAX_HIDDEN_CLASSES = 1_000;

/**
 * Adds the classes a style sheet hides everywhere (`.zq{display:none}`, `.zq{font-size:0}`: top-level rules only) to
 * `into`. They hide only inline elements (`hidesContent`).
 */
export function addHiddenClasses(css: string, into: Map<string, 'hidden' | 'invisible'>): void {
  if (!/display|visibility|font-size|opacity/i.test(css)) return;
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      if (depth === 0) {
        const selector = text.slice(start, i).trim();
        const close = text.indexOf('}', i);
        if (!selector.startsWith('@') && close > 0 && into.size < MAX_HIDDEN_CLASSES) {
          const body = text.slice(i + 1, close);
          const how = body.includes('{') ? null : styleHiding(body);
          if (how) {
            for (const part of selector.split(',')) {
              const m = CLASS_SELECTOR.exec(part.trim());
              if (m) into.set(m[1], how);
            }
          }
        }
      }
      depth++;
    } else if (ch === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) start = i + 1;
    }
  }
}

/**
 * Inline elements: the ones a decoy is slipped in with. A hidden block (a `<div hidden>` or a `<body
 * style="display:none">` that a script reveals, a page read without its scripts) is still read as text.
 */
const INLINE = new Set([
  'span',
  'b',
  'i',
  'em',
  'strong',
  'small',
  'font',
  'u',
  's',
  'strike',
  'sup',
  'sub',
  'a',
  'abbr',
  'code',
  'ins',
  'del',
  'mark',
  'q',
  'cite',
  'bdi',
  'bdo',
  'data',
  'time',
  'var',
  'kbd',
  'samp',
  'dfn',
  'tt',
  'big',
  'label',
]);

/**
 * How the inline element `name` shows nothing of its content: `hidden` (out of the layout: the browser's innerText
 * leaves it out too), `invisible` (drawn at no size or opacity: innerText still has its text), or null (shown).
 */
export function hidesContent(
  name: string,
  attribs: Record<string, string>,
  hiddenClasses: Map<string, 'hidden' | 'invisible'>,
): 'hidden' | 'invisible' | null {
  if (!INLINE.has(name)) return null;
  if ('hidden' in attribs) return 'hidden';
  const byStyle = attribs.style ? styleHiding(attribs.style) : null;
  if (byStyle) return byStyle;
  if (hiddenClasses.size > 0 && attribs.class) {
    let how: 'hidden' | 'invisible' | null = null;
    for (const c of attribs.class.split(/\s+/)) how = how === 'hidden' ? how : (hiddenClasses.get(c) ?? how);
    return how;
  }
  return null;
}

/** The element draws its text right to left, character by character (bidi override). */
export function reversesText(attribs: Record<string, string>): boolean {
  const style = attribs.style;
  if (!style || !BIDI_OVERRIDE.test(style)) return false;
  return RTL.test(style) || attribs.dir?.toLowerCase() === 'rtl';
}

/** `s` in the order a reader sees it under a bidi override (code points reversed). */
export function reversed(s: string): string {
  return [...s].reverse().join('');
}

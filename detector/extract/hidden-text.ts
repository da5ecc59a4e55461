/**
 * What a browser does not show as written, read from the markup alone: inline elements hidden by the `hidden`
 * attribute, an inline `display: none` / `visibility: hidden`, or a class that the page's own `<style>` hides (decoy
 * digits slipped inside a phone number: `06 39 <span style="display:none">47</span> 98…`), and text drawn right to left by
 * `unicode-bidi: bidi-override; direction: rtl` (a number written backwards in the markup, shown the right way round).
 * Rules inside `@media` and other at-rules are left out: they hide only on some screens.
 */

const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;
const BIDI_OVERRIDE = /unicode-bidi\s*:\s*bidi-override/i;
const RTL = /direction\s*:\s*rtl/i;
const CLASS_SELECTOR = /^\.(-?[_a-zA-Z][\w-]*)$/;
/** Bounds on the style text read and the classes kept (a hostile page cannot grow them). */
export const MAX_STYLE_TEXT = 200_000;
const MAX_HIDDEN_CLASSES = 1_000;

/** Adds the classes a style sheet hides everywhere (`.zq{display:none}`, top-level rules only) to `into`. */
export function addHiddenClasses(css: string, into: Set<string>): void {
  if (!/display|visibility/i.test(css)) return;
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
          if (!body.includes('{') && HIDDEN_STYLE.test(body.trim())) {
            for (const part of selector.split(',')) {
              const m = CLASS_SELECTOR.exec(part.trim());
              if (m) into.add(m[1]);
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

/** The inline element `name` shows nothing of its content. */
export function hidesContent(name: string, attribs: Record<string, string>, hiddenClasses: Set<string>): boolean {
  if (!INLINE.has(name)) return false;
  if ('hidden' in attribs) return true;
  if (attribs.style && HIDDEN_STYLE.test(attribs.style.trim())) return true;
  if (hiddenClasses.size > 0 && attribs.class) {
    for (const c of attribs.class.split(/\s+/)) if (hiddenClasses.has(c)) return true;
  }
  return false;
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

/**
 * What HTTP mode reads from a response body without a browser: title, visible text (script/style/template skipped,
 * block elements become line breaks, like innerText), links, script and stylesheet URLs, the favicon link, plus the
 * hints `auto` mode uses to decide that a page needs JavaScript (noscript text, an empty SPA root).
 * One streaming htmlparser2 pass, no DOM: fast, and malformed HTML never throws.
 */
import { Parser } from 'htmlparser2';

export interface HtmlExtract {
  title: string | null;
  text: string;
  /** Absolute http(s) URLs in document order, duplicates removed, capped at MAX_LINKS. */
  links: string[];
  scripts: string[];
  stylesheets: string[];
  faviconUrl: string | null;
  noscriptChars: number;
  /** An element like <div id="root|app|__next|__nuxt"> with nothing inside: the page is drawn by JavaScript. */
  emptyAppRoot: boolean;
}

export const MAX_LINKS = 20_000;

const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'head', 'svg', 'iframe', 'object']);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'form',
  'fieldset',
  'blockquote',
  'pre',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'address',
  'hr',
  'option',
  'label',
  'button',
]);
const VOID = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'area',
  'base',
  'col',
  'embed',
  'source',
  'track',
  'wbr',
]);
const APP_ROOT_IDS = new Set(['root', 'app', '__next', '__nuxt', '___gatsby', 'svelte', 'main-app']);

function absolute(raw: string | undefined, base: string): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

export function normalizeText(raw: string): string {
  return raw
    .replace(/[ \t\f\r\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function extractFromHtml(html: string, pageUrl: string): HtmlExtract {
  let base = pageUrl;
  let title: string | null = null;
  let inTitle = false;
  let hiddenDepth = 0;
  let noscriptDepth = 0;
  let noscriptChars = 0;
  const textParts: string[] = [];
  const links = new Set<string>();
  const scripts = new Set<string>();
  const stylesheets = new Set<string>();
  let faviconUrl: string | null = null;
  const stack: string[] = [];
  let appRootDepth = -1;
  let appRootHasContent = false;
  let emptyAppRoot = false;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (appRootDepth >= 0) appRootHasContent = true;
        if (!VOID.has(name)) stack.push(name);
        if (name === 'base' && attrs.href) base = absolute(attrs.href, pageUrl) ?? base;
        if (name === 'title') inTitle = true;
        if (name === 'noscript') noscriptDepth++;
        if (HIDDEN.has(name) && !VOID.has(name)) hiddenDepth++;
        if (BLOCK.has(name)) textParts.push('\n');
        if ((name === 'a' || name === 'area') && links.size < MAX_LINKS) {
          const href = absolute(attrs.href, base);
          if (href) links.add(href);
        } else if (name === 'script' && attrs.src) {
          const src = absolute(attrs.src, base);
          if (src) scripts.add(src);
        } else if (name === 'link' && attrs.href) {
          const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
          const href = absolute(attrs.href, base);
          if (href && rel.includes('stylesheet')) stylesheets.add(href);
          if (href && rel.includes('icon') && faviconUrl === null) faviconUrl = href;
        } else if (name === 'div' && appRootDepth < 0 && APP_ROOT_IDS.has((attrs.id ?? '').toLowerCase())) {
          appRootDepth = stack.length;
          appRootHasContent = false;
        }
      },
      ontext(data) {
        if (inTitle) title = (title ?? '') + data;
        if (noscriptDepth > 0) noscriptChars += data.trim().length;
        if (appRootDepth >= 0 && data.trim()) appRootHasContent = true;
        if (hiddenDepth === 0) textParts.push(data);
      },
      onclosetag(name, isImplied) {
        if (VOID.has(name)) return;
        if (name === 'title') inTitle = false;
        if (name === 'noscript' && noscriptDepth > 0) noscriptDepth--;
        if (HIDDEN.has(name) && hiddenDepth > 0) hiddenDepth--;
        if (BLOCK.has(name) && !isImplied) textParts.push('\n');
        if (appRootDepth >= 0 && stack.length === appRootDepth) {
          if (!appRootHasContent) emptyAppRoot = true;
          appRootDepth = -1;
        }
        stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  return {
    title: title === null ? null : normalizeText(title) || null,
    text: normalizeText(textParts.join('')),
    links: [...links],
    scripts: [...scripts],
    stylesheets: [...stylesheets],
    faviconUrl,
    noscriptChars,
    emptyAppRoot,
  };
}

/** auto mode's rule: signs that JavaScript draws the page (empty app root, noscript on a thin page, no text but scripts). */
export function needsBrowser(extract: HtmlExtract): boolean {
  if (extract.emptyAppRoot && extract.scripts.length > 0) return true;
  // A noscript warning on a thin page, or a page that is all scripts and (almost) no text.
  if (extract.noscriptChars > 0 && extract.text.length < 200) return true;
  return extract.scripts.length > 0 && extract.text.length < 40;
}

/**
 * Template cues read outside the element tree, kept as layout tokens: the page's style sheet and script paths and its
 * generator. A site's pages load the same theme files and name the same generator; a re-skinned clone that renames
 * its classes keeps them. Build hashes, versions, hosts and query strings are dropped, so a rebuild or a move to a
 * CDN leaves the tokens unchanged.
 */

/** Asset path tokens per page (a hostile page cannot grow the layout without bound). */
export const MAX_ASSET_TOKENS = 64;
const MAX_ASSET_URL = 500;

/**
 * A style sheet's or script's path as a template cue: its last two path segments, host, query and build hashes
 * dropped, digits folded (`/wp-content/themes/flavor/style.css?ver=6.1` → `flavor/style.css`,
 * `/static/js/main.3f2a9c1b.js` → `js/main.js`). Null for inline `data:` URLs.
 */
export function assetToken(url: string): string | null {
  if (url.length > MAX_ASSET_URL || /^\s*data:/i.test(url)) return null;
  const path = url
    .trim()
    .replace(/^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/]*/i, '')
    .replace(/[?#].*$/, '');
  const tail = path.split('/').filter(Boolean).slice(-2).join('/').toLowerCase();
  const token = tail.replace(/[.-](?=[0-9a-f]*\d)[0-9a-f]{6,}(?=\.)/g, '').replace(/\d+/g, '#');
  return token ? `a:${token}` : null;
}

/** The page generator's name without its version (`WordPress 6.4.2` → `wordpress`). */
export function generatorToken(content: string): string | null {
  const name = content
    .toLowerCase()
    .replace(/[\d.]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
  return name ? `g:${name}` : null;
}

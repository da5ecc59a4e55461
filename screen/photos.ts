/**
 * The pictures of a landing page, for stage 3: a clone that changed its template, texts, phones and trackers but
 * kept the ad photos shows them on its first page. Up to `max` distinct `<img>` of the page (the crawler's own
 * selection: no SVG, no data: URL) are fetched through the guard (each within the byte and time budget), hashed as the crawler hashes stored pictures (perceptual hash,
 * images/), and given to the lookup like a stored page's pictures; unreadable or small ones are left out.
 */
import { createHash } from 'node:crypto';
import { fetchFavicon, type GuardFetchOptions, imageUrlsFromHtml } from '../crawler/index.ts';
import type { PageImage } from '../detector/index.ts';
import { imageInfo, phash } from '../images/index.ts';
import { mapLimit } from '../lib/map-limit.ts';

export async function landingImages(
  html: string,
  pageUrl: string,
  max: number,
  options: GuardFetchOptions,
): Promise<PageImage[]> {
  const found = await mapLimit(imageUrlsFromHtml(html, pageUrl, max), 3, async (url): Promise<PageImage | null> => {
    const fetched = await fetchFavicon(url, options).catch(() => null);
    if (!fetched) return null;
    try {
      const [info, hash] = await Promise.all([imageInfo(fetched.bytes), phash(fetched.bytes)]);
      const sha256 = createHash('sha256').update(fetched.bytes).digest('hex');
      return { url, sha256, hash, width: info.width, height: info.height };
    } catch {
      return null;
    }
  });
  return found.filter((i): i is PageImage => i !== null);
}

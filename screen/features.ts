/**
 * The detector's features of one fetched page, as screening looks them up: the landing page, then with its favicon
 * and pictures when it matched nothing, and the linked pages of the second look. One place, so every stage reads a
 * page the same way.
 */
import { extractPage, type PageFeatures, type PageImage } from '../detector/index.ts';

export function screenedFeatures(
  page: { finalUrl: string; html: string },
  text: string,
  region: string,
  extra: { faviconBase64?: string; images?: PageImage[] } = {},
): PageFeatures {
  const images = extra.images ?? [];
  return {
    ...extractPage({ url: page.finalUrl, html: page.html, text, faviconBase64: extra.faviconBase64 }, { region }),
    ...(images.length > 0 ? { images } : {}),
  };
}

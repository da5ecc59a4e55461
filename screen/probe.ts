/**
 * Stage 2's second look: a live landing page that matched nothing may still be a clone whose monitored features
 * (the ad photos, often) sit one click away, on its ad pages. Up to `screen.probePages` of its links, picked by
 * links.ts, are fetched through the same guard proxy and within the same byte and time budgets as the landing page,
 * one after the other, and looked up as the landing page is (ad-text bands, contacts, pivots, "we moved" phrases
 * and up to photosPerPage pictures). Only the page's own site is fetched: a redirect leaving it is refused before
 * it is requested. The first match ends the look.
 */
import { fetchLandingPage, type GuardFetchOptions, type LandingPage } from '../crawler/index.ts';
import { roughText } from './classify.ts';
import { screenedFeatures } from './features.ts';
import { pickProbeLinks, siteOf } from './links.ts';
import { landingImages } from './photos.ts';
import type { ScreenMatch, SiteIndex } from './site-index.ts';

export interface ProbeTools {
  index: SiteIndex;
  fetch: GuardFetchOptions;
  /** Linked pages fetched at most (0: no second look). */
  probePages: number;
  photosPerPage: number;
  region: string;
}

export interface ProbeOutcome {
  /** The linked page that matched, and what matched. */
  hit: { url: string; match: ScreenMatch } | null;
  /** Linked pages fetched (whatever their answer). */
  fetched: number;
}

export async function probeLinkedPages(page: LandingPage, tools: ProbeTools): Promise<ProbeOutcome> {
  const links = pickProbeLinks(page.html, page.finalUrl, tools.probePages);
  const site = siteOf(new URL(page.finalUrl).hostname);
  let fetched = 0;
  for (const url of links) {
    let linked: LandingPage;
    try {
      fetched++;
      linked = await fetchLandingPage(url, {
        ...tools.fetch,
        maxRedirects: 3,
        allowRedirect: (next) => siteOf(next.hostname) === site,
      });
    } catch {
      continue;
    }
    const type = linked.contentType.toLowerCase();
    if (linked.status >= 400 || (type !== '' && !type.includes('html'))) continue;
    const text = roughText(linked.html);
    const images =
      tools.photosPerPage > 0
        ? await landingImages(linked.html, linked.finalUrl, tools.photosPerPage, tools.fetch)
        : [];
    const features = screenedFeatures(linked, text, tools.region, { images });
    const match = tools.index.match(features, text);
    if (match) return { hit: { url: linked.finalUrl, match }, fetched };
  }
  return { hit: null, fetched };
}

/**
 * A page's features from its capture: layout tokens, page type and ads, contacts, pivots. One HTML pass; the
 * visible text given by the crawler is preferred for contacts, the HTML's own text blocks are used otherwise.
 */
import { contactsFrom, DEFAULT_REGION, textChunks } from '../contacts/index.ts';
import { findPivots } from '../pivots/index.ts';
import type { PageFeatures, PageInput } from '../types.ts';
import { extractAds, pathOf } from './ads.ts';
import { parseHtml } from './parse-html.ts';

export interface ExtractPageOptions {
  /** Default region for national phone numbers (ISO 3166 alpha-2), e.g. the site's country. */
  region?: string;
}

export function extractPage(input: PageInput, options: ExtractPageOptions = {}): PageFeatures {
  const parsed = parseHtml(input.html);
  const path = pathOf(input.url);
  const { pageType, ads, textBlocks } = extractAds(parsed, input.url, path);
  // Pieces of about 4,000 characters rather than one string of the whole page text (see textChunks).
  const text = textChunks(input.text ? input.text.split('\n') : parsed.blocks.map((b) => b.text));
  const scripts = [...parsed.scripts, ...(input.scripts ?? [])];
  const stylesheets = [...parsed.stylesheets, ...(input.stylesheets ?? [])];
  // Hidden elements' text is read apart (a number shown on click), never joined to the visible text around it; text
  // drawn right to left is read as shown (the crawler's innerText gives it backwards). Where decoys are drawn at no
  // size or opacity, the innerText still holds them inside the numbers: the HTML's own blocks are read instead.
  const aside = [...parsed.hiddenTexts, ...(input.text ? parsed.redrawnTexts : [])];
  const shown = parsed.invisibleInline && input.text ? textChunks(parsed.blocks.map((b) => b.text)) : text;
  const contactText = aside.length > 0 ? [...shown, ...textChunks(aside)] : shown;
  const contacts = contactsFrom(contactText, parsed.hrefs, options.region ?? DEFAULT_REGION);
  const pivots = findPivots({
    pageUrl: input.url,
    code: [...parsed.inlineScripts, ...scripts, ...parsed.trackerHints],
    text: [...text, parsed.hrefs.join('\n')],
    assetUrls: [...new Set([...scripts, ...stylesheets])],
    faviconBase64: input.faviconBase64,
  });
  return {
    url: input.url,
    path,
    pageType,
    layout: Object.fromEntries(parsed.layout),
    textBlocks,
    ads,
    contacts,
    pivots,
  };
}

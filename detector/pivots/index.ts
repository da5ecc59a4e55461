/** Pivots of a page: trackers, payments, favicon and asset hashes, deduplicated by kind and value. */
import type { Pivot, PivotKind } from '../types.ts';
import { assetPivots } from './assets.ts';
import { faviconPivots } from './favicon.ts';
import { findPayments } from './payments.ts';
import { findTrackers } from './trackers.ts';

export { shodanFaviconHash } from './favicon.ts';
export { isValidBitcoin, isValidEthereum, isValidIban } from './payments.ts';

/** Pivots that belong to a template or script rather than an operator: they only ever make sites `related`. */
export const WEAK_PIVOTS: ReadonlySet<PivotKind> = new Set(['asset', 'favicon-mmh3', 'favicon-sha256']);

export interface PivotSources {
  pageUrl: string;
  /** Inline script texts and script URLs (tracker ids), each searched on its own. */
  code: string[];
  /** Visible text and link targets (payment identifiers are written for people to read or click). */
  text: string[];
  assetUrls: string[];
  faviconBase64?: string | null;
}

export function dedupePivots(pivots: Iterable<Pivot>): Pivot[] {
  const seen = new Map<string, Pivot>();
  for (const p of pivots) {
    const key = `${p.kind}:${p.value}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

export function findPivots(src: PivotSources): Pivot[] {
  return dedupePivots([
    ...src.code.flatMap(findTrackers),
    ...src.text.flatMap(findPayments),
    ...faviconPivots(src.faviconBase64),
    ...assetPivots(src.assetUrls, src.pageUrl),
  ]);
}

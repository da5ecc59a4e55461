/**
 * Synthetic boards for comparisons: ads are random 64-bit fingerprints (unrelated ones about 32 bits apart, far beyond
 * adCounterpartDistance); a copied ad keeps its original's fingerprint with two bits flipped. Neutral texts, `.test`
 * sites, no contact.
 */
import type { SiteProfile } from '../../detector/index.ts';

/** A deterministic stream of 64-bit fingerprints (xorshift). */
export function fingerprints(seed: number): () => bigint {
  let x = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
  const mask = (1n << 64n) - 1n;
  return () => {
    x ^= (x << 13n) & mask;
    x ^= x >> 7n;
    x ^= (x << 17n) & mask;
    return x & mask;
  };
}

/** The ads as a copy rewrites them a little (two bits flipped). */
export const copied = (ads: bigint[]): bigint[] => ads.map((a) => a ^ 0b101n);

const hex = (b: bigint) => b.toString(16).padStart(16, '0');

/** A board's profile: one listing page and one page per ad. */
export function board(site: string, ads: bigint[]): SiteProfile {
  return {
    version: 1,
    site,
    pageCount: ads.length + 1,
    pageTypes: { listing: 1, ad: ads.length, other: 0 },
    layout: { listing: null, ad: null, other: null },
    layoutAll: null,
    contacts: [],
    ads: ads.map((a, i) => ({
      id: `/annonce/${i}`,
      url: `http://${site}/annonce/${i}`,
      fingerprint: hex(a),
      text: `Tonte de pelouse et taille de haies, annonce ${i}.`,
    })),
    textAll: null,
    pivots: [],
  };
}

/**
 * Layout sketch: the page type's most specific layout tokens, kept with their weights, so two profiles' layouts can be
 * compared by the cosine of their weighted token sets rather than only by the Hamming distance of 64-bit SimHashes.
 *
 * Why: on real sites two pages of one site share their template (header, navigation, sidebar, footer) but little of
 * their body, so the weighted cosine of their tokens is often 0.2–0.5; a 64-bit SimHash turns that into a distance of
 * 22–29 bits of 64, lost in the noise of unrelated pages (32 ± 4). The sketch keeps the similarity itself.
 *
 * Format: up to SKETCH_TOKENS entries of 10 hex digits each, sorted by token hash: the token's 32-bit hash (8 digits)
 * and its weight quantised to 1..255 of the sketch's heaviest weight (2 digits). A token's weight is its idf times
 * the share of the type's pages that carry it (presence, not count: a long article repeats the same `p` paths and
 * must not outweigh the template); the heaviest tokens are kept, ties broken by hash so both sides keep the same ones.
 */
import { hash64 } from './hash64.ts';

export const SKETCH_TOKENS = 256;
const ENTRY = 10;

/** The 32-bit hash a sketch keeps of a layout token. */
export function sketchTokenHash(token: string): number {
  return hash64(token, { hi: 0, lo: 0 }).lo >>> 0;
}

export function layoutSketch(weights: Map<string, number>, size = SKETCH_TOKENS): string | null {
  const entries: [number, number][] = [];
  const h = { hi: 0, lo: 0 };
  for (const [token, w] of weights) if (w > 0) entries.push([hash64(token, h).lo >>> 0, w]);
  return hashedSketch(entries, size);
}

/**
 * The sketch of tokens already hashed with sketchTokenHash: [hash, weight] entries (the array is reordered). For
 * callers that sketch the same pages many times under different weights (the real-page evaluation's splits).
 */
export function hashedSketch(entries: [number, number][], size = SKETCH_TOKENS): string | null {
  const kept = keptEntries(entries, size);
  if (!kept) return null;
  let out = '';
  for (let i = 0; i < kept.hashes.length; i++)
    out += kept.hashes[i].toString(16).padStart(8, '0') + kept.weights[i].toString(16).padStart(2, '0');
  return out;
}

/** decodeSketch(hashedSketch(entries)) without the text in between. */
export function hashedDecodedSketch(entries: [number, number][], size = SKETCH_TOKENS): DecodedSketch | null {
  return keptEntries(entries, size);
}

/** The heaviest `size` entries, by ascending hash, with their weights quantised to 1..255 of the heaviest. */
function keptEntries(entries: [number, number][], size: number): DecodedSketch | null {
  const positive = entries.filter((e) => e[1] > 0);
  if (positive.length === 0) return null;
  positive.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = positive.slice(0, size);
  const max = kept[0][1];
  kept.sort((a, b) => a[0] - b[0]);
  const hashes: number[] = [];
  const weights: number[] = [];
  let sq = 0;
  for (const [hash, w] of kept) {
    if (hash === hashes[hashes.length - 1]) continue; // a 32-bit collision within one page: keep the heavier once
    const q = Math.max(1, Math.min(255, Math.round((255 * w) / max)));
    hashes.push(hash);
    weights.push(q);
    sq += q * q;
  }
  return { hashes: Uint32Array.from(hashes), weights: Float64Array.from(weights), norm: Math.sqrt(sq) };
}

/** A sketch decoded for comparison: token hashes (ascending), weights and the weights' norm. */
export interface DecodedSketch {
  hashes: Uint32Array;
  weights: Float64Array;
  norm: number;
}

export function decodeSketch(sketch: string): DecodedSketch {
  const n = Math.floor(sketch.length / ENTRY);
  const hashes = new Uint32Array(n);
  const weights = new Float64Array(n);
  let sq = 0;
  for (let i = 0; i < n; i++) {
    hashes[i] = Number.parseInt(sketch.slice(i * ENTRY, i * ENTRY + 8), 16) >>> 0;
    const w = Number.parseInt(sketch.slice(i * ENTRY + 8, i * ENTRY + ENTRY), 16);
    weights[i] = w;
    sq += w * w;
  }
  return { hashes, weights, norm: Math.sqrt(sq) };
}

/** Cosine similarity of two decoded sketches' weighted tokens, in [0, 1] (0 when either is empty). */
export function decodedCosine(x: DecodedSketch, y: DecodedSketch): number {
  if (x.norm === 0 || y.norm === 0) return 0;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < x.hashes.length && j < y.hashes.length) {
    const hx = x.hashes[i];
    const hy = y.hashes[j];
    if (hx === hy) dot += x.weights[i++] * y.weights[j++];
    else if (hx < hy) i++;
    else j++;
  }
  return Math.min(1, dot / (x.norm * y.norm));
}

/** Cosine similarity of two sketches (decoded on each call: compare many pairs through decodedCosine). */
export function sketchCosine(a: string, b: string): number {
  return decodedCosine(decodeSketch(a), decodeSketch(b));
}

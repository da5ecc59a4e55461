/**
 * Layout sketch: the page type's most specific layout tokens, kept with their weights, so two profiles' layouts can be
 * compared by the cosine of their weighted token sets rather than only by the Hamming distance of 64-bit SimHashes.
 *
 * Why: on real sites two pages of one site share their template (header, navigation, sidebar, footer) but little of
 * their body, so the weighted cosine of their tokens is often 0.2–0.5; a 64-bit SimHash turns that into a distance of
 * 22–29 bits of 64, lost in the noise of unrelated pages (32 ± 4). The sketch keeps the similarity itself.
 *
 * Format: up to SKETCH_TOKENS tag-path and SKETCH_NAME_TOKENS class/id entries of 10 hex digits each, sorted by token hash: the token's 32-bit hash (8 digits)
 * and its weight quantised to 1..255 of the sketch's heaviest weight (2 digits). A token's weight is its idf times
 * the share of the type's pages that carry it (presence, not count: a long article repeats the same `p` paths and
 * must not outweigh the template); the heaviest tokens are kept, ties broken by hash so both sides keep the same ones.
 * The lowest bit of a token's hash says whether it is a class or id token (`k:`/`i:`, bit 1) or a tag-path token
 * (bit 0), so the comparison can weigh the page's class vocabulary apart from its structure (`layoutClassWeight`).
 */
import { hash64 } from './hash64.ts';

export const SKETCH_TOKENS = 256;
/** Class and id tokens kept besides the SKETCH_TOKENS tag-path tokens. */
export const SKETCH_NAME_TOKENS = 128;
const ENTRY = 10;

/** A class or id token (see extract/parse-html.ts), as opposed to a tag-path or child-sequence token. */
export const isNameToken = (token: string) => token.startsWith('k:') || token.startsWith('i:');

/** The token's 32-bit hash, its lowest bit set for class and id tokens and cleared for the others. */
function tokenHash(token: string, h: { hi: number; lo: number }): number {
  const lo = hash64(token, h).lo;
  return (isNameToken(token) ? lo | 1 : lo & ~1) >>> 0;
}

export function layoutSketch(
  weights: Map<string, number>,
  size = SKETCH_TOKENS,
  nameSize = SKETCH_NAME_TOKENS,
): string | null {
  const paths: [number, number][] = [];
  const names: [number, number][] = [];
  const h = { hi: 0, lo: 0 };
  for (const [token, w] of weights) {
    if (!(w > 0)) continue;
    const hash = tokenHash(token, h);
    (hash & 1 ? names : paths).push([hash, w]);
  }
  // Each kind keeps its own heaviest tokens: a page's many class names must not push its structure out of the sketch.
  const heaviest = (xs: [number, number][], n: number) => xs.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n);
  const kept = [...heaviest(paths, size), ...heaviest(names, nameSize)];
  if (kept.length === 0) return null;
  const max = Math.max(...kept.map((e) => e[1]));
  kept.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = -1;
  for (const [hash, w] of kept) {
    if (hash === last) continue; // a 32-bit collision within one page: keep one
    last = hash;
    const q = Math.max(1, Math.min(255, Math.round((255 * w) / max)));
    out += hash.toString(16).padStart(8, '0') + q.toString(16).padStart(2, '0');
  }
  return out;
}

/** A sketch decoded for comparison: token hashes (ascending), weights, and the squared norms of its two token kinds. */
export interface DecodedSketch {
  hashes: Uint32Array;
  weights: Float64Array;
  /** Sum of the squared weights of tag-path tokens (hash bit 0 clear) and of class and id tokens (bit 0 set). */
  pathSquares: number;
  nameSquares: number;
}

export function decodeSketch(sketch: string): DecodedSketch {
  const n = Math.floor(sketch.length / ENTRY);
  const hashes = new Uint32Array(n);
  const weights = new Float64Array(n);
  let pathSquares = 0;
  let nameSquares = 0;
  for (let i = 0; i < n; i++) {
    hashes[i] = Number.parseInt(sketch.slice(i * ENTRY, i * ENTRY + 8), 16) >>> 0;
    const w = Number.parseInt(sketch.slice(i * ENTRY + 8, i * ENTRY + ENTRY), 16);
    weights[i] = w;
    if (hashes[i] & 1) nameSquares += w * w;
    else pathSquares += w * w;
  }
  return { hashes, weights, pathSquares, nameSquares };
}

/**
 * Cosine similarity of two decoded sketches' weighted tokens, in [0, 1] (0 when either is empty), class and id
 * tokens weighed `nameWeight` times their stored weight (1: as stored; 0: tag paths only).
 */
export function decodedCosine(x: DecodedSketch, y: DecodedSketch, nameWeight = 1): number {
  const n2 = nameWeight * nameWeight;
  const nx = x.pathSquares + n2 * x.nameSquares;
  const ny = y.pathSquares + n2 * y.nameSquares;
  if (nx === 0 || ny === 0) return 0;
  let i = 0;
  let j = 0;
  let paths = 0;
  let names = 0;
  while (i < x.hashes.length && j < y.hashes.length) {
    const hx = x.hashes[i];
    const hy = y.hashes[j];
    if (hx === hy) {
      if (hx & 1) names += x.weights[i++] * y.weights[j++];
      else paths += x.weights[i++] * y.weights[j++];
    } else if (hx < hy) i++;
    else j++;
  }
  return Math.min(1, (paths + n2 * names) / Math.sqrt(nx * ny));
}

/** Cosine similarity of two sketches (decoded on each call: compare many pairs through decodedCosine). */
export function sketchCosine(a: string, b: string, nameWeight = 1): number {
  return decodedCosine(decodeSketch(a), decodeSketch(b), nameWeight);
}

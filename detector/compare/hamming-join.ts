/**
 * Exact near-duplicate joins of 64-bit hashes (Hamming distance ≤ d) without comparing every pair: a multi-index over
 * bit bands. Split the 64 bits into m bands: two hashes within d bits differ by at most r = ⌊d/m⌋ bits on at least one
 * band (were every band r + 1 bits apart or more, the hashes would be m(r + 1) > d bits apart). So each hash is filed
 * under its value on every band, and a query looks up, band by band, every value within r bits of its own (one bucket
 * when r = 0), then checks the whole distance of each hash found there. Nothing within d is missed, whatever d.
 *
 * The band count comes from d and the two sets' sizes (`planBands`, a cost estimate for random hashes): small d gives
 * wide, selective bands. The join declines (and its caller compares otherwise, pair of sites by pair of sites with
 * early exits) when no band index beats comparing every pair (large d, small sets), or when the hashes crowd the
 * buckets far more than random ones would (one picture in many near copies): there every pair is near, and the
 * caller's early exits are cheaper than finding them all.
 */
import { popcount32 } from '../hash64.ts';

/** 64-bit hashes as two parallel arrays: the high and the low 32 bits (bit patterns; signs do not matter). */
export interface Hashes {
  hi: Int32Array;
  lo: Int32Array;
}

/** Bands of the 64 bits (widths, low bits first; 16 bits at most) and the radius probed on each. */
export interface BandPlan {
  widths: number[];
  radius: number;
  /** Bucket entries scanned before the index gives up (the hashes are not random-like). */
  budget: number;
}

/** Decides the plan of a join: `planBands`, or (tests) any other valid plan or none. */
export type Planner = (nIndex: number, nQuery: number, d: number, self: boolean) => BandPlan | null;

const MAX_WIDTH = 16;

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - i + 1)) / i;
  return c;
}

/** Values of `width` bits within `radius` bits of 0 (the probes of one band). */
function ballSize(width: number, radius: number): number {
  let n = 0;
  for (let j = 0; j <= Math.min(radius, width); j++) n += binomial(width, j);
  return n;
}

/** m bands as even as can be (the wider ones first), probed within ⌊d/m⌋ bits: exact for distances up to d. */
export function bandPlan(m: number, d: number, budget = Number.POSITIVE_INFINITY): BandPlan {
  const widths = Array.from({ length: m }, (_, i) => Math.floor(64 / m) + (i < 64 % m ? 1 : 0));
  return { widths, radius: Math.floor(d / m), budget };
}

/**
 * The cheapest band index for a join of `nIndex` hashes filed against `nQuery` queries (the same set when `self`),
 * within `d` bits, or null when comparing every pair costs less. Costs in rough units of one distance computation;
 * the index gives up past 4 times the bucket entries random hashes would make it scan (and a floor).
 */
export const planBands: Planner = (nIndex, nQuery, d, self) => {
  if (!(d >= 0 && d < 64)) return null;
  const brute = self ? (nIndex * (nIndex - 1)) / 2 : nIndex * nQuery;
  let best: { cost: number; m: number; scanned: number } | null = null;
  for (let m = 64 / MAX_WIDTH; m <= Math.max(64 / MAX_WIDTH, Math.min(64, d + 1)); m++) {
    const plan = bandPlan(m, d);
    let probes = 0;
    let hitRate = 0;
    let buckets = 0;
    for (const w of plan.widths) {
      const ball = ballSize(w, plan.radius);
      probes += ball;
      hitRate += ball / 2 ** w;
      buckets += 2 ** w;
    }
    const scanned = nIndex * nQuery * hitRate * (self ? 0.5 : 1);
    const cost = 2 * nIndex * m + buckets + 3 * nQuery * probes + 1.5 * scanned;
    if (!best || cost < best.cost) best = { cost, m, scanned };
  }
  return best && best.cost < brute ? bandPlan(best.m, d, 4 * best.scanned + 16 * (nIndex + nQuery) + 1024) : null;
};

const ballCache = new Map<string, Int32Array>();

/** Every value of `width` bits with at most `radius` bits set (XOR masks from a band value to its probes). */
function ball(width: number, radius: number): Int32Array {
  const key = `${width}/${radius}`;
  let out = ballCache.get(key);
  if (!out) {
    const list: number[] = [];
    for (let v = 0; v < 2 ** width; v++) if (popcount32(v) <= radius) list.push(v);
    out = Int32Array.from(list);
    ballCache.set(key, out);
  }
  return out;
}

/** Where each band of a plan starts (bit 0 is the low word's lowest). */
export function bandStarts(plan: BandPlan): number[] {
  const starts = [0];
  for (const w of plan.widths) starts.push(starts.at(-1)! + w);
  return starts.slice(0, -1);
}

/** The `width` bits of a hash from bit `start` (bits 0–31 are the low word). */
export function bandOf(hi: number, lo: number, start: number, width: number): number {
  const mask = (1 << width) - 1;
  if (start >= 32) return (hi >>> (start - 32)) & mask;
  if (start + width <= 32) return (lo >>> start) & mask;
  return ((lo >>> start) | (hi << (32 - start))) & mask;
}

/** The index's side of a join, queried with `query` (the same set when `self`: then each pair once, q < x). */
function indexJoin(
  index: Hashes,
  query: Hashes,
  self: boolean,
  d: number,
  plan: BandPlan,
  found: (q: number, x: number) => void,
): boolean {
  const n = index.hi.length;
  const starts = bandStarts(plan);
  const heads: Int32Array[] = [];
  const items: Int32Array[] = [];
  for (const [b, w] of plan.widths.entries()) {
    const from = starts[b];
    const head = new Int32Array((1 << w) + 1);
    for (let x = 0; x < n; x++) head[bandOf(index.hi[x], index.lo[x], from, w) + 1]++;
    for (let v = 0; v < 1 << w; v++) head[v + 1] += head[v];
    const next = head.slice(0, 1 << w);
    const list = new Int32Array(n);
    for (let x = 0; x < n; x++) list[next[bandOf(index.hi[x], index.lo[x], from, w)]++] = x;
    heads.push(head);
    items.push(list);
  }
  const masks = plan.widths.map((w) => ball(w, plan.radius));
  let scanned = 0;
  for (let q = 0; q < query.hi.length; q++) {
    const qh = query.hi[q];
    const ql = query.lo[q];
    for (let b = 0; b < starts.length; b++) {
      const key = bandOf(qh, ql, starts[b], plan.widths[b]);
      const head = heads[b];
      const list = items[b];
      for (const m of masks[b]) {
        const v = key ^ m;
        const start = head[v];
        // A bucket lists its hashes in order: in a self-join, from the last down to the query's own.
        for (let e = head[v + 1] - 1; e >= start; e--) {
          const x = list[e];
          if (self && x <= q) break;
          scanned++;
          if (popcount32(qh ^ index.hi[x]) + popcount32(ql ^ index.lo[x]) <= d) found(q, x);
        }
      }
    }
    if (scanned > plan.budget) return false;
  }
  return true;
}

/**
 * Calls `found(i, j)` for every hash i of `a` and j of `b` at most `d` bits apart (with `b` null: every pair i < j of
 * `a`), at least once and possibly more (a pair close on several bands is found on each): `found` must not count.
 * False when the join declined or gave up (no plan, or past its budget; some pairs may have been found): the caller
 * then compares otherwise.
 */
export function nearJoin(
  a: Hashes,
  b: Hashes | null,
  d: number,
  found: (i: number, j: number) => void,
  planner: Planner = planBands,
): boolean {
  if (!(d >= 0)) return true;
  const self = b === null;
  const other = b ?? a;
  // The larger set is filed, the smaller queries it.
  const flip = !self && other.hi.length < a.hi.length;
  const [index, query] = flip ? [a, other] : [other, a];
  const plan = planner(index.hi.length, query.hi.length, d, self);
  return plan !== null && indexJoin(index, query, self, d, plan, flip ? (q, x) => found(x, q) : found);
}

/** Distinct hashes: `of[i]` is the distinct value of hash i, `values` each value once (in order of first sight). */
export function distinct(h: Hashes): { of: Int32Array; values: Hashes } {
  const n = h.hi.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const of = new Int32Array(n);
  const hi = new Int32Array(n);
  const lo = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const vh = h.hi[i];
    const vl = h.lo[i];
    let slot = (Math.imul(vh ^ (vl >>> 16), 0x85ebca6b) ^ Math.imul(vl ^ (vh >>> 13), 0xc2b2ae35)) & (size - 1);
    for (;;) {
      const e = table[slot];
      if (e < 0) {
        table[slot] = count;
        hi[count] = vh;
        lo[count] = vl;
        of[i] = count++;
        break;
      }
      if (hi[e] === vh && lo[e] === vl) {
        of[i] = e;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  return { of, values: { hi: hi.slice(0, count), lo: lo.slice(0, count) } };
}

/** Sets of sites (a contact's, by their position: at most 64) as two 32-bit words per entry. */
export class SiteMasks {
  lo: Int32Array;
  hi: Int32Array;
  constructor(n: number) {
    this.lo = new Int32Array(n);
    this.hi = new Int32Array(n);
  }
  add(i: number, site: number) {
    if (site < 32) this.lo[i] |= 1 << site;
    else this.hi[i] |= 1 << (site - 32);
  }
  /** Adds to entry i the sites of `from`'s entry j. */
  or(i: number, from: SiteMasks, j: number) {
    this.lo[i] |= from.lo[j];
    this.hi[i] |= from.hi[j];
  }
  copy(): SiteMasks {
    const out = new SiteMasks(0);
    out.lo = this.lo.slice();
    out.hi = this.hi.slice();
    return out;
  }
}

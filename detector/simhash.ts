/**
 * Charikar's SimHash on 64 bits: every weighted feature votes +w / −w on each bit of its hash; the fingerprint keeps
 * the bits whose total is positive. Near-identical feature sets give fingerprints a few bits apart (Hamming distance).
 */
import { type Hash64, hash64, popcount32, toHex64 } from './hash64.ts';

/** Accumulates weighted features; one instance per fingerprint, reusable via `reset`. */
export class SimHashAccumulator {
  private readonly votes = new Float64Array(64);
  private readonly h: Hash64 = { hi: 0, lo: 0 };
  private total = 0;

  add(feature: string, weight: number): void {
    if (!(weight > 0)) return;
    const { hi, lo } = hash64(feature, this.h);
    const v = this.votes;
    // Branch-free: sum the weights of the features that set each bit; the bit is on when that sum is over half.
    for (let b = 0; b < 32; b++) {
      v[b] += weight * ((lo >>> b) & 1);
      v[b + 32] += weight * ((hi >>> b) & 1);
    }
    this.total += weight;
  }

  get empty(): boolean {
    return this.total === 0;
  }

  /** The fingerprint as 16 hex digits. */
  hex(): string {
    let lo = 0;
    let hi = 0;
    for (let b = 0; b < 32; b++) {
      if (2 * this.votes[b] > this.total) lo |= 1 << b;
      if (2 * this.votes[b + 32] > this.total) hi |= 1 << b;
    }
    return toHex64(hi, lo);
  }
}

export function simhashHex(features: Iterable<[string, number]>): string | null {
  const acc = new SimHashAccumulator();
  for (const [f, w] of features) acc.add(f, w);
  return acc.empty ? null : acc.hex();
}

/** Public 64-bit SimHash as a bigint (0n for an empty feature set). */
export function simhash64(features: Map<string, number> | Iterable<[string, number]>): bigint {
  const hex = simhashHex(features instanceof Map ? features.entries() : features);
  return hex === null ? 0n : BigInt(`0x${hex}`);
}

export function hammingDistance64(a: bigint, b: bigint): number {
  const x = BigInt.asUintN(64, a ^ b);
  return popcount32(Number(x & 0xffffffffn)) + popcount32(Number(x >> 32n));
}

/** Overlapping word shingles of `size` words (one shingle for shorter texts). */
export function wordShingles(words: string[], size: number): Map<string, number> {
  const out = new Map<string, number>();
  if (words.length === 0) return out;
  if (words.length <= size) {
    out.set(words.join(' '), 1);
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) {
    let s = words[i];
    for (let k = 1; k < size; k++) s += ` ${words[i + k]}`;
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

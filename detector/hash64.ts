/**
 * A fast 64-bit string hash for SimHash features, built from two 32-bit lanes so the hot loop stays in small integers
 * (no BigInt, no doubles): an FNV-1a lane and a multiply-xorshift lane with another prime, each char fed to both,
 * then a Murmur3 finaliser that mixes the lanes so every output bit depends on every input char. SimHash needs each
 * of the 64 bits to behave like an independent fair coin; the unit tests check the bit balance.
 */

export interface Hash64 {
  hi: number;
  lo: number;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Writes the 64-bit hash of `s` into `out` (reused to avoid allocation) and returns it. */
export function hash64(s: string, out: Hash64 = { hi: 0, lo: 0 }): Hash64 {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = fmix32(a ^ Math.imul(b, 0x9e3779b1));
  out.lo = a;
  out.hi = fmix32(b ^ a);
  return out;
}

/** Population count of a 32-bit integer. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance of two 64-bit hashes. */
export function hamming64(x: Hash64, y: Hash64): number {
  return popcount32(x.hi ^ y.hi) + popcount32(x.lo ^ y.lo);
}

/** Hamming distance of two hashes written as 16 hex digits. */
export function hammingHex(a: string, b: string): number {
  return hamming64(fromHex64(a), fromHex64(b));
}

export function toHex64(hi: number, lo: number): string {
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

export function fromHex64(hex: string): Hash64 {
  return { hi: Number.parseInt(hex.slice(0, 8), 16) >>> 0, lo: Number.parseInt(hex.slice(8, 16), 16) >>> 0 };
}

export function hexToBigInt(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

export function bigIntToHex(v: bigint): string {
  return BigInt.asUintN(64, v).toString(16).padStart(16, '0');
}

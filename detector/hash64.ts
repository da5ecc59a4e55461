/**
 * A fast 64-bit string hash for SimHash features: FNV-1a 64 computed on two 32-bit halves (no BigInt in the hot loop),
 * followed by a Murmur-style finaliser so every output bit depends on every input byte (SimHash needs each of the 64
 * bits to behave like an independent coin flip; raw FNV's low bits mix poorly on short strings).
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
  // FNV-1a 64 offset basis 0xcbf29ce484222325, prime 2^40 + 0x1b3.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    lo ^= c & 0xff;
    if (c > 0xff) hi ^= c >>> 8;
    // (hi:lo) * (2^40 + 435) mod 2^64
    const loMul = (lo >>> 0) * 435;
    const carry = Math.floor(loMul / 4294967296);
    hi = (Math.imul(hi, 435) + carry + (lo << 8)) >>> 0;
    lo = loMul >>> 0;
  }
  const a = fmix32(lo ^ ((hi << 16) | (hi >>> 16)));
  out.hi = fmix32(hi ^ Math.imul(a, 0x9e3779b1));
  out.lo = a;
  return out;
}

/** Population count of a 32-bit integer. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
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

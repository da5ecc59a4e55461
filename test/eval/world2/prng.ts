/**
 * World 2's own seeded randomness: a 32-bit string hash (FNV-1a) seeds an xorshift128+ style generator kept in four
 * 32-bit words. Written for this world alone so that it shares no code with sitegen/.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] (both included). */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** A child generator whose stream depends only on this one's seed and the label. */
  fork(label: string): Rng;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function createRng(seed: string): Rng {
  // Four words from four salted hashes of the seed; never all zero.
  const s = [fnv1a(`a:${seed}`), fnv1a(`b:${seed}`), fnv1a(`c:${seed}`), fnv1a(`d:${seed}`) | 1];
  const nextU32 = (): number => {
    // xoshiro128** step.
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  for (let i = 0; i < 8; i++) nextU32();
  const rng: Rng = {
    next: () => nextU32() / 4294967296,
    int: (lo, hi) => lo + Math.floor(rng.next() * (hi - lo + 1)),
    chance: (p) => rng.next() < p,
    pick: (items) => items[Math.floor(rng.next() * items.length)],
    sample: (items, k) => rng.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length))),
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    fork: (label) => createRng(`${seed}/${label}`),
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * World 3's own seeded random source: SHA-256 of the seed and a label expanded into a xoshiro128** state. Nothing here
 * is shared with the other worlds; every draw of the generator goes through a `Dice`.
 */
import { createHash } from 'node:crypto';

export class Dice {
  private s: Uint32Array;

  constructor(seed: string, label = '') {
    const h = createHash('sha256').update(`${seed}\u241f${label}`).digest();
    this.s = new Uint32Array([h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12) || 1]);
  }

  /** A float in [0, 1). */
  next(): number {
    const s = this.s;
    const r = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return r / 2 ** 32;
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** A shuffled copy. */
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** `n` distinct elements (all of them when n ≥ length). */
  sample<T>(xs: readonly T[], n: number): T[] {
    return this.shuffle(xs).slice(0, Math.max(0, n));
  }

  /** A derived, independent dice (for one site, one ad...). */
  fork(label: string): Dice {
    return new Dice(`${this.s.join('.')}`, label);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
export const token = (d: Dice, n: number, alphabet = ALNUM) =>
  Array.from({ length: n }, () => alphabet[d.int(0, alphabet.length - 1)]).join('');
export const digits = (d: Dice, n: number) => token(d, n, '0123456789');

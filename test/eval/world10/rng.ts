/**
 * World 10's own seeded randomness: xoshiro128** seeded from the SHA-256 of a label path, so every part of the world
 * (a board, an advertiser, a picture) draws from its own stream and adding a draw in one place never shifts another.
 */
import { createHash } from 'node:crypto';

export class Rng {
  private readonly s: Uint32Array;
  readonly label: string;

  private constructor(label: string) {
    this.label = label;
    const h = createHash('sha256').update(`world10\u241f${label}`).digest();
    this.s = new Uint32Array([h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12)]);
    if (this.s.every((x) => x === 0)) this.s[0] = 1;
  }

  /** A stream named by its parts (joined), independent of every other name. */
  static of(...parts: string[]): Rng {
    return new Rng(parts.join('/'));
  }

  /** A child stream: same draws whatever happens to this one afterwards. */
  fork(...parts: string[]): Rng {
    return new Rng([this.label, ...parts].join('/'));
  }

  private nextUint(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint() / 4294967296;
  }

  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Uniform real in [lo, hi). */
  real(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error(`world 10: pick from an empty list (${this.label})`);
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** One entry, drawn in proportion to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((a, [, w]) => a + w, 0);
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1][0];
  }

  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** k distinct entries in random order (all of them when k ≥ length). */
  sample<T>(xs: readonly T[], k: number): T[] {
    return this.shuffle(xs).slice(0, Math.max(0, Math.min(k, xs.length)));
  }

  /** A share of the entries, kept in their original order. */
  keep<T>(xs: readonly T[], fraction: number): T[] {
    const k = Math.round(xs.length * fraction);
    const chosen = new Set(this.sample([...xs.keys()], k));
    return xs.filter((_, i) => chosen.has(i));
  }

  /** Lower-case letters and digits, for ids and file names. */
  token(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** A short stable hash of a string, hex, for file names derived from ids. */
export function shortHash(text: string, length = 10): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** A file name or URL id derived from a string: hex after a letter, so no run of digits reads as a phone number. */
export function nameToken(text: string, length = 12): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${'abcdefghijklmnop'[Number.parseInt(h[0], 16)]}${h.slice(1, length)}`;
}

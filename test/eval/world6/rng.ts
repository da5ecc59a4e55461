/**
 * World 6's own seeded pseudo-random generator: a string seed hashed with FNV-1a into the 128-bit state of
 * xoshiro128**. Every draw of the world goes through one of these, forked by label so that adding a draw in one
 * part of the generator does not shift every other part.
 */

function fnv1a(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A 32-bit hash of a string, for stable per-name choices (class renaming, picture styles). */
export function hash32(text: string): number {
  return fnv1a(text);
}

export class Rng {
  private s: Uint32Array;

  constructor(readonly label: string) {
    this.s = new Uint32Array([
      fnv1a(label, 0x811c9dc5),
      fnv1a(label, 0x01234567),
      fnv1a(label, 0x9e3779b9),
      fnv1a(label, 0x7f4a7c15) | 1,
    ]);
    for (let i = 0; i < 8; i++) this.u32();
  }

  /** A new generator whose draws depend only on this one's label and `sub`. */
  fork(sub: string): Rng {
    return new Rng(`${this.label}/${sub}`);
  }

  u32(): number {
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
    return this.u32() / 4294967296;
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error(`${this.label}: pick from an empty list`);
    return items[Math.floor(this.next() * items.length)];
  }

  /** One item by weight: `[[item, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** `k` distinct items (all of them when there are fewer). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length)));
  }

  hex(digits: number): string {
    let out = '';
    while (out.length < digits) out += this.u32().toString(16).padStart(8, '0');
    return out.slice(0, digits);
  }

  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(this.int(0, 9));
    return out;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

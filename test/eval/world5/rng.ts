/**
 * World 5's own seeded randomness: a string is folded into four 32-bit words (a multiply-rotate mix), which seed a
 * small-fast-counter generator (sfc32). Every draw of the world goes through one `Dice`, so a seed is a world.
 */

function fold(text: string): [number, number, number, number] {
  let a = 0x9e3779b1;
  let b = 0x85ebca77;
  let c = 0xc2b2ae3d;
  let d = 0x27d4eb2f;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    a = Math.imul(a ^ k, 0x01000193);
    b = Math.imul(b ^ (a >>> 7), 0x5bd1e995);
    c = Math.imul(c ^ (b >>> 11), 0x1b873593);
    d = Math.imul(d ^ (c >>> 5), 0xcc9e2d51);
    a = (a << 13) | (a >>> 19);
  }
  return [a >>> 0, b >>> 0, c >>> 0, d >>> 0];
}

export class Dice {
  private s: [number, number, number, number];

  constructor(seed: string) {
    this.s = fold(seed);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform float in [0, 1). */
  next(): number {
    let [a, b, c, d] = this.s;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.s = [a, b, c, d];
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi] (both included). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `n` distinct items in a random order (all of them when n ≥ length). */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, n));
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** A child generator, independent of how many draws the parent makes afterwards. */
  fork(label: string): Dice {
    return new Dice(`${label}/${Math.floor(this.next() * 2 ** 32)}`);
  }

  /** Upper-case letters and digits. */
  code(length: number, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}

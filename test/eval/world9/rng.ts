/**
 * World 9's own deterministic randomness: an FNV-1a string hash seeds a xorshift128+ style generator (32-bit lanes),
 * so every choice of the world is a function of the seed and a label.
 */

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Dice {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(label: string) {
    this.a = hashString(`a:${label}`) || 1;
    this.b = hashString(`b:${label}`) || 2;
    this.c = hashString(`c:${label}`) || 3;
    this.d = hashString(`d:${label}`) || 4;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A new generator for a sub-task, independent of how much this one was used. */
  static of(...parts: (string | number)[]): Dice {
    return new Dice(parts.join('|'));
  }

  /** Uniform in [0, 1). */
  next(): number {
    // sfc32
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(n, items.length)));
  }

  /** Draw `n` distinct entries by weight. */
  weighted<T>(entries: readonly { item: T; weight: number }[], n: number): T[] {
    const pool = [...entries];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) {
      const total = pool.reduce((s, e) => s + e.weight, 0);
      let r = this.next() * total;
      let k = 0;
      while (k < pool.length - 1 && r >= pool[k].weight) {
        r -= pool[k].weight;
        k++;
      }
      out.push(pool[k].item);
      pool.splice(k, 1);
    }
    return out;
  }

  hex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }

  digits(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.next() * 10).toString();
    return s;
  }
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CRAWL_BUDGET } from '../../eval/deploy-profiles.ts';
import { DECOY_KINDS } from '../../eval/world10/decoys.ts';
import { servePicture } from '../../eval/world10/photos.ts';
import { PICTURE_HEIGHT, PICTURE_WIDTH } from '../../eval/world10/pictures.ts';
import { WORLD10_SEEDS } from '../../eval/world10/pipeline.ts';
import { RECIPE_KINDS } from '../../eval/world10/restarts.ts';
import { buildWorld10, type World10 } from '../../eval/world10/world.ts';

const worlds = new Map<string, World10>(WORLD10_SEEDS.map((s) => [s, buildWorld10(s)]));

function digest(w: World10): string {
  const h = createHash('sha256');
  for (const s of w.sites)
    for (const p of s.pages) h.update(`${s.name}\n${p.url}\n${p.html}\n${JSON.stringify(p.photos)}\n`);
  h.update(JSON.stringify(w.pairs));
  return h.digest('hex');
}

const PHONE = /(?<![\w+])(?:\+33\s?(?:\(0\)\s?)?[1-9]|0[1-9])(?:[\s.-]*\d{2}){4}(?!\d)/g;
const FICTION = /^(063998\d{4}|019900\d{4})$/;

function national(raw: string): string {
  const digits = raw.replace(/\(0\)/, '').replace(/\D/g, '');
  return digits.startsWith('33') ? `0${digits.slice(2)}` : digits;
}

const VENDOR_SCRIPT_HOSTS = new Set([
  'www.googletagmanager.com',
  'pagead2.googlesyndication.com',
  'connect.facebook.net',
]);
const fictionDomain = (host: string) => host.endsWith('.test') || host.endsWith('.example');

describe('world 10', () => {
  it('is deterministic: the same seed gives the same pages and pairs, another seed other ones', () => {
    const seed = WORLD10_SEEDS[0];
    expect(digest(buildWorld10(seed))).toBe(digest(worlds.get(seed)!));
    expect(new Set(WORLD10_SEEDS.map((s) => digest(worlds.get(s)!))).size).toBe(WORLD10_SEEDS.length);
  });

  it('writes only ARCEP fiction numbers, however formatted', () => {
    let seen = 0;
    for (const w of worlds.values())
      for (const s of w.sites)
        for (const p of s.pages) {
          for (const m of p.html.matchAll(PHONE)) {
            seen++;
            expect(national(m[0]), `${p.url}: ${m[0]}`).toMatch(FICTION);
          }
          for (const m of p.html.matchAll(/tel:([+\d]+)/g)) expect(national(m[1]), p.url).toMatch(FICTION);
        }
    expect(seen).toBeGreaterThan(1000);
  });

  it('names only .test and .example domains (vendor hosts only in script tags)', () => {
    for (const w of worlds.values())
      for (const s of w.sites) {
        expect(fictionDomain(s.domain), s.domain).toBe(true);
        for (const p of s.pages) {
          expect(new URL(p.url).host).toBe(s.domain);
          for (const m of p.html.matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) {
            const host = m[1].toLowerCase();
            if (fictionDomain(host)) continue;
            expect(VENDOR_SCRIPT_HOSTS.has(host), `${p.url}: ${host}`).toBe(true);
            const before = p.html.slice(0, m.index);
            expect(before.lastIndexOf('<script'), `${p.url}: ${host} outside a script`).toBeGreaterThan(
              before.lastIndexOf('</script>'),
            );
          }
          for (const m of p.html.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g))
            expect(fictionDomain(m[1]), `${p.url}: ${m[0]}`).toBe(true);
          for (const f of p.photos) expect(new URL(f.url).host).toBe(s.domain);
        }
      }
  });

  it('keeps every site within the crawl budget, with unique absolute page URLs and unique domains', () => {
    for (const w of worlds.values()) {
      expect(new Set(w.sites.map((s) => s.name)).size).toBe(w.sites.length);
      expect(new Set(w.sites.map((s) => s.domain)).size).toBe(w.sites.length);
      for (const s of w.sites) {
        expect(s.pages.length, s.name).toBeGreaterThan(0);
        expect(s.pages.length, s.name).toBeLessThanOrEqual(CRAWL_BUDGET);
        const urls = s.pages.map((p) => p.url);
        expect(new Set(urls).size, s.name).toBe(urls.length);
        for (const u of urls) expect(u.startsWith(`https://${s.domain}/`)).toBe(true);
      }
    }
  });

  it('labels pairs of existing sites: nine references of 20–45 ads, every recipe and decoy in every seed', () => {
    for (const w of worlds.values()) {
      const names = new Set(w.sites.map((s) => s.name));
      expect(w.references).toHaveLength(9);
      for (const r of w.references) {
        expect(r.ads.length).toBeGreaterThanOrEqual(20);
        expect(r.ads.length).toBeLessThanOrEqual(45);
      }
      for (const p of w.pairs) {
        expect(names.has(p.reference), p.reference).toBe(true);
        expect(names.has(p.candidate), p.candidate).toBe(true);
        expect(p.reference).not.toBe(p.candidate);
        expect(w.references.some((r) => r.key === p.reference)).toBe(true);
      }
      expect(new Set(w.pairs.filter((p) => p.group === 'clone').map((p) => p.kind))).toEqual(new Set(RECIPE_KINDS));
      expect(new Set(w.pairs.filter((p) => p.group === 'hard').map((p) => p.kind))).toEqual(new Set(DECOY_KINDS));
      for (const r of w.references) {
        const own = w.pairs.filter((p) => p.reference === r.key);
        expect(own.filter((p) => p.group === 'clone').length).toBeGreaterThanOrEqual(4);
        expect(own.filter((p) => p.group === 'hard').length).toBeGreaterThanOrEqual(4);
        expect(own.filter((p) => p.group === 'unrelated')).toHaveLength(2);
      }
      const clones = w.pairs.filter((p) => p.group === 'clone').length;
      expect(w.pairs.length).toBeGreaterThanOrEqual(90);
      expect(clones / w.pairs.length).toBeGreaterThan(0.33);
      expect(clones / w.pairs.length).toBeLessThan(0.5);
    }
  });

  it('hides the advertisers’ real numbers where a recipe relays or disguises them', () => {
    for (const w of worlds.values()) {
      const html = (name: string) =>
        w.sites
          .find((s) => s.name === name)!
          .pages.map((p) => p.html)
          .join('\n');
      for (const p of w.pairs.filter((x) =>
        ['relayed-numbers', 'full-disguise', 'disguised-numbers'].includes(x.kind),
      )) {
        const ref = w.references.find((r) => r.key === p.reference)!;
        const shown = new Set([...html(p.candidate).matchAll(PHONE)].map((m) => national(m[0])));
        for (const ad of ref.ads)
          expect(shown.has(ad.advertiser.phone), `${p.candidate}: ${ad.advertiser.phone}`).toBe(false);
      }
    }
  });

  it('draws pictures deterministically, distinct from one another, at the served size', async () => {
    const a1 = await servePicture('p/velo/test-adv/0-0', 'w400.q82.jpg');
    const a2 = await servePicture('p/velo/test-adv/0-0', 'w400.q82.jpg');
    const b = await servePicture('p/velo/test-adv/0-1', 'w400.q82.jpg');
    expect(Buffer.from(a1).equals(Buffer.from(a2))).toBe(true);
    expect(Buffer.from(a1).equals(Buffer.from(b))).toBe(false);
    const meta = await sharp(a1).metadata();
    expect(meta.width).toBe(400);
    expect(meta.height).toBe(Math.round((400 * PICTURE_HEIGHT) / PICTURE_WIDTH));
    const chain = 'w240.q75.jpg>w360.q65.webp.c2.mtest';
    const c1 = await servePicture('s/toiture/1', chain);
    expect(Buffer.from(c1).equals(Buffer.from(await servePicture('s/toiture/1', chain)))).toBe(true);
    expect((await sharp(c1).metadata()).format).toBe('webp');
  });

  it('imports nothing from other worlds, sitegen or the fixtures', () => {
    const dir = join(import.meta.dirname, '../../eval/world10');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(dir);
    expect(files.length).toBeGreaterThan(10);
    const allowed = [
      /^node:/,
      /^sharp$/,
      /^\.\/[\w./-]+$/,
      /^\.\.\/(?!\.\.)[\w-]+\.ts$/,
      /^\.\.\/deploy-profiles\.ts$/,
      /^\.\.\/\.\.\/\.\.\/(detector|images)\/index\.ts$/,
    ];
    let imports = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:^import\s+|\sfrom\s+|import\(\s*)'([^']+)'/gm)) {
        expect(
          allowed.some((r) => r.test(m[1])),
          `${f}: ${m[1]}`,
        ).toBe(true);
        imports++;
        expect(m[1]).not.toMatch(/world[2-9]\b|sitegen|fixtures|worlds/);
        if (m[1].startsWith('../') && !f.includes('/templates/'))
          expect(m[1], f).toMatch(/^\.\.\/(deploy-profiles|\.\.\/\.\.\/(detector|images)\/index)\.ts$/);
      }
    }
    expect(imports).toBeGreaterThan(60);
  });
});

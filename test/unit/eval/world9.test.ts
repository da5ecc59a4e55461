import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CRAWL_BUDGET } from '../../eval/deploy-profiles.ts';
import { PICTURE_HEIGHT, PICTURE_WIDTH, servePicture } from '../../eval/world9/photos.ts';
import { WORLD9_SEEDS } from '../../eval/world9/pipeline.ts';
import { RECIPES } from '../../eval/world9/recipes.ts';
import { buildWorld9, type World9 } from '../../eval/world9/world.ts';

const worlds = new Map<string, World9>(WORLD9_SEEDS.map((s) => [s, buildWorld9(s)]));

function digest(w: World9): string {
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

const VENDOR_SCRIPT_HOSTS = new Set(['www.googletagmanager.com', 'pagead2.googlesyndication.com']);
/** Document type and namespace identifiers (DOCTYPE, xmlns, SVG), never links. */
const NAMESPACE_HOSTS = new Set(['www.w3.org']);
const fictionDomain = (host: string) => host.endsWith('.test') || host.endsWith('.example');

describe('world 9', () => {
  it('is deterministic: the same seed gives the same pages and pairs, another seed other ones', () => {
    const seed = WORLD9_SEEDS[0];
    expect(digest(buildWorld9(seed))).toBe(digest(worlds.get(seed)!));
    const digests = new Set(WORLD9_SEEDS.map((s) => digest(worlds.get(s)!)));
    expect(digests.size).toBe(WORLD9_SEEDS.length);
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
        expect(fictionDomain(s.domain)).toBe(true);
        for (const p of s.pages) {
          expect(new URL(p.url).host).toBe(s.domain);
          for (const m of p.html.matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) {
            const host = m[1].toLowerCase();
            if (fictionDomain(host) || NAMESPACE_HOSTS.has(host)) continue;
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

  it('labels pairs of existing sites, every group present, four or more restarts per reference', () => {
    for (const w of worlds.values()) {
      const names = new Set(w.sites.map((s) => s.name));
      expect(names.size).toBe(w.sites.length);
      expect(new Set(w.sites.map((s) => s.domain)).size).toBe(w.sites.length);
      for (const p of w.pairs) {
        expect(names.has(p.reference), p.reference).toBe(true);
        expect(names.has(p.candidate), p.candidate).toBe(true);
        expect(p.reference).not.toBe(p.candidate);
      }
      const groups = new Set(w.pairs.map((p) => p.group));
      expect([...groups].sort()).toEqual(['clone', 'hard', 'unrelated']);
      const refs = new Set(w.pairs.map((p) => p.reference));
      expect(refs.size).toBe(9);
      for (const r of refs) {
        const own = w.pairs.filter((p) => p.reference === r);
        expect(own.filter((p) => p.group === 'clone').length).toBeGreaterThanOrEqual(4);
        expect(own.filter((p) => p.group === 'hard').length).toBeGreaterThanOrEqual(4);
        expect(own.filter((p) => p.group === 'unrelated').length).toBe(1);
      }
      for (const p of w.pairs.filter((x) => x.group === 'clone' && x.kind !== 'merged'))
        expect(Object.keys(RECIPES)).toContain(p.kind);
    }
  });

  it('keeps every site within the crawl budget, with unique absolute page URLs', () => {
    for (const w of worlds.values())
      for (const s of w.sites) {
        expect(s.pages.length).toBeGreaterThan(0);
        expect(s.pages.length, s.name).toBeLessThanOrEqual(CRAWL_BUDGET);
        const urls = s.pages.map((p) => p.url);
        expect(new Set(urls).size, s.name).toBe(urls.length);
        for (const u of urls) expect(u.startsWith(`https://${s.domain}/`)).toBe(true);
      }
  });

  it('draws pictures deterministically, distinct from one another, at the served size', async () => {
    const a1 = await servePicture('w9-test-pic1', 'base');
    const a2 = await servePicture('w9-test-pic1', 'base');
    const b = await servePicture('w9-test-pic2', 'base');
    expect(Buffer.from(a1).equals(Buffer.from(a2))).toBe(true);
    expect(Buffer.from(a1).equals(Buffer.from(b))).toBe(false);
    const meta = await sharp(a1).metadata();
    expect(meta.width).toBe(400);
    expect(meta.height).toBe(Math.round((400 * PICTURE_HEIGHT) / PICTURE_WIDTH));
    const wm = await servePicture('w9-test-pic1', 'crop-wm');
    expect(Buffer.from(wm).equals(Buffer.from(await servePicture('w9-test-pic1', 'crop-wm')))).toBe(true);
  });

  it('imports nothing from other worlds or sitegen', () => {
    const dir = join(import.meta.dirname, '../../eval/world9');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(dir);
    expect(files.length).toBeGreaterThan(5);
    const allowed = [
      /^node:/,
      /^sharp$/,
      /^\.\.?\/(?!\.\.)/,
      /^\.\.\/deploy-profiles\.ts$/,
      /^\.\.\/\.\.\/\.\.\/(detector|images)\/index\.ts$/,
    ];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const spec = m[1].startsWith('../') && f.includes('/scripts/') ? m[1].replace(/^\.\.\//, './') : m[1];
        expect(
          allowed.some((r) => r.test(spec)),
          `${f}: ${m[1]}`,
        ).toBe(true);
        expect(m[1]).not.toMatch(/world[2-8]|sitegen|worlds/);
      }
    }
  });
});

/**
 * World 8 (test/eval/world8/) as data: one seed gives the same pages twice, pages carry only ARCEP fiction numbers
 * and reserved domains (plus the vendor hosts of the script and tag snippets), the pairs name existing sites with
 * clones, hard negatives and unrelated pairs, every site fits a crawl, pictures are deterministic, and world 8
 * imports nothing of the other worlds or the fixture generator. No profiling, no comparison.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRAWL_BUDGET } from '../../eval/deploy-profiles.ts';
import { servedBytes } from '../../eval/world8/photos.ts';
import { buildWorld8, renderWorld8, WORLD8_SEEDS } from '../../eval/world8/world.ts';

const SEED = WORLD8_SEEDS[1];
const world = buildWorld8({ seed: SEED });
const rendered = renderWorld8(world);
/** Every seed's pages (rendered once), for the checks on what pages may carry. */
let allPages: ReturnType<typeof renderWorld8> extends Map<string, infer P> ? P : never;
const everyPage = () => {
  allPages ??= WORLD8_SEEDS.flatMap((seed) =>
    seed === SEED ? [...rendered.values()].flat() : [...renderWorld8(buildWorld8({ seed })).values()].flat(),
  );
  return allPages;
};
const VENDORS = new Set([
  'www.googletagmanager.com',
  'pagead2.googlesyndication.com',
  'maxcdn.bootstrapcdn.com',
  'ajax.googleapis.com',
  'github.com',
  'woocommerce.com',
]);

function digest(pages: Map<string, { url: string; html: string }[]>): string {
  const h = createHash('sha256');
  for (const [name, list] of pages) for (const p of list) h.update(`${name}\n${p.url}\n${p.html}\n`);
  return h.digest('hex');
}

describe('world 8', () => {
  it('is deterministic by seed and differs between seeds', () => {
    expect(digest(renderWorld8(buildWorld8({ seed: SEED })))).toBe(digest(rendered));
    expect(digest(renderWorld8(buildWorld8({ seed: WORLD8_SEEDS[2], references: 2 })))).not.toBe(digest(rendered));
    expect(WORLD8_SEEDS).toHaveLength(3);
    expect(WORLD8_SEEDS.every((s) => s.startsWith('w8-'))).toBe(true);
  });

  it('writes only fiction phone numbers', () => {
    const phone = /(?<![\w-])(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g;
    let seen = 0;
    for (const page of everyPage()) {
      const text = page.html
        .replace(/<[^>]+>/g, '')
        .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
        .replace(/&nbsp;/g, ' ');
      for (const m of text.matchAll(phone)) {
        const digits = m[0].replace(/\D/g, '').replace(/^33/, '0');
        expect(digits.startsWith('063998') || digits.startsWith('019900'), `${page.url}: ${m[0]}`).toBe(true);
        seen++;
      }
    }
    for (const page of everyPage())
      for (const m of page.html.matchAll(/data-tel="([^"]+)"/g))
        expect(Buffer.from(m[1], 'base64').toString()).toMatch(/^(063998|019900)\d{4}$/);
    expect(seen).toBeGreaterThan(3000);
    for (const a of world.advertisers.values()) expect(a.phone).toMatch(/^063998\d{4}$/);
    for (const s of world.sites) expect(s.operator.phone).toMatch(/^019900\d{4}$/);
  });

  it('names only reserved domains and vendor hosts', () => {
    for (const page of everyPage()) {
      expect(new URL(page.url).hostname).toMatch(/\.(test|example)$/);
      for (const m of page.html.matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) {
        const host = m[1].toLowerCase();
        if (host === 'www.w3.org') continue;
        expect(/\.(test|example)$/.test(host) || VENDORS.has(host), `${page.url}: ${host}`).toBe(true);
      }
      for (const m of page.html.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g))
        expect(m[1], `${page.url}: ${m[0]}`).toMatch(/\.(test|example)$/);
    }
  });

  it('labels clones, hard negatives and unrelated pairs between existing sites', () => {
    const names = new Set(world.sites.map((s) => s.name));
    expect(names.size).toBe(world.sites.length);
    expect(world.pairs.length).toBeGreaterThanOrEqual(60);
    expect(world.pairs.length).toBeLessThanOrEqual(90);
    const groups = new Map<string, Set<string>>();
    for (const p of world.pairs) {
      expect(names.has(p.reference) && names.has(p.candidate)).toBe(true);
      expect(p.reference).not.toBe(p.candidate);
      expect(p.expectClone).toBe(p.group === 'clone');
      expect(['dcf', 'bdp', 'wpjm']).toContain(p.referenceScript);
      if (!groups.has(p.group)) groups.set(p.group, new Set());
      groups.get(p.group)!.add(p.kind);
    }
    expect(groups.get('clone')!.size).toBeGreaterThanOrEqual(8);
    expect(groups.get('hard')!.size).toBeGreaterThanOrEqual(6);
    expect(groups.get('unrelated')!.size).toBeGreaterThanOrEqual(1);
    expect(new Set(world.pairs.map((p) => p.reference)).size).toBe(9);
  });

  it('fits every site in a crawl', () => {
    for (const [name, list] of rendered) {
      expect(list.length, name).toBeLessThanOrEqual(CRAWL_BUDGET);
      expect(new Set(list.map((p) => p.url)).size, name).toBe(list.length);
    }
  });

  it('serves the same picture bytes for the same picture and style', async () => {
    const style = world.sites[0].photo;
    const id = world.sites[0].ads.find((a) => a.photos.length)!.photos[0];
    const a = await servedBytes(id, style, false);
    const b = await servedBytes(id, style, false);
    expect(Buffer.compare(a, b)).toBe(0);
    expect((await servedBytes(id, { ...style, stamp: 'x.test', key: 'stamped' }, false)).equals(a)).toBe(false);
  });

  it('imports only product entry points, the deployment steps, its own files and installed libraries', () => {
    const dir = join(import.meta.dirname, '../../eval/world8');
    const allowed = new Set([
      '../../../detector/index.ts',
      '../../../images/index.ts',
      '../deploy-profiles.ts',
      'sharp',
      'node:crypto',
    ]);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/from '([^']+)'/g)) {
        const spec = m[1];
        expect(/^\.\/[\w-]+\.ts$/.test(spec) || allowed.has(spec), `${file}: ${spec}`).toBe(true);
      }
      expect(source).not.toMatch(/sitegen|world[2-7]\//);
    }
  });
});

/**
 * World 6 (test/eval/world6/) as data: the same seed gives the same pages, only fiction numbers and reserved domains
 * appear, labels agree with the sites they name, every site fits a crawl, and world 6 imports nothing of the other
 * worlds or the fixture generator. One seed, no pictures: fast.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRAWL_BUDGET } from '../../eval/deploy-profiles.ts';
import { CLONE_RECIPES, HARD_RECIPES } from '../../eval/world6/recipes.ts';
import { buildWorld6, renderWorld6, WORLD6_SEEDS } from '../../eval/world6/world.ts';

const SEED = WORLD6_SEEDS[0];
const world = buildWorld6({ seed: SEED });
const rendered = renderWorld6(world);
const allPages = [...rendered.values()].flat();

function digest(seed: string): string {
  const h = createHash('sha256');
  for (const [name, pages] of renderWorld6(buildWorld6({ seed })))
    for (const p of pages) h.update(name).update(p.url).update(p.html).update(JSON.stringify(p.photos));
  return h.digest('hex');
}

/** The page's text as a reader sees it: tags removed, entities of spaces read as spaces. */
function visible(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

describe('world 6', () => {
  it('is deterministic by seed, and seeds differ', () => {
    expect(digest(SEED)).toBe(digest(SEED));
    expect(digest(WORLD6_SEEDS[1])).not.toBe(digest(SEED));
  });

  it('shows only ARCEP fiction numbers, however they are written', () => {
    const phone = /(?<![\d])(?:\+33\s?\(0\)\s?|\+33\s?|0)([1-9])((?:[\s.-]?\d){8})(?!\d)/g;
    let seen = 0;
    for (const p of allPages) {
      for (const m of visible(p.html).matchAll(phone)) {
        const national = `0${m[1]}${m[2].replace(/\D/g, '')}`;
        expect(national, `${p.url}: ${m[0]}`).toMatch(/^(063998|019900)\d{4}$/);
        seen++;
      }
      for (const m of p.html.matchAll(/tel:\+33(\d{9})/g)) expect(`0${m[1]}`).toMatch(/^(063998|019900)\d{4}$/);
    }
    expect(seen).toBeGreaterThan(1000);
  });

  it('uses only .test and .example domains for sites, links, pictures and e-mail addresses', () => {
    const vendors = new Set([
      'www.googletagmanager.com',
      'connect.facebook.net',
      'www.facebook.com',
      'pagead2.googlesyndication.com',
    ]);
    for (const s of world.sites) expect(s.name).toMatch(/\.(test|example)$/);
    for (const p of allPages) {
      expect(new URL(p.url).hostname).toMatch(/\.(test|example)$/);
      for (const m of p.html.matchAll(/(?:href|src)="https?:\/\/([^/"?]+)/g))
        if (!vendors.has(m[1])) expect(m[1], p.url).toMatch(/\.(test|example)$/);
      for (const m of visible(p.html).matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g))
        expect(m[1], p.url).toMatch(/\.(test|example)$/);
      for (const photo of p.photos) expect(new URL(photo.url).hostname).toMatch(/\.(test|example)$/);
    }
  });

  it('labels pairs consistently with the sites they name', () => {
    const byName = new Map(world.sites.map((s) => [s.name, s]));
    expect(byName.size).toBe(world.sites.length);
    const references = world.sites.filter((s) => s.role === 'reference');
    expect(references.length).toBeGreaterThanOrEqual(10);
    for (const pair of world.pairs) {
      const ref = byName.get(pair.reference)!;
      const cand = byName.get(pair.candidate)!;
      expect(ref.role).toBe('reference');
      expect(pair.expectClone).toBe(pair.group === 'clone');
      expect(pair.referenceScript).toBe(ref.script);
      if (pair.group === 'clone') expect(Object.keys(CLONE_RECIPES)).toContain(pair.kind);
      if (pair.group === 'hard') expect(Object.keys(HARD_RECIPES)).toContain(pair.kind);
      expect(cand.role).toBe(pair.group === 'unrelated' ? 'reference' : pair.group);
    }
    for (const ref of references) {
      const mine = world.pairs.filter((p) => p.reference === ref.name);
      expect(mine.filter((p) => p.group === 'clone')).toHaveLength(4);
      expect(mine.filter((p) => p.group === 'hard')).toHaveLength(3);
    }
    // A clone is the old site's content coming back: it carries some of the reference's ads.
    for (const pair of world.pairs.filter((p) => p.group === 'clone')) {
      const keys = new Set(byName.get(pair.reference)!.ads.map((a) => a.key));
      expect(byName.get(pair.candidate)!.ads.filter((a) => keys.has(a.key)).length, pair.kind).toBeGreaterThan(5);
    }
    expect(Object.keys(CLONE_RECIPES).length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(HARD_RECIPES).length).toBeGreaterThanOrEqual(6);
  });

  it('keeps every site within a crawl and gives every board listing and ad pages', () => {
    for (const s of world.sites) {
      const pages = rendered.get(s.name)!;
      expect(pages.length).toBeLessThanOrEqual(CRAWL_BUDGET);
      expect(pages.length).toBeGreaterThan(0);
      if (s.script) expect(pages.length).toBe(Math.ceil(s.ads.length / s.perPage) + s.ads.length + 2);
    }
  });

  it('imports nothing from sitegen, the fixtures or another world', () => {
    const dir = join(import.meta.dirname, '../../eval/world6');
    const allowed = [
      /^\.\/[\w-]+\.ts$/,
      /^\.\.\/deploy-profiles\.ts$/,
      /^\.\.\/\.\.\/\.\.\/(detector|images)\/index\.ts$/,
      /^sharp$/,
      /^node:/,
    ];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/^(?:import|export)[^;]*?from\s+'([^']+)'/gms)) {
        expect(
          allowed.some((re) => re.test(m[1])),
          `${file} imports ${m[1]}`,
        ).toBe(true);
        expect(m[1]).not.toMatch(/sitegen|fixtures|world[1-57]|worlds/);
      }
    }
  });
});

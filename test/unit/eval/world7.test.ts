import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCrawlBudget } from '../../eval/deploy-profiles.ts';
import { isFictionNumber } from '../../eval/world7/contacts.ts';
import type { RenderedPage, World7 } from '../../eval/world7/model.ts';
import { HARD_WEIGHTS } from '../../eval/world7/negatives.ts';
import { createPhotoCache } from '../../eval/world7/photos.ts';
import { CLONE_WEIGHTS } from '../../eval/world7/recipes.ts';
import { buildWorld7, renderWorld7, WORLD7_SEEDS } from '../../eval/world7/world.ts';

const SEED = WORLD7_SEEDS[0];
const world = buildWorld7({ seed: SEED });
const rendered = renderWorld7(world);

function digest(pages: Map<string, RenderedPage[]>): string {
  const h = createHash('sha256');
  for (const [name, list] of pages)
    for (const p of list) h.update(`${name}\n${p.url}\n${p.html}\n${JSON.stringify(p.photos)}`);
  return h.digest('hex');
}

/** Vendors' script and CDN hosts a page loads tags and libraries from, and the schema.org vocabulary. */
const INFRASTRUCTURE = new Set([
  'schema.org',
  'www.googletagmanager.com',
  'pagead2.googlesyndication.com',
  'connect.facebook.net',
  'maxcdn.bootstrapcdn.com',
  'ajax.googleapis.com',
  'twitter.com',
]);

describe('world 7', () => {
  it('is deterministic by seed and differs between seeds', () => {
    expect(digest(renderWorld7(buildWorld7({ seed: SEED })))).toBe(digest(rendered));
    const other = buildWorld7({ seed: WORLD7_SEEDS[1] });
    expect(other.sites.map((s) => s.name)).not.toEqual(world.sites.map((s) => s.name));
  });

  it('writes only fiction numbers', () => {
    const all = [...world.advertisers.values()].flatMap((a) => a.phones);
    all.push(...world.sites.map((s) => s.operator.phone));
    for (const n of all) expect(isFictionNumber(n), n).toBe(true);
    const patterns = [
      /(?:\+33|0033)\s?(?:\(0\))?\s?[1-9](?:[\s./-]?\d{2}){4}/g,
      /(?<![\d/])0[1-9](?:[\s./*-]?\d{2}){4}(?!\d)/g,
      /(?<!\d)0(?: \d){9}(?!\d)/g,
    ];
    let seen = 0;
    for (const list of rendered.values()) {
      for (const page of list) {
        const text = page.html.replace(/<\/?span>/g, '');
        for (const re of patterns) {
          for (const m of text.matchAll(re)) {
            const digits = m[0].replace(/\D/g, '');
            const rest = digits.startsWith('0033')
              ? digits.slice(4)
              : digits.startsWith('33')
                ? digits.slice(2)
                : digits;
            const national = rest.replace(/^0/, '');
            expect(isFictionNumber(`+33${national}`), `${page.url}: ${m[0]}`).toBe(true);
            seen++;
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(1000);
  });

  it('names only .test sites, .example mail domains and tag/CDN vendors', () => {
    for (const list of rendered.values()) {
      for (const page of list) {
        expect(new URL(page.url).hostname.endsWith('.test')).toBe(true);
        for (const m of page.html.matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) {
          const host = m[1].toLowerCase();
          expect(host.endsWith('.test') || INFRASTRUCTURE.has(host), `${page.url}: ${host}`).toBe(true);
        }
        for (const m of page.html.matchAll(/[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)) {
          expect(m[1].endsWith('.example'), `${page.url}: ${m[0]}`).toBe(true);
        }
      }
    }
  });

  it('labels pairs consistently', () => {
    const byName = new Map(world.sites.map((s) => [s.name, s]));
    const groups = { clone: 0, hard: 0, unrelated: 0 };
    for (const p of world.pairs) {
      const ref = byName.get(p.reference)!;
      const cand = byName.get(p.candidate)!;
      expect(ref.role).toBe('reference');
      expect(cand).toBeDefined();
      expect(p.seed).toBe(SEED);
      expect(p.expectClone).toBe(p.group === 'clone');
      expect(p.kind.split(':')[0]).toBe(p.group);
      expect(p.referenceScript).toBe(ref.script);
      if (p.group === 'clone') expect(cand.role).toBe('clone');
      if (p.group === 'hard') expect(cand.role).toBe('hard');
      if (p.group === 'unrelated') expect(cand.region.id === ref.region.id && cand.role !== 'unrelated').toBe(false);
      groups[p.group]++;
    }
    expect(world.sites.filter((s) => s.role === 'reference')).toHaveLength(10);
    expect(groups.clone).toBeGreaterThanOrEqual(40);
    expect(groups.hard).toBe(30);
    expect(groups.unrelated).toBe(15);
    expect(world.sites.length).toBeLessThanOrEqual(90);
    const kinds = new Set(world.pairs.map((p) => p.kind));
    for (const [r] of CLONE_WEIGHTS) expect(kinds.has(`clone:${r}`), r).toBe(true);
    for (const [k] of HARD_WEIGHTS) expect(kinds.has(`hard:${k}`), k).toBe(true);
    expect(new Set(world.pairs.map((p) => `${p.reference}|${p.candidate}`)).size).toBe(world.pairs.length);
  });

  it('keeps every site within the crawl budget, home page first', () => {
    for (const [name, list] of rendered) {
      expect(() => checkCrawlBudget('world 7', name, list.length)).not.toThrow();
      expect(list[0].url).toBe(`https://${name}/`);
      expect(new Set(list.map((p) => p.url)).size).toBe(list.length);
    }
  });

  it('shares advertisers and numbers between a reference and its restarts', () => {
    const numbers = (w: World7, name: string) =>
      new Set(w.sites.find((s) => s.name === name)!.ads.flatMap((a) => a.phones));
    const swap = world.pairs.find((p) => p.kind === 'clone:domain-swap')!;
    const ref = numbers(world, swap.reference);
    expect([...numbers(world, swap.candidate)].every((n) => ref.has(n))).toBe(true);
  });

  it('hashes a served picture deterministically', async () => {
    const style = {
      key: 'k',
      steps: [{ full: 660, thumb: 408, thumbRatio: 1.5, quality: 80, format: 'jpeg' as const }],
    };
    const a = await createPhotoCache().picture('bicycle.a1~0', style, true);
    const b = await createPhotoCache().picture('bicycle.a1~0', style, true);
    expect(a).toEqual(b);
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect([a.width, a.height]).toEqual([408, 272]);
  });

  it('imports nothing from other worlds, sitegen or the comparison code', () => {
    const dir = join(import.meta.dirname, '../../eval/world7');
    const allowed: Record<string, RegExp> = {
      '../../../detector/index.ts': /^(type \w+|extractPage)$/,
      '../../../images/index.ts': /^(photoHashes|imageInfo)$/,
      '../deploy-profiles.ts': /^(checkCrawlBudget|deployProfiles)$/,
    };
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const src = readFileSync(join(dir, file), 'utf8');
      for (const m of src.matchAll(/import\s+(?:type\s+)?(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s+'([^']+)'/g)) {
        const spec = m[3];
        if (spec.startsWith('./') || spec === 'sharp' || spec.startsWith('node:')) continue;
        expect(allowed[spec], `${file} imports ${spec}`).toBeDefined();
        for (const name of (m[2] ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)) {
          expect(name, `${file} imports ${name} from ${spec}`).toMatch(allowed[spec]);
        }
      }
      expect(src).not.toMatch(/world[2-6]|sitegen|detector\/compare|thresholds/);
    }
  });
});

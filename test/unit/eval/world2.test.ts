/**
 * World 2's generator keeps its promises: deterministic by seed, labels consistent with what the recipes did, phone
 * numbers only in the ARCEP fiction ranges, fiction domains, valid payment pivots, five scripts rendering every page
 * kind, and no code shared with sitegen/ or the world-1 fixtures. Not the detector's score (npm run eval:worlds).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Site } from '../../eval/world2/model.ts';
import { isFictionNumber } from '../../eval/world2/phones.ts';
import { ibanIsValid } from '../../eval/world2/pivots.ts';
import { CLONE_RECIPES, HARD_KINDS } from '../../eval/world2/recipes.ts';
import { renderWorld2Site, SCRIPTS } from '../../eval/world2/scripts/index.ts';
import { buildWorld2, renderWorld2, WORLD2_SEEDS } from '../../eval/world2/world.ts';

const WORLD2_DIR = join(import.meta.dirname, '../../eval/world2');
const small = (seed: string) => buildWorld2({ seed, references: 4 });
const digest = (pages: Map<string, [string, string][]>) =>
  createHash('sha256')
    .update(JSON.stringify([...pages]))
    .digest('hex');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every phone-like digit run of a page's visible text (tags removed, so numbers split across tags count). */
function phoneRuns(html: string): string[] {
  const text = html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, '');
  const runs = text.match(/(?:\+33\s?(?:\(0\))?\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/g) ?? [];
  return runs.map((r) => {
    const d = r.replace(/\D/g, '');
    return d.startsWith('330') ? `0${d.slice(3)}` : d.startsWith('33') ? `0${d.slice(2)}` : d;
  });
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58CheckValid(address: string): boolean {
  let n = 0n;
  for (const ch of address) n = n * 58n + BigInt(B58.indexOf(ch));
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n % 256n));
    n /= 256n;
  }
  for (const ch of address) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  const payload = Uint8Array.from(bytes.slice(0, -4));
  const sum = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest();
  return bytes.length === 25 && bytes.slice(-4).every((b, i) => b === sum[i]);
}

describe('world 2 generator', () => {
  it('is deterministic by seed and differs between seeds', () => {
    const a = renderWorld2(small('w2-test-a'));
    expect(digest(renderWorld2(small('w2-test-a')))).toBe(digest(a));
    expect(digest(renderWorld2(small('w2-test-b')))).not.toBe(digest(a));
  });

  it('has at least four seeds of at least 20 references, each with clones, hard negatives and unrelated pairs', () => {
    expect(WORLD2_SEEDS.length).toBeGreaterThanOrEqual(4);
    const world = buildWorld2({ seed: WORLD2_SEEDS[0] });
    const refs = world.sites.filter((s) => s.name.startsWith('ref-'));
    expect(refs.length).toBeGreaterThanOrEqual(20);
    for (const ref of refs)
      for (const group of ['clone', 'hard', 'unrelated'])
        expect(world.pairs.some((p) => p.reference === ref.name && p.group === group)).toBe(true);
  });

  it('labels each pair as its recipe made it', () => {
    const world = buildWorld2({ seed: 'w2-test-labels', references: 8 });
    const byName = new Map(world.sites.map((s) => [s.name, s]));
    const refIds = (s: Site) => new Set(s.ads.map((a) => a.id));
    for (const p of world.pairs) {
      const ref = byName.get(p.reference)!;
      const cand = byName.get(p.candidate)!;
      expect(ref.name.startsWith('ref-')).toBe(true);
      expect(p.expectClone).toBe(p.group === 'clone');
      if (p.group === 'clone') {
        expect(CLONE_RECIPES).toContain(p.kind);
        // At least half the old ads, and a trace of the operator (own contacts, one pivot or the same script).
        const kept = cand.ads.filter((a) => refIds(ref).has(a.id)).length;
        expect(kept / ref.ads.length).toBeGreaterThanOrEqual(0.5 - 1e-9);
        const pivotShared = Object.entries(ref.pivots).some(
          ([k, v]) => v && cand.pivots[k as keyof Site['pivots']] === v,
        );
        expect(cand.operator?.phone === ref.operator?.phone || pivotShared || cand.script === ref.script).toBe(true);
      } else if (p.group === 'hard') {
        expect(HARD_KINDS).toContain(p.kind);
        if (p.kind === 'competitor-same-script') {
          const fromRef = cand.ads.filter((a) => refIds(ref).has(a.id)).length;
          expect(fromRef).toBeLessThanOrEqual(cand.ads.length / 2);
          expect(cand.script).toBe(ref.script);
        }
        expect(cand.operator?.phone === ref.operator?.phone && cand.operator !== null).toBe(false);
      } else {
        expect(cand.name.startsWith('ref-')).toBe(true);
        expect(cand).not.toBe(ref);
      }
    }
  });

  it('writes only fiction phone numbers, fiction domains and valid fiction pivots', () => {
    const world = small('w2-test-fiction');
    for (const site of world.sites) {
      expect(site.domain).toMatch(/\.(test|example)$/);
      for (const ad of site.ads) expect(isFictionNumber(ad.advertiser.phone)).toBe(true);
      if (site.operator) expect(isFictionNumber(site.operator.phone)).toBe(true);
      if (site.pivots.iban) expect(ibanIsValid(site.pivots.iban)).toBe(true);
      if (site.pivots.btc) expect(base58CheckValid(site.pivots.btc)).toBe(true);
    }
    let runs = 0;
    for (const pages of renderWorld2(world).values())
      for (const [, html] of pages) {
        for (const digits of phoneRuns(html)) {
          runs++;
          expect(isFictionNumber(digits), digits).toBe(true);
        }
        for (const [, domain] of html.matchAll(/mailto:[^@"]+@([^"]+)"/g)) expect(domain).toMatch(/\.(test|example)$/);
      }
    expect(runs).toBeGreaterThan(100);
  });

  it('renders listing, ad, home and contact pages on each of five scripts', () => {
    const world = buildWorld2({ seed: 'w2-test-scripts', references: 10 });
    expect(SCRIPTS).toHaveLength(5);
    for (const script of SCRIPTS) {
      const site = world.sites.find((s) => s.kind === 'classified' && s.script === script && s.detailPages);
      expect(site, script).toBeDefined();
      const pages = renderWorld2Site(site!);
      expect(pages.has('/'), script).toBe(true);
      expect(
        [...pages.keys()].some((k) => k.includes('contact')),
        script,
      ).toBe(true);
      // Listing pages plus one page per listed ad, plus home and contact.
      expect(pages.size, script).toBeGreaterThanOrEqual(site!.ads.length + 3);
    }
  });

  it('shares no code with sitegen/ or the world-1 fixtures', () => {
    const files = sourceFiles(WORLD2_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const spec of specifiers) {
        expect(spec, file).not.toMatch(/sitegen|fixtures/);
        // The generator imports only Node and itself; the pipeline alone reaches the detector it evaluates (its
        // deployment steps in the harness's ../deploy-profiles.ts); the pictures draw with sharp and hash with the
        // product's images/.
        const name = file.split('/').at(-1)!;
        const product: Record<string, string[]> = {
          'pipeline.ts': ['../../../detector/index.ts'],
          'pictures.ts': ['../../../detector/index.ts', '../../../images/index.ts', 'sharp'],
          'photograph.ts': ['sharp'],
        };
        const allowed =
          spec.startsWith('node:') ||
          (spec.startsWith('.') && !spec.startsWith('../../')) ||
          (product[name] ?? []).includes(spec);
        expect(allowed, `${file} imports ${spec}`).toBe(true);
      }
    }
  });
});

/**
 * World 4's generator keeps its promises: deterministic by seed, labels consistent with what the recipes did, only
 * ARCEP fiction numbers and fiction domains, every template rendering, its pictures deterministic per photo id, and
 * no code shared with sitegen/, the world-1 fixtures, world 2 or world 3. Not the detector's score
 * (npx tsx test/eval/worlds.ts --world 4).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFictionNumber, phoneHtml } from '../../eval/world4/contacts.ts';
import type { Site } from '../../eval/world4/model.ts';
import { renderSite } from '../../eval/world4/others.ts';
import { pagePhotos, sitePhotoBytes } from '../../eval/world4/pictures.ts';
import { CLONE_RECIPES, HARD_KINDS } from '../../eval/world4/recipes.ts';
import { buildWorld4, renderWorld4, WORLD4_SEEDS } from '../../eval/world4/world.ts';

const DIR = join(import.meta.dirname, '../../eval/world4');
const digest = (pages: Map<string, [string, string][]>) =>
  createHash('sha256')
    .update(JSON.stringify([...pages]))
    .digest('hex');

/** Phone-like digit runs of a page's visible text (entities decoded, tags removed). */
function phoneRuns(html: string): string[] {
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)));
  return (text.match(/\b0[1-9](?:[\s.]?\d{2}){4}\b/g) ?? []).map((r) => r.replace(/\D/g, ''));
}

describe('world 4 generator', () => {
  it('is deterministic by seed and differs between seeds', () => {
    const a = digest(renderWorld4(buildWorld4({ seed: 'w4-test-a', references: 3 })));
    expect(digest(renderWorld4(buildWorld4({ seed: 'w4-test-a', references: 3 })))).toBe(a);
    expect(digest(renderWorld4(buildWorld4({ seed: 'w4-test-b', references: 3 })))).not.toBe(a);
  });

  it('has three seeds of twelve references, each with four clones, three hard negatives and unrelated pairs; every recipe is used', () => {
    expect(WORLD4_SEEDS).toHaveLength(3);
    const world = buildWorld4({ seed: WORLD4_SEEDS[0] });
    const refs = world.sites.filter((s) => /^ref-\d+$/.test(s.name));
    expect(refs).toHaveLength(12);
    for (const ref of refs) {
      const mine = world.pairs.filter((p) => p.reference === ref.name);
      expect(mine.filter((p) => p.group === 'clone')).toHaveLength(4);
      expect(mine.filter((p) => p.group === 'hard')).toHaveLength(3);
      expect(mine.filter((p) => p.group === 'unrelated').length).toBeGreaterThan(0);
    }
    for (const kind of [...CLONE_RECIPES, ...HARD_KINDS])
      expect(
        world.pairs.some((p) => p.kind === kind),
        kind,
      ).toBe(true);
  });

  it('labels each pair as its recipe made it', () => {
    for (const seed of ['w4-test-labels', WORLD4_SEEDS[1]]) {
      const world = buildWorld4({ seed });
      const byName = new Map(world.sites.map((s) => [s.name, s]));
      const trackerKept = (a: Site, b: Site) =>
        Object.entries(a.trackers).some(([k, v]) => v && b.trackers[k as keyof Site['trackers']] === v);
      for (const p of world.pairs) {
        const ref = byName.get(p.reference)!;
        const cand = byName.get(p.candidate)!;
        const ids = new Set(ref.ads.map((a) => a.id));
        const kept = cand.ads.filter((a) => ids.has(a.id)).length / ref.ads.length;
        const opKept =
          cand.operator !== null &&
          (cand.operator.phone === ref.operator!.phone || cand.operator.email === ref.operator!.email);
        expect(p.expectClone).toBe(p.group === 'clone');
        if (p.group === 'clone') {
          expect(CLONE_RECIPES).toContain(p.kind);
          expect(kept >= 0.55 || (kept >= 0.44 && (opKept || trackerKept(ref, cand))), `${p.kind} kept ${kept}`).toBe(
            true,
          );
        } else if (p.group === 'hard') {
          expect(HARD_KINDS).toContain(p.kind);
          expect(kept, p.kind).toBeLessThan(0.45);
          expect(opKept, p.kind).toBe(false);
          expect(trackerKept(ref, cand), p.kind).toBe(false);
        } else {
          expect(kept).toBe(0);
          expect(/^ref-\d+$/.test(cand.name) && cand !== ref).toBe(true);
        }
      }
    }
  });

  it('writes only fiction phone numbers and fiction domains', () => {
    const world = buildWorld4({ seed: 'w4-test-fiction', references: 4 });
    for (const site of world.sites) {
      expect(site.domain).toMatch(/\.(test|example)$/);
      if (site.operator) {
        expect(isFictionNumber(site.operator.phone)).toBe(true);
        expect(site.operator.email).toMatch(/\.(test|example)$/);
      }
      for (const ad of site.ads) {
        expect(isFictionNumber(ad.advertiser.phone)).toBe(true);
        if (ad.advertiser.email) expect(ad.advertiser.email).toMatch(/\.(test|example)$/);
      }
      for (const t of [site.trackers.ga, site.trackers.gtm, site.trackers.pixel].filter(Boolean))
        expect(t).toMatch(/^(G-[A-Z0-9]{10}|GTM-[A-Z0-9]{7}|\d{15})$/);
    }
    let runs = 0;
    for (const pages of renderWorld4(world).values())
      for (const [url, html] of pages) {
        expect(new URL(url).hostname).toMatch(/\.(test|example)$/);
        for (const n of phoneRuns(html)) {
          runs++;
          expect(isFictionNumber(n), n).toBe(true);
        }
        for (const [, n] of html.matchAll(/tel:\+33(\d{9})/g)) expect(isFictionNumber(`0${n}`)).toBe(true);
        for (const [, dom] of html.matchAll(/mailto:[^@"]+@([^"]+)"/g)) expect(dom).toMatch(/\.(test|example)$/);
        for (const [, host] of html.matchAll(/href="https:\/\/([^/"]+)/g)) expect(host).toMatch(/\.(test|example)$/);
      }
    expect(runs).toBeGreaterThan(50);
    expect(phoneHtml('0639981234', 'words')).toBe('zéro six 39 98 12 34');
  });

  it('renders every template: listing, ad and service pages of the three scripts, and the other page kinds', () => {
    const world = buildWorld4({ seed: 'w4-test-templates', references: 6 });
    for (const script of ['awpcp', 'dcf', 'sharetribe', 'gallery', 'aggregator', 'forum'] as const) {
      const site = world.sites.find((s) => s.script === script && s.ads.length > 0);
      expect(site, script).toBeDefined();
      const pages = renderSite(site!);
      expect(pages.length, script).toBeGreaterThanOrEqual(3);
      for (const [, html] of pages) expect(html).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>$/);
      if (script === 'gallery') {
        const photos = pages.flatMap(([u, h]) => pagePhotos(h, u));
        expect(photos.length).toBeGreaterThanOrEqual(site!.ads.length);
        continue;
      }
      for (const ad of site!.ads.slice(0, 3)) {
        const title = ad.title.replace(/&/g, '&amp;').slice(0, 20);
        expect(
          pages.some(([, h]) => h.includes(title)),
          `${script}: ${ad.title}`,
        ).toBe(true);
      }
    }
    const renamed = world.sites.find((s) => s.classRename)!;
    const html = renderSite(renamed)
      .map(([, h]) => h)
      .join('');
    for (const [from, to] of Object.entries(renamed.classRename!).slice(0, 3)) {
      expect(html).toContain(to);
      expect(html).not.toMatch(new RegExp(`class="(?:[^"]* )?${from}(?: [^"]*)?"`));
    }
  });

  it('makes the same picture for a photo id every time, and each site re-encodes it its own way', async () => {
    const style = { width: 320, quality: 70, crop: 0, brightness: 1 };
    const a = await sitePhotoBytes('ph0123abcd', style, 320);
    expect((await sitePhotoBytes('ph0123abcd', style, 320)).equals(a)).toBe(true);
    expect((await sitePhotoBytes('ph0123abcd', { ...style, quality: 85, crop: 0.03 }, 320)).equals(a)).toBe(false);
    expect((await sitePhotoBytes('ph9876fedc', style, 320)).equals(a)).toBe(false);
  });

  it('shares no code with sitegen/, the world-1 fixtures, world 2 or world 3', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(8);
    const product = ['../../../detector/index.ts', '../../../images/index.ts'];
    for (const file of files) {
      const source = readFileSync(join(DIR, file), 'utf8');
      for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        expect(spec, file).not.toMatch(/sitegen|fixtures|world2|world3/);
        const allowed =
          spec.startsWith('node:') ||
          (spec.startsWith('./') && !spec.includes('..')) ||
          (['pipeline.ts', 'pictures.ts'].includes(file) && product.includes(spec)) ||
          // The deployment's steps after extraction, shared harness plumbing (no world content).
          (file === 'pipeline.ts' && spec === '../deploy-profiles.ts') ||
          (file === 'pictures.ts' && spec === 'sharp');
        expect(allowed, `${file} imports ${spec}`).toBe(true);
      }
    }
  });
});

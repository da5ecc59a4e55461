/**
 * World 5's generator keeps its promises: deterministic by seed, labels consistent with what the recipes did, only
 * ARCEP fiction numbers and fiction domains, every template rendering, sites within a crawl's budget, pictures
 * deterministic per photo id, and no code shared with sitegen/, the world-1 fixtures, worlds 2 to 4 or the
 * detector's comparison. Not the detector's score.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoHashes } from '../../../images/index.ts';
import { isFictionNumber, phoneHtml } from '../../eval/world5/contacts.ts';
import type { Site } from '../../eval/world5/model.ts';
import { pagePhotos, sitePhotoBytes } from '../../eval/world5/photos.ts';
import { CLONE_RECIPES, HARD_KINDS } from '../../eval/world5/recipes.ts';
import { renderSite } from '../../eval/world5/render.ts';
import { buildWorld5, renderWorld5, WORLD5_SEEDS } from '../../eval/world5/world.ts';

/** Differing bits of two 16-hex-digit hashes. */
const bits = (a: string, b: string) => {
  let n = 0;
  for (let i = 0; i < 16; i++)
    n += (Number.parseInt(a[i], 16) ^ Number.parseInt(b[i], 16)).toString(2).replace(/0/g, '').length;
  return n;
};
const DIR = join(import.meta.dirname, '../../eval/world5');
const digest = (pages: Map<string, [string, string][]>) =>
  createHash('sha256')
    .update(JSON.stringify([...pages]))
    .digest('hex');

/** Phone-like digit runs of a page's visible text (entities decoded, tags and scripts removed), as ten digits. */
function phoneRuns(html: string): string[] {
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)));
  const national = (text.match(/\b0[1-9](?:[\s.-]?\d{2}){4}\b/g) ?? []).map((r) => r.replace(/\D/g, ''));
  const intl = (text.match(/\+33 (?:\(0\))?\d(?: \d{2}){4}/g) ?? []).map(
    (r) => `0${r.replace(/\(0\)/, '').replace(/\D/g, '').slice(2)}`,
  );
  return [...national, ...intl];
}

describe('world 5 generator', () => {
  it('is deterministic by seed and differs between seeds', () => {
    const a = digest(renderWorld5(buildWorld5({ seed: 'w5-test-a', references: 3 })));
    expect(digest(renderWorld5(buildWorld5({ seed: 'w5-test-a', references: 3 })))).toBe(a);
    expect(digest(renderWorld5(buildWorld5({ seed: 'w5-test-b', references: 3 })))).not.toBe(a);
  });

  it('has four seeds of twelve references, each with four clones, three hard negatives and unrelated pairs; every recipe is used; every site fits a crawl', () => {
    expect(WORLD5_SEEDS).toHaveLength(4);
    const world = buildWorld5({ seed: WORLD5_SEEDS[0] });
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
    for (const [name, pages] of renderWorld5(world)) {
      expect(pages.length, name).toBeLessThanOrEqual(200);
      expect(new Set(pages.map(([u]) => u)).size, name).toBe(pages.length);
    }
  });

  it('never serves a clone as the reference’s own pages', () => {
    const world = buildWorld5({ seed: WORLD5_SEEDS[2], references: 4 });
    const pages = renderWorld5(world);
    for (const p of world.pairs.filter((x) => x.group === 'clone')) {
      const ref = new Set(pages.get(p.reference)!.map(([, h]) => h));
      expect(
        pages.get(p.candidate)!.some(([, h]) => ref.has(h)),
        p.kind,
      ).toBe(false);
    }
  });

  it('labels each pair as its recipe made it', () => {
    for (const seed of ['w5-test-labels', WORLD5_SEEDS[1], WORLD5_SEEDS[3]]) {
      const world = buildWorld5({ seed });
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
          expect(kept >= 0.5 || (kept >= 0.4 && (opKept || trackerKept(ref, cand))), `${p.kind} kept ${kept}`).toBe(
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
    const world = buildWorld5({ seed: 'w5-test-fiction', references: 5 });
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
      const t = site.trackers;
      for (const v of [t.ga, t.gtm, t.pixel, t.adsense].filter(Boolean))
        expect(v).toMatch(/^(G-[A-Z0-9]{10}|GTM-[A-Z0-9]{7}|\d{16}|ca-pub-\d{16})$/);
    }
    let runs = 0;
    for (const pages of renderWorld5(world).values())
      for (const [url, html] of pages) {
        expect(new URL(url).hostname).toMatch(/\.(test|example)$/);
        for (const n of phoneRuns(html)) {
          runs++;
          expect(isFictionNumber(n), n).toBe(true);
        }
        for (const [, n] of html.matchAll(/(?:tel:\+33|wa\.me\/33)(\d{9})/g))
          expect(isFictionNumber(`0${n}`)).toBe(true);
        for (const [, dom] of html.matchAll(/mailto:[^@"]+@([^"]+)"/g)) expect(dom).toMatch(/\.(test|example)$/);
        for (const [, host] of html.matchAll(/href="https:\/\/([^/"]+)/g))
          expect(host).toMatch(/\.(test|example)$|^wa\.me$/);
      }
    expect(runs).toBeGreaterThan(100);
    expect(phoneHtml('0639981234', 'intl0')).toBe('+33 (0)6 39 98 12 34');
    expect(phoneHtml('0199001234', 'masked')).not.toContain('12 34');
  });

  it('renders every template: listing, ad and service pages of the four scripts, and the other page kinds', () => {
    const world = buildWorld5({ seed: 'w5-test-templates', references: 8 });
    const scripts = ['hivepress', 'directorist', 'geodirectory', 'classima'] as const;
    for (const script of [...scripts, 'gallery', 'aggregator', 'press', 'forum', 'vitrine', 'annuaire'] as const) {
      const site = world.sites.find((s) => s.script === script && s.ads.length > 0);
      expect(site, script).toBeDefined();
      const pages = renderSite(site!);
      expect(pages.length, script).toBeGreaterThanOrEqual(3);
      for (const [, html] of pages) expect(html).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>$/);
      if ((scripts as readonly string[]).includes(script)) {
        const html = pages.map(([, h]) => h).join('');
        for (const ad of site!.ads.slice(0, 3))
          expect(html, `${script}: ${ad.id}`).toContain(ad.town.replace(/&/g, '&amp;'));
        const photos = pages.flatMap(([u, h]) => pagePhotos(h, u));
        expect(photos.length, script).toBeGreaterThan(0);
      }
    }
    const renamed = world.sites.find((s) => s.look.classPrefix)!;
    const html = renderSite(renamed)
      .map(([, h]) => h)
      .join('');
    const [from, to] = renamed.look.classPrefix!;
    expect(html).toContain(`class="${to}`);
    expect(html).not.toMatch(new RegExp(`class="(?:[^"]* )?${from}`));
    const mirror = world.sites.find((s) => s.mirrorOf);
    if (mirror) expect(renderSite(mirror)[0][1]).toContain('id="mirror-notice"');
    const english = world.sites.find((s) => s.look.lang === 'en' && s.ads.length > 0);
    if (english) expect(renderSite(english)[0][1]).toContain('lang="en-GB"');
  });

  it('draws the same picture for a photo id every time, and each site re-encodes it its own way', async () => {
    const style = { width: 320, quality: 70, crop: 0, brightness: 1, watermark: false, thumb: 150 };
    const a = await sitePhotoBytes('phabcde001', 'garden', style, 320);
    expect((await sitePhotoBytes('phabcde001', 'garden', style, 320)).equals(a)).toBe(true);
    expect((await sitePhotoBytes('phabcde001', 'garden', { ...style, quality: 85, crop: 0.03 }, 320)).equals(a)).toBe(
      false,
    );
    expect((await sitePhotoBytes('phabcde001', 'garden', { ...style, watermark: true }, 320)).equals(a)).toBe(false);
    expect((await sitePhotoBytes('phfghij002', 'garden', style, 320)).equals(a)).toBe(false);
  });

  it('draws different pictures for different photo ids of the same scene', async () => {
    const style = { width: 320, quality: 75, crop: 0, brightness: 1, watermark: false, thumb: 150 };
    const hashes = await Promise.all(
      Array.from(
        { length: 8 },
        async (_, i) => (await photoHashes(await sitePhotoBytes(`phvar${i}0000`, 'portrait', style, 320))).hash,
      ),
    );
    for (let i = 0; i < hashes.length; i++)
      for (let j = i + 1; j < hashes.length; j++)
        expect(bits(hashes[i], hashes[j]), `${i}/${j}`).toBeGreaterThanOrEqual(6);
  });

  it('shares no code with sitegen/, the world-1 fixtures, worlds 2 to 4 or the detector’s comparison', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(12);
    for (const file of files) {
      const source = readFileSync(join(DIR, file), 'utf8');
      for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        expect(spec, file).not.toMatch(/sitegen|fixtures|world[234]|compare|thresholds/);
        const allowed =
          spec.startsWith('node:') ||
          (spec.startsWith('./') && !spec.includes('..')) ||
          (file === 'pipeline.ts' && ['../../../detector/index.ts', '../deploy-profiles.ts'].includes(spec)) ||
          (file === 'photos.ts' && ['../../../images/index.ts', 'sharp'].includes(spec));
        expect(allowed, `${file} imports ${spec}`).toBe(true);
      }
    }
  });
});

/**
 * World 2's pictures (test/eval/world2/pictures.ts): every ad photo a world-2 page shows is fetched and hashed,
 * nothing else is; one photo served by two sites is the same picture by the detector's own rule; two different
 * photos never are. Not the detector's score (npm run eval:worlds -- --world 2).
 */
import { describe, expect, it } from 'vitest';
import { defaultThresholds, type PageImage, photoMatch } from '../../../detector/index.ts';
import type { Site } from '../../eval/world2/model.ts';
import { photograph } from '../../eval/world2/photograph.ts';
import {
  hashRendition,
  type PictureChange,
  photoRefs,
  pictureStyle,
  renditionBytes,
  world2Pictures,
} from '../../eval/world2/pictures.ts';
import { renderWorld2Site, SCRIPTS } from '../../eval/world2/scripts/index.ts';
import { buildWorld2, renderWorld2 } from '../../eval/world2/world.ts';

const world = buildWorld2({ seed: 'w2-alpha', references: 4 });
const rendered = renderWorld2(world);
const pagesOf = (site: Site): [string, string][] =>
  [...renderWorld2Site(site)].map(([path, html]) => [`http://${site.domain}${path}`, html]);
const same = (a: PageImage, b: PageImage) =>
  photoMatch(a, b, defaultThresholds.photoMaxDistance, defaultThresholds.photoCropMaxDistance) !== null;
const photoOf = (url: string) => url.split('/').at(-1)!;

describe('world 2 pictures', () => {
  it('finds every ad photo a page shows, for each script, and nothing else', () => {
    // The world's sites, and its references again on every script.
    const rescripted = world.sites
      .filter((s) => s.name.startsWith('ref-'))
      .flatMap((s) => SCRIPTS.map((script) => ({ ...s, name: `${s.name}-${script}`, script })));
    const pages = new Map([...rendered, ...rescripted.map((s) => [s.name, pagesOf(s)] as const)]);
    const scripts = new Set<string>();
    for (const site of [...world.sites, ...rescripted]) {
      const refs = pages.get(site.name)!.map(([url, html]) => photoRefs(url, html));
      const found = new Set(refs.flat().map((r) => r.photo));
      const own = new Set(site.ads.flatMap((a) => (a.photo ? [a.photo] : [])));
      if (!site.photos || site.kind !== 'classified') {
        expect(found.size, site.name).toBe(0);
        continue;
      }
      // Only the site's own ads' photos, each `<img>` of an upload once.
      for (const p of found) expect(own.has(p), `${site.name} ${p}`).toBe(true);
      pages.get(site.name)!.forEach(([, html], i) => {
        expect(refs[i].length).toBe((html.match(/<img /g) ?? []).length);
      });
      // A whole site (every listing page and every ad page online) shows every one of its photos.
      if (site.detailPages && !site.maxListingPages) {
        expect(found, site.name).toEqual(own);
        scripts.add(site.script);
      }
    }
    expect([...scripts].sort()).toEqual([...SCRIPTS].sort());
  });

  it('reads addresses as a browser does and leaves other pictures out', () => {
    const html = [
      '<img src="/uploads/240x180/menage-12.jpg" alt="x">',
      "<IMG class='a' SRC='https://cdn.example/uploads/1024x768/jardinage-3.jpg'>",
      '<img src=../uploads/75x75/garde-7.jpg>',
      '<img src="/uploads/menage-13.jpg">',
      '<img src="/img/logo.png"><img src="/uploads/240x180/notes.pdf"><img alt="no source">',
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img src="/uploads/240x180/plan.jpg">',
    ].join('');
    expect(photoRefs('http://site.test/annonces/page/2', html)).toEqual([
      { url: 'http://site.test/uploads/240x180/menage-12.jpg', photo: 'menage-12.jpg', width: 240, height: 180 },
      {
        url: 'https://cdn.example/uploads/1024x768/jardinage-3.jpg',
        photo: 'jardinage-3.jpg',
        width: 1024,
        height: 768,
      },
      { url: 'http://site.test/annonces/uploads/75x75/garde-7.jpg', photo: 'garde-7.jpg', width: 75, height: 75 },
      { url: 'http://site.test/uploads/menage-13.jpg', photo: 'menage-13.jpg', width: 640, height: 480 },
    ]);
  });

  it('hashes each picture of each page, on one small site per script', async () => {
    const ref = world.sites.find((s) => s.name.startsWith('ref-') && s.photos)!;
    const sites = SCRIPTS.map((script, i) => ({
      ...ref,
      name: `${ref.name}-${script}`,
      script,
      ads: ref.ads.filter((a) => a.photo).slice(2 * i, 2 * i + 2),
      detailPages: true,
      maxListingPages: undefined,
    }));
    const input = sites.map((site) => ({ site, pages: pagesOf(site) }));
    const { images, stats } = await world2Pictures(input);
    expect(stats.photos).toBe(sites.length * 2);
    for (const { site, pages } of input) {
      const perPage = images.get(site.name)!;
      expect(perPage.length).toBe(pages.length);
      pages.forEach(([url, html], i) => {
        const refs = photoRefs(url, html);
        expect(perPage[i].map((img) => img.url)).toEqual(refs.map((r) => r.url));
        perPage[i].forEach((img, k) => {
          expect(img.hash).toMatch(/^[0-9a-f]{16}$/);
          expect(img.sha256).toMatch(/^[0-9a-f]{64}$/);
          expect(img.width).toBeLessThanOrEqual(refs[k].width);
          expect(img.height).toBeLessThanOrEqual(refs[k].height);
          expect(img.crops?.length ?? 0).toBe(Math.min(img.width, img.height) >= 100 ? 56 : 0);
        });
      });
      // One rendition per photo and size: the same bytes wherever the site shows it.
      const bySize = new Map<string, Set<string>>();
      for (const img of perPage.flat()) {
        const k = `${photoOf(img.url)} ${img.width}x${img.height}`;
        bySize.set(k, (bySize.get(k) ?? new Set()).add(img.sha256));
      }
      for (const [k, shas] of bySize) expect(shas.size, `${site.name} ${k}`).toBe(1);
    }
  });

  it('makes one photo on two sites the same picture, whatever each site changes', async () => {
    // A real clone pair of the world sharing photos, both on their own scripts and settings.
    const pair = world.pairs.find((p) => {
      const [r, c] = [p.reference, p.candidate].map((n) => world.sites.find((s) => s.name === n)!);
      return p.expectClone && r.photos && c.photos && r.script !== c.script && c.detailPages;
    })!;
    const [ref, cand] = [pair.reference, pair.candidate].map((n) => world.sites.find((s) => s.name === n)!);
    const shared = cand.ads.filter((a) => a.photo && ref.ads.some((b) => b.photo === a.photo)).slice(0, 2);
    expect(shared.length).toBe(2);
    const trimmed = [ref, cand].map((s) => ({ ...s, ads: shared, maxListingPages: undefined, detailPages: true }));
    const { images } = await world2Pictures(trimmed.map((site) => ({ site, pages: pagesOf(site) })));
    const [a, b] = trimmed.map((s) => images.get(s.name)!.flat());
    for (const ad of shared) {
      // The largest picture of the ad on each site (its ad page's photo).
      const largest = (list: PageImage[]) =>
        list.filter((i) => photoOf(i.url) === ad.photo).sort((x, y) => y.width - x.width)[0];
      expect(same(largest(a), largest(b)), `${ref.script} → ${cand.script} ${ad.photo}`).toBe(true);
    }

    // Every kind of change, both fits, at every 4:3 size the templates use.
    const wanted: PictureChange['kind'][] = ['none', 'crop', 'watermark', 'recompress'];
    const styled = Array.from({ length: 200 }, (_, i) => {
      const site = { name: `site-${i}`, domain: `annonces-${i}.test`, script: SCRIPTS[i % SCRIPTS.length] };
      return { site, style: pictureStyle(site) };
    });
    const picks = wanted.flatMap((kind) =>
      (['cover', 'inside'] as const).map(
        (fit) => styled.find((x) => x.style.change.kind === kind && x.style.fit === fit)!,
      ),
    );
    expect(picks.every(Boolean)).toBe(true);
    const original = await photograph('peinture-41.jpg');
    const boxes = [
      [1024, 768],
      [640, 480],
      [400, 300],
      [240, 180],
    ];
    const renditions = await Promise.all(
      picks.map(async ({ style }, i) => {
        const [width, height] = boxes[i % boxes.length];
        const bytes = await renditionBytes(original, style, { url: '', photo: 'peinture-41.jpg', width, height });
        return { url: '', ...(await hashRendition(bytes)) };
      }),
    );
    for (let i = 0; i < renditions.length; i++)
      for (let j = i + 1; j < renditions.length; j++)
        expect(same(renditions[i], renditions[j]), `${picks[i].site.name} / ${picks[j].site.name}`).toBe(true);
  });

  it('never makes two different photos the same picture', async () => {
    const trades = ['plomberie', 'menage', 'jardinage', 'soutien', 'demenagement', 'bricolage', 'peinture', 'garde'];
    const names = Array.from({ length: 16 }, (_, i) => `${trades[i % trades.length]}-${500 + i}.jpg`);
    const sites = world.sites.slice(0, 2).map(pictureStyle);
    const images: { photo: string; image: PageImage }[] = [];
    for (const photo of names) {
      const original = await photograph(photo);
      for (const style of sites) {
        const bytes = await renditionBytes(original, style, { url: '', photo, width: 240, height: 180 });
        images.push({ photo, image: { url: '', ...(await hashRendition(bytes)) } });
      }
    }
    let pairs = 0;
    let matches = 0;
    for (let i = 0; i < images.length; i++)
      for (let j = i + 1; j < images.length; j++) {
        if (images[i].photo === images[j].photo) continue;
        pairs++;
        if (same(images[i].image, images[j].image)) matches++;
      }
    expect(pairs).toBeGreaterThanOrEqual(400);
    expect(matches).toBe(0);
  });
});

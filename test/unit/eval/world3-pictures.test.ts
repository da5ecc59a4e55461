/**
 * World 3's pictures (test/eval/world3/pictures.ts) model what a crawl fetches: every ad photo of every script's page
 * is found, a photo shown on two sites hashes near itself whatever each site's re-encoding and crop, and two photos
 * are far apart. Not the detector's score (npm run eval:worlds -- --world 3).
 */
import { describe, expect, it } from 'vitest';
import { defaultThresholds, hashDistance, photoMatch } from '../../../detector/index.ts';
import { createPictureCache, pagePhotos, siteRendition } from '../../eval/world3/pictures.ts';
import { buildWorld3, renderWorld3 } from '../../eval/world3/world.ts';

describe('world 3 pictures', () => {
  it('finds every ad photo a page shows, on each script, and nothing else', () => {
    const world = buildWorld3({ seed: 'w3-ardoise' });
    const rendered = renderWorld3(world);
    const themes = new Set<string>();
    for (const site of world.sites) {
      const shown = new Set(site.ads.flatMap((a) => a.photos));
      const found = (rendered.get(site.name) ?? []).flatMap(([url, html]) => pagePhotos(html, url).map((p) => p.id));
      for (const id of found) expect(shown.has(id), `${site.name} ${id}`).toBe(true);
      // Every script shows at least the first photo of its ads somewhere (listing thumbnails or ad pages).
      const firsts = site.ads.filter((a) => a.photos.length > 0).map((a) => a.photos[0]);
      if (
        firsts.length > 0 &&
        ['osclass-sigma', 'dj-classifieds', 'adsmanager', 'drupal-views', 'gallery'].includes(site.theme)
      ) {
        themes.add(site.theme);
        const seen = new Set(found);
        expect(firsts.filter((id) => seen.has(id)).length / firsts.length, site.name).toBeGreaterThan(0.9);
      }
    }
    expect(themes.size).toBe(5);
    const tag = `<img src="/images/com_adsmanager/contents/phs0z5223uvf_t.jpg"><img width="75" src="/u/phabcdefghij.jpg">`;
    expect(pagePhotos(tag, 'https://a.example/x')).toEqual([
      { id: 'phs0z5223uvf', url: 'https://a.example/images/com_adsmanager/contents/phs0z5223uvf_t.jpg', width: 640 },
      { id: 'phabcdefghij', url: 'https://a.example/u/phabcdefghij.jpg', width: 75 },
    ]);
    expect(pagePhotos('<img src="/logo.png"><img src="/x/phtooshort.jpg">', 'https://a.example/')).toEqual([]);
  });

  it('hashes one photo near itself across sites and two photos far apart', async () => {
    const picture = createPictureCache();
    const sites = ['ref-1', 'clone-7', 'clone-8', 'gallery-3', 'mirror-2', 'neighbour-5'];
    // The sites differ in quality and crop: the model is not one rendition copied.
    expect(new Set(sites.map((s) => JSON.stringify(siteRendition(s)))).size).toBeGreaterThan(3);
    const same = await Promise.all(sites.map((s, i) => picture('ph0123456789', s, 240 + 100 * i)));
    expect(new Set(same.map((p) => p.sha256)).size).toBe(sites.length);
    // The product's own rule for "the same picture" (whole-picture or window distance, default thresholds).
    const t = defaultThresholds;
    for (const p of same.slice(1))
      expect(photoMatch(same[0], p, t.photoMaxDistance, t.photoCropMaxDistance), `${p.width}`).not.toBeNull();
    const others = await Promise.all(
      ['phaaaaaaaaaa', 'phbbbbbbbbbb', 'phcccccccccc'].map((id) => picture(id, 'ref-1', 640)),
    );
    for (const o of others) {
      expect(photoMatch(same[0], o, t.photoMaxDistance, t.photoCropMaxDistance)).toBeNull();
      expect(hashDistance(same[0].hash, o.hash)).toBeGreaterThan(16);
    }
    expect(same[2].width).toBe(440);
  });
});

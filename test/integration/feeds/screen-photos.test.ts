/**
 * Stage 3's photo lookup: a landing page that changed its template, texts, phones and trackers but shows the ad
 * photos of a monitored site (resized, recompressed, watermarked) is escalated on those photos; with the photo
 * lookup off, or with other photos, the same kind of page is "unrelated". Real pictures served by a local
 * virtual-host server, fetched through the guard proxy, hashed as stored pictures are.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardProxy, type GuardProxy } from '../../../crawler/index.ts';
import { photoFiles } from '../../../demo/photos.ts';
import { startVhostServer, type VhostServer } from '../../../demo/vhost-server.ts';
import { buildProfile, extractPage, type PageImage } from '../../../detector/index.ts';
import { imageInfo, phash } from '../../../images/index.ts';
import { buildSiteIndex, type DnsCache, type FunnelTools, roughText, screenBatch } from '../../../screen/index.ts';

const SEEDS = { a1: 101, a2: 102, a3: 103 };
const OTHER_SEEDS = { b1: 201, b2: 202, b3: 203 };
const page = (title: string, photos: Record<string, number>) =>
  `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>Petites annonces de la région, mises à jour chaque jour.</p>
  ${Object.values(photos)
    .map((s) => `<div class="annonce"><img src="/photos/${s}.jpg" width="420"><p>Annonce ${s}</p></div>`)
    .join('\n')}</body></html>`;

// A photo-only clone whose home page shows no photo: a list of links, the photos one click away on its ad pages.
const homeWithoutPhotos = (title: string, photos: Record<string, number>) =>
  `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>Petites annonces de la région, mises à jour chaque jour.</p>
  <nav><a href="/contact">Contact</a> <a href="/mentions">Mentions légales</a> <a href="https://reseau-social.example/page">Suivez-nous</a></nav>
  <ul>${Object.keys(photos)
    .map((k) => `<li><a href="/annonce/${k}-3141">Annonce ${k}, voir le détail</a></li>`)
    .join('\n')}</ul></body></html>`;
const adPages = (photos: Record<string, number>) =>
  Object.entries(photos).map(
    ([k, s]) =>
      [
        `/annonce/${k}-3141`,
        `<html><body><h1>Annonce ${k}</h1><img src="/photos/${s}.jpg" width="420"><p>Appelez le 06 39 98 12 34.</p></body></html>`,
      ] as [string, string],
  );

describe('screening on the ad photos of a landing page', () => {
  let server: VhostServer;
  let guard: GuardProxy;
  let tools: FunnelTools;

  beforeAll(async () => {
    // The monitored site's originals, as its stored pictures were hashed.
    const originals = photoFiles({ seeds: SEEDS, dir: 'photos', variant: 'original' });
    const images: PageImage[] = [];
    for (const [path, file] of originals) {
      const bytes = await file.bytes();
      const info = await imageInfo(bytes);
      images.push({
        url: `http://annonces-origine.example${path}`,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        hash: await phash(bytes),
        width: info.width,
        height: info.height,
      });
    }
    const html = `<html><body><nav>Accueil</nav><table><tr><td>Annonces Origine</td></tr></table></body></html>`;
    const features = {
      ...extractPage({ url: 'http://annonces-origine.example/', html, text: roughText(html) }, { region: 'FR' }),
      images,
    };
    const profile = buildProfile([features], { site: 'annonces-origine' });
    expect(profile.photos?.length).toBe(3);

    server = await startVhostServer(
      new Map([
        [
          'jardin-tranquille.example',
          {
            pages: new Map([['/', page('Le Jardin Tranquille', SEEDS)]]),
            files: photoFiles({ seeds: SEEDS, dir: 'photos', variant: 'copy' }),
          },
        ],
        [
          'verger-calme.example',
          {
            pages: new Map([['/', homeWithoutPhotos('Le Verger Calme', SEEDS)], ...adPages(SEEDS)]),
            files: photoFiles({ seeds: SEEDS, dir: 'photos', variant: 'copy' }),
          },
        ],
        [
          'ruche-claire.example',
          {
            pages: new Map([['/', homeWithoutPhotos('La Ruche Claire', OTHER_SEEDS)], ...adPages(OTHER_SEEDS)]),
            files: photoFiles({ seeds: OTHER_SEEDS, dir: 'photos', variant: 'copy' }),
          },
        ],
        [
          'atelier-lumiere.example',
          {
            pages: new Map([['/', page("L'Atelier Lumière", OTHER_SEEDS)]]),
            files: photoFiles({ seeds: OTHER_SEEDS, dir: 'photos', variant: 'copy' }),
          },
        ],
      ]),
    );
    const target = `127.0.0.1:${server.port}`;
    guard = await createGuardProxy({
      hostMap: {
        'jardin-tranquille.example': target,
        'atelier-lumiere.example': target,
        'verger-calme.example': target,
        'ruche-claire.example': target,
      },
      allowPrivateTargets: true,
      maxResponseBytes: 2_000_000,
      maxResponseMs: 10_000,
    });
    const dns: DnsCache = {
      lookup: async () => ({ state: 'resolves', addresses: ['127.0.0.1'], detail: null, cached: false }),
      stats: { queries: 0, hits: 0, size: 0 },
    };
    tools = {
      dns,
      index: buildSiteIndex(
        [{ siteId: 7, siteName: 'annonces-origine', hostnames: ['annonces-origine.example'], profile }],
        { layoutMaxBits: 6, adMaxBits: 7, photoMaxBits: 6, movePhrases: [] },
      ),
      guardUrl: guard.url,
      dnsConcurrency: 4,
      fetchConcurrency: 4,
      fetchTimeoutMs: 10_000,
      fetchMaxBytes: 512 * 1024,
      photosPerPage: 6,
      probePages: 0,
      region: 'FR',
      rescreenAfter: () => 3_600_000,
    };
  });
  afterAll(async () => {
    await guard?.close();
    await server?.close();
  });

  const names = [
    { id: 1, hostname: 'jardin-tranquille.example', screenCount: 0 },
    { id: 2, hostname: 'atelier-lumiere.example', screenCount: 0 },
  ];

  it('escalates the page showing the monitored photos, and only that one', async () => {
    const outcome = await screenBatch(names, tools);
    expect(outcome.escalated).toEqual([
      { id: 1, hostname: 'jardin-tranquille.example', siteId: 7, reason: expect.stringMatching(/^ad photo within/) },
    ]);
    const byId = new Map(outcome.results.map((r) => [r.id, r]));
    expect(byId.get(1)?.reason).toMatch(/^like annonces-origine: ad photo within [0-6] bits of a monitored site's/);
    expect(byId.get(2)).toMatchObject({ state: 'unrelated' });
  });

  it('misses it with the photo lookup off (screen.photosPerPage: 0)', async () => {
    const outcome = await screenBatch(names, { ...tools, photosPerPage: 0 });
    expect(outcome.escalated).toEqual([]);
    expect(outcome.results.map((r) => r.state)).toEqual(['unrelated', 'unrelated']);
  });
  const oneClickAway = [
    { id: 3, hostname: 'verger-calme.example', screenCount: 0 },
    { id: 4, hostname: 'ruche-claire.example', screenCount: 0 },
  ];

  it('escalates a clone whose photos are one click away thanks to the second look (screen.probePages)', async () => {
    const outcome = await screenBatch(oneClickAway, { ...tools, probePages: 2 });
    expect(outcome.escalated).toEqual([
      { id: 3, hostname: 'verger-calme.example', siteId: 7, reason: expect.stringMatching(/^ad photo within/) },
    ]);
    const byId = new Map(outcome.results.map((r) => [r.id, r]));
    expect(byId.get(3)?.reason).toMatch(
      /^like annonces-origine: ad photo within [0-6] bits of a monitored site's \(on http:\/\/verger-calme\.example\/annonce\/a[123]-3141, a page linked from the landing page\)$/,
    );
    // The unrelated site with ad-like links is looked at twice more, and stays unrelated.
    expect(byId.get(4)).toMatchObject({ state: 'unrelated' });
    // One linked page for the clone (the first matched), two for the other site.
    expect(outcome.stats.probed).toBe(3);
  });

  it('misses that clone without the second look (screen.probePages: 0), photos of the landing page or not', async () => {
    const outcome = await screenBatch(oneClickAway, { ...tools, probePages: 0 });
    expect(outcome.escalated).toEqual([]);
    expect(outcome.results.map((r) => r.state)).toEqual(['unrelated', 'unrelated']);
    expect(outcome.stats.probed).toBe(0);
  });
});

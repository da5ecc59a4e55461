import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../../crawler/index.ts';
import {
  capturesOfRun,
  contactsOfDomain,
  domainsWithContact,
  getDomain,
  getSiteByName,
  startRun,
  syncSites,
  upsertCandidates,
} from '../../../db/index.ts';
import { syntheticPhoto } from '../../../demo/photos.ts';
import type { PageFeatures } from '../../../detector/index.ts';
import { createEvidenceStore } from '../../../evidence/index.ts';
import { createImageAnalyser } from '../../../images/index.ts';
import { storeCapture } from '../../../monitor/store-capture.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

/** An advertiser whose number is only in a picture, on the seed and on a candidate: linked through that number. */
describe('pictures stored with their capture (embedded database)', () => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'phenix-pictures-'));
  const evidence = createEvidenceStore({ dir });

  beforeAll(async () => {
    t = await createTestDatabase('embedded');
    await syncSites(t.handle.db, [
      {
        name: 'annonces-maison',
        status: 'convicted',
        caseRef: 'C-1',
        region: 'FR',
        notes: '',
        domains: ['annonces-maison.test'],
      },
    ]);
    await upsertCandidates(t.handle.db, [{ hostname: 'maison-annonces.test', source: 'import', sourceDetail: 'test' }]);
  }, 120_000);
  afterAll(async () => {
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function capture(runId: string, host: string): Promise<Capture> {
    const card = await sharp(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="420" height="80"><rect width="420" height="80" fill="#fff"/><text x="14" y="52" font-size="32" font-family="DejaVu Sans" fill="#111">06 39 98 77 41</text></svg>',
      ),
    )
      .jpeg({ quality: 75 })
      .toBuffer();
    const artifacts: Capture['artifacts'] = [];
    for (const [bytes, url] of [
      [card, `http://${host}/img/numero.jpg`],
      [await syntheticPhoto(42), `http://${host}/img/photo.jpg`],
    ] as const) {
      const s = await evidence.put(bytes, 'image/jpeg');
      artifacts.push({ kind: 'image', sha256: s.sha256, size: s.size, path: s.path, mediaType: 'image/jpeg', url });
    }
    const html = `<html><body><h1>Ménage à domicile</h1><p>Appelez le numéro sur la photo.</p><img src="/img/numero.jpg"><img src="/img/photo.jpg"></body></html>`;
    return {
      runId,
      requestedUrl: `http://${host}/annonce/1`,
      finalUrl: `http://${host}/annonce/1`,
      redirectChain: [],
      status: 200,
      headers: {},
      capturedAt: new Date().toISOString(),
      timings: { navigationMs: 1, totalMs: 2 },
      mode: 'http',
      depth: 1,
      title: 'Annonce',
      html,
      text: 'Ménage à domicile\nAppelez le numéro sur la photo.',
      htmlSha256: 'a'.repeat(64),
      textSha256: 'b'.repeat(64),
      outlinks: { internal: [], external: [] },
      scripts: [],
      stylesheets: [],
      faviconUrl: null,
      faviconBase64: null,
      artifacts,
      truncated: false,
    };
  }

  it('hashes the pictures, reads the number in one of them and links both domains by it', async () => {
    const db = t.handle.db;
    const seed = (await getSiteByName(db, 'annonces-maison')).domains[0];
    const candidate = await getDomain(db, 'maison-annonces.test');
    for (const [runId, domain] of [
      ['run-seed', seed],
      ['run-cand', candidate],
    ] as const) {
      await startRun(db, { id: runId, siteId: null, domainId: domain.id, mode: 'http', storageDir: '/tmp/x' });
      const analyser = createImageAnalyser({ read: (s) => evidence.read(s), ocrPerCrawl: 10, ocrTimeoutMs: 60_000 });
      const stored = await storeCapture(
        db,
        await capture(runId, domain.hostname),
        { domainId: domain.id, region: 'FR' },
        analyser,
      );
      // Hashes are there at once; the number comes when the OCR queue reaches the picture.
      expect(stored.features?.images?.map((i) => i.url)).toEqual([
        `http://${domain.hostname}/img/numero.jpg`,
        `http://${domain.hostname}/img/photo.jpg`,
      ]);
      await analyser.close();
      const [row] = await capturesOfRun(db, runId);
      const features = row.features as unknown as PageFeatures;
      expect(features.contacts).toEqual([
        expect.objectContaining({ kind: 'phone', value: '+33639987741', source: 'image' }),
      ]);
      expect((await contactsOfDomain(db, domain.id)).map((c) => c.value)).toEqual(['+33639987741']);
    }
    const linked = (await domainsWithContact(db, 'phone', '+33639987741')).map((d) => d.domainId).sort();
    expect(linked).toEqual([seed.id, candidate.id].sort());
  }, 180_000);
});

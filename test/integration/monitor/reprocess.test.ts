/**
 * Upgrades recompute: captures described by an older detector version get their features recomputed from the HTML
 * in the evidence store (`phenix reprocess`, as the next cycle does), profiles are rebuilt under the new version, and
 * profiles of two versions are never compared.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import { type CaptureRow, latestProfile, openDatabase, saveProfile, syncSites } from '../../../db/index.ts';
import { captures, domains } from '../../../db/schema/index.ts';
import { DETECTOR_VERSION, type PageFeatures, type SiteProfile } from '../../../detector/index.ts';
import { createEvidenceStore } from '../../../evidence/index.ts';
import { compareProfileIndexed, importSnapshot, processOwner, profileFingerprints } from '../../../monitor/index.ts';
import { createOperator, createPhoneAllocator, createRng, renderSite } from '../../../sitegen/index.ts';
import { runPhenix } from '../../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'phenix-reprocess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const yaml = `sites:
  - name: menage-pro
    status: convicted
    caseRef: C-REPRO
    domains: [menage-pro.test]
crawler:
  mode: http
`;

describe('reprocess after a detector upgrade', () => {
  it('recomputes stale features from the stored HTML, rebuilds profiles, and never compares two versions', async () => {
    const configPath = join(dir, 'phenix.yaml');
    writeFileSync(configPath, yaml);
    const config = parseConfig(yaml);
    const evidence = createEvidenceStore({ dir: join(dir, 'data', 'evidence') });
    const open = () => openDatabase({ dataDir: join(dir, 'data', 'db') });

    // A site captured by an older Phénix: every capture marked version 1 with its ads missing.
    let handle = await open();
    await syncSites(handle.db, [
      {
        name: 'menage-pro',
        status: 'convicted',
        caseRef: 'C-REPRO',
        region: 'FR',
        notes: '',
        domains: ['menage-pro.test'],
      },
    ]);
    const op = createOperator(createRng('reprocess'), createPhoneAllocator(), { name: 'op', advertisers: 8 });
    const pages = [...renderSite({ domain: 'menage-pro.test', brand: 'Ménage Pro', template: 'classic', ads: op.ads })]
      .slice(0, 12)
      .map(([path, html]) => ({ url: `http://menage-pro.test${path}`, html }));
    const ctx = {
      config,
      db: handle.db,
      evidence,
      logger: pino({ level: 'silent' }),
      storageRoot: dir,
      owner: processOwner(),
    };
    await importSnapshot(ctx, {
      site: 'menage-pro',
      host: 'menage-pro.test',
      capturedAt: '2026-11-01T10:00:00Z',
      pages,
      origin: 'test',
    });
    const fresh = await handle.db.select().from(captures).orderBy(captures.id);
    expect(fresh.every((c) => c.featuresVersion === DETECTOR_VERSION)).toBe(true);
    const adsOf = (rows: CaptureRow[]) => rows.map((c) => (c.features as unknown as PageFeatures).ads.length);
    const expectedAds = adsOf(fresh);
    expect(expectedAds.some((n) => n > 0)).toBe(true);
    // The first page also had pictures when it was stored: their hashes, its look, a number read in a photo.
    const picture = {
      url: 'http://menage-pro.test/img/1.jpg',
      sha256: 'a'.repeat(64),
      hash: '0123456789abcdef',
      crops: ['0123456789abcdee'],
      width: 640,
      height: 480,
    };
    const readInPhoto = { kind: 'phone', value: '+33639980077', raw: '06 39 98 00 77', source: 'image' };
    await handle.db.execute(
      sql`update captures set features = features || ${JSON.stringify({ images: [picture], look: 'fedcba9876543210' })}::jsonb
          || jsonb_build_object('contacts', (features->'contacts') || ${JSON.stringify([readInPhoto])}::jsonb)
          where id = ${fresh[0].id}`,
    );
    await handle.db.execute(
      sql`update captures set features_version = 1, features = jsonb_set(features, '{ads}', '[]'::jsonb)`,
    );
    // One page whose HTML is no longer in the evidence store cannot be described by the new version.
    const lost = fresh[fresh.length - 1];
    rmSync(evidence.absolutePath(lost.artifacts.find((a) => a.kind === 'html')!.sha256));
    await handle.close();

    const r = await runPhenix(['reprocess', '--config', configPath]);
    expect(r.stderr).not.toMatch(/"level":(50|60)/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `Detector version ${DETECTOR_VERSION}: ${fresh.length - 1} page(s) recomputed from their stored HTML, 1 profile(s) rebuilt`,
    );
    expect(r.stdout).toContain('1 page(s) left out: their HTML is no longer in the evidence store');

    handle = await open();
    try {
      const after = await handle.db.select().from(captures).orderBy(captures.id);
      expect(after.slice(0, -1).every((c) => c.featuresVersion === DETECTOR_VERSION)).toBe(true);
      expect(adsOf(after.slice(0, -1))).toEqual(expectedAds.slice(0, -1));
      // What the HTML cannot give back is carried over: pictures, look, the number read in a photo.
      const first = after[0].features as unknown as PageFeatures;
      expect(first.images).toEqual([picture]);
      expect(first.look).toBe('fedcba9876543210');
      expect(first.contacts).toContainEqual(readInPhoto);
      expect(after.at(-1)?.featuresVersion).toBe(1);
      const [site] = await handle.db
        .execute(sql`select id from sites where name = 'menage-pro'`)
        .then((x) => (Array.isArray(x) ? x : (x as unknown as { rows: { id: number }[] }).rows));
      const siteProfile = await latestProfile(handle.db, { siteId: Number((site as { id: number }).id) });
      expect(siteProfile?.detectorVersion).toBe(DETECTOR_VERSION);

      // A candidate whose stored profile is the site's own, but built by another version: never compared.
      const profile = siteProfile!.profile as unknown as SiteProfile;
      const [cand] = await handle.db
        .insert(domains)
        .values({ hostname: 'menage-pro2.test', role: 'candidate', source: 'lookalike' })
        .returning();
      const save = (detectorVersion: number) =>
        saveProfile(
          handle.db,
          { domainId: cand.id },
          { pageCount: profile.pageCount, data: profile as unknown as Record<string, unknown>, detectorVersion },
          profileFingerprints(profile),
        );
      const old = await save(DETECTOR_VERSION - 1);
      expect((await compareProfileIndexed(handle.db, config, old.id)).compared).toBe(0);
      expect((await compareProfileIndexed(handle.db, config, siteProfile!.id)).compared).toBe(0);
      const current = await save(DETECTOR_VERSION);
      const report = await compareProfileIndexed(handle.db, config, current.id);
      expect(report.compared).toBe(1);
      expect(report.clones).toHaveLength(1);
    } finally {
      await handle.close();
    }
  }, 240_000);
});

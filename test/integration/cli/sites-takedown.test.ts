/**
 * Issue 20.6: the takedown date the unit enters (`phenix sites takedown NAME --date`) is stored, journaled and shown
 * on the case apart from the moment Phénix saw the site down; a bad date is refused in plain words, changing nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCase, listAudit } from '../../../db/index.ts';
import { mintCliToken, runPhenixHere, withToken } from '../../helpers/cli.ts';
import { ANALYST } from '../../helpers/seed-review.ts';
import { createReviewFixture, type ReviewFixture, TestClient } from '../review/review-fixture.ts';

let f: ReviewFixture;
let dir: string;
let config: string;
let token: string;

function phenix(args: string[]) {
  process.env.DATABASE_URL = f.t.url;
  return withToken(token, () => runPhenixHere(['--config', config, ...args]));
}

beforeAll(async () => {
  f = await createReviewFixture();
  dir = mkdtempSync(join(tmpdir(), 'phenix-takedown-'));
  config = join(dir, 'phenix.yaml');
  writeFileSync(config, `database:\n  url: ${f.t.url}\n`);
  token = await mintCliToken(f.t.handle.db, ANALYST.name);
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await f?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('phenix sites takedown', () => {
  it('refuses a date that is not a real past day, in plain words, and changes nothing', async () => {
    for (const date of ['14/03/2026', '2026-02-30', '2999-01-01']) {
      const r = await phenix(['sites', 'takedown', 'maison-services', '--date', date]);
      expect(r.code, date).toBe(2);
      expect(r.err, date).toMatch(/takedown date/);
    }
    expect((await getCase(f.t.handle.db, 'maison-services')).site.takedownDate).toBeNull();
  });

  it('stores the date and the note, journals who entered it, and the case shows it apart from "seen down"', async () => {
    const r = await phenix([
      'sites',
      'takedown',
      'maison-services',
      '--date',
      '2026-03-14',
      '--note',
      'ordonnance de saisie 26/017',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2026-03-14');
    const view = await getCase(f.t.handle.db, 'maison-services');
    expect(view.site.takedownDate).toBe('2026-03-14');
    expect(view.site.takedownNote).toBe('ordonnance de saisie 26/017');
    expect(view.site.takedownBy).toBe(ANALYST.name);
    const journal = await listAudit(f.t.handle.db, { action: 'site.takedown' });
    expect(journal.map((e) => [e.actor, e.subjectId])).toContainEqual([ANALYST.name, 'maison-services']);

    const client = new TestClient(f.server);
    await client.loginAndGetCsrf();
    const page = await (await client.request('/cases/maison-services')).text();
    expect(page).toContain('taken down 2026-03-14');
    expect(page).toContain('ordonnance de saisie 26/017');
    expect(page).toMatch(/by Phénix/);
  });
});

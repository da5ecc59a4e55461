/**
 * The feeds commands as an analyst runs them: `feeds status` prints stored feed text escaped (an error stored with
 * ANSI sequences by an older version cannot drive the terminal), `feeds ingest --format zone` keeps delegations,
 * and `feeds diff OLD NEW` prints only the new names, or records them with --ingest.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCandidates, updateFeedSourceState } from '../../../db/index.ts';
import { runPhenixHere } from '../../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

let t: TestDatabase;
let dir: string;
let config: string;

const zone = (names: string[]) =>
  `$ORIGIN example.\n@ IN SOA ns. host. 1 2 3 4 5\n@ IN NS ns.registry.example.\n${names.map((n) => `${n} 3600 IN NS ns.h.example.`).join('\n')}\n`;

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  dir = mkdtempSync(join(tmpdir(), 'phenix-feeds-cli-'));
  config = join(dir, 'phenix.yaml');
  writeFileSync(
    config,
    [
      'sites:',
      '  - name: maison-services',
      '    status: convicted',
      '    caseRef: PJ-2026-017',
      '    domains: [maison-services.test]',
      'database:',
      `  url: ${t.url}`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'day1.zone.gz'), gzipSync(zone(['chauffagiste', 'couvreur', 'electricien'])));
  writeFileSync(
    join(dir, 'day2.zone'),
    zone(['chauffagiste', 'couvreur', 'couvreur-toiture', 'electricien', 'plaquiste']),
  );
});
afterAll(async () => {
  await t?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('phenix feeds', () => {
  it('status prints stored feed text with control characters escaped', async () => {
    await updateFeedSourceState(
      t.handle.db,
      'drop:\u001b]0;titre\u0007old.txt',
      {},
      'line 1: "\u001b[2J\u001b[31mbad" is not valid',
    );
    const r = await runPhenixHere(['--config', config, 'feeds', 'status']);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('\u001b');
    expect(r.out).not.toContain('\u0007');
    expect(r.out).toContain('\\x1b[2J');
  });

  it('ingest --format zone keeps the delegations; diff prints only the new names', async () => {
    const ingest = await runPhenixHere([
      '--config',
      config,
      'feeds',
      'ingest',
      '--format',
      'zone',
      join(dir, 'day1.zone.gz'),
    ]);
    expect(ingest.code).toBe(0);
    expect(ingest.out).toMatch(/3 name\(s\) read/);
    const diff = await runPhenixHere([
      '--config',
      config,
      'feeds',
      'diff',
      join(dir, 'day1.zone.gz'),
      join(dir, 'day2.zone'),
    ]);
    expect(diff.code).toBe(0);
    expect(diff.out.trim().split('\n')).toEqual(['couvreur-toiture.example', 'plaquiste.example']);
    const recorded = await runPhenixHere([
      '--config',
      config,
      'feeds',
      'diff',
      '--ingest',
      join(dir, 'day1.zone.gz'),
      join(dir, 'day2.zone'),
    ]);
    expect(recorded.code).toBe(0);
    const feed = (await listCandidates(t.handle.db, { source: 'feed' })).map((c) => c.hostname).sort();
    expect(feed).toEqual([
      'chauffagiste.example',
      'couvreur-toiture.example',
      'couvreur.example',
      'electricien.example',
      'plaquiste.example',
    ]);
  });
});

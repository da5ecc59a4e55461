/**
 * `phenix candidates list` is bounded: 100 by default, the most recently seen first, pages with --offset, filters
 * by source, DNS state and screening result, and says how many more exist (on stderr with --json, so stdout stays
 * one JSON array).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPhenix } from '../../helpers/cli.ts';

const NAMES = Array.from({ length: 250 }, (_, i) => `nouveau-${String(i).padStart(3, '0')}.example`);
const env = { DATABASE_URL: undefined };

describe('phenix candidates list on a large feed (embedded database)', () => {
  let config: string;
  const list = (...args: string[]) => runPhenix(['candidates', 'list', ...args, '--config', config], { env });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phenix-candidates-'));
    config = join(dir, 'phenix.yaml');
    writeFileSync(config, 'crawler:\n  mode: http\n');
    writeFileSync(join(dir, 'day.txt'), `${NAMES.join('\n')}\n`);
    writeFileSync(join(dir, 'imported.txt'), 'importe.example\n');
    const ingested = await runPhenix(['feeds', 'ingest', join(dir, 'day.txt'), '--config', config], { env });
    expect(ingested.code).toBe(0);
    expect(
      (await runPhenix(['candidates', 'import', join(dir, 'imported.txt'), '--config', config], { env })).code,
    ).toBe(0);
  }, 60_000);

  it('shows 100 by default and says how many more exist and how to see them', async () => {
    const first = await list();
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n').filter((l) => l.includes('.example')).length).toBe(100);
    expect(first.stdout).toContain('1–100 of 251 candidate(s); 151 more: add --offset 100');
    // The most recently seen first: the name imported after the feed heads the list.
    expect(first.stdout.split('\n').find((l) => l.includes('.example'))).toContain('importe.example');
  });

  it('pages with --offset and --limit, and filters by source and screening result', async () => {
    const last = await list('--source', 'feed', '--offset', '200', '--limit', '100');
    expect(last.stdout.split('\n').filter((l) => l.includes('nouveau-')).length).toBe(50);
    expect(last.stdout).toContain('201–250 of 250 candidate(s)');
    expect(last.stdout).not.toContain('more:');

    const json = await list('--screening', 'pending', '--limit', '20', '--json');
    const rows = JSON.parse(json.stdout) as { domain: string; screening: string }[];
    expect(rows.length).toBe(20);
    expect(rows.every((r) => r.screening === 'pending' && r.domain.startsWith('nouveau-'))).toBe(true);
    expect(json.stderr).toContain('1–20 of 250 candidate(s); 230 more: add --offset 20');

    expect((await list('--screening', 'escalated')).stdout).toContain('No candidate matches these filters.');
  });

  it('refuses bad values with what it accepts (exit 2)', async () => {
    const dns = await list('--dns', 'maybe');
    expect(dns.code).toBe(2);
    expect(dns.stderr).toContain('--dns must be one of unknown, resolves, nxdomain');
    const offset = await list('--offset', '-5');
    expect(offset.code).toBe(2);
    expect(offset.stderr).toContain('--offset must be a whole number of 0 or more; got "-5"');
  });
});

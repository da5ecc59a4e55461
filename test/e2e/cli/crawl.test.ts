import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/index.ts';
import { demoConfigYaml, type RunningUniverse, startUniverse } from '../../../demo/index.ts';
import { runPhenix } from '../../helpers/cli.ts';
import { createServerDatabase } from '../../helpers/db.ts';

describe.each(['browser', 'http'] as const)(
  'phenix crawl in %s mode stores verifiable captures in Postgres',
  (mode) => {
    let universe: RunningUniverse;
    let server: Awaited<ReturnType<typeof createServerDatabase>>;
    let sql: postgres.Sql;
    let dir: string;
    let configFile: string;
    beforeAll(async () => {
      universe = await startUniverse();
      server = await createServerDatabase();
      await (await openDatabase({ url: server.url, migrate: true })).close();
      sql = postgres(server.url, { max: 2, onnotice: () => {} });
      dir = mkdtempSync(join(tmpdir(), `phenix-crawl-${mode}-`));
      configFile = join(dir, 'phenix.yaml');
      writeFileSync(configFile, demoConfigYaml(universe, { mode, evidenceDir: join(dir, 'evidence') }));
    });
    afterAll(async () => {
      await sql?.end();
      await server?.drop();
      await universe?.close();
    });

    it('captures a local multi-page ad site under a *.test name, every artifact re-hashing to its SHA-256', async () => {
      const env = { DATABASE_URL: server.url };
      expect((await runPhenix(['sites', 'sync', '--config', configFile], { env })).code).toBe(0);
      const r = await runPhenix(
        ['crawl', 'services-domicile', 'annonces-maison2.test', '--max-pages', '8', '--config', configFile],
        { env, timeoutMs: 400_000 },
      );
      expect(r.code, r.stderr.slice(-2000)).toBe(0);
      expect(r.stdout).toMatch(/services-domicile\s+\d+\s+\d+/);
      expect(r.stdout).toMatch(/annonces-maison2\.test\s+8\s+0/);
      const rows =
        await sql`select c.requested_url, c.final_url, c.status, c.html_sha256, c.artifacts, c.captured_at, c.mode, d.hostname
      from captures c join domains d on d.id = c.domain_id`;
      expect(rows.length).toBeGreaterThanOrEqual(9);
      expect(new Set(rows.map((x) => x.hostname))).toEqual(
        new Set(['services-domicile.test', 'annonces-maison2.test']),
      );
      for (const row of rows) {
        expect(row.mode).toBe(mode);
        expect(row.captured_at).toBeInstanceOf(Date);
        const kinds = (row.artifacts as { kind: string }[]).map((a) => a.kind);
        expect(kinds).toEqual(
          expect.arrayContaining(
            mode === 'browser' ? ['html', 'text', 'screenshot', 'screenshot-full'] : ['html', 'text'],
          ),
        );
        for (const artifact of row.artifacts as { sha256: string; path: string; size: number }[]) {
          const bytes = readFileSync(join(dir, 'evidence', artifact.path));
          expect(bytes.length).toBe(artifact.size);
          expect(createHash('sha256').update(bytes).digest('hex')).toBe(artifact.sha256);
        }
        const html = (row.artifacts as { kind: string; sha256: string }[]).find((a) => a.kind === 'html');
        expect(html?.sha256).toBe(row.html_sha256);
      }
      const [run] =
        await sql`select status, pages_ok from crawl_runs where status = 'done' order by started_at limit 1`;
      expect(run.pages_ok).toBeGreaterThan(0);
    }, 600_000);
  },
);

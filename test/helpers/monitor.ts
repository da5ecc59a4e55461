/** A monitor context on a test database and the running demo universe. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../../config/index.ts';
import { type Database, syncSites } from '../../db/index.ts';
import { demoConfigYaml, loadSnapshot, type RunningUniverse, startUniverse } from '../../demo/index.ts';
import { createEvidenceStore } from '../../evidence/index.ts';
import { importSnapshot, type MonitorContext, processOwner, siteSpecsFromConfig } from '../../monitor/index.ts';
import { createTestDatabase, type DbKind, type TestDatabase } from './db.ts';

export function demoContext(
  db: Database,
  universe: RunningUniverse,
  options: { mode?: 'http' | 'browser'; dir?: string } = {},
): MonitorContext {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'phenix-monitor-'));
  const config = parseConfig(
    demoConfigYaml(universe, { mode: options.mode ?? 'http', evidenceDir: join(dir, 'evidence') }),
  );
  return {
    config,
    db,
    evidence: createEvidenceStore({ dir: join(dir, 'evidence') }),
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    storageRoot: join(dir, 'crawls'),
    owner: processOwner(),
  };
}

/** The seized seed's earlier capture, as `phenix demo` imports it. */
export async function importDemoSnapshots(ctx: MonitorContext, universe: RunningUniverse): Promise<void> {
  for (const host of universe.universe.hosts.filter((h) => h.content.kind === 'seized')) {
    const snapshot = await loadSnapshot(host.host);
    await importSnapshot(ctx, { ...snapshot, origin: `demo/snapshot/${host.host}` });
  }
}

export function expectedPairs(universe: RunningUniverse): string[] {
  return universe.universe.expectedAlerts.map((e) => `${e.site} ← ${e.candidate}`).sort();
}

/** A universe running, a test database with the demo's sites and snapshot: what most cycle tests start from. */
export async function startDemoMonitor(
  kind: DbKind,
  options: Parameters<typeof startUniverse>[0] = {},
): Promise<{ universe: RunningUniverse; t: TestDatabase; ctx: MonitorContext; close(): Promise<void> }> {
  const universe = await startUniverse(options);
  const t = await createTestDatabase(kind);
  const ctx = demoContext(t.handle.db, universe);
  await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
  await importDemoSnapshots(ctx, universe);
  return {
    universe,
    t,
    ctx,
    close: async () => {
      await t.drop();
      await universe.close();
    },
  };
}

/** Crawl runs and what they captured: runs start and finish here, captures and failures are stored idempotently. */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import {
  type CaptureRow,
  type CrawlRunRow,
  captureFailures,
  captures,
  crawlRuns,
  type NewCaptureRow,
} from '../schema/index.ts';

export interface RunStart {
  id: string;
  siteId?: number | null;
  domainId: number;
  cycleId?: string | null;
  mode: string;
  storageDir?: string | null;
}

export async function startRun(db: Executor, run: RunStart, at = new Date()): Promise<void> {
  await db
    .insert(crawlRuns)
    .values({ ...run, status: 'running', startedAt: at })
    .onConflictDoUpdate({ target: crawlRuns.id, set: { status: 'running', finishedAt: null } });
}

export async function finishRun(
  db: Executor,
  id: string,
  outcome: {
    status: 'done' | 'failed' | 'interrupted';
    pagesOk: number;
    pagesFailed: number;
    bytes: number;
    summary?: Record<string, unknown>;
    error?: string;
  },
  at = new Date(),
): Promise<void> {
  await db
    .update(crawlRuns)
    .set({
      status: outcome.status,
      pagesOk: outcome.pagesOk,
      pagesFailed: outcome.pagesFailed,
      bytes: Math.min(outcome.bytes, 2 ** 31 - 1),
      summary: outcome.summary ?? {},
      error: outcome.error ?? null,
      finishedAt: at,
    })
    .where(eq(crawlRuns.id, id));
}

/** Runs left `running` by a process that died: the next cycle resumes them from their request storage. */
export async function findInterruptedRuns(db: Executor): Promise<CrawlRunRow[]> {
  return db
    .select()
    .from(crawlRuns)
    .where(inArray(crawlRuns.status, ['running', 'interrupted']))
    .orderBy(crawlRuns.startedAt);
}

/** Stores a capture once per run and URL (a resumed run may hand the same page again). Returns its id. */
export async function insertCapture(db: Executor, row: NewCaptureRow): Promise<{ id: number; inserted: boolean }> {
  const [inserted] = await db
    .insert(captures)
    .values(row)
    .onConflictDoNothing({ target: [captures.runId, captures.requestedUrl] })
    .returning({ id: captures.id });
  if (inserted) return { id: inserted.id, inserted: true };
  const [existing] = await db
    .select({ id: captures.id })
    .from(captures)
    .where(and(eq(captures.runId, row.runId), eq(captures.requestedUrl, row.requestedUrl)));
  return { id: existing.id, inserted: false };
}

export async function insertFailure(
  db: Executor,
  failure: {
    runId: string;
    url: string;
    depth: number;
    reason: string;
    message: string;
    status: number | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insert(captureFailures)
    .values(failure)
    .onConflictDoNothing({ target: [captureFailures.runId, captureFailures.url] });
}

export async function capturesOfRun(db: Executor, runId: string): Promise<CaptureRow[]> {
  return db.select().from(captures).where(eq(captures.runId, runId)).orderBy(captures.id);
}

export async function failuresOfRun(db: Executor, runId: string) {
  return db.select().from(captureFailures).where(eq(captureFailures.runId, runId)).orderBy(captureFailures.id);
}

export async function countCaptures(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(captures);
  return Number(row.n);
}

/**
 * The captures that describe a domain best: those of its newest run that captured pages with content
 * (features present). A domain whose latest crawl found only a seizure page keeps its earlier run.
 */
/**
 * A crawl describes a site when at least one page has ads, contacts, or a listing/ad layout (not a bare seizure
 * notice). The detector compares such crawls, and the review shows them, so a seized site is seen as it was.
 */
export function hasContent(rows: CaptureRow[]): boolean {
  return rows.some((r) => {
    const f = r.features as { ads?: unknown[]; contacts?: unknown[]; pageType?: string } | null;
    return f !== null && ((f.ads?.length ?? 0) > 0 || (f.contacts?.length ?? 0) > 0 || f.pageType !== 'other');
  });
}

export async function latestUsefulCaptures(
  db: Executor,
  domainIds: number[],
  accept: (rows: CaptureRow[]) => boolean,
): Promise<CaptureRow[]> {
  if (domainIds.length === 0) return [];
  const runs = await db
    .selectDistinct({ runId: captures.runId, at: sql<string>`max(${captures.capturedAt})` })
    .from(captures)
    .where(and(inArray(captures.domainId, domainIds), isNotNull(captures.features)))
    .groupBy(captures.runId)
    .orderBy(desc(sql`max(${captures.capturedAt})`));
  for (const run of runs) {
    const rows = await db
      .select()
      .from(captures)
      .where(and(eq(captures.runId, run.runId), inArray(captures.domainId, domainIds), isNotNull(captures.features)))
      .orderBy(captures.id);
    if (accept(rows)) return rows;
  }
  return [];
}

/**
 * Replaces a capture's page features: with those a newer detector computed from its stored HTML (featuresVersion
 * given), or with contacts read later in its pictures added (same version).
 */
export async function updateCaptureFeatures(
  db: Executor,
  id: number,
  features: Record<string, unknown>,
  featuresVersion?: number,
): Promise<void> {
  await db
    .update(captures)
    .set({ features, ...(featuresVersion === undefined ? {} : { featuresVersion }) })
    .where(eq(captures.id, id));
}

export async function runsOfDomain(db: Executor, domainId: number): Promise<CrawlRunRow[]> {
  return db.select().from(crawlRuns).where(eq(crawlRuns.domainId, domainId)).orderBy(desc(crawlRuns.startedAt));
}

export async function getRun(db: Executor, id: string): Promise<CrawlRunRow | null> {
  const [row] = await db.select().from(crawlRuns).where(eq(crawlRuns.id, id));
  return row ?? null;
}

/** Keeps, with a finished run, the candidates its pages revealed (a retried queue job reads them back). */
export async function recordRunRevealed(db: Executor, id: string, hostnames: string[]): Promise<void> {
  await db
    .update(crawlRuns)
    .set({ summary: sql`${crawlRuns.summary} || ${JSON.stringify({ revealed: hostnames })}::jsonb` })
    .where(eq(crawlRuns.id, id));
}

/** Every capture taken by the runs of a cycle, in id order (the order their Merkle root commits to). */
export async function capturesOfCycle(db: Executor, cycleId: string): Promise<CaptureRow[]> {
  const runs = (await runsOfCycle(db, cycleId)).map((r) => r.id);
  if (runs.length === 0) return [];
  return db.select().from(captures).where(inArray(captures.runId, runs)).orderBy(captures.id);
}

export async function runsOfCycle(db: Executor, cycleId: string): Promise<CrawlRunRow[]> {
  return db.select().from(crawlRuns).where(eq(crawlRuns.cycleId, cycleId)).orderBy(crawlRuns.startedAt);
}

/** Sending a cycle by hand and following it to its end (`phenix run --once` and `serve --run-now` on the queue). */
import { randomUUID } from 'node:crypto';
import { type Database, getCycle, listAudit } from '../db/index.ts';
import { BOSS_SCHEMA, type Boss } from './boss.ts';
import type { CycleJobData } from './job-context.ts';
import { QUEUE } from './names.ts';

export async function enqueueCycle(boss: Boss, data: CycleJobData): Promise<string> {
  const id = randomUUID();
  await boss.send(QUEUE.cycleNow, data, { id });
  return id;
}

/** Waits for the audit record of the cycle's end; fails when the planning job itself failed for good. */
export async function waitForCycle(
  db: Database,
  boss: Boss,
  cycleId: string,
  options: { signal?: AbortSignal; onProgress?: (line: string) => void; pollMs?: number } = {},
): Promise<Record<string, unknown> | null> {
  for (;;) {
    const end = (await listAudit(db, { subjectType: 'cycle', subjectId: cycleId })).find(
      (a) => a.action === 'cycle.completed',
    );
    if (end) return end.details as Record<string, unknown>;
    // A cycle that can no longer end (planning or a stage end failed for good) is recorded failed by the workers.
    const cycle = await getCycle(db, cycleId).catch(() => null);
    if (cycle?.status === 'failed') throw new Error(`the cycle failed on the workers: ${cycle.error ?? 'unknown'}`);
    const plan = await boss.getJobById(QUEUE.cycleNow, cycleId);
    if (plan?.state === 'failed')
      throw new Error(`the cycle could not be planned: ${(plan.output as { message?: string })?.message ?? 'unknown'}`);
    if (options.signal?.aborted) return null;
    if (options.onProgress) {
      const { rows } = await boss
        .getDb()
        .executeSql(
          `select name, count(*) filter (where state >= 'completed')::int as done, count(*)::int as n from ${BOSS_SCHEMA}.job where data->>'cycleId' = $1 and name in ($2, $3, $4, $5) and (name <> $5 or data->>'kind' = 'batch') group by name`,
          [cycleId, QUEUE.crawl, QUEUE.profile, QUEUE.compare, QUEUE.screen],
        );
      const part = (name: string) => {
        const r = (rows as { name: string; done: number; n: number }[]).find((x) => x.name === name);
        return r ? `${r.done}/${r.n}` : '0/0';
      };
      options.onProgress(
        plan?.state === 'created' || plan?.state === 'retry'
          ? 'Waiting for a worker to plan the cycle… (is "phenix worker" running?)'
          : `Cycle on the workers: screening batches ${part(QUEUE.screen)}, crawls ${part(QUEUE.crawl)}, candidate profiles ${part(QUEUE.profile)}, site comparisons ${part(QUEUE.compare)}`,
      );
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 1000));
  }
}

/**
 * The service's clock: node-cron tasks for the seeds (monitored sites without a schedule of their own),
 * the candidates, and each site with its own cron. Cycles of one process run one after another (the
 * embedded database takes one writer; a Postgres deployment adds leases across processes), a task
 * whose previous cycle is still queued or running is skipped, and stop() lets the running cycle end
 * gracefully.
 */
import { createTask, type ScheduledTask } from 'node-cron';
import type { MonitorContext } from './context.ts';
import { type CycleOptions, type CycleSummary, runCycle } from './cycle.ts';

export interface ScheduleEntry {
  name: string;
  cron: string;
  options: CycleOptions;
}

export interface Scheduler {
  entries: ScheduleEntry[];
  nextRuns(): { name: string; cron: string; next: Date | null }[];
  /** Runs an entry now (through the same queue). */
  trigger(name: string): Promise<CycleSummary | null>;
  /** Stops the clocks, asks the running cycle to finish its pages in flight, and waits for it. */
  stop(): Promise<void>;
}

export function scheduleEntries(ctx: MonitorContext): ScheduleEntry[] {
  const { config } = ctx;
  const own = config.sites.filter((s) => s.schedule);
  const entries: ScheduleEntry[] = [
    {
      name: 'seeds',
      cron: config.schedules.seeds,
      options: { scope: 'seeds', sites: config.sites.filter((s) => !s.schedule).map((s) => s.name) },
    },
    { name: 'candidates', cron: config.schedules.candidates, options: { scope: 'candidates' } },
  ];
  for (const site of own)
    entries.push({ name: `site:${site.name}`, cron: site.schedule!, options: { scope: 'seeds', sites: [site.name] } });
  return entries;
}

export function startScheduler(
  ctx: MonitorContext,
  hooks: { onCycle?: (name: string, s: CycleSummary) => void; onError?: (name: string, e: unknown) => void } = {},
): Scheduler {
  const log = ctx.logger.child({ component: 'scheduler' });
  const controller = new AbortController();
  const cycleCtx: MonitorContext = { ...ctx, signal: controller.signal };
  const entries = scheduleEntries(ctx);
  const pending = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();
  let stopping = false;

  const enqueue = (entry: ScheduleEntry): Promise<CycleSummary | null> => {
    if (stopping) return Promise.resolve(null);
    if (pending.has(entry.name)) {
      log.warn(
        { schedule: entry.name },
        'previous cycle of this schedule still queued or running: this one is skipped',
      );
      return Promise.resolve(null);
    }
    pending.add(entry.name);
    const run = chain.then(async () => {
      if (stopping) return null;
      log.info({ schedule: entry.name }, 'scheduled cycle starting');
      try {
        const summary = await runCycle(cycleCtx, { origin: `schedule ${entry.name}`, ...entry.options });
        hooks.onCycle?.(entry.name, summary);
        return summary;
      } catch (error) {
        log.error({ err: error, schedule: entry.name }, 'scheduled cycle failed');
        hooks.onError?.(entry.name, error);
        return null;
      } finally {
        pending.delete(entry.name);
      }
    });
    chain = run.catch(() => null);
    return run;
  };

  const cronLogger = {
    info: (m: string) => log.debug(m),
    warn: (m: string) => log.warn(m),
    error: (m: string | Error) => log.error({ err: m }, 'cron error'),
    debug: (m: string | Error) => log.debug({ detail: String(m) }, 'cron'),
  };
  const tasks: { entry: ScheduleEntry; task: ScheduledTask }[] = entries.map((entry) => {
    const task = createTask(entry.cron, () => enqueue(entry), {
      name: entry.name,
      noOverlap: false,
      logger: cronLogger,
    });
    void task.start();
    return { entry, task };
  });
  log.info({ schedules: entries.map((e) => ({ name: e.name, cron: e.cron })) }, 'scheduler started');

  return {
    entries,
    nextRuns: () => tasks.map(({ entry, task }) => ({ name: entry.name, cron: entry.cron, next: task.getNextRun() })),
    trigger: (name) => {
      const entry = entries.find((e) => e.name === name);
      if (!entry) throw new RangeError(`No schedule named ${name}`);
      return enqueue(entry);
    },
    stop: async () => {
      stopping = true;
      for (const { task } of tasks) await task.destroy();
      controller.abort();
      await chain;
      log.info('scheduler stopped');
    },
  };
}

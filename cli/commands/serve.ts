/**
 * `phenix serve`: the scheduled service. Cycles on node-cron schedules (seeds, candidates, per-site
 * overrides) run in this process — or, with queue.enabled, become pg-boss schedules whose cycles the
 * workers run (`phenix worker`, any number of machines) — with the review web page beside them, and a graceful stop on SIGINT/SIGTERM: the running
 * cycle finishes its pages in flight, the web server and the database close, the process exits 0.
 */
import type { Command } from 'commander';
import { scorerFromDatabase, startCertstream, startDropFolder } from '../../feeds/index.ts';
import type { Liveness } from '../../metrics/index.ts';
import { type MonitorContext, type Scheduler, scheduleEntries, startScheduler } from '../../monitor/index.ts';
import { type Boss, enqueueCycle, syncSchedules } from '../../queue/index.ts';
import { startDailyPurge } from '../../retention/index.ts';
import { startReviewServer } from '../../review/index.ts';
import { phenixCommand } from '../command-hint.ts';
import { type GlobalOptions, logger } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator } from '../identity.ts';
import { gracefulSignal, withMonitor } from '../monitor-context.ts';
import { formatTime, print } from '../output.ts';
import { withQueue } from '../queue-context.ts';
import { type ServiceExtrasOptions, withServiceExtras } from '../service-extras.ts';
import { reviewSigning } from './evidence.ts';
import { reviewPageSettings } from './review.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run monitoring cycles on their schedules and serve the review web page, until SIGINT/SIGTERM')
    .option('--no-review', 'do not serve the review web page')
    .option('--port <n>', 'review page port (default: config review.port)')
    .option('--host <host>', 'review page address (default: config review.host, 127.0.0.1)')
    .option('--run-now', 'run a full cycle at start, then follow the schedules')
    .option(...byOption('the account the service answers as'))
    .action(
      async (opts: { review: boolean; port?: string; host?: string; runNow?: boolean; by?: string }, cmd: Command) => {
        const log = logger(cmd.optsWithGlobals<GlobalOptions>()).child({ component: 'serve' });
        if (opts.port !== undefined && !/^\d{1,5}$/.test(opts.port))
          throw new UsageError(`--port must be a port number (0 picks a free one); got "${opts.port}"`);
        const stop = gracefulSignal((sig) => log.info({ signal: sig }, 'stopping: finishing the pages in flight'));
        try {
          await withMonitor(cmd, { access: operator(opts.by), service: true }, async (ctx, loaded) => {
            const port = opts.port === undefined ? loaded.config.review.port : Number(opts.port);
            const host = opts.host ?? loaded.config.review.host;
            const web = opts.review
              ? await startReviewServer({
                  db: ctx.db,
                  evidenceDir: ctx.evidence.dir,
                  logger: ctx.logger,
                  ...reviewPageSettings(loaded, host, ctx.logger),
                  host,
                  port,
                  chromiumPath: ctx.config.crawler.chromiumPath,
                  evidenceSigning: reviewSigning(loaded),
                  cliCommand: phenixCommand(),
                })
              : null;
            const { dropDir, dropPollSeconds, dropFormats, maxLineBytes, maxFileBytes, maxNamesPerFile } =
              loaded.config.feeds;
            const drop = dropDir
              ? startDropFolder({
                  db: ctx.db,
                  dir: dropDir,
                  pollMs: dropPollSeconds * 1000,
                  formats: dropFormats,
                  caps: { maxLineBytes, maxBytes: maxFileBytes, maxNames: maxNamesPerFile },
                  logger: ctx.logger,
                  score: () => scorerFromDatabase(ctx.db),
                })
              : null;
            if (dropDir) print(`Ingesting feed files dropped in ${dropDir}`);
            const ct = loaded.config.feeds.certstream;
            const certstream = ct
              ? startCertstream({
                  db: ctx.db,
                  url: ct.url,
                  logger: ctx.logger,
                  score: await scorerFromDatabase(ctx.db),
                  backoffMs: ct.backoffSeconds * 1000,
                  maxBackoffMs: ct.maxBackoffSeconds * 1000,
                  maxPayload: ct.maxMessageBytes,
                  maxWaiting: ct.maxWaitingNames,
                  idleMs: ct.idleSeconds * 1000,
                })
              : null;
            if (ct) print(`Recording certificate-transparency names from ${ct.url}`);
            stop.signal.addEventListener('abort', () => void drop?.stop(), { once: true });
            const { schedule: purgeCron, ...rules } = loaded.config.retention;
            const purge = startDailyPurge(purgeCron, { db: ctx.db, evidenceDir: ctx.evidence.dir, rules }, log);
            stop.signal.addEventListener('abort', () => purge.stop(), { once: true });
            if (loaded.config.queue.enabled) {
              await withQueue(ctx, 'phenix serve with queue.enabled', { schedule: true }, async (boss) =>
                withServiceExtras(
                  extras(ctx, { name: 'queue schedules', alive: () => !stop.signal.aborted }, boss),
                  async () => {
                    const entries = await syncSchedules(boss, scheduleEntries(ctx), loaded.config.queue);
                    print(
                      `Phénix is scheduling cycles on the job queue (pid ${process.pid}). Stop with Ctrl-C or SIGTERM.`,
                    );
                    print('Cycles run on the workers: start "phenix worker" on each machine.');
                    if (web) print(`Review page: ${web.url}`);
                    for (const { entry } of entries) print(`  schedule ${entry.name.padEnd(24)} "${entry.cron}"`);
                    if (opts.runNow) {
                      const id = await enqueueCycle(boss, { scope: 'all', origin: 'serve --run-now' });
                      log.info({ cycleId: id }, 'cycle sent to the workers');
                    }
                    await new Promise<void>((resolve) =>
                      stop.signal.addEventListener('abort', () => resolve(), { once: true }),
                    );
                  },
                ),
              );
              await drop?.stop();
              await certstream?.stop();
              await web?.close();
              return;
            }
            const scheduler = startScheduler(ctx, {
              onCycle: (name, s) =>
                log.info(
                  { schedule: name, cycleId: s.cycleId, durationMs: s.durationMs, alerts: s.comparisons.outcomes },
                  'cycle done',
                ),
            });
            await withServiceExtras(extras(ctx, schedulerLiveness(scheduler, stop.signal)), async () => {
              print(`Phénix is running (pid ${process.pid}). Stop with Ctrl-C or SIGTERM.`);
              if (web) print(`Review page: ${web.url}`);
              for (const r of scheduler.nextRuns())
                print(`  schedule ${r.name.padEnd(24)} "${r.cron}"  next: ${formatTime(r.next)}`);
              if (opts.runNow) void scheduler.trigger('seeds').then(() => scheduler.trigger('candidates'));
              await new Promise<void>((resolve) =>
                stop.signal.addEventListener('abort', () => resolve(), { once: true }),
              );
              await scheduler.stop();
            });
            await drop?.stop();
            await certstream?.stop();
            await web?.close();
          });
          print('Phénix stopped cleanly.');
        } finally {
          stop.dispose();
        }
      },
    );
}

function extras(ctx: MonitorContext, liveness: Liveness, boss?: Boss): ServiceExtrasOptions {
  return { db: ctx.db, config: ctx.config, logger: ctx.logger, liveness, boss };
}

/** The scheduler is alive while every cron task has a next run that is not overdue by more than two minutes. */
function schedulerLiveness(scheduler: Scheduler, stopping: AbortSignal): Liveness {
  return {
    name: 'scheduler',
    alive: () =>
      !stopping.aborted &&
      scheduler.nextRuns().every((r) => r.next !== null && r.next.getTime() > Date.now() - 120_000),
  };
}

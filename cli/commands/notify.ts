/** `phenix notify test` (one test message to every target) and `phenix notify status` (recent deliveries). */
import type { Command } from 'commander';
import { listDeliveries } from '../../db/index.ts';
import { terminalSafe as safe } from '../../lib/terminal-safe.ts';
import { createNotifier, enqueueTestNotification } from '../../notify/index.ts';
import { type GlobalOptions, loadConfig, logger } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator, withAccount } from '../identity.ts';
import { parsePositiveInt } from '../monitor-context.ts';
import { formatTime, print, printJson } from '../output.ts';

export function registerNotifyCommands(program: Command): void {
  const notify = program.command('notify').description('notifications: webhooks and e-mail');
  notify
    .command('test')
    .description('send one test message to every configured webhook and e-mail recipient, and say how each went')
    .option(...byOption('who asks (written in the message)'))
    .action(async (opts: { by?: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const loaded = loadConfig(globals);
      const { notify, review } = loaded.config;
      if (notify.webhooks.length === 0 && !notify.email)
        throw new UsageError(
          `No notification target in ${loaded.path}: add notify.webhooks (url, secret) or notify.email (host, from, to).`,
        );
      await withAccount(loaded, operator(opts.by), async (handle, actor) => {
        const id = await enqueueTestNotification(handle.db, actor);
        const notifier = createNotifier({
          db: handle.db,
          config: { ...notify, maxAttempts: 1 },
          publicUrl: review.publicUrl,
          logger: logger(globals),
        });
        try {
          await notifier.drain(notify.timeoutSeconds * 1000 * (notifier.targets.length + 1));
        } finally {
          await notifier.stop();
        }
        const deliveries = await listDeliveries(handle.db, { outboxId: id });
        let failed = 0;
        for (const d of deliveries.sort((a, b) => a.target.localeCompare(b.target))) {
          const last = d.attemptLog.at(-1);
          if (d.status !== 'delivered') failed++;
          print(
            `${d.status === 'delivered' ? 'ok    ' : 'FAILED'} ${safe(d.target)}  ${safe(last?.detail ?? d.lastError ?? '')}`,
          );
        }
        if (failed)
          throw new NotifyTestFailed(`${failed} of ${deliveries.length} target(s) did not accept the test message.`);
      });
    });
  notify
    .command('status')
    .description('the latest deliveries: target, event, status, attempts and the last answer')
    .option('--limit <n>', 'how many', '30')
    .option('--json', 'print as JSON')
    .option(...byOption())
    .action(async (opts: { limit: string; json?: boolean; by?: string }, cmd: Command) => {
      const limit = parsePositiveInt('--limit', opts.limit) ?? 30;
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withAccount(loaded, operator(opts.by), async (handle) => {
        const deliveries = await listDeliveries(handle.db, { limit });
        if (opts.json) return printJson(deliveries);
        if (deliveries.length === 0) print('No notification sent yet.');
        for (const d of deliveries)
          print(
            `${formatTime(d.deliveredAt ?? d.nextAttemptAt)}  ${d.status.padEnd(9)} ${d.event.padEnd(15)} ${safe(d.target)}  attempts ${d.attempts}${d.lastError ? `  last error: ${safe(d.lastError)}` : ''}`,
          );
      });
    });
}

/** A runtime failure (exit 1): the targets are configured but did not accept the message. */
class NotifyTestFailed extends Error {
  override readonly name = 'NotifyTestFailed';
}

/**
 * The config's schedules as pg-boss schedules: one queue per entry, evaluated by every `serve` process
 * and sent once per cron slot whatever their number (pg-boss inserts a scheduled job once per minute
 * slot, judged on the database's clock). Entries removed from the config are unscheduled.
 */
import type { Config } from '../config/index.ts';
import type { ScheduleEntry } from '../monitor/index.ts';
import { type Boss, ensureQueue } from './boss.ts';
import type { CycleJobData } from './job-context.ts';
import { SCHEDULE_PREFIX, scheduleQueue } from './names.ts';

export async function syncSchedules(
  boss: Boss,
  entries: ScheduleEntry[],
  q: Config['queue'],
  timezone = Intl.DateTimeFormat().resolvedOptions().timeZone,
): Promise<{ queue: string; entry: ScheduleEntry }[]> {
  const wanted = entries.map((entry) => ({ queue: scheduleQueue(entry.name), entry }));
  for (const { queue, entry } of wanted) {
    await ensureQueue(boss, queue, q);
    const data: CycleJobData = { scope: entry.options.scope ?? 'all', sites: entry.options.sites, origin: entry.name };
    await boss.schedule(queue, entry.cron, data, { tz: timezone });
  }
  for (const s of await boss.getSchedules())
    if (s.name.startsWith(SCHEDULE_PREFIX) && !wanted.some((w) => w.queue === s.name)) await boss.unschedule(s.name);
  return wanted;
}

/**
 * Queue names and job ids. A job's id is derived from what it does (cycle, kind, subject), so sending
 * the same work twice — a retried planner, two workers discovering the same domain — inserts it once.
 */
import { createHash } from 'node:crypto';

export const QUEUE = {
  /** One cycle to plan, sent by hand (`phenix run --once`, `serve --run-now`). */
  cycleNow: 'cycle_now',
  crawl: 'crawl',
  /** Screening of feed names: one job plans the cycle's batches (after the seed crawls), one job per batch. */
  screen: 'screen',
  /** Builds one crawled candidate's profile with the cycle's corpus, then compares it. */
  profile: 'profile',
  /** Compares one monitored site's new profile with the candidates the indexes link it to. */
  compare: 'compare',
  /** Waits for a stage of a cycle to end, then starts the next: crawls → profiles → site comparisons → record. */
  finish: 'cycle_finish',
} as const;

/** Scheduled cycles: one queue per schedule entry (pg-boss keys a schedule by its queue). */
export const SCHEDULE_PREFIX = 'cycle_at_';

export function scheduleQueue(entryName: string): string {
  const slug = entryName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 24);
  const hash = createHash('sha256').update(entryName).digest('hex').slice(0, 8);
  return `${SCHEDULE_PREFIX}${slug}_${hash}`;
}

export function isCycleQueue(name: string): boolean {
  return name === QUEUE.cycleNow || name.startsWith(SCHEDULE_PREFIX);
}

/** A UUID (version 8, name-based) from the parts: the same parts always give the same id. */
export function jobId(...parts: (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

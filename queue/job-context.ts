/** What every job handler gets: the monitor's context (config, db, evidence, logger) and the queue. */
import type { Logger } from 'pino';
import type { MonitorContext } from '../monitor/index.ts';
import type { Boss } from './boss.ts';

export interface JobContext {
  ctx: MonitorContext;
  boss: Boss;
  log: Logger;
}

export type CycleScope = 'all' | 'seeds' | 'candidates';

export interface CycleJobData {
  scope: CycleScope;
  /** Restrict the seed crawls to these sites (per-site schedules). */
  sites?: string[];
  /** The schedule entry that fired it, or "manual". */
  origin?: string;
}

export interface CrawlJobData {
  cycleId: string;
  kind: 'site' | 'candidate';
  /** Site id or candidate domain id. */
  id: number;
  /** 0 for the cycle's own targets, n for candidates revealed n crawls away. */
  generation: number;
}

/**
 * Screening of a cycle's feed names. `plan` waits for the cycle's seed crawls (names are screened against the
 * monitored sites as they are now), then claims the due names batch by batch and sends one `batch` job each.
 * A batch job screens its names (those not screened since `claimedAt` by an earlier attempt of the same job) and
 * sends the escalated ones as crawl jobs of the same cycle.
 */
export type ScreenJobData =
  | { cycleId: string; kind: 'plan'; round: number }
  | { cycleId: string; kind: 'batch'; ids: number[]; claimedAt: string };

export interface ProfileJobData {
  cycleId: string;
  domainId: number;
}

export interface CompareJobData {
  cycleId: string;
  profileId: number;
}

export interface FinishJobData {
  cycleId: string;
  scope: CycleScope;
  stage: 'crawl' | 'profile' | 'compare';
  round: number;
  startedAt: string;
}

/** Prints what a monitoring cycle did, in an analyst's words. */

import { terminalSafe as safe } from '../lib/terminal-safe.ts';
import type { CycleSummary } from '../monitor/index.ts';
import { print, table } from './output.ts';

export function printCycleSummary(s: CycleSummary): void {
  print(
    `Cycle ${s.cycleId.slice(0, 8)} ${s.stoppedEarly ? 'STOPPED EARLY' : 'finished'} in ${(s.durationMs / 1000).toFixed(1)} s`,
  );
  if (s.promoted.length) print(`  confirmed clones now monitored: ${safe(s.promoted.join(', '))}`);
  print(`  lookalike names: ${s.lookalikes.generated} generated, ${s.lookalikes.added} new`);
  print(`  DNS: ${s.dns.checked} checked, ${s.dns.resolving} resolving`);
  if (s.discovered.length) print(`  discovered while crawling: ${safe(s.discovered.join(', '))}`);
  if (s.crawls.length) {
    print('');
    print(
      table(
        ['crawled', 'kind', 'pages ok', 'failed', 'state / note'],
        s.crawls.map((c) => [
          c.target,
          c.kind,
          c.pagesOk,
          c.pagesFailed,
          [
            c.liveState,
            c.skipped,
            c.error,
            Object.entries(c.failuresByReason)
              .map(([k, v]) => `${k}×${v}`)
              .join(' '),
          ]
            .filter(Boolean)
            .join('; '),
        ]),
      ),
    );
  }
  const o = s.comparisons.outcomes;
  print('');
  print(
    `  comparisons: ${s.comparisons.compared}; alerts created ${o.created}, updated ${o.updated}, reopened ${o.reopened}, unchanged ${o.unchanged}, kept dismissed ${o['kept-dismissed']}`,
  );
}

/** A cycle run by the workers: totals from its jobs (details per job: `phenix queue status`, the logs). */
export function printQueuedCycle(d: Record<string, unknown>): void {
  const jobs = (k: string) => (d[k] ?? { completed: 0, failed: 0 }) as { completed: number; failed: number };
  const crawl = jobs('crawlJobs');
  const profile = jobs('profileJobs');
  const compare = jobs('compareJobs');
  const screen = jobs('screenJobs');
  if (screen.completed + screen.failed > 0)
    print(
      `  screening jobs: ${screen.completed} done, ${screen.failed} failed for good; ${d.namesScreened ?? 0} feed name(s) screened, ${d.namesEscalated ?? 0} escalated to a crawl`,
    );
  print(`  crawl jobs: ${crawl.completed} done, ${crawl.failed} failed for good`);
  print(`  pages captured: ${d.pagesCaptured ?? 0}`);
  print(`  candidate profile jobs: ${profile.completed} done, ${profile.failed} failed for good`);
  print(`  site compare jobs: ${compare.completed} done, ${compare.failed} failed for good`);
  print(`  alerts: ${d.alertsCreated ?? 0} new, ${d.alertsUpdated ?? 0} updated`);
  if (crawl.failed + screen.failed + profile.failed + compare.failed > 0) print('  See why with: phenix queue status');
  print('  Review the alerts with: phenix alerts list');
}

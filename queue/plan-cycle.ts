/**
 * A cycle job: the planning part of a cycle, run by whichever worker takes it. Syncs the sites from the
 * config, promotes confirmed clones, refreshes lookalikes, then enqueues one crawl job per monitored
 * site and per candidate domain (DNS is checked inside each crawl job), the screening plan of the feed names
 * (screen-job.ts: it waits for the seed crawls, then splits the due names into batch jobs) and the job that waits
 * for them all.
 * The cycle's id is the job's id, so a retried planner enqueues the same jobs, once.
 */
import {
  activeCandidateIds,
  confirmedAlertsToPromote,
  listSites,
  promoteConfirmedClone,
  purgeExpiredLeases,
  recordCycleStart,
  syncSites,
} from '../db/index.ts';
import { refreshLookalikes, siteSpecsFromConfig } from '../monitor/index.ts';
import type { CrawlJobData, CycleJobData, FinishJobData, JobContext } from './job-context.ts';
import { jobId, QUEUE } from './names.ts';
import { sendScreenPlan } from './screen-job.ts';

const BATCH = 500;
const PAGE = 5000;

export interface PlanReport {
  cycleId: string;
  scope: CycleJobData['scope'];
  sites: number;
  candidates: number;
  lookalikesAdded: number;
  promoted: string[];
}

export async function planCycle(jc: JobContext, cycleId: string, data: CycleJobData): Promise<PlanReport> {
  const { ctx, boss } = jc;
  const scope = data.scope ?? 'all';
  const log = jc.log.child({ cycleId, scope });
  await recordCycleStart(ctx.db, { id: cycleId, scope, origin: data.origin ?? 'queue' });
  await purgeExpiredLeases(ctx.db);
  await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
  const promoted: string[] = [];
  for (const alertId of await confirmedAlertsToPromote(ctx.db)) {
    const name = await promoteConfirmedClone(ctx.db, alertId);
    if (name) promoted.push(name);
  }
  const lookalikes = scope === 'seeds' ? { added: [] } : await refreshLookalikes(ctx);

  const siteJobs: CrawlJobData[] = [];
  if (scope !== 'candidates') {
    const sites = (await listSites(ctx.db)).filter((s) => !data.sites || data.sites.includes(s.name));
    for (const s of sites)
      if (s.domains.some((d) => d.active)) siteJobs.push({ cycleId, kind: 'site', id: s.id, generation: 0 });
  }
  await sendCrawlJobs(jc, siteJobs);
  // Candidates page by page: a cycle over millions of them never holds them all in memory.
  let candidates = 0;
  if (scope !== 'seeds') {
    for (let after = 0; ; ) {
      const ids = await activeCandidateIds(ctx.db, after, PAGE);
      if (ids.length === 0) break;
      await sendCrawlJobs(
        jc,
        ids.map((id) => ({ cycleId, kind: 'candidate' as const, id, generation: 0 })),
      );
      candidates += ids.length;
      after = ids[ids.length - 1];
    }
  }
  if (scope !== 'seeds') await sendScreenPlan(jc, cycleId);
  const finish: FinishJobData = { cycleId, scope, stage: 'crawl', round: 0, startedAt: new Date().toISOString() };
  await boss.send(QUEUE.finish, finish, { id: jobId(cycleId, 'finish', 'crawl', 0), startAfter: 2 });
  const report: PlanReport = {
    cycleId,
    scope,
    sites: siteJobs.length,
    candidates,
    lookalikesAdded: lookalikes.added.length,
    promoted,
  };
  log.info(report, 'cycle planned: crawl jobs and the screening plan enqueued');
  return report;
}

/** Enqueues crawl jobs; one target is crawled once per cycle whoever asks (the id comes from cycle and target). */
export async function sendCrawlJobs(jc: JobContext, jobs: CrawlJobData[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += BATCH) {
    await jc.boss.insert(
      jobs.slice(i, i + BATCH).map((data) => ({
        name: QUEUE.crawl,
        id: crawlJobId(data),
        data,
        // Seeds first: a monitored site's crawl reveals candidates for the same cycle.
        priority: data.kind === 'site' ? 1 : 0,
      })),
    );
  }
}

export function crawlJobId(data: Pick<CrawlJobData, 'cycleId' | 'kind' | 'id'>): string {
  return jobId(data.cycleId, 'crawl', data.kind, data.id);
}

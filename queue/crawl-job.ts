/**
 * A crawl job: one monitored site (its seeds together) or one candidate domain, in one cycle. The run is
 * recorded under the job's id, so a job that comes back after its worker died resumes the same run
 * (captures are stored once per run and URL) and a run already finished is not crawled again. Candidates
 * the pages reveal become crawl jobs of the same cycle, up to `queue.discoveryRounds` generations.
 */
import { join } from 'node:path';
import { getRun, listDomains, listSites, recordRunRevealed } from '../db/index.ts';
import {
  crawlCandidateDomain,
  crawlMonitoredSite,
  type RunChoice,
  refreshDns,
  type StepOutcome,
  type StepReport,
} from '../monitor/index.ts';
import { TargetBusyError } from './errors.ts';
import type { CrawlJobData, JobContext } from './job-context.ts';
import { sendCrawlJobs } from './plan-cycle.ts';

export interface CrawlJobReport extends Partial<StepReport> {
  target: string;
  runId?: string;
  skipped?: string;
  revealed: number;
  followUps: number;
}

export async function crawlJob(jc: JobContext, runId: string, data: CrawlJobData): Promise<CrawlJobReport> {
  const { ctx } = jc;
  const previous = await getRun(ctx.db, runId);
  const revealedBefore =
    previous?.status === 'done' ? (previous.summary as { revealed?: string[] }).revealed : undefined;
  let report: CrawlJobReport;
  let revealed: string[];
  if (revealedBefore) {
    // An earlier attempt finished the crawl and died before the job was marked complete.
    revealed = revealedBefore;
    report = {
      target: `${data.kind} ${data.id}`,
      runId,
      skipped: 'already crawled by an earlier attempt',
      revealed: 0,
      followUps: 0,
    };
  } else {
    const run: RunChoice = previous
      ? { cycleId: data.cycleId, resume: { runId, storageDir: join(ctx.storageRoot, runId) } }
      : { cycleId: data.cycleId, runId };
    const outcome = await crawlOnce(jc, data, run);
    if (!outcome)
      return { target: `${data.kind} ${data.id}`, skipped: 'no longer monitored', revealed: 0, followUps: 0 };
    if ('skipped' in outcome) return { ...outcome, revealed: 0, followUps: 0 };
    if (outcome.heldBy) throw new TargetBusyError(`${outcome.report.target} is being crawled by ${outcome.heldBy}`);
    if (outcome.report.error) throw new Error(`crawl of ${outcome.report.target} failed: ${outcome.report.error}`);
    if (outcome.result?.summary.stoppedEarly)
      throw new Error(`crawl of ${outcome.report.target} was stopped with its worker; it resumes on the next attempt`);
    revealed = outcome.revealed;
    if (outcome.result) await recordRunRevealed(ctx.db, outcome.result.runId, revealed);
    report = { ...outcome.report, runId: outcome.result?.runId, revealed: 0, followUps: 0 };
  }
  report.revealed = revealed.length;
  if (data.generation < ctx.config.queue.discoveryRounds && revealed.length > 0) {
    const domains = await listDomains(ctx.db, { hostnames: revealed, role: 'candidate', active: true });
    await sendCrawlJobs(
      jc,
      domains.map((d) => ({ cycleId: data.cycleId, kind: 'candidate', id: d.id, generation: data.generation + 1 })),
    );
    report.followUps = domains.length;
  }
  return report;
}

async function crawlOnce(
  jc: JobContext,
  data: CrawlJobData,
  run: RunChoice,
): Promise<StepOutcome | { target: string; skipped: string } | null> {
  const { ctx } = jc;
  const sites = await listSites(ctx.db);
  if (data.kind === 'site') {
    const site = sites.find((s) => s.id === data.id);
    if (!site) return null;
    const dns = await refreshDns(
      ctx,
      site.domains.filter((d) => d.active),
    );
    return crawlMonitoredSite(ctx, site, dns, run);
  }
  const [domain] = await listDomains(ctx.db, { ids: [data.id], role: 'candidate', active: true });
  if (!domain) return null;
  const dns = await refreshDns(ctx, [domain]);
  const state = dns.get(domain.hostname);
  if (state !== 'resolves') return { target: domain.hostname, skipped: `DNS: ${state ?? 'no answer'}` };
  const region = sites.find((s) => s.id === domain.originSiteId)?.region ?? 'FR';
  return crawlCandidateDomain(ctx, domain, region, run);
}

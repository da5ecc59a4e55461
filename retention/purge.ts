/**
 * One purge: plan what the retention rules make due, then (unless a dry run) remove it from the database in one
 * transaction, audited, and only then delete the evidence files no remaining capture references. A file
 * deletion that fails leaves an orphan file (reported), never a capture pointing at a missing file.
 */
import {
  applyPurge,
  type Executor,
  type PurgePlan,
  planPurge,
  type RetentionRules,
  unreferencedArtifacts,
} from '../db/index.ts';
import { createEvidenceStore } from '../evidence/index.ts';

export interface PurgeOptions {
  db: Executor;
  evidenceDir: string;
  rules: RetentionRules;
  /** Who purges: a supervisor's account, or `retention` for the daily run of `phenix serve`. */
  actor: string;
  dryRun?: boolean;
  now?: Date;
}

export interface PurgeReport {
  dryRun: boolean;
  plan: PurgePlan;
  removed: { captures: number; contacts: number; failures: number; files: number; fileErrors: string[] };
}

type WithTransaction = { transaction: <T>(fn: (tx: Executor) => Promise<T>) => Promise<T> };

export async function runPurge(options: PurgeOptions): Promise<PurgeReport> {
  const now = options.now ?? new Date();
  const plan = await planPurge(options.db, options.rules, now);
  const removed = { captures: 0, contacts: 0, failures: 0, files: 0, fileErrors: [] as string[] };
  if (options.dryRun) return { dryRun: true, plan, removed };
  const counts = await (options.db as unknown as WithTransaction).transaction((tx) =>
    applyPurge(tx, plan, options.rules, options.actor, now),
  );
  Object.assign(removed, counts);
  const candidates = [...new Set(plan.domains.flatMap((d) => d.artifacts))];
  const store = createEvidenceStore({ dir: options.evidenceDir });
  for (let i = 0; i < candidates.length; i += 500) {
    for (const sha of await unreferencedArtifacts(options.db, candidates.slice(i, i + 500))) {
      try {
        if (await store.remove(sha)) removed.files++;
      } catch (error) {
        removed.fileErrors.push(`${sha}: ${(error as Error).message}`);
      }
    }
  }
  return { dryRun: false, plan, removed };
}

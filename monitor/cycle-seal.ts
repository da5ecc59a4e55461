/**
 * Seals a cycle's captures: one Merkle root over every capture the cycle's runs took (leaf = SHA-256 of the
 * capture's URLs, time and artifact hashes, in capture id order), written to the audit log and, when
 * `evidence.tsaUrl` is set, timestamped by the TSA. Years later `checkCycleSeal` recomputes the root from the
 * database and the evidence store and checks the token: a capture added, removed or altered since shows.
 * A TSA that cannot be reached does not fail the cycle: the root is recorded with the reason it has no timestamp.
 * The journal's tail is sealed right after (journal-seal.ts).
 */
import { createHash } from 'node:crypto';
import { appendAudit, type CaptureRow, capturesOfCycle, type Database, listAudit } from '../db/index.ts';
import { merkleRoot, requestTimestamp, verifyTimestamp } from '../evidence/index.ts';
import { stableJson } from '../lib/stable-json.ts';
import type { MonitorContext } from './context.ts';
import { sealJournal } from './journal-seal.ts';

export const SEAL_ACTION = 'cycle.captures-sealed';

/** What a leaf commits to: the capture's identity, time, status and every artifact's hash. */
export function captureLeaf(c: CaptureRow): string {
  const committed = {
    id: c.id,
    runId: c.runId,
    requestedUrl: c.requestedUrl,
    finalUrl: c.finalUrl,
    status: c.status,
    capturedAt: c.capturedAt.toISOString(),
    challenge: c.challenge,
    artifacts: c.artifacts.map((a) => [a.kind, a.sha256, a.size]),
  };
  return createHash('sha256').update(stableJson(committed)).digest('hex');
}

/** The text the TSA stamps: the root named with its algorithm, as packages name their digest. */
export const sealedText = (root: string) => Buffer.from(`sha256:${root}`, 'utf8');

export interface CycleSeal {
  root: string;
  captures: number;
  timestamped: boolean;
}

export async function sealCycle(ctx: MonitorContext, cycleId: string): Promise<CycleSeal> {
  const rows = await capturesOfCycle(ctx.db, cycleId);
  const root = merkleRoot(rows.map(captureLeaf));
  const details: Record<string, unknown> = {
    algorithm: 'merkle-sha256-rfc6962',
    root,
    captures: rows.length,
    firstCaptureId: rows[0]?.id ?? null,
    lastCaptureId: rows.at(-1)?.id ?? null,
  };
  const tsaUrl = ctx.config.evidence.tsaUrl;
  if (tsaUrl) {
    try {
      const token = await requestTimestamp(sealedText(root), { tsaUrl });
      details.timestamp = { tsaUrl, token: token.toString('base64') };
    } catch (error) {
      details.timestampError = (error as Error).message;
      ctx.logger.warn({ cycleId, err: error }, 'cycle root not timestamped');
    }
  }
  await appendAudit(ctx.db, {
    actor: 'monitor',
    action: SEAL_ACTION,
    subjectType: 'cycle',
    subjectId: cycleId,
    details,
  });
  // The journal's tail too, the cycle's seal entry included: a cut of what the cycle journaled leaves a gap.
  await sealJournal({ db: ctx.db, logger: ctx.logger, tsaUrl, reason: 'cycle' }).catch((err) =>
    ctx.logger.warn({ cycleId, err }, 'could not seal the journal'),
  );
  return { root, captures: rows.length, timestamped: Boolean(details.timestamp) };
}

export interface CycleSealCheck {
  ok: boolean;
  problems: string[];
  root: string | null;
  captures: number;
  genTime: string | null;
}

/** Recomputes the cycle's root from the database and checks it against the sealed one and its timestamp. */
export async function checkCycleSeal(db: Database, cycleId: string, tsaCaPem?: string): Promise<CycleSealCheck> {
  const seals = (await listAudit(db, { subjectType: 'cycle', subjectId: cycleId })).filter(
    (a) => a.action === SEAL_ACTION,
  );
  const rows = await capturesOfCycle(db, cycleId);
  const problems: string[] = [];
  if (seals.length !== 1) {
    problems.push(
      seals.length
        ? `cycle ${cycleId} was sealed ${seals.length} times`
        : `cycle ${cycleId} has no sealed root in the audit log`,
    );
    return { ok: false, problems, root: null, captures: rows.length, genTime: null };
  }
  const details = seals[0].details as { root?: string; captures?: number; timestamp?: { token: string } };
  const root = merkleRoot(rows.map(captureLeaf));
  if (details.captures !== rows.length) {
    problems.push(`the cycle now has ${rows.length} capture(s); ${details.captures} were sealed`);
  }
  if (details.root !== root)
    problems.push('the captures no longer give the sealed Merkle root: one was added, removed or altered');
  let genTime: string | null = null;
  if (details.timestamp) {
    const check = await verifyTimestamp(
      Buffer.from(details.timestamp.token, 'base64'),
      sealedText(details.root ?? ''),
      tsaCaPem,
    );
    problems.push(...check.problems.map((p) => p.replace('datapackage.json', 'the sealed root')));
    genTime = check.genTime?.toISOString() ?? null;
  }
  return { ok: problems.length === 0, problems, root: details.root ?? null, captures: rows.length, genTime };
}

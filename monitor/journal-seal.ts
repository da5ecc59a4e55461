/**
 * Seals the journal's tail (db journal_seals): at the end of every cycle (cycle-seal.ts) and every hour while
 * `phenix serve` or `phenix worker` runs (cli/service-extras.ts). A seal names the journal's last entry (seq and
 * hash), is timestamped when `evidence.tsaUrl` is set, and is logged, so a copy lives outside the database too.
 * Entries cut from the journal's end then leave a gap that `phenix audit verify` reports, unless the cut stays
 * after the last seal: at most an hour (or a cycle) of entries. Nothing new since the last seal: no new seal.
 */
import type { Logger } from 'pino';
import { addJournalSeal, type Executor, journalHead, journalSealText, lastJournalSeal } from '../db/index.ts';
import { requestTimestamp } from '../evidence/index.ts';

export const JOURNAL_SEAL_INTERVAL_MS = 3600_000;

export interface JournalSealOptions {
  db: Executor;
  logger: Logger;
  tsaUrl?: string;
  reason: 'cycle' | 'hourly' | 'command';
  fetch?: typeof fetch;
}

export async function sealJournal(o: JournalSealOptions): Promise<{ seq: number; sealed: boolean }> {
  const head = await journalHead(o.db);
  const last = await lastJournalSeal(o.db);
  if (last && last.throughSeq === head.seq && last.throughHash === head.hash) return { seq: head.seq, sealed: false };
  let timestamp: { tsaUrl: string; token: string } | undefined;
  let timestampError: string | undefined;
  if (o.tsaUrl) {
    try {
      const token = await requestTimestamp(journalSealText(head), { tsaUrl: o.tsaUrl, fetch: o.fetch });
      timestamp = { tsaUrl: o.tsaUrl, token: token.toString('base64') };
    } catch (error) {
      timestampError = (error as Error).message;
      o.logger.warn({ err: error }, 'journal seal not timestamped');
    }
  }
  await addJournalSeal(o.db, { reason: o.reason, head, timestamp, timestampError });
  o.logger.info({ journalSeq: head.seq, journalHash: head.hash, reason: o.reason }, 'journal sealed');
  return { seq: head.seq, sealed: true };
}

/** The hourly seal of a running service: once now, then every hour; stop() before the database closes. */
export function startJournalSealer(o: Omit<JournalSealOptions, 'reason'>, intervalMs = JOURNAL_SEAL_INTERVAL_MS) {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = sealJournal({ ...o, reason: 'hourly' }).catch((err) =>
      o.logger.warn({ err }, 'could not seal the journal'),
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

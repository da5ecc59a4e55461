/**
 * Seals of the journal's tail (schema/journal-seals.ts): write one naming the journal's last entry, and check every
 * seal against the journal. A seal naming an entry the journal no longer has shows entries cut from its end; a
 * seal naming an entry that is now different shows a tail cut and written again. Entries written after the newest
 * seal are not covered yet: the check says how many and since when, so a reader knows what a cut could still hide.
 */
import { asc, desc, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { type JournalSealRow, journalSeals } from '../schema/index.ts';
import { GENESIS_HASH } from './audit-chain.ts';

type RawRows<T> = T[] | { rows: T[] };
const rowsOf = <T>(result: unknown): T[] => {
  const r = result as RawRows<T>;
  return Array.isArray(r) ? r : r.rows;
};

export interface JournalHead {
  seq: number;
  hash: string;
}

/** The journal's last entry (seq 0 and 64 zeros when it is empty). */
export async function journalHead(db: Executor): Promise<JournalHead> {
  const [row] = rowsOf<{ seq: string | number; hash: string }>(
    await db.execute(sql`select seq, hash from public.audit_log order by seq desc limit 1`),
  );
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** The text a seal's timestamp stamps: the entry it names, with the format's name. */
export const journalSealText = (head: JournalHead) =>
  Buffer.from(`phenix-journal-seal/1 ${head.seq} ${head.hash}`, 'utf8');

export async function addJournalSeal(
  db: Executor,
  seal: {
    reason: string;
    head: JournalHead;
    timestamp?: { tsaUrl: string; token: string };
    timestampError?: string;
  },
): Promise<JournalSealRow> {
  const [row] = await db
    .insert(journalSeals)
    .values({
      reason: seal.reason,
      throughSeq: seal.head.seq,
      throughHash: seal.head.hash,
      timestamp: seal.timestamp ?? null,
      timestampError: seal.timestampError ?? null,
    })
    .returning();
  return row as JournalSealRow;
}

export async function lastJournalSeal(db: Executor): Promise<JournalSealRow | null> {
  const [row] = await db.select().from(journalSeals).orderBy(desc(journalSeals.id)).limit(1);
  return row ?? null;
}

export interface JournalSealCheck {
  seals: number;
  /** How many seals carry an RFC 3161 token. */
  timestamped: number;
  /** A cut or rewritten tail: the journal no longer holds what a seal names. */
  problems: string[];
  /** What the seals cannot vouch for yet (entries after the newest seal), in words. */
  notes: string[];
  lastSeal: { at: Date; seq: number } | null;
}

export interface JournalSealCheckOptions {
  now?: Date;
  /** Entries unsealed for longer than this are named (default an hour and a quarter). */
  maxGapMs?: number;
  /** Checks a seal's RFC 3161 token against the text it must stamp; returns the problems (evidence/ does it: the
   * database room knows nothing of tokens). */
  checkToken?: (token: Buffer, text: Buffer) => Promise<string[]>;
}

/** Checks every seal against the journal as it is now, and each seal's timestamp when `checkToken` is given. */
export async function checkJournalSeals(
  db: Executor,
  options: JournalSealCheckOptions = {},
): Promise<JournalSealCheck> {
  const seals = await db.select().from(journalSeals).orderBy(asc(journalSeals.id));
  const head = await journalHead(db);
  const problems: string[] = [];
  const notes: string[] = [];
  const wanted = [...new Set(seals.map((s) => s.throughSeq).filter((n) => n > 0 && n <= head.seq))];
  const hashes = new Map<number, string>();
  if (wanted.length) {
    const rows = rowsOf<{ seq: string | number; hash: string }>(
      await db.execute(
        sql`select seq, hash from public.audit_log where seq in (${sql.join(
          wanted.map((n) => sql`${n}`),
          sql`, `,
        )})`,
      ),
    );
    for (const r of rows) hashes.set(Number(r.seq), r.hash);
  }
  let reportedCut = false;
  for (const s of seals) {
    const when = s.at.toISOString();
    if (s.timestamp && options.checkToken) {
      const text = journalSealText({ seq: s.throughSeq, hash: s.throughHash });
      for (const p of await options.checkToken(Buffer.from(s.timestamp.token, 'base64'), text)) {
        problems.push(`the seal of ${when}: ${p}`);
      }
    }
    if (s.throughSeq > head.seq) {
      if (!reportedCut) {
        problems.push(
          `entries cut from the end of the journal: the seal of ${when} covers entries up to #${s.throughSeq}, the journal now ends at #${head.seq} (gap #${head.seq + 1} to #${s.throughSeq})`,
        );
        reportedCut = true;
      }
      continue;
    }
    const found = s.throughSeq === 0 ? GENESIS_HASH : hashes.get(s.throughSeq);
    if (found !== s.throughHash) {
      problems.push(
        `entry #${s.throughSeq} is not the one sealed at ${when}: the journal's tail was cut and written again after that seal`,
      );
    }
  }
  const last = seals.at(-1) ?? null;
  const now = options.now ?? new Date();
  const maxGap = options.maxGapMs ?? 75 * 60_000;
  if (!last) notes.push('the journal has never been sealed: entries cut from its end would leave no trace');
  else if (head.seq > last.throughSeq) {
    const unsealed = head.seq - last.throughSeq;
    const age = now.getTime() - last.at.getTime();
    notes.push(
      `${unsealed} entr${unsealed === 1 ? 'y' : 'ies'} after the last seal (${last.at.toISOString()}, #${last.throughSeq}) not sealed yet${age > maxGap ? `; no seal for ${Math.round(age / 60_000)} minutes although seals are made every hour while the service runs` : ''}`,
    );
  }
  return {
    seals: seals.length,
    timestamped: seals.filter((s) => s.timestamp).length,
    problems,
    notes,
    lastSeal: last ? { at: last.at, seq: last.throughSeq } : null,
  };
}

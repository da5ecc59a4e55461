/**
 * Checks the audit log's hash chain outside the database. The trigger (migration 0004) computes each hash in
 * SQL; this recomputes them in Node from the stored fields, so a replaced trigger function or a rewritten row
 * shows up either way. The text hashed is documented in review/README.md ("Tamper-evident audit").
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** One entry as read for checking: `at` and `details` in the database's own text form (exactly what was hashed). */
export interface ChainEntry {
  id: number;
  seq: number;
  at: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: string;
  prevHash: string;
  hash: string;
}

export interface ChainProblem {
  seq: number;
  id: number | null;
  kind: 'removed' | 'changed' | 'moved' | 'broken-link';
  message: string;
}

function field(value: string): string {
  return `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

export function auditEntryHash(e: Omit<ChainEntry, 'id' | 'hash'>): string {
  const text = [
    'phenix-audit-v1',
    e.prevHash,
    String(e.seq),
    e.at,
    field(e.actor),
    field(e.action),
    field(e.subjectType),
    field(e.subjectId),
    field(e.details),
  ].join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Incremental checker: feed entries in seq order (in batches), then read the problems. Keeps only the hashes
 * seen so far (to tell a moved entry from a changed one), 64 bytes per entry.
 */
export function createChainChecker() {
  const problems: ChainProblem[] = [];
  const seqByHash = new Map<string, number>();
  let previous: ChainEntry | null = null;
  let count = 0;
  return {
    add(e: ChainEntry): void {
      count++;
      const expectedSeq = previous ? previous.seq + 1 : 1;
      if (e.seq > expectedSeq) {
        const range = e.seq - 1 === expectedSeq ? `#${expectedSeq} is` : `#${expectedSeq} to #${e.seq - 1} are`;
        problems.push({ seq: expectedSeq, id: null, kind: 'removed', message: `entry ${range} missing: removed` });
      }
      if (auditEntryHash(e) !== e.hash) {
        problems.push({
          seq: e.seq,
          id: e.id,
          kind: 'changed',
          message: `entry #${e.seq} (id ${e.id}, ${e.action} by ${e.actor}) was changed: its content no longer matches its hash`,
        });
      }
      const expectedPrev = previous && e.seq === expectedSeq ? previous.hash : e.seq === 1 ? GENESIS_HASH : null;
      if (expectedPrev !== null && e.prevHash !== expectedPrev) {
        const follows = seqByHash.get(e.prevHash);
        problems.push(
          follows !== undefined
            ? {
                seq: e.seq,
                id: e.id,
                kind: 'moved',
                message: `entry #${e.seq} (id ${e.id}) was moved: it was written right after entry #${follows}, not #${e.seq - 1}`,
              }
            : {
                seq: e.seq,
                id: e.id,
                kind: 'broken-link',
                message: `entry #${e.seq} (id ${e.id}) does not follow entry #${e.seq - 1}: the entry before it was changed or replaced`,
              },
        );
      }
      seqByHash.set(e.hash, e.seq);
      previous = e;
    },
    result() {
      return {
        ok: problems.length === 0,
        entries: count,
        head: previous ? { seq: previous.seq, hash: previous.hash, at: previous.at } : null,
        problems,
      };
    },
  };
}

export type ChainReport = ReturnType<ReturnType<typeof createChainChecker>['result']>;

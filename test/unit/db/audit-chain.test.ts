import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditEntryHash, type ChainEntry, createChainChecker, GENESIS_HASH } from '../../../db/queries/audit-chain.ts';

function chain(n: number): ChainEntry[] {
  const out: ChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = {
      id: seq + 100,
      seq,
      at: `2026-11-30T10:00:0${seq}.000123Z`,
      actor: `analyste${seq}`,
      action: 'view.alert',
      subjectType: 'alert',
      subjectId: String(seq),
      details: '{"via": "web"}',
      prevHash: prev,
    };
    const hash = auditEntryHash(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

function check(entries: ChainEntry[]) {
  const c = createChainChecker();
  for (const e of entries) c.add(e);
  return c.result();
}

describe('audit chain check', () => {
  it('hashes the documented text (review/README.md)', () => {
    const e = {
      seq: 1,
      at: '2026-11-30T10:00:00.000000Z',
      actor: 'é',
      action: 'a',
      subjectType: 't',
      subjectId: '1',
      details: '{}',
      prevHash: GENESIS_HASH,
    };
    const text = `phenix-audit-v1|${GENESIS_HASH}|1|2026-11-30T10:00:00.000000Z|2:é|1:a|1:t|1:1|2:{}`;
    expect(auditEntryHash(e)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('cannot be fooled by moving a field boundary', () => {
    const base = {
      seq: 1,
      at: 'x',
      action: 'a',
      subjectType: 't',
      subjectId: '1',
      details: '{}',
      prevHash: GENESIS_HASH,
    };
    expect(auditEntryHash({ ...base, actor: 'ab|1:c' })).not.toBe(
      auditEntryHash({ ...base, actor: 'ab', action: 'c' }),
    );
  });

  it('accepts an intact chain and reports its head', () => {
    const entries = chain(4);
    expect(check(entries)).toMatchObject({ ok: true, entries: 4, head: { seq: 4, hash: entries[3].hash } });
  });

  it('names removed, changed and moved entries', () => {
    const removed = chain(6).filter((e) => e.seq !== 3 && e.seq !== 4);
    expect(check(removed).problems.map((p) => [p.kind, p.message])).toEqual([
      ['removed', 'entry #3 to #4 are missing: removed'],
    ]);
    const changed = chain(3);
    changed[1] = { ...changed[1], actor: 'faussaire' };
    expect(check(changed).problems).toEqual([expect.objectContaining({ seq: 2, kind: 'changed' })]);
    const [a, b, c, d] = chain(4);
    // b and c swapped by renumbering: each now sits where the other was.
    const moved = [a, { ...c, seq: 2 }, { ...b, seq: 3 }, d];
    const kinds = check(moved).problems.map((p) => `${p.seq}:${p.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['2:changed', '3:changed', '3:moved']));
  });
});

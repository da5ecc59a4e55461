/**
 * The evaluation goals, enforced in CI: clone precision ≥ 0.98 and recall ≥ 0.95 on the held-out part (generator
 * seeds and hard cases the defaults were not tuned on), no decoy or hard non-clone ever a clone; contacts ≥ 0.98 each.
 */
import { describe, expect, it } from 'vitest';
import { evaluateContacts } from '../../eval/contacts-eval.ts';
import { HELD_OUT_SEEDS, hardConfusion, labelledPairs, run, scoreOutcomes } from '../../eval/split.ts';

describe('evaluation corpus', () => {
  it('meets the clone precision and recall goals on a held-out generator seed and hard-case seed', () => {
    const pairs = labelledPairs({
      universe: HELD_OUT_SEEDS.universe.slice(0, 1),
      hard: HELD_OUT_SEEDS.hard.slice(0, 1),
    });
    const outcomes = run(pairs);
    const scores = scoreOutcomes(outcomes);
    expect(pairs.filter((p) => p.expectClone).length).toBeGreaterThanOrEqual(100);
    expect(scores.precision).toBeGreaterThanOrEqual(0.98);
    expect(scores.recall).toBeGreaterThanOrEqual(0.95);
    for (const kind of ['same-script', 'competitor', 'competitor-same-script']) {
      const wrong = outcomes.filter((o) => o.pair.kind === kind && o.comparison.verdict === 'clone');
      expect(wrong, kind).toEqual([]);
    }
    for (const row of hardConfusion(outcomes)) {
      if (row.expected === 'clone') expect(row.counts.related + row.counts.unrelated, row.kind).toBe(0);
      else expect(row.counts.clone, row.kind).toBe(0);
    }
  }, 240_000);

  it('meets the contact precision and recall goals on ≥ 200 labelled snippets', () => {
    const r = evaluateContacts();
    expect(r.snippets).toBeGreaterThanOrEqual(200);
    expect(r.precision).toBeGreaterThanOrEqual(0.98);
    expect(r.recall).toBeGreaterThanOrEqual(0.98);
  });
});

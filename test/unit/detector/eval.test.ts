/** The evaluation goals, enforced in CI: clone precision ≥ 0.98 and recall ≥ 0.95; contacts ≥ 0.98 each. */
import { describe, expect, it } from 'vitest';
import { evaluateContacts } from '../../eval/contacts-eval.ts';
import { buildProfiles, prepareUniverse, scorePairs } from '../../eval/evaluate.ts';

describe('evaluation corpus', () => {
  it('meets the clone precision and recall goals with the 64-bit engine, on every hard case', () => {
    const prepared = prepareUniverse();
    const scores = scorePairs(prepared.universe, buildProfiles(prepared));
    expect(prepared.universe.sites.filter((s) => s.role === 'seed').length).toBeGreaterThanOrEqual(10);
    expect(new Set(prepared.universe.sites.map((s) => s.spec.template)).size).toBeGreaterThanOrEqual(4);
    expect(scores.precision).toBeGreaterThanOrEqual(0.98);
    expect(scores.recall).toBeGreaterThanOrEqual(0.95);
    for (const kind of ['same-script', 'competitor', 'competitor-same-script']) {
      const wrong = scores.results.filter((r) => r.pair.kind === kind && r.comparison.verdict === 'clone');
      expect(wrong, kind).toEqual([]);
    }
  }, 180_000);

  it('meets the contact precision and recall goals on ≥ 200 labelled snippets', () => {
    const r = evaluateContacts();
    expect(r.snippets).toBeGreaterThanOrEqual(200);
    expect(r.precision).toBeGreaterThanOrEqual(0.98);
    expect(r.recall).toBeGreaterThanOrEqual(0.98);
  });
});

/**
 * `npm run eval:contacts`: precision and recall of the contact extractor on
 *  - the fit part of the labelled set (the hand-written snippets and sitegen's disguises the extractor was built on);
 *  - the held-out part (snippets written by another method, test/fixtures/contacts/held-out.ts, never used to build or
 *    tune it);
 *  - the obfuscation set (a generator of disguises, test/fixtures/contacts/obfuscations.ts), three ways: from the
 *    visible text and links (extractContacts), from a capture's HTML and visible text (extractPage, the crawler's
 *    path) and from the HTML alone (extractPage without text), with recall per disguise. Held out for its first run only (see the detector README).
 *
 * Goals (exit 1 when one is missed): fit precision and recall ≥ 0.99; held-out precision ≥ 0.95 and recall ≥ 0.90;
 * obfuscation set: P ≥ 0.99, R ≥ 0.99 (R ≥ 0.95 from visible text alone: text drawn backwards is lost there); the
 * unseen-disguise set (test/fixtures/contacts/unseen-disguises.ts, scored blind once): P ≥ 0.95, R ≥ 0.90.
 */
import { HELD_OUT } from '../fixtures/contacts/held-out.ts';
import { labelledContacts } from '../fixtures/contacts/index.ts';
import { UNSEEN_DISGUISES } from '../fixtures/contacts/unseen-disguises.ts';
import { type ContactScores, evaluateContacts, fromCapture, fromHtmlAlone, fromVisibleText } from './contacts-eval.ts';
import { evaluateObfuscations } from './contacts-obfuscation-eval.ts';

const GOALS = {
  fit: { precision: 0.99, recall: 0.99 },
  'held-out': { precision: 0.95, recall: 0.9 },
  // Regression floors, set after the extractor was fitted on these two sets (first-run figures in the detector README).
  'obfuscations, visible text': { precision: 0.99, recall: 0.95 },
  'obfuscations, capture (HTML + visible text)': { precision: 0.99, recall: 0.99 },
  'obfuscations, HTML alone': { precision: 0.99, recall: 0.99 },
  'unseen disguises, capture': { precision: 0.95, recall: 0.9 },
};
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const missed: string[] = [];
const verbose = process.argv.includes('--verbose');

function report(part: keyof typeof GOALS, r: ContactScores, listMisses = true): void {
  console.log(
    `${part}: ${r.snippets} snippets, ${r.expected} contacts expected, ${r.found} found — precision ${pct(r.precision)} (${r.precision.toFixed(3)}), recall ${pct(r.recall)} (${r.recall.toFixed(3)})`,
  );
  if (listMisses || verbose)
    for (const m of r.misses)
      console.log(`    missed ${m.missing.join(', ')} in ${JSON.stringify(m.snippet.html ?? m.snippet.text)}`);
  for (const f of r.falseFinds)
    console.log(`    false ${f.extra.join(', ')} in ${JSON.stringify(f.snippet.html ?? f.snippet.text)}`);
  const goal = GOALS[part];
  if (r.precision < goal.precision || r.recall < goal.recall)
    missed.push(
      `${part}: P ${pct(r.precision)} R ${pct(r.recall)} (goal P ≥ ${pct(goal.precision)}, R ≥ ${pct(goal.recall)})`,
    );
}

report('fit', evaluateContacts(labelledContacts()));
report('held-out', evaluateContacts(HELD_OUT));
for (const [part, read] of [
  ['obfuscations, visible text', fromVisibleText],
  ['obfuscations, capture (HTML + visible text)', fromCapture],
  ['obfuscations, HTML alone', fromHtmlAlone],
] as const) {
  const { scores, families } = evaluateObfuscations(read);
  report(part, scores, false);
  const weak = families.filter((f) => f.found < f.expected);
  console.log(
    `    recall below 1 by disguise: ${weak.length === 0 ? 'none' : weak.map((f) => `${f.family} ${f.found}/${f.expected}`).join(', ')}`,
  );
}
// A small hand-written set of disguises none of the others holds, written after the obfuscation changes.
report('unseen disguises, capture', evaluateContacts(UNSEEN_DISGUISES, fromCapture));
console.log(`\nGoals: ${missed.length === 0 ? 'all met' : `${missed.length} missed`}`);
for (const m of missed) console.log(`  MISSED ${m}`);
if (missed.length > 0) process.exitCode = 1;

/**
 * Contradictions between a comparison's explanation and its evidence, as an analyst would read them side by side
 * (the explanation lines, then the evidence as `alerts show` prints it). Any world's harness can call it on every
 * pair it scores: it needs only the Comparison.
 *
 * Found: "not the same template" (or "different layout") beside a "same template"/"same layout" for the same pair;
 * "no pivot" beside a shared pivot; "no identity" beside shared operator contacts; "no shared layout" beside a same
 * template; a family named as corroboration that has no evidence, or a corroborating family missing from the list;
 * "corroboration found: none" when a family corroborates; a verdict line that does not open with the verdict.
 */
import type { Comparison } from '../../detector/index.ts';
import { describeEvidence } from '../../review/text.ts';

export interface Contradiction {
  rule: string;
  detail: string;
}

const PIVOT_WORDS =
  /same (Google Analytics|Google Tag Manager|AdSense|Meta pixel|Yandex Metrica|IBAN|Bitcoin|Ethereum|payment link)/;

export function findContradictions(c: Comparison, corroborationStrength = 0.5): Contradiction[] {
  const out: Contradiction[] = [];
  const explanation = c.explanation.join('\n');
  const evidenceText = c.evidence.flatMap((e) => describeEvidence(e)).join('\n');
  const all = `${explanation}\n${evidenceText}`;
  const add = (rule: string, detail: string) => out.push({ rule, detail });

  const saysSame = /(?<!not the )same (template|layout)/.test(all);
  const saysNotSame = /not the same template|different (template|layout)|no shared layout/.test(all);
  if (saysSame && saysNotSame) add('template', 'both "same template/layout" and "not the same template" are said');

  const pivots = c.evidence.filter((e) => e.kind === 'shared-pivot');
  if (pivots.length > 0 && /\bno (shared )?pivots?\b|\bor pivot\b/.test(all))
    add('pivot', `"no pivot" beside ${pivots.length} shared pivot(s)`);
  if (c.families.identity > 0 && /\bno (site )?identity\b|\bidentity or\b/.test(all))
    add('identity', `"no identity" beside identity ${c.families.identity}`);

  const last = c.explanation.at(-1) ?? '';
  if (!last.startsWith(`${c.verdict} `) && !last.startsWith(`${c.verdict}:`))
    add('verdict', `the verdict line does not open with the verdict "${c.verdict}": ${last.slice(0, 60)}`);
  const found = /corroboration found: (.*?)(; also shared, not corroborating alone: |; note: |$)/.exec(last)?.[1] ?? '';
  const strong = {
    pivots: c.families.pivots >= corroborationStrength,
    identity: c.families.identity >= corroborationStrength,
    layout: c.families.layout >= corroborationStrength,
  };
  const named = {
    pivots: PIVOT_WORDS.test(found),
    identity: /reference's own contacts/.test(found),
    layout: /same template, (rare|uncommon)/.test(found),
  };
  for (const f of ['pivots', 'identity', 'layout'] as const) {
    if (strong[f] && !named[f]) add('corroboration', `${f} corroborates (family ${c.families[f]}) but is not named`);
    if (named[f] && !strong[f]) add('corroboration', `${f} is named as corroboration but its family is under strength`);
  }
  if (/corroboration found: none/.test(last) && Object.values(strong).some(Boolean))
    add('corroboration', '"corroboration found: none" while a family corroborates');
  if (named.pivots && !pivots.some((e) => e.kind === 'shared-pivot' && e.operatorId !== false))
    add('corroboration', 'a pivot is named as corroboration but no operator id is in the evidence');
  if (named.layout && !c.evidence.some((e) => e.kind === 'layout' && e.sameTemplate === true))
    add('corroboration', 'a rare template is named as corroboration but no layout evidence says same template');
  return out;
}

/**
 * Plain-text rendering of alerts for the terminal. Captured text may hold terminal control sequences (an
 * escape sequence can rewrite the screen or the window title), so every captured string is stripped of
 * control characters before it is printed.
 */

import { terminalSafe } from '../lib/terminal-safe.ts';
import { compareAdTexts } from './diff.ts';

/** One line: runs of white space (line breaks too) become one space, then what is left is made terminal-safe. */
const one = (v: unknown) =>
  terminalSafe(
    String(v ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
  );

/** Ads are stored whole: the terminal shows their start (the web page and the package show them whole). */
const EXCERPT_CHARS = 160;
const excerpt = (v: unknown) => {
  const text = one(v);
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
};

/** One evidence item as indented lines: known kinds in words, anything else as JSON. */
export function describeEvidence(item: unknown): string[] {
  const e = (item ?? {}) as Record<string, unknown>;
  const side = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  switch (e.kind) {
    case 'shared-contact':
      return [
        `shared ${one(e.contactKind)}: ${(Array.isArray(e.values) ? e.values : []).map(one).join(', ')} (${one(e.referenceCount)} on the monitored site, ${one(e.candidateCount)} on the candidate)`,
      ];
    case 'near-identical-ad': {
      const ref = side(e.reference);
      const cand = side(e.candidate);
      const texts = typeof ref.text === 'string' && typeof cand.text === 'string';
      const c = texts
        ? compareAdTexts(
            { text: ref.text as string, cut: ref.cut === true },
            { text: cand.text as string, cut: cand.cut === true },
          )
        : null;
      return [
        `near-identical ad (SimHash distance ${one(e.distance)} of 64${c ? `; ${c.sharedWords} of ${c.referenceWords} words shared, the candidate's ad has ${c.candidateWords}` : ''})`,
        `    monitored site  ${one(ref.url)}`,
        `                    "${excerpt(ref.text)}"`,
        `    candidate       ${one(cand.url)}`,
        `                    "${excerpt(cand.text)}"`,
      ];
    }
    case 'layout': {
      // The detector's own judgement travels on the item (detector version 4); older items only had the distance.
      const what =
        e.sameTemplate === true ? 'same template' : e.sameTemplate === false ? 'not the same template' : 'layout';
      return [`${what} for ${one(e.pageType)} pages (distance ${one(e.distance)} of 64)`];
    }
    case 'shared-pivot': {
      const whose =
        e.operatorId === true ? " (the operator's own id)" : e.operatorId === false ? " (a script's file)" : '';
      return [`shared ${one(e.pivotKind)}: ${one(e.value)}${whose}`];
    }
    default:
      return [`other evidence: ${one(JSON.stringify(item))}`];
  }
}

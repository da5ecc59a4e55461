/**
 * Word-level difference of two ad texts by longest common subsequence, so the analyst sees at a glance which
 * words a clone changed (a phone digit, a town, a price). Quadratic, so both texts are capped.
 */

export type DiffOp = { op: 'same' | 'removed' | 'added'; text: string };

export const MAX_DIFF_WORDS = 600;

export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).slice(0, MAX_DIFF_WORDS);
}

/** Operations turning `before` into `after`; consecutive words with the same op are merged. */
export function diffWords(before: string, after: string): DiffOp[] {
  const a = splitWords(before);
  const b = splitWords(after);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[at(i, j)] = a[i] === b[j] ? lcs[at(i + 1, j + 1)] + 1 : Math.max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
    }
  }
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], word: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += ` ${word}`;
    else ops.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) push('removed', a[i++]);
    else push('added', b[j++]);
  }
  while (i < n) push('removed', a[i++]);
  while (j < m) push('added', b[j++]);
  return ops;
}

/** Share of words both texts keep in common (LCS words over the longer text), 0..1. */
export function similarity(ops: DiffOp[]): number {
  const count = (kinds: DiffOp['op'][]) =>
    ops.filter((o) => kinds.includes(o.op)).reduce((sum, o) => sum + o.text.split(' ').length, 0);
  const same = count(['same']);
  const longer = Math.max(same + count(['removed']), same + count(['added']));
  return longer === 0 ? 1 : same / longer;
}

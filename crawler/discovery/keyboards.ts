/**
 * Keyboard neighbours for the adjacent-key fuzzer. French users type on AZERTY, most others on
 * QWERTY, Swiss and German ones on QWERTZ; a typo-squatter targeting French-speaking victims may use any,
 * so the layouts are merged (AZERTY first).
 */

const QWERTY_ROWS = ['1234567890-', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const AZERTY_ROWS = ['1234567890-', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'];
const QWERTZ_ROWS = ['1234567890-', 'qwertzuiop', 'asdfghjkl', 'yxcvbnm'];

/** Row offsets in key widths, so a key's diagonal neighbours can be found on the rows around it. */
const ROW_SHIFT = [0, 0.5, 0.75, 1.25];

function neighbourMap(rows: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  rows.forEach((row, r) => {
    [...row].forEach((key, c) => {
      const x = c + ROW_SHIFT[r];
      const near: string[] = [];
      for (let rr = r - 1; rr <= r + 1; rr++) {
        const other = rows[rr];
        if (other === undefined) continue;
        [...other].forEach((k, cc) => {
          if (k === key) return;
          const dx = Math.abs(cc + ROW_SHIFT[rr] - x);
          if ((rr === r && dx === 1) || (rr !== r && dx < 1)) near.push(k);
        });
      }
      map.set(key, near);
    });
  });
  return map;
}

const QWERTY = neighbourMap(QWERTY_ROWS);
const AZERTY = neighbourMap(AZERTY_ROWS);
const QWERTZ = neighbourMap(QWERTZ_ROWS);

/** Keys next to `char` on AZERTY, then QWERTY, then QWERTZ, deduplicated, in a stable order. */
export function adjacentKeys(char: string): string[] {
  return [...new Set([...(AZERTY.get(char) ?? []), ...(QWERTY.get(char) ?? []), ...(QWERTZ.get(char) ?? [])])];
}

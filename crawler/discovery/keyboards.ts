/**
 * Keyboard neighbours for the adjacent-key fuzzer. French users type on AZERTY, most others on
 * QWERTY; a typo-squatter targeting French victims may use either, so both layouts are merged.
 */

const QWERTY_ROWS = ['1234567890-', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const AZERTY_ROWS = ['1234567890-', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'];

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

/** Keys next to `char` on AZERTY then QWERTY, deduplicated, in a stable order. */
export function adjacentKeys(char: string): string[] {
  return [...new Set([...(AZERTY.get(char) ?? []), ...(QWERTY.get(char) ?? [])])];
}

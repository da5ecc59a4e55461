/**
 * Text from the database, a feed or a crawled site printed on an analyst's terminal without letting it drive the
 * terminal: control characters (an escape sequence can rewrite the screen, the window title or what a later command
 * seems to print), line breaks (a forged "OK" line) and bidirectional overrides (a name that displays differently
 * from what it is) are shown as visible escapes (`\x1b`, `\n`, `\u202e`). Tabs are kept. Use it on every value of a
 * table or message that came from stored data.
 */
import { escapeControl } from './safe-text.ts';

export function terminalSafe(value: unknown): string {
  if (value === null || value === undefined) return '';
  return escapeControl(String(value));
}

/** A row of table cells, each made terminal-safe. */
export function terminalSafeRow(cells: readonly unknown[]): string[] {
  return cells.map(terminalSafe);
}

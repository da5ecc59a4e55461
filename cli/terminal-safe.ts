/**
 * Stored data printed on the analyst's terminal without letting it drive the terminal: feed errors, names and
 * anything else that came from outside may hold ANSI escape sequences (move the cursor, rewrite earlier lines, set
 * the window title) or bidirectional overrides that reorder what is shown. Every control character is printed as a
 * visible escape (`\x1b`, `\u202e`). Use it on every value of a table or message that came from stored data.
 */
import { escapeControl } from '../lib/safe-text.ts';

export function terminalSafe(value: unknown): string {
  if (value === null || value === undefined) return '';
  return escapeControl(String(value));
}

/** A row of table cells, each made terminal-safe. */
export function terminalSafeRow(cells: readonly unknown[]): string[] {
  return cells.map(terminalSafe);
}

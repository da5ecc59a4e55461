/**
 * Text from outside (feed lines, file names, stored errors) made safe to quote: control characters, ANSI escapes
 * and bidirectional overrides written as visible escapes, and long input cut to a short excerpt. A hostile feed line
 * must never reach a log, a database column or a terminal as it was written (a NUL breaks a Postgres insert, an
 * escape sequence rewrites the analyst's screen, a 300 MB line fills the heap).
 */

// C0 controls except tab, DEL, C1 controls, and the bidi embeddings/overrides/isolates that reorder what is shown.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_IN_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control or reordering character written as a visible escape (`\x00`, `\x1b`, `\u202e`). */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** A short, escaped excerpt of untrusted text for an error message: at most `max` characters of input, then `…`. */
export function excerpt(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return escapeControl(cut);
}

/** `"excerpt"`: how error messages quote untrusted input. */
export function quoted(text: string, max = 40): string {
  return `"${excerpt(text, max)}"`;
}

/** Position and name of the first control character of a line (tab and line ends allowed), or null. */
export function firstControl(line: string): { column: number; escaped: string } | null {
  const match = CONTROL_IN_LINE.exec(line);
  if (match === null) return null;
  return { column: match.index + 1, escaped: escapeOne(match[0]) };
}

/**
 * An error for a log line without what it may carry from input: a failed query's message holds the query and its
 * parameters (drizzle writes both), so only the error's type, code and an excerpt of the driver's own message are
 * kept.
 */
export function safeError(error: unknown): { type: string; code?: string; message: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-error thrown' };
  const cause = (error as { cause?: unknown }).cause;
  const isQuery = 'params' in error || error.message.startsWith('Failed query');
  const inner = isQuery && cause instanceof Error ? cause : error;
  const code = (inner as { code?: unknown }).code ?? (error as { code?: unknown }).code;
  let message = excerpt(error.message, 160);
  if (isQuery)
    message =
      cause instanceof Error ? `database query failed: ${excerpt(cause.message, 160)}` : 'database query failed';
  return { type: error.name, ...(typeof code === 'string' ? { code } : {}), message };
}

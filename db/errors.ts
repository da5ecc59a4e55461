/** A requested row does not exist (an alert id, a site name): the CLI says so and exits 2. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** The database cannot be used as it is (not reachable, not migrated, locked by another process). Exit 1. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** A request that contradicts the data (e.g. deciding an alert with an unknown status). Exit 2. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
}

/**
 * Properties through which drizzle, postgres.js and PGlite errors carry the SQL text, its bound values, or the
 * row that failed (PostgreSQL's `detail`: "Failing row contains (…)", "Key (name)=(…) already exists").
 */
const QUERY_KEYS = ['query', 'params', 'parameters', 'args', 'detail', 'internalQuery'] as const;
const FAILED_QUERY = /^Failed query: [\s\S]*$/;
const QUERY_FAILED = 'A database query failed (its text and values are not logged)';

/**
 * A copy of `error` safe to log, print or store: the SQL text and its parameters (a session token, a CSRF token,
 * a password hash, a line of a feed) are removed from it and from its causes, and drizzle's "Failed query: …
 * params: …" message becomes the database's own reason. Every log line goes through this (cli/logger.ts).
 */
export function withoutQueryDetails(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 5) return error;
  const cause = (error as { cause?: unknown }).cause;
  const safeCause = withoutQueryDetails(cause, depth + 1);
  const carriesQuery = QUERY_KEYS.some((k) => k in error) || FAILED_QUERY.test(error.message);
  if (!carriesQuery && safeCause === cause) return error;
  const message = FAILED_QUERY.test(error.message) ? QUERY_FAILED : error.message;
  const copy = new Error(message, cause === undefined ? undefined : { cause: safeCause });
  copy.name = error.name;
  // The stack starts with the message (drizzle's spans lines: SQL, then params): keep only the frames.
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  copy.stack = [`${copy.name}: ${message}`, ...frames].join('\n');
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause' || (QUERY_KEYS as readonly string[]).includes(key)) continue;
    (copy as unknown as Record<string, unknown>)[key] = value;
  }
  return copy;
}

/** The message of an error, without any query text or parameters (for a table or a notification). */
export function safeErrorMessage(error: unknown): string {
  const safe = withoutQueryDetails(error);
  if (!(safe instanceof Error)) return String(safe);
  const cause = (safe as { cause?: unknown }).cause;
  return safe.message === QUERY_FAILED && cause instanceof Error ? `${safe.message}: ${cause.message}` : safe.message;
}

/** PostgreSQL SQLSTATE classes and network error codes, in plain words that name no host, user or database. */
const FAILURE_WORDS: [RegExp, string][] = [
  [/^28/, 'the database refused the credentials (user or password)'],
  [/^3D000$/, 'the database named in the URL does not exist'],
  [/^57P0[1-3]$/, 'the database server is shutting down or starting up'],
  [/^53300$/, 'the database server has too many connections'],
  [/^42501$/, 'the database role lacks a privilege'],
  [/^ECONNREFUSED$/, 'the database server refused the connection (not running, or wrong port)'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, 'the database host name does not resolve'],
  [/^(ETIMEDOUT|CONNECT_TIMEOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH)$/, 'the database server cannot be reached'],
  [/^CONNECTION_(CLOSED|ENDED|DESTROYED)$/, 'the connection to the database was lost'],
];

/**
 * What is wrong with the database, for an unauthenticated caller (/healthz): the kind of failure only. Driver
 * messages name hosts, addresses, roles and databases; they go to the service log, never into this text.
 */
export function describeDatabaseFailure(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? '');
    for (const [pattern, words] of FAILURE_WORDS) if (code && pattern.test(code)) return words;
    if ((e as { name?: string }).name === 'TimeoutError') return 'the database did not answer in time';
  }
  return 'the database does not answer (the reason is in the service log)';
}

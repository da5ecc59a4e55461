/** The root pino logger: JSON lines on stderr by default, human-readable when stderr is a terminal. */
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { withoutQueryDetails } from '../db/index.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** Where JSON lines go (default stderr); tests give a sink. */
  destination?: DestinationStream;
}

/**
 * Errors are logged without the SQL text and bound values that drizzle, postgres.js and PGlite attach to a failed
 * query (a failed session insert would otherwise log its CSRF token): the one place every log line passes.
 */
const serializeError = (e: unknown) => pino.stdSerializers.err(withoutQueryDetails(e) as Error);
export const LOG_SERIALIZERS = { err: serializeError, error: serializeError };

/**
 * Keys that hold secrets, wherever a log line would carry them (a config section, a mailer's options, a target):
 * their values are replaced, never written. Secrets come from the config file or the environment (`{ env: NAME }`).
 */
const REDACTED_KEYS = ['secret', 'password', 'pass', 'proxyUrl', 'connectionString', 'authorization'];
export const LOG_REDACTION = {
  paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
  censor: '[redacted]',
};

export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    base: { app: 'phenix' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: LOG_REDACTION,
    serializers: LOG_SERIALIZERS,
  };
  if (options.pretty) {
    return pino(
      base,
      pretty({ destination: 2, sync: true, colorize: true, ignore: 'pid,hostname,app', translateTime: 'SYS:HH:MM:ss' }),
    );
  }
  return pino(base, options.destination ?? pino.destination({ fd: 2, sync: true }));
}

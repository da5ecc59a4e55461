/** The root pino logger: JSON lines on stderr by default, human-readable when stderr is a terminal. */
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface LoggerOptions {
  level: string;
  pretty: boolean;
}

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
  };
  if (options.pretty) {
    return pino(
      base,
      pretty({ destination: 2, sync: true, colorize: true, ignore: 'pid,hostname,app', translateTime: 'SYS:HH:MM:ss' }),
    );
  }
  return pino(base, pino.destination({ fd: 2, sync: true }));
}

/**
 * Exit codes and the translation of every handled error into a plain message. Only the CLI decides
 * how the process ends: 0 ok, 1 runtime failure (or, for a check, something was altered), 2 bad input or config;
 * `evidence verify` adds 3 (intact and signed, not timestamped) and 4 (intact and signed, time not trusted).
 */
import { CommanderError } from 'commander';
import { ConfigError } from '../config/index.ts';
import { DatabaseUnavailableError, InvalidRequestError, NotFoundError, withoutQueryDetails } from '../db/index.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_NOT_TIMESTAMPED = 3;
export const EXIT_UNTRUSTED_TIME = 4;

/** A check's verdict that is not a failure of the program: the message is printed as is, with its own exit code. */
export class VerdictError extends Error {
  override readonly name = 'VerdictError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Bad command-line input found by a command itself (a file that does not exist, an option out of range). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const BAD_INPUT_ERRORS = [
  'UsageError',
  'ConfigError',
  'NotFoundError',
  'InvalidRequestError',
  'HostnameError',
  'BrowserNotFoundError',
  'QueueSetupError',
  'AccessDeniedError',
  'SigningKeyError',
  'TokenFileError',
];

export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  if (
    error instanceof ConfigError ||
    error instanceof NotFoundError ||
    error instanceof InvalidRequestError ||
    error instanceof UsageError
  ) {
    return EXIT_BAD_INPUT;
  }
  if (error instanceof DatabaseUnavailableError) return EXIT_FAILURE;
  if (error instanceof VerdictError) return error.exitCode;
  if (error instanceof Error && BAD_INPUT_ERRORS.includes(error.name)) return EXIT_BAD_INPUT;
  return EXIT_FAILURE;
}

export function describeError(raw: unknown): string {
  const error = withoutQueryDetails(raw); // never print a failed query's text and values
  if (error instanceof Error) {
    const known =
      error instanceof ConfigError ||
      BAD_INPUT_ERRORS.includes(error.name) ||
      error instanceof DatabaseUnavailableError ||
      error.name === 'DoctorFailedError' ||
      error instanceof VerdictError ||
      error.name === 'BrowserSandboxError';
    if (known) return error.message;
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return `${error.message}${cause ? `\n  cause: ${cause}` : ''}`;
  }
  return String(error);
}

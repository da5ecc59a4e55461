/**
 * The CLI token a command proves its account with: `PHENIX_TOKEN` in the environment, else a token file
 * (`PHENIX_TOKEN_FILE`, else ~/.config/phenix/token). A token file must be a regular file of the user running the
 * command that nobody else can read or write (chmod 600): a readable one is refused, not used.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const TOKEN_ENV = 'PHENIX_TOKEN';
export const TOKEN_FILE_ENV = 'PHENIX_TOKEN_FILE';
/** What `phenix users token` prints: a prefix that says what it is, then 32 random bytes. */
export const TOKEN_PATTERN = /^phx_[A-Za-z0-9_-]{43}$/;

/** The token file is unusable as it is (exit 2, the message says how to fix it). */
export class TokenFileError extends Error {
  override readonly name = 'TokenFileError';
}

export function defaultTokenFile(): string {
  return join(homedir(), '.config', 'phenix', 'token');
}

export interface GivenToken {
  token: string;
  /** Where it came from, for messages: PHENIX_TOKEN or the file's path. */
  from: string;
}

/** The token given to this command, or null when none is given. */
export function readGivenToken(env: NodeJS.ProcessEnv = process.env): GivenToken | null {
  const fromEnv = env[TOKEN_ENV]?.trim();
  if (fromEnv) return { token: fromEnv, from: TOKEN_ENV };
  const explicit = env[TOKEN_FILE_ENV]?.trim();
  const path = explicit || defaultTokenFile();
  let fd: number;
  try {
    // O_NOFOLLOW: a link planted in place of the file is refused, not followed.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return null;
    if (code === 'ELOOP') throw new TokenFileError(`The token file ${path} is a symbolic link: use the file itself`);
    throw new TokenFileError(`Cannot read the token file ${path} (${code ?? 'error'})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new TokenFileError(`The token file ${path} is not a regular file`);
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
      throw new TokenFileError(`The token file ${path} belongs to another user: keep your own token in your own file`);
    }
    if ((st.mode & 0o077) !== 0) {
      const mode = (st.mode & 0o777).toString(8);
      throw new TokenFileError(
        `The token file ${path} can be read or changed by others (mode ${mode}); it was not used. Run: chmod 600 ${path}`,
      );
    }
    const token = readFileSync(fd, 'utf8').trim();
    return token ? { token, from: path } : null;
  } finally {
    closeSync(fd);
  }
}

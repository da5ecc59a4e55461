/** Runs the real `phenix` command in a child process, as an analyst would. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PHENIX_BIN = fileURLToPath(new URL('../../bin/phenix.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runPhenix(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      ...options.env,
    };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const child = spawn(process.execPath, [PHENIX_BIN, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

export interface RunningPhenix {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `phenix` in the background (a service, a worker), with JSON logs at info level unless `env` says otherwise. */
export function startPhenix(args: string[], env: Record<string, string>): RunningPhenix {
  const child = spawn(process.execPath, [PHENIX_BIN, ...args], {
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Runs the real command in this process (each spawned `phenix` costs seconds of TypeScript compilation), with
 * stdout and stderr captured and `input` as the standard input.
 */
export async function runPhenixHere(
  args: string[],
  input?: string,
  onOutput?: (chunk: string) => void,
): Promise<{ code: number; out: string; err: string }> {
  const { vi } = await import('vitest');
  const { Readable } = await import('node:stream');
  const { main } = await import('../../cli/main.ts');
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    into.push(text);
    onOutput?.(text);
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture(out) as typeof process.stdout.write),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture(err) as typeof process.stderr.write),
  ];
  if (input !== undefined) {
    const stdin = vi
      .spyOn(process, 'stdin', 'get')
      .mockReturnValue(Readable.from([Buffer.from(input)]) as typeof process.stdin);
    spies.push(stdin as unknown as (typeof spies)[number]);
  }
  try {
    const code = await main(['node', 'phenix', ...args]);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** Gives an account a CLI token, as `phenix users token NAME` would, and returns it (for PHENIX_TOKEN). */
export async function mintCliToken(db: import('../../db/index.ts').Executor, name: string): Promise<string> {
  const { setCliToken } = await import('../../db/index.ts');
  const { newToken, tokenHash } = await import('../../review/index.ts');
  const token = `phx_${newToken()}`;
  await setCliToken(db, name, tokenHash(token), 'test');
  return token;
}

/** Runs `fn` with PHENIX_TOKEN set to `token` (the in-process CLI reads the environment), then restores it. */
export async function withToken<T>(token: string | undefined, fn: () => Promise<T>): Promise<T> {
  const before = process.env.PHENIX_TOKEN;
  if (token === undefined) delete process.env.PHENIX_TOKEN;
  else process.env.PHENIX_TOKEN = token;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.PHENIX_TOKEN;
    else process.env.PHENIX_TOKEN = before;
  }
}

/** The `phenix` CLI and `phenix worker` processes the scale-out benchmark drives. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const PHENIX_BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/phenix.js');
const run = promisify(execFile);

/** The environment of the children: JSON logs, and the config's database (DATABASE_URL would win over it). */
function childEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return { ...env, LOG_FORMAT: 'json' };
}

export async function phenix(config: string, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [PHENIX_BIN, '--config', config, ...args], {
    env: childEnv(),
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

export interface WorkerProcess {
  child: ChildProcess;
  logPath: string;
}

/** Starts `phenix worker --concurrency 1` and resolves once it has printed its "worker running" line. */
export function startWorkerProcess(config: string, logPath: string): Promise<WorkerProcess> {
  const log = openSync(logPath, 'w');
  const child = spawn(process.execPath, [PHENIX_BIN, '--config', config, 'worker', '--concurrency', '1'], {
    env: childEnv(),
    stdio: ['ignore', 'pipe', log],
  });
  closeSync(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('no "worker running" line within 120 s')), 120_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}; worker log tail:\n${tail(logPath, 15)}`));
    };
    child.once('exit', (code) => fail(new Error(`worker exited early (code ${code})`)));
    // Keep reading stdout for the whole life of the worker, so its pipe never fills.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!/worker running/.test(line)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, logPath });
    });
  });
}

export async function stopWorkerProcess(worker: WorkerProcess): Promise<void> {
  const { child } = worker;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.log(`WARNING: worker ${child.pid} still running 60 s after SIGTERM; killing it`);
    child.kill('SIGKILL');
  }, 60_000);
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0) console.log(`WARNING: worker ${child.pid} exited with code ${code}:\n${tail(worker.logPath, 10)}`);
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

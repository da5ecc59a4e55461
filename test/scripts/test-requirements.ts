/**
 * `npm test`'s pretest step: makes sure what the suite needs is on this machine before a single test runs, so a
 * fresh clone gives either a passing suite or one plain sentence saying what is missing — never a handful of
 * cryptic browser or connection failures.
 *
 * - Debian's Chromium at /usr/bin/chromium (the browser tests launch it), and the tools other tests drive: tshark and
 *   ip (the network-namespace test), pdftotext (the case PDF), openssl (the local RFC 3161 TSA) and unzip (an
 *   independent reader of evidence packages): installed with apt-get when missing and this runs as root, as .ci/run
 *   does; otherwise the command to run is printed.
 * - The unprivileged user `phenix` that runs the sandboxed browser when the tests run as root: created if missing.
 * - PostgreSQL at 127.0.0.1:5432 (trust auth; TEST_DATABASE_URL overrides): a local cluster that is installed but
 *   down is started. A missing server is not installed from here: that would mean rewriting the machine's
 *   authentication rules, which is the administrator's call, so the message says what to do.
 *
 * Set PHENIX_SKIP_TEST_REQUIREMENTS=1 to skip the checks (e.g. to run only the unit tests on a bare machine:
 * `npx vitest run test/unit` does not run this step at all).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

const CHROMIUM = '/usr/bin/chromium';

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: string[]): void {
  console.log(`test requirements: ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Debian packages the suite drives, by the command that shows each is there. */
const PACKAGES: [present: () => boolean, pkg: string][] = [
  [() => existsSync(CHROMIUM), 'chromium'],
  [() => onPath('tshark'), 'tshark'],
  [() => onPath('ip'), 'iproute2'],
  [() => onPath('pdftotext'), 'poppler-utils'],
  [() => onPath('openssl'), 'openssl'],
  [() => onPath('unzip'), 'unzip'],
];

function ensurePackages(): string | null {
  let missing = PACKAGES.filter(([present]) => !present()).map(([, pkg]) => pkg);
  if (missing.length === 0) return null;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && onPath('apt-get')) {
    console.log(`test requirements: installing Debian's ${missing.join(', ')} (about a minute)…`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...missing]);
    missing = PACKAGES.filter(([present]) => !present()).map(([, pkg]) => pkg);
    if (missing.length === 0) return null;
  }
  return `The tests need Debian's ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} missing. Install with "sudo apt-get install ${missing.join(' ')}" (running npm test as root installs them), then run npm test again.`;
}

/** As root, Chromium keeps its sandbox by running as the unprivileged user phenix (chromium/launch.ts). */
function ensureBrowserUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  if (spawnSync('id', ['-u', 'phenix'], { stdio: 'ignore' }).status === 0) return null;
  run('useradd', ['--system', '--shell', '/usr/sbin/nologin', 'phenix']);
  return null;
}

function serverAddress(): { host: string; port: number } {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  return { host: url.hostname || '127.0.0.1', port: Number(url.port || 5432) };
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function ensurePostgres(): Promise<string | null> {
  const { host, port } = serverAddress();
  if (await reachable(host, port)) return null;
  const local = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  if (local && onPath('pg_lsclusters') && onPath('pg_ctlcluster')) {
    const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length >= 3 && f[2] === String(port));
    for (const [version, name] of clusters) {
      console.log(`test requirements: PostgreSQL ${version}/${name} is down; starting it…`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start'], { stdio: 'inherit' });
    }
    for (let i = 0; i < 30; i++) {
      if (await reachable(host, port)) return null;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  return `The database tests need PostgreSQL at ${host}:${port} with trust authentication for local connections (or TEST_DATABASE_URL pointing at one), and nothing answers there. Install it ("sudo apt-get install postgresql"), allow trust for 127.0.0.1 in pg_hba.conf, start it, then run npm test again — or run "bash .ci/run" on a throw-away CI machine.`;
}

if (process.env.PHENIX_SKIP_TEST_REQUIREMENTS !== '1') {
  const problems = [ensurePackages(), ensureBrowserUser(), await ensurePostgres()].filter(
    (p): p is string => p !== null,
  );
  if (problems.length) {
    for (const p of problems) console.error(`npm test: ${p}`);
    process.exit(1);
  }
}

/**
 * The capture environment of a run, recorded once and referenced by each of its captures (in the spirit of
 * NF Z67-147 and the Berkeley Protocol: say with what, from where and on which clock the web was observed):
 * Phénix, Node and Chromium versions, operating system, proxy (credentials removed) and name resolution, the
 * public egress address when a check endpoint is configured (fetched through the guard and the proxy, like the
 * pages), and the clock: its source, whether NTP reports it synchronised, and the time the run started.
 */
import { execFile } from 'node:child_process';
import { getServers } from 'node:dns';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { browserUserAgent } from '../chromium/index.ts';
import { fetchViaGuard } from './fetch-via-guard.ts';
import type { CrawlOptions } from './types.ts';

export interface CaptureEnvironment {
  kind: 'phenix-capture-environment/1';
  runId: string;
  startedAt: string;
  phenix: string;
  node: string;
  chromium: string | null;
  os: { type: string; release: string; arch: string; platform: string };
  mode: CrawlOptions['mode'];
  userAgent: string | null;
  proxy: string | null;
  resolver: string;
  egress: { checkUrl: string; address: string | null; error: string | null } | null;
  clock: { source: string; ntpSynchronized: boolean | null; timezone: string };
}

async function readText(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return null;
  }
}

function run(command: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 5_000 }, (error, stdout) => resolve(error ? null : stdout.trim()));
  });
}

/** `socks5://user:secret@host:1080` → `socks5://host:1080`: the package names the proxy, never its password. */
export function redactProxy(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return '(unparsable proxy URL)';
  }
}

async function ntpSynchronized(): Promise<boolean | null> {
  const answer = await run('timedatectl', ['show', '-p', 'NTPSynchronized', '--value']);
  if (answer === 'yes') return true;
  if (answer === 'no') return false;
  return null;
}

// Asked once per process and browser: a version does not change under a running process, and starting the binary
// costs a second on a loaded machine.
const chromiumVersions = new Map<string, Promise<string | null>>();
function chromiumVersion(path: string): Promise<string | null> {
  let version = chromiumVersions.get(path);
  if (!version) {
    version = run(path, ['--version']);
    chromiumVersions.set(path, version);
  }
  return version;
}

function packageVersion(): Promise<string> {
  return readFile(new URL('../package.json', import.meta.url), 'utf8').then(
    (text) => (JSON.parse(text) as { version: string }).version,
    () => 'unknown',
  );
}

export async function describeEnvironment(
  options: CrawlOptions,
  guardUrl: string,
  chromiumPath: string | null,
): Promise<CaptureEnvironment> {
  const startedAt = new Date().toISOString();
  const [phenix, chromium, source, ntp, egress] = await Promise.all([
    packageVersion(),
    chromiumPath ? chromiumVersion(chromiumPath) : Promise.resolve(null),
    readText('/sys/devices/system/clocksource/clocksource0/current_clocksource'),
    ntpSynchronized(),
    options.egressCheckUrl
      ? egressAddress(options.egressCheckUrl, guardUrl, options.userAgent ?? browserUserAgent(null))
      : Promise.resolve(null),
  ]);
  return {
    kind: 'phenix-capture-environment/1',
    runId: options.runId,
    startedAt,
    phenix,
    node: process.version,
    chromium,
    os: { type: os.type(), release: os.release(), arch: os.arch(), platform: os.platform() },
    mode: options.mode,
    userAgent: options.userAgent ?? null,
    proxy: redactProxy(options.proxyUrl),
    resolver:
      options.resolverDescription ??
      (options.dns?.dohUrl
        ? `DNS-over-HTTPS ${options.dns.dohUrl}${options.proxyUrl ? ' through the upstream proxy' : ''}`
        : options.dns?.servers?.length
          ? `resolvers ${options.dns.servers.join(', ')}`
          : options.proxyUrl
            ? 'names resolved by the upstream proxy'
            : `system resolver (${getServers().join(', ') || 'none listed'})`),
    egress,
    clock: {
      source: source ? `system clock (kernel clocksource ${source})` : 'system clock',
      ntpSynchronized: ntp,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
  };
}

async function egressAddress(checkUrl: string, guardUrl: string, userAgent: string) {
  try {
    const answer = await fetchViaGuard(checkUrl, { guardUrl, maxBytes: 4096, timeoutMs: 10_000, userAgent });
    if (answer.status !== 200) return { checkUrl, address: null, error: `HTTP ${answer.status}` };
    const text = answer.body.toString('utf8').trim();
    const address = /^[0-9a-f.:]{2,45}$/i.test(text) ? text : (/"ip"\s*:\s*"([0-9a-f.:]+)"/i.exec(text)?.[1] ?? null);
    return { checkUrl, address, error: address ? null : 'the answer holds no IP address' };
  } catch (error) {
    return { checkUrl, address: null, error: (error as Error).message };
  }
}

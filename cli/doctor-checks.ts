/**
 * What `phenix doctor` looks at, one check per concern, each with a plain-words fix when wrong: the browser and its
 * sandbox (proved by Chromium's own chrome://sandbox page, not inferred from flags), the resolver and the proxy the
 * crawls use (asked for real: doctor-network.ts), and the database. A check never sends a query about a real site.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  BROWSER_USER,
  BrowserSandboxError,
  browserLaunchOptions,
  chromiumVersion,
  findChromium,
} from '../chromium/index.ts';
import type { Config } from '../config/index.ts';
import { openDatabase } from '../db/index.ts';
import { checkProxyHandshake, checkResolvers } from './doctor-network.ts';

export type CheckState = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  name: string;
  state: CheckState;
  detail: string;
  fix?: string;
}

export interface DoctorOptions {
  config: Config;
  /** Where the embedded database lives (resolved beside the config). */
  embeddedDir: string;
  /** Create the browser user when missing (as root). */
  fix: boolean;
}

function createBrowserUser(): void {
  execFileSync('useradd', ['--system', '--shell', '/usr/sbin/nologin', BROWSER_USER], { stdio: 'pipe' });
}

async function checkBrowser(options: DoctorOptions): Promise<CheckResult[]> {
  const needed = options.config.crawler.mode !== 'http';
  let path: string;
  try {
    path = findChromium(options.config.crawler.chromiumPath, process.env.CHROMIUM_PATH).path;
  } catch (error) {
    return [
      {
        name: 'chromium',
        state: needed ? 'fail' : 'warn',
        detail: (error as Error).message,
        fix: 'apt-get install chromium',
      },
    ];
  }
  const version = chromiumVersion(path);
  const results: CheckResult[] = [
    version
      ? { name: 'chromium', state: 'ok', detail: `${path}, version ${version}` }
      : { name: 'chromium', state: 'fail', detail: `${path} does not start (--version failed)`, fix: 'reinstall it' },
  ];
  const root = process.getuid?.() === 0;
  if (root && options.fix) {
    try {
      execFileSync('id', ['-u', BROWSER_USER], { stdio: 'ignore' });
    } catch {
      createBrowserUser();
      results.push({ name: 'browser user', state: 'ok', detail: `created the system user ${BROWSER_USER}` });
    }
  }
  let launch: ReturnType<typeof browserLaunchOptions>;
  try {
    launch = browserLaunchOptions(path);
  } catch (error) {
    if (!(error instanceof BrowserSandboxError)) throw error;
    results.push({
      name: 'sandbox',
      state: needed ? 'fail' : 'warn',
      detail: error.message,
      fix: 'phenix doctor --fix',
    });
    return results;
  }
  const { chromium } = await import('playwright');
  const browser = await chromium.launch(launch).catch((error: Error) => error);
  if (browser instanceof Error) {
    results.push({
      name: 'sandbox',
      state: needed ? 'fail' : 'warn',
      detail: `Chromium did not start sandboxed${root ? ` as ${BROWSER_USER}` : ''}: ${browser.message.split('\n')[0]}`,
      fix: 'unprivileged user namespaces must be allowed: sysctl -w kernel.unprivileged_userns_clone=1 (and user.max_user_namespaces > 0)',
    });
    return results;
  }
  try {
    const page = await browser.newPage();
    await page.goto('chrome://sandbox');
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText keeps the table's tabs.
    const text = await page.innerText('body');
    const layer = /Layer 1 Sandbox\s+(\S+)/.exec(text)?.[1] ?? 'unknown';
    const adequate = /You are adequately sandboxed/.test(text);
    results.push({
      name: 'sandbox',
      state: adequate ? 'ok' : needed ? 'fail' : 'warn',
      detail: `${adequate ? 'adequately sandboxed' : 'NOT adequately sandboxed'} (layer 1: ${layer}, seccomp-BPF: ${/Seccomp-BPF sandbox\s+Yes/.test(text) ? 'yes' : 'no'})${root ? `, runs as ${BROWSER_USER}` : ''}`,
      ...(adequate ? {} : { fix: 'allow unprivileged user namespaces, or run Phénix as a non-root user' }),
    });
  } finally {
    await browser.close();
  }
  return results;
}

function proxyAdvice(config: Config): CheckResult[] {
  if (config.crawler.proxyUrl) return [];
  return [
    {
      name: 'proxy',
      state: 'warn',
      detail: "no crawler.proxyUrl: crawls and DNS questions leave from this machine's own address",
      fix: 'set crawler.proxyUrl (socks5://… or http://…) and dns.dohUrl',
    },
  ];
}

async function checkDatabase(options: DoctorOptions): Promise<CheckResult> {
  const url = options.config.database.url;
  if (!url) {
    if (!existsSync(options.embeddedDir)) {
      return {
        name: 'database',
        state: 'ok',
        detail: `embedded database not created yet (${options.embeddedDir}); it is created on first use`,
      };
    }
    try {
      const handle = await openDatabase({ dataDir: options.embeddedDir });
      await handle.close();
      return { name: 'database', state: 'ok', detail: `embedded database at ${handle.location}, migrated` };
    } catch (error) {
      return {
        name: 'database',
        state: 'warn',
        detail: `embedded database at ${options.embeddedDir}: ${(error as Error).message}`,
        fix: 'stop the other phenix process using it, or point DATABASE_URL at a PostgreSQL server',
      };
    }
  }
  try {
    const handle = await openDatabase({ url, requireMigrated: true });
    const location = handle.location;
    await handle.close();
    return { name: 'database', state: 'ok', detail: `PostgreSQL at ${location} reachable and migrated` };
  } catch (error) {
    const message = (error as Error).message;
    const unreachable = /Cannot reach/.test(message);
    return {
      name: 'database',
      state: 'fail',
      detail: message,
      fix: unreachable ? 'start PostgreSQL or fix database.url / DATABASE_URL' : 'run phenix db migrate',
    };
  }
}

export async function runDoctor(options: DoctorOptions): Promise<CheckResult[]> {
  const { proxyUrl } = options.config.crawler;
  const results = [
    ...(await checkBrowser(options)),
    ...(await checkResolvers(options.config)),
    ...proxyAdvice(options.config),
  ];
  if (proxyUrl) results.push(await checkProxyHandshake(proxyUrl));
  results.push(await checkDatabase(options));
  return results;
}

/**
 * Finding and launching Chromium. Order: the configured `chromiumPath`, `CHROMIUM_PATH` (the caller passes the
 * environment), the Debian package at /usr/bin/chromium, then Playwright's own download. Launch flags and the
 * sandbox set-up live in launch.ts.
 */
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';

export class BrowserNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      `No Chromium browser was found (looked at: ${tried.join(', ') || 'nothing'}). Install one with ` +
        '`apt-get install chromium` or `npx playwright install chromium`, or set chromiumPath in the configuration ' +
        '(or the CHROMIUM_PATH environment variable).',
    );
    this.name = 'BrowserNotFoundError';
  }
}

function executable(path: string | undefined): path is string {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ChromiumLocation {
  path: string;
  /** Where it was found: config, env, system or playwright. */
  source: 'config' | 'env' | 'system' | 'playwright';
}

function defaultFallbacks(): [string, ChromiumLocation['source']][] {
  const list: [string, ChromiumLocation['source']][] = [['/usr/bin/chromium', 'system']];
  try {
    // Required here, not imported at the top: loading Playwright takes seconds, and only this last resort needs it.
    const { chromium } = createRequire(import.meta.url)('playwright') as typeof import('playwright');
    list.push([chromium.executablePath(), 'playwright']);
  } catch {
    // Playwright has no browser of its own: fine, it is the last resort.
  }
  return list;
}

/**
 * The first executable of: `preferred` (config chromiumPath), `envPath` (CHROMIUM_PATH, passed by the caller),
 * /usr/bin/chromium, Playwright's own browser. `fallbacks` replaces the last two (tests).
 */
export function findChromium(
  preferred?: string,
  envPath: string | undefined = process.env.CHROMIUM_PATH,
  fallbacks: [string, ChromiumLocation['source']][] = defaultFallbacks(),
): ChromiumLocation {
  const tried: string[] = [];
  const candidates: [string | undefined, ChromiumLocation['source']][] = [
    [preferred, 'config'],
    [envPath, 'env'],
    ...fallbacks,
  ];
  for (const [path, source] of candidates) {
    if (!path) continue;
    tried.push(path);
    if (executable(path)) return { path, source };
  }
  throw new BrowserNotFoundError(tried);
}

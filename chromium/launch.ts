/**
 * How Chromium is started for a crawl: the flags that keep it quiet and leak-free, and the sandbox set-up.
 *  - WebRTC: `--webrtc-ip-handling-policy=disable_non_proxied_udp` (with the `force` switch Chromium honours it
 *    from the command line); a page's RTCPeerConnection then sends no UDP of its own (STUN would reveal the unit's
 *    address past every proxy). Measured: the force switch alone let 4 STUN packets through.
 *  - Background traffic: one `--disable-features` list. Chromium keeps only the LAST `--disable-features` switch,
 *    so a list of ours silently replaced Playwright's (which holds NetworkTimeServiceQuerying and friends): that is
 *    what sent `clients2.google.com/time` requests. Our list therefore repeats Playwright's network-relevant
 *    entries. Debian's Chromium 156 still asks `update.googleapis.com` and `accounts.google.com/ListAccounts`
 *    whatever the flags (and managed policies): the guard proxy refuses Chromium's own service hosts
 *    (`browser-service-hosts.ts`), so those requests never reach the upstream proxy or leave the machine.
 *  - Sandbox: never `--no-sandbox`. Chromium refuses to sandbox itself as root, so as root it is started through
 *    `bin/phenix-chromium`, which drops to an unprivileged user (default `phenix`) and keeps the sandbox on.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Playwright's own network-relevant disabled features (repeated: the last --disable-features wins) and ours. */
const DISABLED_FEATURES = [
  // Playwright's list (chromiumSwitches.ts), the entries that matter for traffic or behaviour we rely on.
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  // Ours: services that would call Google from the unit.
  'Translate',
  'AutofillServerCommunication',
  'InterestFeedContentSuggestions',
  'CertificateTransparencyComponentUpdater',
  'SafeBrowsingEnhancedProtection',
  // WebRTC's mDNS responder joins 224.0.0.251 on the unit's network (seen in the namespace test's capture).
  'WebRtcHideLocalIpsWithMdns',
];

export const CHROMIUM_ARGS: readonly string[] = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--safebrowsing-disable-auto-update',
  '--disable-sync',
  '--no-pings',
  '--metrics-recording-only',
  '--disable-dev-shm-usage',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--force-webrtc-ip-handling-policy',
  '--enforce-webrtc-ip-permission-check',
  '--mute-audio',
];

export const BROWSER_USER = 'phenix';

/** The wrapper that drops root to the browser user (bin/phenix-chromium). */
export const CHROMIUM_WRAPPER = fileURLToPath(new URL('../bin/phenix-chromium', import.meta.url));

/** Chromium cannot be started sandboxed as asked. */
export class BrowserSandboxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserSandboxError';
  }
}

export interface BrowserLaunch {
  executablePath: string;
  args: string[];
  /** Environment of the browser process (the wrapper reads the real browser and the user from it). */
  env: Record<string, string>;
  /** How the sandbox is kept: as the current (non-root) user, or as `user` through the wrapper. */
  sandbox: { user: string; viaWrapper: boolean };
}

function userExists(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface BrowserLaunchOptions {
  /** Defaults to process.getuid(). */
  uid?: number;
  user?: string;
  exists?: (user: string) => boolean;
}

/** The executable, flags and environment that start `chromiumPath` sandboxed. */
export function browserLaunch(chromiumPath: string, options: BrowserLaunchOptions = {}): BrowserLaunch {
  const uid = options.uid ?? process.getuid?.() ?? -1;
  const user = options.user ?? process.env.PHENIX_BROWSER_USER ?? BROWSER_USER;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Debian's /etc/chromium.d sets Google API keys (they switch sign-in services on): never hand them over.
    if (value !== undefined && !/^GOOGLE_(API_KEY|DEFAULT_CLIENT_ID|DEFAULT_CLIENT_SECRET)$/.test(key)) {
      env[key] = value;
    }
  }
  if (uid !== 0) {
    return {
      executablePath: chromiumPath,
      args: [...CHROMIUM_ARGS],
      env,
      sandbox: { user: 'current', viaWrapper: false },
    };
  }
  if (!(options.exists ?? userExists)(user)) {
    throw new BrowserSandboxError(
      `Phénix runs as root and Chromium must not: the browser runs sandboxed as the user "${user}", which does not ` +
        `exist. Create it with \`phenix doctor --fix\` (or \`useradd --system --shell /usr/sbin/nologin ${user}\`).`,
    );
  }
  return {
    executablePath: CHROMIUM_WRAPPER,
    args: [...CHROMIUM_ARGS],
    env: { ...env, PHENIX_CHROMIUM: chromiumPath, PHENIX_BROWSER_USER: user },
    sandbox: { user, viaWrapper: true },
  };
}

/**
 * `browserLaunch` as Playwright launch options (for code that starts Chromium without the crawler).
 * `chromiumSandbox: true` matters: Playwright adds `--no-sandbox` by itself unless told so (chrome://sandbox said
 * "NOT adequately sandboxed" without it).
 */
export function browserLaunchOptions(chromiumPath: string): {
  executablePath: string;
  args: string[];
  env: Record<string, string>;
  chromiumSandbox: true;
} {
  const { executablePath, args, env } = browserLaunch(chromiumPath);
  return { executablePath, args, env, chromiumSandbox: true };
}

/** `Chromium 156.0.8078.114 built on Debian…` → `156.0.8078.114`; null when the browser cannot say. */
export function chromiumVersion(chromiumPath: string): string | null {
  try {
    const out = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', timeout: 15_000, stdio: 'pipe' });
    return /(\d+\.\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Used when Chromium's version is unknown (HTTP mode without a browser). */
const FALLBACK_MAJOR = '156';

/**
 * The user agent of a whole crawl when none is configured: the desktop Chrome string of the installed major version.
 * Headless Chromium would say "HeadlessChrome" (a tell), and the favicon fetch used to say "Mozilla/5.0"; one string
 * for pages, side fetches and both modes means a site sees one visitor.
 */
export function browserUserAgent(version: string | null): string {
  const major = version?.split('.')[0] ?? FALLBACK_MAJOR;
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}

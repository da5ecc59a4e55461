/**
 * Names the guard refuses whatever the page: Chromium's own services, and names that can only be internal.
 *  - Browser services: Debian's Chromium 156 asks `update.googleapis.com` (component updater) and
 *    `accounts.google.com/ListAccounts` (account reconcilor) even with every documented switch and managed policy
 *    (measured, see chromium/launch.ts). These requests carry no page and belong to no site; answering them from the
 *    proxy would tell Google, and through it anyone watching, that this machine runs a browser. Refused at the guard,
 *    they never reach the upstream proxy nor leave the machine. Not kept in the refusal log, so they are never taken
 *    for the reason a page failed.
 *  - Internal names (`localhost`, `*.localhost`, single-label names, `.internal`, `.local`, RFC 6762 appendix G
 *    suffixes, `home.arpa`): with an upstream proxy the name would be resolved on the proxy's side, where it means
 *    the proxy's own machine or network; refused before the upstream is asked.
 */

const BROWSER_SERVICE_HOSTS = new Set([
  'accounts.google.com',
  'update.googleapis.com',
  'clients2.google.com',
  'clients2.googleusercontent.com',
  'clientservices.googleapis.com',
  'content-autofill.googleapis.com',
  'optimizationguide-pa.googleapis.com',
  'safebrowsing.googleapis.com',
  'sb-ssl.google.com',
  'redirector.gvt1.com',
  'edgedl.me.gvt1.com',
  'android.clients.google.com',
  'chromesyncpasswords-pa.googleapis.com',
]);

export function isBrowserServiceHost(hostname: string): boolean {
  return BROWSER_SERVICE_HOSTS.has(hostname.toLowerCase().replace(/\.$/, ''));
}

const INTERNAL_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'intranet',
  'private',
  'corp',
  'home',
  'lan',
  'localdomain',
];

/** Why `hostname` can only name something internal, or null for an ordinary public name. */
export function internalNameReason(hostname: string): string | null {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (!name.includes('.')) return 'a single-label name (resolved on the local network)';
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (INTERNAL_SUFFIXES.includes(last)) return `a .${last} name (local or internal by definition)`;
  if (name.endsWith('.home.arpa')) return 'a .home.arpa name (home network by definition)';
  return null;
}

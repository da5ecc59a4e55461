/**
 * The phenix.yaml of the demo: the universe's monitored sites, the crawler pointed at the universe's
 * HTTP server through an exact-name host map, DNS at the universe's resolver, small budgets. Built as
 * text so `phenix demo` can write it next to the database for the analyst to read and re-run.
 */
import { stringify } from 'yaml';

export interface DemoMonitoredSite {
  name: string;
  status: 'convicted' | 'suspected' | 'seized' | 'cleared';
  caseRef: string;
  domains: string[];
  notes: string;
}

export interface DemoConfigSource {
  monitoredSites: readonly DemoMonitoredSite[];
  /** Exact live hostname → `127.0.0.1:PORT` (see startUniverse for why not `*.test`). */
  hostMap: Readonly<Record<string, string>>;
  /** `127.0.0.1:PORT` of the universe's DNS server. */
  dnsServer: string;
  /** Affixes the universe's lookalike clones need (bis, …), merged into the discovery section. */
  affixes: readonly string[];
}

export interface DemoConfigOptions {
  mode?: 'browser' | 'http' | 'auto';
  evidenceDir?: string;
  databaseUrl?: string;
  chromiumPath?: string;
  /** Pages per site and crawl (default 25: every page of a universe site). */
  maxPages?: number;
  /** Pages crawled at once within a site (default 2). */
  concurrency?: number;
}

export function demoConfigYaml(universe: DemoConfigSource, options: DemoConfigOptions = {}): string {
  const config = {
    sites: universe.monitoredSites.map((s) => ({
      name: s.name,
      status: s.status,
      caseRef: s.caseRef,
      domains: [...s.domains],
      region: 'FR',
      notes: s.notes,
    })),
    crawler: {
      mode: options.mode ?? 'auto',
      concurrency: options.concurrency ?? 2,
      maxPages: options.maxPages ?? 25,
      maxDepth: 2,
      pageTimeoutSeconds: 20,
      navigationTimeoutSeconds: 10,
      maxResponseMB: 2,
      perHostDelayMs: 0,
      ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
      hostMap: { ...universe.hostMap },
      allowPrivateTargets: true,
    },
    ...(options.databaseUrl ? { database: { url: options.databaseUrl } } : {}),
    evidence: { dir: options.evidenceDir ?? 'data/demo/evidence' },
    dns: { servers: [universe.dnsServer], timeoutMs: 300, concurrency: 16 },
    discovery: { tlds: ['test'], affixes: [...universe.affixes], maxLookalikesPerSeed: 300 },
    // A free port: a demo (or a test) must not collide with a service already exposing 9464.
    metrics: { port: 0 },
  };
  const header = [
    '# Phénix demo configuration, written by `phenix demo` for the local fixture universe.',
    '# Every name below is under .test and served on loopback: nothing leaves this machine.',
    '# allowPrivateTargets is true only because the universe runs on 127.0.0.1.',
    '',
  ].join('\n');
  return header + stringify(config, { lineWidth: 120 });
}

/**
 * A fleet of candidate sites for the scale-out test and benchmark: one monitored classifieds site and
 * `count` candidate hosts (c001.example …) on one local HTTP server. Every `cloneEvery`-th candidate is a
 * clone of the monitored site (same ads and phones, new name); one decoy announces a move to one more
 * clone that is in no list (found while crawling). The rest are small unrelated classifieds sites.
 */
import { renderHostContent } from '../../demo/render.ts';
import { type HostContent, startVhostServer, type VhostServer } from '../../demo/vhost-server.ts';
import { createOperator, createPhoneAllocator, createRng, type SiteSpec, TEMPLATE_NAMES } from '../../sitegen/index.ts';

export const FLEET_ORIGIN = 'fleet-origin.test';

export interface Fleet {
  server: VhostServer;
  hostMap: Record<string, string>;
  /** The candidate hostnames to import (the moved-to clone is not among them). */
  candidates: string[];
  /** Candidates that must raise an alert against the monitored site (incl. the moved-to one). */
  clones: string[];
  /** The clone only a crawl reveals. */
  movedTo: string;
  close(): Promise<void>;
}

export async function startFleet(options: {
  count: number;
  cloneEvery?: number;
  adsPerDecoy?: number;
}): Promise<Fleet> {
  const cloneEvery = options.cloneEvery ?? 40;
  const rng = createRng(`phenix-fleet-${options.count}`);
  const phones = createPhoneAllocator(100);
  const origin = createOperator(rng.fork('origin'), phones, {
    name: 'origin',
    advertisers: 10,
    adsPerAdvertiser: [1, 1],
  });
  const originSite: SiteSpec = {
    domain: FLEET_ORIGIN,
    brand: 'Annonces Flotte',
    template: 'classic',
    ads: origin.ads,
    trackers: origin.trackers,
    payments: origin.payments,
    contactEmail: `contact@${FLEET_ORIGIN}`,
  };
  const name = (i: number) => `c${String(i).padStart(3, '0')}.example`;
  const movedTo = name(options.count + 1);
  const hosts = new Map<string, HostContent>();
  const clones: string[] = [];
  const cloneOf = (host: string): SiteSpec => ({ ...originSite, domain: host, contactEmail: `contact@${host}` });
  hosts.set(FLEET_ORIGIN, renderHostContent(FLEET_ORIGIN, { kind: 'classifieds', site: originSite }));
  const mover = name(1);
  for (let i = 1; i <= options.count; i++) {
    const host = name(i);
    if (i % cloneEvery === 0) {
      clones.push(host);
      hosts.set(host, renderHostContent(host, { kind: 'classifieds', site: cloneOf(host) }));
      continue;
    }
    const op = createOperator(rng.fork(host), phones, {
      name: host,
      advertisers: options.adsPerDecoy ?? 3,
      adsPerAdvertiser: [1, 1],
    });
    const site: SiteSpec = {
      domain: host,
      brand: `Services ${i}`,
      template: TEMPLATE_NAMES[i % TEMPLATE_NAMES.length],
      ads: op.ads,
      trackers: op.trackers,
      payments: op.payments,
      contactEmail: `contact@${host}`,
    };
    const notices =
      host === mover ? [{ at: 'top' as const, text: `Nous avons déménagé ! Notre nouvelle adresse : ${movedTo}` }] : [];
    hosts.set(host, renderHostContent(host, { kind: 'classifieds', site, notices }));
  }
  clones.push(movedTo);
  hosts.set(movedTo, renderHostContent(movedTo, { kind: 'classifieds', site: cloneOf(movedTo) }));
  const server = await startVhostServer(hosts);
  const target = `127.0.0.1:${server.port}`;
  return {
    server,
    hostMap: { '*.example': target, [FLEET_ORIGIN]: target },
    candidates: [...hosts.keys()].filter((h) => h !== FLEET_ORIGIN && h !== movedTo),
    clones,
    movedTo,
    close: () => server.close(),
  };
}

/** phenix.yaml for the fleet on a Postgres server, with the queue on and short timeouts for tests. */
export function fleetConfigYaml(
  fleet: Fleet,
  options: { databaseUrl: string; evidenceDir: string; jobTimeoutSeconds?: number },
): string {
  return [
    'sites:',
    '  - name: fleet-origin',
    '    status: convicted',
    '    caseRef: TEST-FLEET-0001',
    `    domains: [${FLEET_ORIGIN}]`,
    'crawler:',
    '  mode: http',
    '  maxPages: 12',
    '  maxDepth: 2',
    '  concurrency: 2',
    '  perHostDelayMs: 0',
    '  pageTimeoutSeconds: 15',
    '  navigationTimeoutSeconds: 10',
    '  allowPrivateTargets: true',
    '  hostMap:',
    ...Object.entries(fleet.hostMap).map(([k, v]) => `    "${k}": "${v}"`),
    'database:',
    `  url: ${options.databaseUrl}`,
    'evidence:',
    `  dir: ${options.evidenceDir}`,
    'metrics:',
    '  port: 0',
    'dns:',
    // No lookalike resolves: a closed local port answers nothing, quickly.
    '  servers: ["127.0.0.1:9"]',
    '  timeoutMs: 200',
    'discovery:',
    '  tlds: [invalid]',
    '  affixes: [bis]',
    '  maxLookalikesPerSeed: 1',
    'queue:',
    '  enabled: true',
    `  jobTimeoutSeconds: ${options.jobTimeoutSeconds ?? 20}`,
    '  retryLimit: 6',
    '  retryDelaySeconds: 1',
    '  pollSeconds: 0.5',
    '  maintenanceSeconds: 2',
    '',
  ].join('\n');
}

/**
 * The synthetic internet day of `bench:feed`, served on this machine: N new names, ~1.5 % of them served — parked
 * pages (providers' template markup from test/fixtures/parking), small unrelated sites, clones of the demo's
 * monitored sites under unrelated names — the rest NXDOMAIN at a local DNS server. Shared by the one-process run
 * (feed.bench.ts) and the queued run with worker processes (feed-queue.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createDnsServer,
  DEMO_UNIVERSE,
  type DnsServer,
  type HostContent,
  type RunningUniverse,
  renderUniverse,
  startVhostServer,
  type Universe,
  universeDnsRecords,
  type VhostServer,
} from '../../demo/index.ts';
import { galleryHost } from '../../test/helpers/hidden-clone.ts';

export const SERVED_SHARE = 0.015;

const parked = readdirSync(join(import.meta.dirname, '../../test/fixtures/parking'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(join(import.meta.dirname, '../../test/fixtures/parking', f), 'utf8'));

function smallSite(host: string, i: number): HostContent {
  const body = `<html><head><title>Atelier ${i}</title></head><body><h1>Atelier de réparation ${i}</h1>
    <p>Réparation de vélos et petits travaux de menuiserie, du lundi au samedi. Devis sur place, ${host}.</p>
    <p>Horaires : 9 h – 18 h. Paiement par carte accepté.</p><a href="/contact">Contact</a>
    <ul><li><a href="/realisations/velo-${i}"><img src="/realisations/velo-${i}.jpg" alt=""> Un vélo remis à neuf</a></li>
    <li><a href="/realisations/etagere-${i}">Une étagère sur mesure</a></li><li><a href="/tarifs">Tarifs</a></li></ul></body></html>`;
  // Inner pages, as real small sites have: the screening's second look fetches some of them (its cost on this day).
  const inner = (title: string) =>
    `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>Travail réalisé à l'atelier ${i}, ${host}.</p></body></html>`;
  return {
    pages: new Map([
      ['/', body],
      [`/realisations/velo-${i}`, inner('Un vélo remis à neuf')],
      [`/realisations/etagere-${i}`, inner('Une étagère sur mesure')],
      ['/tarifs', inner('Tarifs')],
    ]),
  };
}

/**
 * The day's universe: the demo (monitored site and its snapshot) plus clones hidden under unrelated names, the
 * demo's clones in turn, then `galleries` photo-only galleries of Services Domicile (its ad photos, captions only).
 */
export function dayUniverse(clones: string[], galleries: string[] = []): Universe {
  const models = DEMO_UNIVERSE.hosts.filter((h) => h.role === 'clone' && h.content.kind === 'classifieds');
  return {
    ...DEMO_UNIVERSE,
    hosts: [
      ...DEMO_UNIVERSE.hosts,
      ...clones.map((host, i) => {
        const model = models[i % models.length];
        if (model.content.kind !== 'classifieds') throw new Error('unreachable');
        return {
          ...model,
          host,
          // The whole content (photos too: the photo-only clone is nothing without them), under the new name.
          content: { ...model.content, site: { ...model.content.site, domain: host } },
          discovery: [],
        };
      }),
      ...galleries.map(galleryHost),
    ],
  };
}

export interface Day {
  names: string[];
  running: RunningUniverse;
  close(): Promise<void>;
}

/** The day's names (clones spread through it) and its DNS and virtual-host servers, started. */
export async function startDay(count: number, clones: string[], galleries: string[] = []): Promise<Day> {
  const served = Math.round(count * SERVED_SHARE);
  const names: string[] = [];
  const hosts = renderUniverse(dayUniverse(clones, galleries));
  const live = new Set([...clones, ...galleries]);
  for (let i = 0; i < count - clones.length - galleries.length; i++) {
    const name = `nouveau-${i.toString(36)}-${(i * 7919).toString(36)}.test`;
    names.push(name);
    if (i % Math.round(1 / SERVED_SHARE) === 0 && live.size < served) {
      live.add(name);
      hosts.set(name, i % 3 === 0 ? smallSite(name, i) : { pages: new Map([['/', parked[i % parked.length]]]) });
    }
  }
  // Clones spread through the day, not at its start.
  const hidden = [...clones, ...galleries];
  hidden.forEach((c, i) => {
    names.splice(Math.floor(((i + 1) * names.length) / (hidden.length + 1)), 0, c);
  });
  const universe = dayUniverse(clones, galleries);
  const zone = universeDnsRecords(universe);
  for (const name of live) zone.records[name] = { A: ['127.0.0.1'] };
  const http: VhostServer = await startVhostServer(hosts);
  // The ad photos are made before the day starts, as startUniverse does: made on first request, under load, a
  // screening side fetch waited for sharp and gave up (a day with 5 galleries missed photo-only copies that way).
  for (const content of http.hosts.values()) for (const file of content.files?.values() ?? []) await file.bytes();
  const dns: DnsServer = await createDnsServer(zone);
  const running: RunningUniverse = {
    universe,
    port: http.port,
    address: http.address,
    // Exact names only: a wildcard would make today's path take every imported name as resolving.
    hostMap: Object.fromEntries([...hosts.keys()].map((h) => [h, `${http.address}:${http.port}`])),
    dns,
    dnsServer: dns.server,
    monitoredSites: universe.monitoredSites,
    affixes: universe.affixes,
    liveHosts: [...hosts.keys()],
    http,
    url: (h: string, p = '/') => `http://${h}${p}`,
    close: async () => {},
  };
  return {
    names,
    running,
    close: async () => {
      await http.close();
      await dns.close();
    },
  };
}

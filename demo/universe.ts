/**
 * The demo universe, declared: which *.test hosts exist, what each serves (built with the fixture
 * site generator in sitegen/), which are monitored seeds, which are clones of which seed,
 * how each candidate can be discovered, and the alerts one monitoring cycle must raise. Deterministic:
 * the generator is seeded, so the same pages are served on every run and match the shipped snapshot.
 */
import {
  createOperator,
  createPhoneAllocator,
  createRng,
  reskin,
  retemplate,
  type SiteSpec,
  shareAdvertisers,
} from '../sitegen/index.ts';
import type { DemoMonitoredSite } from './config.ts';
import type { DemoPhotos } from './photos.ts';

export type HostRole = 'seed' | 'clone' | 'decoy';

/** How the monitoring cycle can reach a candidate host. */
export type Discovery =
  | { by: 'seed' }
  | { by: 'lookalike'; of: string }
  | { by: 'mention'; on: string }
  | { by: 'outlink'; on: string };

/** A short notice added to every page of a host (a clone announcing its next address). */
export interface PageNotice {
  text: string;
  /** Where the notice sits: a banner at the top or a line in the footer. */
  at: 'top' | 'bottom';
  link?: string;
}

export type HostContentSpec =
  | { kind: 'classifieds'; site: SiteSpec; notices?: PageNotice[]; photos?: DemoPhotos }
  | {
      kind: 'seized';
      caseRef: string /** what it served before the takedown (the shipped snapshot) */;
      before: SiteSpec;
    }
  | { kind: 'blog'; title: string; articles: { path: string; title: string; paragraphs: string[] }[] }
  /** A photo gallery: a page per photo with its caption, no ad text, no contact (a photo-only clone). */
  | { kind: 'gallery'; title: string; photos: DemoPhotos; captions: string[] };

export interface UniverseHost {
  host: string;
  role: HostRole;
  /** For the analyst reading the demo: what this host stands for. */
  description: string;
  content: HostContentSpec;
  discovery: Discovery[];
  /** The monitored site (by name) this host is a clone of. */
  cloneOf?: string;
}

/** Names that exist only in DNS: registered without a site, or a resolver failing on them. */
export interface DnsOnlyName {
  host: string;
  answer: 'nodata' | 'servfail' | 'timeout';
  description: string;
}

export interface ExpectedAlert {
  /** Candidate hostname. */
  candidate: string;
  /** Monitored site name. */
  site: string;
  verdict: 'clone';
}

export interface Universe {
  monitoredSites: DemoMonitoredSite[];
  hosts: UniverseHost[];
  dnsOnly: DnsOnlyName[];
  /** Affix words the discovery section needs for the lookalike clones (bis, pro…). */
  affixes: string[];
  /** Exactly the alerts one cycle must raise; any alert on a decoy is a false positive. */
  expectedAlerts: ExpectedAlert[];
  /** Time of the seized seed's earlier capture (the shipped snapshot). */
  snapshotCapturedAt: string;
}

const rng = createRng('phenix-demo-universe');
const phones = createPhoneAllocator(4200);

const maison = createOperator(rng.fork('annonces-maison'), phones, {
  name: 'annonces-maison',
  advertisers: 10,
  adsPerAdvertiser: [1, 1],
});
const domicile = createOperator(rng.fork('services-domicile'), phones, {
  name: 'services-domicile',
  advertisers: 9,
  adsPerAdvertiser: [1, 1],
});
const otherOperator = createOperator(rng.fork('annonce-maison'), phones, {
  name: 'annonce-maison',
  advertisers: 10,
  adsPerAdvertiser: [1, 1],
});
const competitor = createOperator(rng.fork('annonces-maison-pro'), phones, {
  name: 'annonces-maison-pro',
  advertisers: 10,
  adsPerAdvertiser: [1, 1],
});

// Created after the others so their phone numbers stay those of the shipped snapshot.
const photoCloneOperator = createOperator(rng.fork('services-domicile2'), phones, {
  name: 'services-domicile2',
  advertisers: 9,
  adsPerAdvertiser: [1, 1],
});

/** Services Domicile shows one photo per ad; its photo-only clone serves re-encoded copies of the same photos. */
const domicilePhotoSeeds = Object.fromEntries(domicile.ads.map((ad, i) => [ad.id, 500 + i]));
const domicilePhotos: DemoPhotos = { seeds: domicilePhotoSeeds, dir: 'photos', variant: 'original' };
const clonePhotos: DemoPhotos = {
  seeds: Object.fromEntries(photoCloneOperator.ads.map((ad, i) => [ad.id, 500 + i])),
  dir: 'img/annonces',
  variant: 'copy',
};

const SEED = 'annonces-maison';
const SEED_HOST = 'annonces-maison.test';
const SEED_CASE = 'PARQUET-DEMO-2025-0042';
const MOVED_TO = 'petites-annonces-services.test';

const seedSite: SiteSpec = {
  domain: SEED_HOST,
  brand: 'Annonces Maison',
  template: 'classic',
  ads: maison.ads,
  trackers: maison.trackers,
  payments: maison.payments,
  contactEmail: `contact@${SEED_HOST}`,
};

const domicileSite: SiteSpec = {
  domain: 'services-domicile.test',
  brand: 'Services Domicile',
  template: 'list',
  ads: domicile.ads,
  trackers: domicile.trackers,
  payments: domicile.payments,
  contactEmail: 'contact@services-domicile.test',
};

const rebrand = (domain: string, brand: string) => ({ domain, brand });

export const DEMO_UNIVERSE: Universe = {
  monitoredSites: [
    {
      name: SEED,
      status: 'convicted',
      caseRef: SEED_CASE,
      domains: [SEED_HOST],
      notes: 'Convicted; domain seized. Its earlier capture ships with the demo (demo/snapshot/).',
    },
    {
      name: 'services-domicile',
      status: 'suspected',
      caseRef: 'ENQ-DEMO-2026-0007',
      domains: ['services-domicile.test'],
      notes: 'Suspected; still online.',
    },
  ],
  hosts: [
    {
      host: SEED_HOST,
      role: 'seed',
      description: 'The convicted seed, taken down: a seizure notice on every path.',
      content: { kind: 'seized', caseRef: SEED_CASE, before: seedSite },
      discovery: [{ by: 'seed' }],
    },
    {
      host: 'services-domicile.test',
      role: 'seed',
      description: 'A suspected seed, still online, on its own template and operator; links to a gardening blog.',
      content: {
        kind: 'classifieds',
        site: domicileSite,
        notices: [{ at: 'bottom', text: 'Voir aussi nos conseils : ', link: 'http://service-domicile.test/' }],
        photos: domicilePhotos,
      },
      discovery: [{ by: 'seed' }],
    },
    {
      host: 'services-domicile2.test',
      role: 'clone',
      cloneOf: 'services-domicile',
      description:
        'Photo-only clone: new template, new ad texts, new phone numbers and trackers; only the ad photos were kept (resized, recompressed, watermarked).',
      content: {
        kind: 'classifieds',
        site: {
          domain: 'services-domicile2.test',
          brand: 'Domicile Services Plus',
          template: 'cards',
          ads: photoCloneOperator.ads,
          trackers: photoCloneOperator.trackers,
          payments: photoCloneOperator.payments,
          contactEmail: 'contact@services-domicile2.test',
        },
        photos: clonePhotos,
      },
      discovery: [{ by: 'lookalike', of: 'services-domicile.test' }],
    },
    {
      host: 'annonces-maison2.test',
      role: 'clone',
      cloneOf: SEED,
      description: 'Clone of the seed under a numbered name: same template, ads and phones; announces its move.',
      content: {
        kind: 'classifieds',
        site: { ...seedSite, domain: 'annonces-maison2.test', contactEmail: 'contact@annonces-maison2.test' },
        notices: [
          {
            at: 'top',
            text: `Nous avons déménagé ! Notre nouvelle adresse : ${MOVED_TO} — mettez à jour vos favoris.`,
          },
        ],
      },
      discovery: [{ by: 'lookalike', of: SEED_HOST }],
    },
    {
      host: 'annonces-maison-bis.test',
      role: 'clone',
      cloneOf: SEED,
      description: 'Clone re-skinned: renamed classes, new colours, new brand and favicon; same ads and phones.',
      content: {
        kind: 'classifieds',
        site: reskin(seedSite, rebrand('annonces-maison-bis.test', 'Maison Bis Annonces'), rng.fork('bis')),
      },
      discovery: [{ by: 'lookalike', of: SEED_HOST }],
    },
    {
      host: MOVED_TO,
      role: 'clone',
      cloneOf: SEED,
      description: 'Clone under an unrelated name on another template, announced by a "nous avons déménagé" banner.',
      content: {
        kind: 'classifieds',
        site: retemplate(seedSite, 'cards', rebrand(MOVED_TO, 'Petites Annonces Services')),
      },
      discovery: [{ by: 'mention', on: 'annonces-maison2.test' }],
    },
    {
      host: 'annonce-maison.test',
      role: 'decoy',
      description: 'Same classifieds script as the seed (same layout, assets, favicon), another operator.',
      content: {
        kind: 'classifieds',
        site: {
          domain: 'annonce-maison.test',
          brand: 'Annonce Maison',
          template: 'classic',
          ads: otherOperator.ads,
          trackers: otherOperator.trackers,
          payments: otherOperator.payments,
          contactEmail: 'contact@annonce-maison.test',
        },
      },
      discovery: [{ by: 'lookalike', of: SEED_HOST }],
    },
    {
      host: 'annonces-maison-pro.test',
      role: 'decoy',
      description: 'A competitor on another template sharing about 10% of the seed’s advertisers.',
      content: {
        kind: 'classifieds',
        site: {
          domain: 'annonces-maison-pro.test',
          brand: 'Annonces Pro',
          template: 'portal',
          ads: shareAdvertisers(competitor, maison, 0.1, rng.fork('share')),
          trackers: competitor.trackers,
          payments: competitor.payments,
          contactEmail: 'contact@annonces-maison-pro.test',
        },
      },
      discovery: [{ by: 'lookalike', of: SEED_HOST }],
    },
    {
      host: 'service-domicile.test',
      role: 'decoy',
      description: 'An unrelated gardening and home-care blog, no ads.',
      content: {
        kind: 'blog',
        title: 'Conseils maison et jardin',
        articles: [
          {
            path: '/',
            title: 'Conseils maison et jardin',
            paragraphs: [
              'Bienvenue sur notre carnet de conseils pour entretenir la maison et le jardin au fil des saisons.',
              'Chaque mois, un article pratique : tailler une haie, détartrer une robinetterie, préparer un potager.',
            ],
          },
          {
            path: '/tailler-une-haie.html',
            title: 'Tailler une haie sans l’abîmer',
            paragraphs: [
              'La taille se fait en fin d’hiver pour la plupart des haies persistantes, par temps sec et doux.',
              'Commencez par les côtés, de bas en haut, puis égalisez le dessus avec un cordeau tendu.',
            ],
          },
          {
            path: '/detartrer-un-robinet.html',
            title: 'Détartrer un robinet au vinaigre blanc',
            paragraphs: [
              'Démontez le mousseur, laissez-le tremper une nuit dans du vinaigre blanc, puis rincez à l’eau claire.',
              'Pour le bec, un sachet rempli de vinaigre maintenu par un élastique fait très bien l’affaire.',
            ],
          },
        ],
      },
      discovery: [
        { by: 'lookalike', of: 'services-domicile.test' },
        { by: 'outlink', on: 'services-domicile.test' },
      ],
    },
  ],
  dnsOnly: [
    { host: 'annonces-maison3.test', answer: 'nodata', description: 'Registered (NS and MX) but no web address.' },
    { host: 'annonces-maison-new.test', answer: 'servfail', description: 'Its DNS servers fail: not "registered".' },
    {
      host: 'annonces-maison1.test',
      answer: 'timeout',
      description: 'Its DNS servers never answer: not "registered".',
    },
  ],
  affixes: ['new', 'nouveau', 'officiel', 'bis', 'vip', 'plus', 'fr', 'site', 'pro', 'top'],
  expectedAlerts: [
    { candidate: 'annonces-maison2.test', site: SEED, verdict: 'clone' },
    { candidate: 'annonces-maison-bis.test', site: SEED, verdict: 'clone' },
    { candidate: MOVED_TO, site: SEED, verdict: 'clone' },
    { candidate: 'services-domicile2.test', site: 'services-domicile', verdict: 'clone' },
  ],
  snapshotCapturedAt: '2026-09-14T08:30:00.000Z',
};

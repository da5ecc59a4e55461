import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDocumentFrequencies,
  buildProfile,
  compareProfiles,
  defaultThresholds,
  extractPage,
  fingerprintsOf,
  type PageFeatures,
  type SiteProfile,
} from '../../../detector/index.ts';
import {
  createAd,
  createOperator,
  createPhoneAllocator,
  createRng,
  type Operator,
  renderSite,
  renumber,
  reskin,
  retemplate,
  type SiteSpec,
  shareAdvertisers,
} from '../../../sitegen/index.ts';

const rng = createRng('compare-test');
const phones = createPhoneAllocator();
const newOperator = (name: string, idOffset: number): Operator =>
  createOperator(rng.fork(name), phones, { name, advertisers: 15, adsPerAdvertiser: [1, 2], idOffset });

const seedOp = newOperator('seed', 10_000);
const seed: SiteSpec = {
  domain: 'annonces-seed.test',
  brand: 'Annonces Seed',
  template: 'classic',
  ads: seedOp.ads,
  trackers: { googleAnalytics: 'G-SEED123456' },
  payments: seedOp.payments,
};
const other = newOperator('other', 20_000);
const competitor = newOperator('competitor', 30_000);
const rename = (k: string) => ({ domain: `${k}.test`, brand: `Marque ${k}` });
/** A third of the seed's ads, and its advertisers whose ads are not among them first (then all of them again). */
const oldThird = seedOp.ads.filter((_, i) => i % 3 === 0);
const keptAdvertisers = new Set(oldThird.map((ad) => ad.advertiserId));
const leftAdvertisersFirst = [...seedOp.advertisers.filter((a) => !keptAdvertisers.has(a.id)), ...seedOp.advertisers];

const specs: Record<string, SiteSpec> = {
  seed,
  sameScript: { domain: 'voisins.test', brand: 'Annonces Voisines', template: 'classic', ads: other.ads },
  competitor: {
    domain: 'concurrent.test',
    brand: 'Concurrent',
    template: 'cards',
    ads: shareAdvertisers(competitor, seedOp, 0.1, rng.fork('share')),
  },
  competitorSameScript: {
    domain: 'concurrent2.test',
    brand: 'Concurrent 2',
    template: 'classic',
    ads: shareAdvertisers(competitor, seedOp, 0.1, rng.fork('share2')),
  },
  newTemplate: retemplate(seed, 'list', rename('nouveau-look')),
  renumbered: renumber(seed, seedOp, phones, rename('nouveaux-numeros')),
  reskinned: reskin(seed, rename('nouvelle-marque'), rng.fork('reskin')),
  // A third of the old ads on another template among as many new ads, most of them by the old advertisers whose old
  // ads were not kept (their numbers), no tracker: a partial restart, or a rival to which the advertisers moved.
  partialCopy: {
    domain: 'redemarrage.test',
    brand: 'Redémarrage',
    template: 'cards',
    ads: [
      ...oldThird,
      ...leftAdvertisersFirst
        .slice(0, oldThird.length)
        .map((by, i) => createAd(rng.fork(`partial-${i}`), by, `pc-${i}`)),
    ],
  },
  // Every old advertiser with a new ad, none of the old ads.
  advertisersOnly: {
    domain: 'nouvelles-annonces.test',
    brand: 'Nouvelles annonces',
    template: 'cards',
    ads: seedOp.advertisers.map((by, i) => createAd(rng.fork(`moved-${i}`), by, `mv-${i}`)),
  },
  // The same third of the old ads among new ads by other advertisers.
  quotedThird: {
    domain: 'reprises.test',
    brand: 'Reprises',
    template: 'cards',
    ads: [...oldThird, ...other.ads.slice(0, oldThird.length)],
  },
  unrelated: {
    domain: 'ailleurs.test',
    brand: 'Ailleurs',
    template: 'portal',
    ads: other.ads.slice(0, 12),
    widgets: true,
  },
};

const profiles: Record<string, SiteProfile> = {};

beforeAll(() => {
  const pages: Record<string, PageFeatures[]> = {};
  for (const [name, spec] of Object.entries(specs)) {
    pages[name] = [...renderSite(spec)].map(([path, html]) =>
      extractPage({ url: `http://${spec.domain}${path}`, html }),
    );
  }
  // A copy of the seed made of its listing pages only (no ad page): its excerpts, under another name.
  pages.listingsOnly = pages.seed
    .filter((p) => p.pageType !== 'ad')
    .map((p) => ({ ...p, url: p.url.replace(seed.domain, 'listes.test') }));
  const idf = buildDocumentFrequencies(Object.values(pages).flat());
  for (const [name, p] of Object.entries(pages))
    profiles[name] = buildProfile(p, { site: specs[name]?.domain ?? 'listes.test', idf });
});

const compare = (name: string) => compareProfiles(profiles.seed, profiles[name]);

describe('hard cases', () => {
  it('same off-the-shelf script, other operator: not a clone', () => {
    const c = compare('sameScript');
    expect(c.verdict).not.toBe('clone');
    expect(c.signals.layout).toBeGreaterThan(0.5);
    expect(c.signals.text).toBeLessThan(0.1);
    expect(c.signals.contacts).toBe(0);
  });

  it('a competitor sharing about 10 % of the phones: not a clone, on another template or on the same one', () => {
    for (const name of ['competitor', 'competitorSameScript']) {
      const c = compare(name);
      expect(c.verdict, name).not.toBe('clone');
      expect(c.signals.contacts, name).toBeGreaterThan(0);
      expect(c.signals.contacts, name).toBeLessThan(0.3);
    }
  });

  it('a copy of the listing pages only: its excerpts meet the reference’s excerpts, not its full texts', () => {
    expect(profiles.seed.summaries?.length).toBeGreaterThanOrEqual(3);
    const c = compare('listingsOnly');
    expect(c.families.content.adCandidateShare).toBeGreaterThanOrEqual(0.9);
    expect(c.verdict).toBe('clone');
    expect(c.explanation.join('\n')).toMatch(/listing excerpts with a counterpart/);
  });

  it('a clone that changed its whole template but kept advertisers and texts: clone', () => {
    const c = compare('newTemplate');
    expect(c.verdict).toBe('clone');
    expect(c.signals.layout).toBeLessThan(0.3);
    expect(c.signals.text).toBeGreaterThan(0.8);
    expect(c.signals.contacts).toBeGreaterThan(0.8);
  });

  it('a clone that changed every phone number but kept layout and texts: clone', () => {
    const c = compare('renumbered');
    expect(c.verdict).toBe('clone');
    expect(c.signals.contacts).toBe(0);
    expect(c.signals.text).toBeGreaterThan(0.8);
    expect(c.signals.layout).toBeGreaterThan(0.8);
  });

  it('a clone with renamed classes, new colours and a new brand: clone', () => {
    const c = compare('reskinned');
    expect(c.verdict).toBe('clone');
    expect(c.signals.layout).toBe(1);
    expect(c.score).toBeGreaterThan(0.9);
  });

  it('a third of the old ads with most of the old advertisers stays related, and its line says what would decide it', () => {
    const c = compare('partialCopy');
    const line = c.explanation.at(-1)!;
    expect(c.verdict, line).toBe('related');
    const t = defaultThresholds;
    expect(c.families.content.advertiserReferenceShare).toBeGreaterThanOrEqual(t.corroboratedAdShare);
    expect(line).toMatch(
      /; note: \d+ % of the candidate's ads or ad photos and \d+ % of the reference's are copies of the other's, and \d+ % of the reference's advertisers \(weighed by how specific each contact is\) are on the candidate: a restart .* Only the operator's own phone, e-mail or address, or an analytics, advertising or payment id shared with the reference, could tell them apart$/,
    );
    // What the note says would decide it does: the operator's own contact (identity) makes it a clone.
    const withIdentity = {
      ...profiles.partialCopy,
      contacts: [...profiles.partialCopy.contacts, ...profiles.seed.contacts.filter((x) => x.scope === 'site')],
    };
    expect(profiles.seed.contacts.some((x) => x.scope === 'site')).toBe(true);
    expect(compareProfiles(profiles.seed, withIdentity).verdict).toBe('clone');
    // The same ads without most of the advertisers: no such note.
    const q = compare('quotedThird');
    expect(q.families.content.advertiserReferenceShare).toBeLessThan(t.corroboratedAdShare);
    expect(q.explanation.at(-1)).not.toContain('note:');
    // The note does not follow overrides of the content rule (it reads a quarter of each side, whatever cloneAdShare),
    // and a pair pushed under related by overrides gets none.
    const moved = compareProfiles(profiles.seed, profiles.advertisersOnly, { cloneAdShare: 1 });
    expect(moved.families.content.advertiserReferenceShare).toBeGreaterThan(0.9);
    expect(moved.verdict).toBe('related');
    expect(moved.explanation.at(-1)).not.toContain('note:');
    const unrelated = compareProfiles(profiles.seed, profiles.partialCopy, { relatedScore: 0.5, weightContent: 0.3 });
    expect(unrelated.verdict).toBe('unrelated');
    expect(unrelated.explanation.at(-1)).not.toContain('note:');
  });

  it('an unrelated site with third-party widgets: unrelated', () => {
    const c = compare('unrelated');
    expect(c.verdict).toBe('unrelated');
  });
});

describe('explanation and evidence', () => {
  it('lists shared phone numbers in international format, near-identical ads, layout distance and shared ids', () => {
    const c = compare('reskinned');
    const text = c.explanation.join('\n');
    expect(text).toMatch(/\d+ of \d+ phone numbers shared: \+33 6 39 98 \d\d \d\d/);
    expect(text).toMatch(
      /\d+ ads near-identical \(of \d+ on the candidate, \d+ on the reference; \d+ % of the smaller side\)/,
    );
    expect(text).toMatch(/layout distance \d+\/64 on listing pages.*; layout tokens \d+ % alike/);
    expect(text).toContain('same Google Analytics id G-SEED123456');
    const kinds = new Set(c.evidence.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['shared-contact', 'near-identical-ad', 'layout', 'shared-pivot']));
    const pair = c.evidence.find((e) => e.kind === 'near-identical-ad');
    expect(
      pair && pair.kind === 'near-identical-ad' && pair.reference.text.length > 0 && pair.candidate.url,
    ).toBeTruthy();
  });

  it('says when a signal cannot be measured', () => {
    const empty = buildProfile([], { site: 'vide.test' });
    const c = compareProfiles(profiles.seed, empty);
    expect(c.signals).toEqual({ layout: null, text: null, contacts: null, identity: null, pivots: null });
    expect(c.verdict).toBe('unrelated');
    expect(c.explanation.join(' ')).toContain('not comparable');
  });
});

describe('stored profiles', () => {
  it('compare the same after a JSON round trip (the seed may be down by then)', () => {
    const stored = JSON.parse(JSON.stringify(profiles.seed)) as SiteProfile;
    expect(compareProfiles(stored, profiles.newTemplate)).toEqual(compare('newTemplate'));
  });

  it('expose their 64-bit fingerprints for the database index', () => {
    const fps = fingerprintsOf(profiles.seed);
    // Its ads and its listing excerpts (looked up like ads, so that a copy made of listings is found).
    const excerpts = profiles.seed.summaries?.length ?? 0;
    expect(excerpts).toBeGreaterThan(0);
    expect(fps.filter((f) => f.kind === 'ad')).toHaveLength(profiles.seed.ads.length + excerpts);
    expect(fps.find((f) => f.kind === 'layout-listing')?.value).toBe(BigInt(`0x${profiles.seed.layout.listing}`));
    for (const f of fps) expect(f.value >= 0n && f.value < 1n << 64n).toBe(true);
  });

  it('honour threshold overrides', () => {
    expect(compareProfiles(profiles.seed, profiles.reskinned, { cloneScore: 1.01 }).verdict).toBe('related');
    expect(compareProfiles(profiles.seed, profiles.sameScript, { relatedScore: 0.99 }).verdict).toBe('unrelated');
    expect(defaultThresholds.cloneScore).toBeGreaterThan(defaultThresholds.relatedScore);
    // A share of 1 used to divide by zero (NaN score): now it only asks for every ad.
    for (const p of Object.values(profiles))
      expect(Number.isFinite(compareProfiles(profiles.seed, p, { cloneAdShare: 1 }).score)).toBe(true);
    expect(compareProfiles(profiles.seed, profiles.reskinned, { cloneAdShare: 1 }).verdict).toBe('clone');
  });
});

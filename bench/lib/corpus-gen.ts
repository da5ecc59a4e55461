/**
 * Synthetic corpora of site profiles for bench:corpus, built as `SiteProfile` objects directly (buildProfile on
 * 20,000 sites of ~40 pages each would take the bench's whole budget extracting pages; the corpus statistics only read
 * the profiles' contacts, layouts, ad fingerprints and photo hashes, which are drawn here).
 *
 * Every site: its own address (`contact@sN.test`, site scope), 20–60 ads (random 64-bit fingerprints), 20–80 photos
 * (a pHash and 15 window hashes each, as the crawler stores them), 4–12 advertisers' contacts.
 *  - Advertisers: each on 2–30 sites (skewed towards few), ad scope: phones 06 39 98 xx xx while they last, then
 *    addresses at annonces.example; plus 2–4 advertisers seen on one site only.
 *  - Operators (`operatorsPer1000`): one phone (01 99 00 0xxx–4xxx) and one address (gerant@opN.example), site scope,
 *    on 3–70 sites split into 1–5 families; a family is an original and its copies (near-identical ads, some copies
 *    are photo galleries that share only the photos, with 0–3 bits flipped per hash).
 *  - Agencies (`agenciesPer1000`): one address (contact@agenceN.example) and one phone (01 99 00 5xxx–9xxx), site
 *    scope, on 3–70 sites drawn among the sites of no operator, that share nothing else.
 * The expected family count of every operator's and agency's contact is returned with the corpus, so the bench can
 * check the statistics against it.
 */
import type { Contact, PhotoFingerprint, SiteProfile } from '../../detector/index.ts';
import { createRng, type Rng } from '../../sitegen/index.ts';

export interface CorpusOptions {
  sites: number;
  seed: string;
  operatorsPer1000: number;
  agenciesPer1000: number;
}

export interface SyntheticCorpus {
  profiles: SiteProfile[];
  /** `kind:value` → the families it was built with (operators) or its sites (agencies: every site its own family). */
  expectedFamilies: Map<string, { sites: number; families: number }>;
  operators: number;
  agencies: number;
}

const hex32 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
const randomHex = (rng: Rng) => hex32(rng.next() * 2 ** 32) + hex32(rng.next() * 2 ** 32);

/** Flips `bits` distinct random bits of a 16-hex-digit hash. */
function flip(hex: string, bits: number, rng: Rng): string {
  let hi = Number.parseInt(hex.slice(0, 8), 16);
  let lo = Number.parseInt(hex.slice(8), 16);
  for (const b of rng.sample(
    Array.from({ length: 64 }, (_, i) => i),
    bits,
  )) {
    if (b < 32) hi ^= 1 << b;
    else lo ^= 1 << (b - 32);
  }
  return hex32(hi) + hex32(lo);
}

const phone = (prefix: string, n: number) => {
  const d = String(n).padStart(4, '0');
  return {
    value: `+33${prefix.replaceAll(' ', '').slice(1)}${d}`,
    raw: `${prefix} ${d.slice(0, 2)} ${d.slice(2)}`,
  };
};

function photo(rng: Rng, site: string, n: number): PhotoFingerprint {
  return {
    url: `http://${site}/photos/${n}.jpg`,
    sha256: randomHex(rng).repeat(4),
    hash: randomHex(rng),
    crops: Array.from({ length: 15 }, () => randomHex(rng)),
    specificity: 1,
  };
}

function baseProfile(rng: Rng, i: number): SiteProfile {
  const site = `s${i}.test`;
  const ads = Array.from({ length: rng.int(20, 60) }, (_, n) => ({
    id: `/annonce/${n}.html`,
    url: `http://${site}/annonce/${n}.html`,
    fingerprint: randomHex(rng),
    text: `Jardinage et petits travaux, annonce ${n} du site ${i}.`,
  }));
  const pages = ads.length + 5;
  return {
    version: 1,
    site,
    pageCount: pages,
    pageTypes: { listing: 3, ad: ads.length, other: 2 },
    layout: { listing: randomHex(rng), ad: randomHex(rng), other: randomHex(rng) },
    layoutAll: randomHex(rng),
    contacts: [{ kind: 'email', value: `contact@${site}`, raw: `contact@${site}`, scope: 'site' }],
    ads,
    textAll: randomHex(rng),
    pivots: [],
    photos: Array.from({ length: rng.int(20, 80) }, (_, n) => photo(rng, site, n)),
  };
}

/** A copy of `original` on `copy`'s domain: near-identical ads and photos (a gallery keeps only the photos). */
function copyContent(original: SiteProfile, copy: SiteProfile, rng: Rng): void {
  const gallery = rng.chance(0.25);
  if (!gallery) {
    const kept = rng.sample(original.ads, Math.max(3, Math.round(original.ads.length * (0.4 + 0.5 * rng.next()))));
    copy.ads = rng.shuffle([
      ...kept.map((a, n) => ({ ...a, id: `/c/${n}.html`, url: `http://${copy.site}/c/${n}.html` })),
      ...copy.ads.slice(0, rng.int(0, 10)),
    ]);
    copy.ads = copy.ads.map((a) => ({ ...a, fingerprint: flip(a.fingerprint, rng.int(0, 3), rng) }));
  }
  const photos = rng.sample(original.photos ?? [], Math.max(3, Math.round((original.photos ?? []).length * 0.6)));
  copy.photos = rng.shuffle([
    ...photos.map((p) => ({ ...p, hash: flip(p.hash, rng.int(0, 3), rng), crops: [...(p.crops ?? [])] })),
    ...(copy.photos ?? []).slice(0, rng.int(0, 10)),
  ]);
}

/** Splits `items` into `parts` non-empty groups (sizes drawn at random). */
function split<T>(items: T[], parts: number, rng: Rng): T[][] {
  const cuts = rng.sample(
    Array.from({ length: items.length - 1 }, (_, i) => i + 1),
    parts - 1,
  );
  cuts.sort((a, b) => a - b);
  return [0, ...cuts].map((from, n) => items.slice(from, [...cuts, items.length][n]));
}

/** Sites an operator or an agency spreads over: 3–70, most near the low end. */
const spread = (rng: Rng) => 3 + Math.floor(67 * rng.next() ** 2);

export function buildSyntheticCorpus(o: CorpusOptions): SyntheticCorpus {
  const rng = createRng(`${o.seed}:${o.sites}`);
  const profiles = Array.from({ length: o.sites }, (_, i) => baseProfile(rng, i));
  const expectedFamilies = new Map<string, { sites: number; families: number }>();
  const add = (i: number, c: Contact) => profiles[i].contacts.push(c);

  // Advertisers on 2–30 sites, then a few on one site only.
  let mobiles = 0;
  let emails = 0;
  const advertiser = (): Omit<Contact, 'scope'> => {
    if (mobiles < 10_000) return { kind: 'phone', ...phone('06 39 98', mobiles++) };
    const value = `annonceur${emails++}@annonces.example`;
    return { kind: 'email', value, raw: value };
  };
  const slots = profiles.reduce((n) => n + rng.int(4, 12), 0);
  for (let placed = 0; placed < slots; ) {
    const c = advertiser();
    const on = rng.sample(
      Array.from({ length: 30 }, () => rng.int(0, o.sites - 1)),
      2 + Math.floor(28 * rng.next() ** 3),
    );
    for (const i of new Set(on)) add(i, { ...c, scope: 'ad' });
    placed += on.length;
  }
  for (let i = 0; i < o.sites; i++) for (let n = rng.int(2, 4); n > 0; n--) add(i, { ...advertiser(), scope: 'ad' });

  // Operators: families of copies. Each site belongs to one operator at most.
  const free = rng.shuffle(Array.from({ length: o.sites }, (_, i) => i));
  const operators = Math.max(1, Math.round((o.sites * o.operatorsPer1000) / 1000));
  let made = 0;
  for (; made < operators && free.length >= 70; made++) {
    const sites = free.splice(0, spread(rng));
    const groups = split(sites, Math.min(sites.length, rng.int(1, 5)), rng);
    for (const g of groups) for (const i of g.slice(1)) copyContent(profiles[g[0]], profiles[i], rng);
    const own: Contact[] = [
      { kind: 'phone', ...phone('01 99 00', made % 5000), scope: 'site' },
      { kind: 'email', value: `gerant@op${made}.example`, raw: `gerant@op${made}.example`, scope: 'site' },
    ];
    for (const c of own) {
      for (const i of sites) add(i, c);
      expectedFamilies.set(`${c.kind}:${c.value}`, { sites: sites.length, families: groups.length });
    }
  }

  // Agencies: one address on unrelated sites.
  const agencies = Math.max(1, Math.round((o.sites * o.agenciesPer1000) / 1000));
  for (let a = 0; a < agencies; a++) {
    const sites = rng.sample(free, Math.min(free.length, spread(rng)));
    const own: Contact[] = [
      { kind: 'phone', ...phone('01 99 00', 5000 + (a % 5000)), scope: 'site' },
      { kind: 'email', value: `contact@agence${a}.example`, raw: `contact@agence${a}.example`, scope: 'site' },
    ];
    for (const c of own) {
      for (const i of sites) add(i, c);
      expectedFamilies.set(`${c.kind}:${c.value}`, { sites: sites.length, families: sites.length });
    }
  }
  return { profiles, expectedFamilies, operators: made, agencies };
}

/**
 * Who is behind world 7's sites: advertisers (private sellers and tradespeople of a region), board operators with
 * their legal-notice identity, tracker ids (fiction values in the real formats), board names and `.test` domains.
 */
import { emailOf, type NumberBook } from './contacts.ts';
import type { Advertiser, Operator, Trackers } from './model.ts';
import { FIRST_NAMES, type Region, SURNAMES, slugify, townOf } from './regions.ts';
import type { Rng } from './rng.ts';
import { type SceneKind, tradeById } from './trades.ts';

export function makeAdvertiser(key: string, region: Region, trade: SceneKind, book: NumberBook, rng: Rng): Advertiser {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(SURNAMES);
  const [town, postcode] = townOf(region, rng.next());
  const t = tradeById(trade);
  const pro = t.kind === 'service' ? rng.chance(0.55) : rng.chance(0.08);
  const business = pro ? rng.pick(t.business).replace('{surname}', last).replace('{town}', town) : undefined;
  const phones = [rng.chance(0.88) ? book.mobile() : book.landline()];
  if (pro && rng.chance(0.35)) phones.push(book.landline());
  else if (!pro && rng.chance(0.06)) phones.push(book.mobile());
  const email = rng.chance(pro ? 0.75 : 0.4) ? emailOf(first, last, business, rng) : undefined;
  const name = pro ? `${first} ${last}` : rng.chance(0.5) ? `${first} ${last[0]}.` : first;
  return { key, name, business, phones, email, town, postcode, trade };
}

const STREETS = ['rue de l’Exemple', 'allée des Essais', 'impasse Fictive', 'chemin des Maquettes', 'place du Modèle'];
const HOSTS = [
  'Hébergement Exemple SAS, 2 quai Fictif, 59000 Lille',
  'Nuage Essai SARL, 8 avenue du Test, 69000 Lyon',
  'Serveurs Modèles SA, 4 rue Imaginaire, 1000 Bruxelles',
  'Hosting Fictif Sàrl, 10 route du Prototype, 1200 Genève',
  'DataEssai GmbH, Beispielstraße 5, 10115 Berlin',
];
const COMPANY_WORDS = ['Média', 'Web', 'Net', 'Digital', 'Com', 'Services'];

export function makeOperator(brand: string, region: Region, book: NumberBook, rng: Rng): Operator {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(SURNAMES);
  const [town, postcode] = townOf(region, rng.next());
  const company = rng.chance(0.55)
    ? `${last} ${rng.pick(COMPANY_WORDS)} ${rng.pick(['SARL', 'SAS', 'SRL', 'Sàrl'])}`
    : undefined;
  const slug = slugify(brand);
  const email = rng.pick([
    `contact@${slug}.example`,
    `admin@${slug}.example`,
    `${slug.replace(/-/g, '')}@webmel.example`,
    `${slugify(first)}.${slugify(last)}@courriel.example`,
  ]);
  return {
    name: `${first} ${last}`,
    company,
    email,
    phone: rng.chance(0.55) ? book.landline() : book.mobile(),
    address: `${rng.int(1, 48)} ${rng.pick(STREETS)}, ${postcode} ${town}`,
    host: rng.pick(HOSTS),
  };
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const token = (rng: Rng, n: number, chars = ALNUM) =>
  Array.from({ length: n }, () => chars[rng.int(0, chars.length - 1)]).join('');
const digits = (rng: Rng, n: number) => String(rng.int(1, 9)) + token(rng, n - 1, '0123456789');

/** Tracker ids an operator sets up on a new board (fiction values, real formats). */
export function makeTrackers(matomoHost: string, rng: Rng): Trackers {
  const t: Trackers = {};
  if (rng.chance(0.75)) t.ga4 = `G-${token(rng, 10)}`;
  if (rng.chance(0.25)) t.ua = `UA-${digits(rng, 8)}-${rng.int(1, 3)}`;
  if (rng.chance(0.4)) t.gtm = `GTM-${token(rng, 7)}`;
  if (rng.chance(0.3)) t.matomo = { url: `https://${matomoHost}/`, site: rng.int(1, 40) };
  if (rng.chance(0.35)) t.pixel = digits(rng, 15);
  if (rng.chance(0.3)) t.adsense = `ca-pub-${digits(rng, 16)}`;
  return t;
}

/** New ids for a restart that sets its trackers up again: some kept, the rest new. */
export function renewTrackers(old: Trackers, keep: number, matomoHost: string, rng: Rng): Trackers {
  const fresh = makeTrackers(matomoHost, rng);
  const out: Trackers = {};
  for (const k of Object.keys({ ...old, ...fresh }) as (keyof Trackers)[]) {
    const value = old[k] !== undefined && rng.chance(keep) ? old[k] : fresh[k];
    if (value !== undefined) (out as Record<string, unknown>)[k] = value;
  }
  return out;
}

const BRAND_PATTERNS = [
  'Annonces {Word}',
  'Le Coin {Word}',
  'Petites Annonces {Word}',
  '{Word} Occasions',
  'Troc {Word}',
  'Bon Plan {Word}',
  '{Word} Services',
  'Le Marché {Word}',
  'Entre Voisins {Word}',
];

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function makeBrand(region: Region, rng: Rng): string {
  return rng.pick(BRAND_PATTERNS).replace('{Word}', cap(rng.pick(region.brandWords)));
}

/** Domains of one world, never twice the same. */
export class DomainBook {
  private readonly taken = new Set<string>();

  claim(wanted: string): string {
    const base = slugify(wanted.replace(/\.test$/, '')) || 'site';
    let name = `${base}.test`;
    for (let i = 2; this.taken.has(name); i++) name = `${base}${i}.test`;
    this.taken.add(name);
    return name;
  }
}

/** The domain a restart moves to, from the taken-down one. */
export function restartDomain(old: string, brand: string, rng: Rng): string {
  const base = old.replace(/\.test$/, '');
  return rng.pick([
    `${base}2`,
    `${base}-new`,
    `nouveau-${base}`,
    `${base}-annonces`,
    `${base}-${rng.int(2024, 2026)}`,
    `${base}-info`,
    `${slugify(brand)}-officiel`,
    `${base}-fr`,
    `${base.split('-').reverse().join('-')}`,
  ]);
}

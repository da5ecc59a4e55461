/**
 * Advertisers, operators and names for world 8. Phones are ARCEP fiction numbers only (06 39 98 xx xx for
 * advertisers, 01 99 00 xx xx for operators), e-mails and sites on `.test` / `.example`, tracker ids made up.
 */
import { TOWNS_BE, TOWNS_FR } from './gear.ts';
import type { Advertiser, Operator, PhoneStyle } from './model.ts';
import type { Rng } from './rng.ts';

const FIRST = [
  'Julien',
  'Camille',
  'Thomas',
  'Léa',
  'Nicolas',
  'Manon',
  'Hugo',
  'Chloé',
  'Maxime',
  'Inès',
  'Antoine',
  'Sarah',
  'Romain',
  'Pauline',
  'Kevin',
  'Elodie',
  'Bastien',
  'Margaux',
  'Yannick',
  'Lucie',
  'Fabrice',
  'Noémie',
  'Arnaud',
  'Justine',
  'Pieter',
  'Sofie',
  'Wout',
  'Lien',
];
const NICK_TAILS = ['74', '38', '_rando', '.velo', '_ski', 'glisse', 'outdoor', '69', '_bzh', '.sport', '59', '_b'];
const SHOP_WORDS = ['Cycles', 'Atelier', 'Glisse', 'Outdoor', 'Sports', 'Montagne', 'Rando', 'Vélo', 'Nautic'];
const SHOP_TAILS = ['du Lac', 'des Alpes', 'Occasion', 'Seconde Main', 'du Centre', 'Troc', 'Plus', 'Express'];

const SITE_HEADS = ['troc', 'occaz', 'revend', 'seconde', 'bonplan', 'deal', 'mat', 'equip', 'glisse', 'ride'];
const SITE_MIDS = ['sport', 'velo', 'outdoor', 'rando', 'montagne', 'plein-air', 'fitness', 'neige', 'nautic'];
const SITE_TAILS = ['', '-annonces', '-express', '-pro', '-France', '-club', '-market', '-direct', '-plus'];
const STREETS = [
  'rue des Lilas',
  'avenue Jean-Jaurès',
  'rue du Moulin',
  'chemin des Vignes',
  'place du Marché',
  'boulevard Voltaire',
  'rue de la Gare',
  'allée des Tilleuls',
  'rue Pasteur',
  'quai des Brumes',
];
const COMPANY_FORMS = ['SARL', 'SAS', 'EURL', 'SASU', 'SRL'];

export interface Names {
  used: Set<string>;
}

export function fictionMobile(rng: Rng): string {
  return `063998${rng.digits(4)}`;
}

export function fictionLandline(rng: Rng): string {
  return `019900${rng.digits(4)}`;
}

export function newAdvertiser(rng: Rng, id: string, belgian: boolean): Advertiser {
  const pro = rng.chance(0.2);
  const first = rng.pick(FIRST);
  const nick = pro
    ? `${rng.pick(SHOP_WORDS)} ${rng.pick(SHOP_TAILS)}`
    : `${first.toLowerCase()}${rng.pick(NICK_TAILS)}`;
  const mailUser = nick
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return {
    id,
    nick,
    phone: fictionMobile(rng),
    email: rng.chance(0.5) ? `${mailUser}${rng.int(1, 99)}@mail.example` : null,
    town: rng.pick(belgian ? TOWNS_BE : TOWNS_FR),
    pro,
  };
}

export function siteName(rng: Rng, used: Set<string>, tld = rng.pick(['test', 'test', 'example'])): string {
  for (let i = 0; i < 50; i++) {
    const name = `${rng.pick(SITE_HEADS)}-${rng.pick(SITE_MIDS)}${rng.pick(SITE_TAILS).toLowerCase()}${
      i > 5 ? rng.int(2, 99) : ''
    }.${tld}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `site-${rng.letters(8)}.${tld}`;
  used.add(name);
  return name;
}

export function titleOf(domain: string): string {
  const base = domain.split('.')[0].replace(/\d+$/, '');
  return base
    .split('-')
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

export function newOperator(rng: Rng, domain: string, belgian: boolean): Operator {
  const town = rng.pick(belgian ? TOWNS_BE : TOWNS_FR);
  const mailbox = rng.pick(['contact', 'admin', 'support', 'equipe', 'moderation', 'hello']);
  return {
    email: rng.chance(0.7) ? `${mailbox}@${domain}` : `${domain.split('.')[0].replace(/-/g, '')}@mail.example`,
    phone: fictionLandline(rng),
    street: `${rng.int(1, 140)} ${rng.pick(STREETS)}`,
    postcode: belgian ? `${rng.int(10, 99)}00` : `${rng.int(10, 95)}${rng.int(0, 9)}${rng.int(0, 9)}0`,
    town,
    company: `${titleOf(domain)} ${rng.pick(COMPANY_FORMS)}`,
    analytics: rng.chance(0.75) ? `G-W8${rng.letters(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')}` : null,
    tagManager: rng.chance(0.5) ? `GTM-W8${rng.letters(5, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')}` : null,
    adClient: rng.chance(0.4) ? `ca-pub-9908${rng.digits(12)}` : null,
  };
}

const WORDS_FR = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'];

/** A national number written the way a site writes it (ten digits in, HTML out). */
export function showPhone(digits: string, style: PhoneStyle): string {
  const pairs = digits.match(/../g)!;
  switch (style) {
    case 'spaced':
      return pairs.join(' ');
    case 'dots':
      return pairs.join('.');
    case 'compact':
      return digits;
    case 'intl':
      return `+33 ${digits[1]} ${pairs.slice(1).join(' ')}`;
    case 'dashes':
      return pairs.join('-');
    case 'split-spans':
      return pairs.map((p) => `<span>${p}</span>`).join(' ');
    case 'words':
      return pairs.map((p) => `${WORDS_FR[Number(p[0])]} ${WORDS_FR[Number(p[1])]}`).join(' - ');
    case 'reveal':
      return `<button type="button" class="show-phone" data-tel="${Buffer.from(digits).toString('base64')}">${pairs.slice(0, 2).join(' ')} XX XX XX – Afficher le numéro</button>`;
    case 'entities':
      return pairs.map((p) => [...p].map((d) => `&#${d.charCodeAt(0)};`).join('')).join('&nbsp;');
  }
}

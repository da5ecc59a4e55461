/**
 * World 2's data model: advertisers, ads, operators and sites, and how an ad's text is composed and lightly edited
 * (prices, towns, typos, emoji) when an operator copies it.
 */
import { formatPhone, PHONE_STYLES, type PhoneStyle } from './phones.ts';
import type { Pivots } from './pivots.ts';
import type { Rng } from './prng.ts';
import { CLOSERS, EMOJI, OPENERS, TOWNS, TRADES } from './vocab.ts';

export type Town = (typeof TOWNS)[number];

export interface Advertiser {
  id: string;
  name: string;
  /** Ten national digits in a fiction range. */
  phone: string;
  email?: string;
  town: Town;
  trade: string;
  /** How this advertiser writes the number inside the ad text (kept when the ad is copied). */
  style: PhoneStyle;
}

export interface Ad {
  id: string;
  advertiser: Advertiser;
  trade: string;
  title: string;
  /** Sentences; `{phone}` stands for the advertiser's number as the advertiser writes it. */
  body: string[];
  price: number;
  unit: string;
  town: string;
  postcode: string;
  date: string;
  photo: string | null;
}

export interface Operator {
  phone: string;
  email: string;
  whatsapp?: string;
}

export type ScriptName = 'osclass-bender' | 'yclas-default' | 'wpadverts' | 'classipress' | 'classified-listing';
export type SiteKind = 'classified' | 'press' | 'forum' | 'directory';

export interface Site {
  name: string;
  domain: string;
  kind: SiteKind;
  script: ScriptName;
  brand: string;
  ads: Ad[];
  operator: Operator | null;
  pivots: Pivots;
  /** Loads the tag-manager and analytics vendor scripts without any id of the reference (a shared vendor only). */
  vendorOnly?: boolean;
  perPage: number;
  /** Class and id renaming: null keeps the script's names. */
  renameSalt: string | null;
  /** Blocks in another order (sidebar side, meta before the title). */
  reorder: boolean;
  photos: boolean;
  /** How the site's contact box writes advertisers' numbers. */
  phoneStyle: PhoneStyle;
  /** Article, forum or directory text for non-classified pages. */
  prose?: string[];
  /** Renders ad detail pages (false: only listing pages, as partial copies do). */
  detailPages: boolean;
  /** Listing pages actually online (partial copies keep the first ones). */
  maxListingPages?: number;
}

export function bodyText(ad: Ad): string[] {
  return ad.body.map((s) => s.replaceAll('{phone}', formatPhone(ad.advertiser.phone, ad.advertiser.style)));
}

let adCounter = 0;
export function resetAdIds(): void {
  adCounter = 0;
}

export function composeAd(rng: Rng, advertiser: Advertiser, date: string): Ad {
  const trade = TRADES.find((t) => t.key === advertiser.trade)!;
  const town = rng.chance(0.75) ? advertiser.town.name : advertiser.town.near;
  const lines = rng.sample(trade.lines, rng.int(2, 4));
  const opener = rng.pick(OPENERS);
  const years = rng.int(3, 25);
  const extras = [
    `${years} ans d’expérience, secteur ${town} et alentours.`,
    `Je me déplace dans un rayon de ${rng.int(10, 40)} km autour de ${town}.`,
    `Disponible ${rng.pick(['en semaine', 'le week-end', 'le soir après 18 h', 'tous les jours', 'pendant les vacances'])}.`,
    `Tarif : ${rng.int(trade.price[0], trade.price[1])} € ${trade.unit}, devis gratuit.`,
  ];
  const body = [
    ...(opener
      ? [
          `${opener} ${rng.pick(['je propose', 'je vous propose', 'propose'])} mes services en ${trade.label.toLowerCase()}.`,
        ]
      : []),
    ...lines,
    ...rng.sample(extras, rng.int(1, 2)),
    rng.pick(CLOSERS),
  ];
  adCounter++;
  return {
    id: `ad${adCounter}`,
    advertiser,
    trade: trade.key,
    title: rng.pick(trade.titles).replace('{town}', town),
    body,
    price: rng.int(trade.price[0], trade.price[1]),
    unit: trade.unit,
    town,
    postcode: advertiser.town.postcode,
    date,
    photo: rng.chance(0.7) ? `${trade.key}-${adCounter}.jpg` : null,
  };
}

export function newAdvertiser(rng: Rng, id: string, phone: string): Advertiser {
  const name =
    `${rng.pick(['', 'M. ', 'Mme '])}${rng.pick(['Amandine', 'Bastien', 'Céline', 'Damien', 'Élodie', 'Fabrice', 'Gaëlle', 'Hugo', 'Inès', 'Jérôme', 'Karine', 'Loïc', 'Manon', 'Océane', 'Pascal', 'Rachida', 'Sylvain', 'Zoé'])} ${String.fromCharCode(65 + rng.int(0, 25))}.`.trim();
  return {
    id,
    name,
    phone,
    email: rng.chance(0.35) ? `${id}.${rng.int(10, 99)}@courriel.example` : undefined,
    town: rng.pick(TOWNS),
    trade: rng.pick(TRADES).key,
    style: rng.pick(PHONE_STYLES.filter((s) => s !== 'split-tags')),
  };
}

function typo(rng: Rng, sentence: string): string {
  const words = sentence.split(' ');
  const i = rng.int(0, words.length - 1);
  const w = words[i];
  if (w.length < 5 || w.includes('{')) return sentence;
  const j = rng.int(1, w.length - 3);
  words[i] = w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
  return words.join(' ');
}

/** An operator's light edits of a copied ad: new price, a neighbouring town, a typo, an emoji, a shouted prefix. */
export function lightlyEdit(rng: Rng, ad: Ad, strength: number): Ad {
  const out: Ad = { ...ad, body: [...ad.body] };
  if (rng.chance(strength)) out.price = Math.max(5, Math.round(ad.price * (1 + (rng.next() - 0.4) * 0.4)));
  if (rng.chance(strength * 0.6)) {
    const t = TOWNS.find((x) => x.name === ad.town);
    if (t) {
      out.town = t.near;
      out.title = ad.title.replace(ad.town, t.near);
      out.body = out.body.map((s) => s.replaceAll(ad.town, t.near));
    }
  }
  if (rng.chance(strength)) {
    const k = rng.int(0, out.body.length - 1);
    out.body[k] = typo(rng, out.body[k]);
  }
  if (rng.chance(strength * 0.5)) out.title = `${rng.pick(EMOJI)} ${out.title}`;
  if (rng.chance(strength * 0.3)) out.title = `${rng.pick(['URGENT', 'PROMO', 'NOUVEAU'])} – ${out.title}`;
  if (rng.chance(strength * 0.3))
    out.body.push(
      rng.pick([
        'Merci de votre confiance.',
        'Au plaisir de vous rendre service !',
        `${rng.pick(EMOJI)} Réponse sous 24 h.`,
      ]),
    );
  return out;
}

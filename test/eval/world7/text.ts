/**
 * Ad texts of world 7: a new ad written from its trade's words, and what restarts do to a copied ad — rewording
 * (synonyms, sentences reordered, a line added or dropped, title rephrased), translating into English for an
 * international audience, and shortening to a caption.
 */
import type { Ad, Advertiser } from './model.ts';
import type { Rng } from './rng.ts';
import { DAYS_EN, DAYS_FR, STATES_EN, STATES_FR, type Trade, tradeById } from './trades.ts';

interface Slots {
  town: string;
  zone: string;
  years: number;
  km: number;
  item: string;
  brand: string;
  size: string;
  state: string;
  day: string;
  inch: string;
  months: string;
  age: number;
}

function slotsFor(trade: Trade, town: string, zone: string, lang: 'fr' | 'en', rng: Rng): Slots {
  const size =
    trade.id === 'bicycle'
      ? rng.pick(['S', 'M', 'L', 'XL', '52', '54', '56'])
      : trade.id === 'clothes'
        ? rng.pick(['2 ans', '3 ans', '4 ans', '6 ans', '8 ans', '10 ans', '12'])
        : trade.id === 'kitchen'
          ? String(rng.pick([40, 60, 80, 120, 180]))
          : String(rng.pick([25, 33, 50]));
  return {
    town,
    zone,
    years: rng.int(3, 28),
    km: rng.pick([10, 15, 20, 25, 30]),
    item: rng.pick(lang === 'fr' ? trade.itemsFr : trade.itemsEn),
    brand: rng.pick(trade.brands),
    size,
    state: rng.pick(lang === 'fr' ? STATES_FR : STATES_EN),
    day: rng.pick(lang === 'fr' ? DAYS_FR : DAYS_EN),
    inch: rng.pick(['12', '14', '16', '20', '24']),
    months: rng.pick(['3', '6', '9', '12', '18', '24']),
    age: rng.int(1, 6),
  };
}

function fill(template: string, s: Slots): string {
  const out = template.replace(/\{(\w+)\}/g, (_, k: string) => String(s[k as keyof Slots] ?? ''));
  return out.charAt(0).toUpperCase() + out.slice(1);
}

export interface AdDraft {
  title: string;
  body: string[];
  price: number | null;
  unit: string;
}

/** A freshly written ad of `advertiser` in `lang`. */
export function writeAd(advertiser: Advertiser, zone: string, lang: 'fr' | 'en', rng: Rng): AdDraft {
  const trade = tradeById(advertiser.trade);
  const s = slotsFor(trade, advertiser.town, zone, lang, rng);
  const title = fill(rng.pick(lang === 'fr' ? trade.titlesFr : trade.titlesEn), s);
  const pool = lang === 'fr' ? trade.textFr : trade.textEn;
  const body = rng.sample(pool, rng.int(Math.min(3, pool.length), Math.min(6, pool.length))).map((t) => fill(t, s));
  const [lo, hi] = trade.price;
  const quote = trade.kind === 'service' && rng.chance(0.25);
  const raw = lo + (hi - lo) * rng.next() ** 1.6;
  const price = quote ? null : raw > 100 ? Math.round(raw / 10) * 10 : Math.round(raw);
  return { title, body, price, unit: lang === 'fr' ? trade.unitFr : trade.unitEn };
}

const SYNONYMS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\bVends\b/g, ['À vendre :', 'Je vends', 'Cède']],
  [/\btrès bon état\b/g, ['excellent état', 'parfait état', 'comme neuf']],
  [/\bbon état\b/g, ['état correct', 'bon état général']],
  [/\bDisponible\b/g, ['Dispo', 'Libre']],
  [/\bDevis gratuit\b/g, ['Devis offert', 'Devis sans engagement']],
  [/\bà domicile\b/g, ['chez vous', 'à votre domicile']],
  [/\bexpérience\b/g, ['métier', 'pratique']],
  [/\bsecteur\b/gi, ['Zone', 'Région']],
  [/\bpossible\b/g, ['envisageable', 'possible sur demande']],
  [/\bintervention\b/g, ['passage', 'déplacement']],
];

const EXTRA_FR = [
  'N’hésitez pas à me contacter pour plus de renseignements.',
  'Réponse rapide par téléphone ou SMS.',
  'Annonce toujours d’actualité.',
  'Sérieux uniquement, merci.',
  'Me contacter de préférence en soirée.',
];

/** The same ad as a restart's operator or the advertiser rewrites it. */
export function reword(ad: Ad, rng: Rng): Pick<Ad, 'title' | 'body' | 'price'> {
  const swap = (text: string) =>
    SYNONYMS.reduce((t, [re, alts]) => (rng.chance(0.6) ? t.replace(re, () => rng.pick(alts)) : t), text);
  let body = ad.body.map(swap);
  if (body.length > 2 && rng.chance(0.6)) body = rng.shuffle(body);
  if (body.length > 3 && rng.chance(0.4)) body.splice(rng.int(0, body.length - 1), 1);
  if (ad.lang === 'fr' && rng.chance(0.5)) body.push(rng.pick(EXTRA_FR));
  let title = swap(ad.title);
  if (rng.chance(0.3)) title = `${title} - ${ad.town}`;
  if (rng.chance(0.2)) title = title.toUpperCase();
  const price =
    ad.price === null ? null : rng.chance(0.3) ? Math.round(ad.price * rng.pick([0.9, 0.95, 1.1])) : ad.price;
  return { title, body, price };
}

/** An English version of a French ad (new wording from the trade's English words, same facts and numbers). */
export function translate(ad: Ad, zone: string, rng: Rng): Pick<Ad, 'title' | 'body' | 'lang' | 'unit'> {
  const trade = tradeById(ad.trade);
  const s = slotsFor(trade, ad.town, zone, 'en', rng);
  const body = rng.sample(trade.textEn, rng.int(2, trade.textEn.length)).map((t) => fill(t, s));
  // The number line survives the translation.
  if (ad.shown[0] && ad.body.some((l) => l.includes(ad.shown[0]))) body.push(`Call or text ${ad.shown[0]}.`);
  return { title: fill(rng.pick(trade.titlesEn), s), body, lang: 'en', unit: trade.unitEn };
}

/** A one-line caption (galleries, aggregators). */
export function caption(ad: Ad, max = 90): string {
  const text = ad.body.join(' ');
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

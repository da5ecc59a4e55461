/**
 * An ad's words from its row: the title and body in French or English, in one of several wordings (a rewording
 * keeps the facts, the advertiser and the photos, and changes sentence forms and their order). Each advertiser has
 * a wording of their own, so two people's ads do not read alike.
 */
import { AVAILABILITY, CLOSINGS, TRADES } from './lexicon.ts';
import type { Ad, Lang } from './model.ts';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const first = (ad: Ad) => ad.advertiser.name.split(' ')[0];

export function adTitle(ad: Ad, lang: Lang): string {
  const service = TRADES[ad.trade].services[ad.service][lang === 'fr' ? 0 : 1];
  if (lang === 'en') return ad.wording % 2 === 0 ? `${cap(service)} in ${ad.town}` : `${cap(service)}, ${ad.town} area`;
  switch (ad.wording % 4) {
    case 0:
      return `${cap(service)} à ${ad.town}`;
    case 1:
      return `${cap(service)} – ${ad.town} et alentours`;
    case 2:
      return `${first(ad)} propose : ${service} (${ad.town})`;
    default:
      return `Besoin d’aide ? ${cap(service)} sur ${ad.town}`;
  }
}

export function priceText(ad: Ad, lang: Lang): string {
  return `${ad.price} ${TRADES[ad.trade].unit[lang === 'fr' ? 0 : 1]}`;
}

/** The body's paragraphs. */
export function adBody(ad: Ad, lang: Lang): string[] {
  const t = TRADES[ad.trade];
  const i = lang === 'fr' ? 0 : 1;
  const service = t.services[ad.service][i];
  const extras = ad.extras.map((e) => t.extras[e][i]);
  const avail = AVAILABILITY[ad.availability][i];
  const close = CLOSINGS[ad.closing][i];
  const price = priceText(ad, lang);
  if (lang === 'en')
    return [
      `Hello, I am ${first(ad)} and I offer ${service} in ${ad.town} and within ${ad.radius} km, with ${ad.years} years of experience.`,
      `Included: ${extras.join(', ')}. Available ${avail}.`,
      `From ${price}. ${close}`,
    ];
  // The wording's base-3 digits pick each sentence's form (27 bodies); its last digit also picks the order, so a
  // rewording (wording + 1 or + 2) changes at least the opening and the order.
  const w = ad.wording % 3;
  const w2 = Math.floor(ad.wording / 3) % 3;
  const w3 = Math.floor(ad.wording / 9) % 3;
  const intro = [
    `Bonjour, je m’appelle ${first(ad)} et je propose ${service} sur ${ad.town} et dans un rayon de ${ad.radius} km.`,
    `${first(ad)}, ${ad.years} ans d’expérience : ${service}, secteur ${ad.town} (jusqu’à ${ad.radius} km).`,
    `Particulier sérieux, je vous propose ${service} à ${ad.town} et aux environs (${ad.radius} km maximum).`,
  ][w];
  const what = [
    `Prestation comprenant : ${extras.join(', ')}.`,
    `Inclus dans le prix : ${extras.join(' et ')}.`,
    `Ce que je fournis : ${extras.join(' ; ')}.`,
  ][w2];
  const when = [
    `Disponible ${avail}, ${ad.years} ans d’expérience.`,
    `Je suis disponible ${avail}.`,
    `Disponibilités : ${avail}. Expérience de ${ad.years} ans.`,
  ][w3];
  const cost = [`Tarif : ${price}.`, `À partir de ${price}, devis gratuit.`, `Comptez ${price}.`][(w2 + w3) % 3];
  const order = [
    [intro, what, when, `${cost} ${close}`],
    [intro, `${cost} ${what}`, when, close],
    [intro, when, what, `${close} ${cost}`],
  ][w];
  return order;
}

/** A short excerpt, as listing cards and aggregators cut it. */
export function excerpt(ad: Ad, lang: Lang, words = 18): string {
  const all = adBody(ad, lang).join(' ').split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
}

export function dateText(day: number, lang: Lang): string {
  const d = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000);
  if (lang === 'en') return d.toISOString().slice(0, 10);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

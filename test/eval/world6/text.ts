/**
 * World 6's ad writer: a title and four to six sentences from a trade's phrases and the generic ones, every sentence
 * carried in French and English; and the two ways a restarted board changes text it brought back: rewording (words
 * swapped, sentences reordered, one dropped or added) and translation (the English side).
 */
import { CLOSINGS, DAYS, LOGISTICS } from './lexicon.ts';
import type { Lang, Sentence } from './model.ts';
import type { Rng } from './rng.ts';
import type { Pair, Trade } from './trades.ts';

export interface Slots {
  item: Pair;
  town: string;
  years: number;
  name: string;
  days: Pair;
}

/** "de Amboise" → "d’Amboise", as French writes it before a vowel. */
function elide(text: string): string {
  return text.replace(/\b([dD])e ([AEIOUÉÈaeiouéè])/g, '$1’$2');
}

export function fill(template: Pair, slots: Slots): Sentence {
  const one = (text: string, i: 0 | 1) =>
    text
      .replace(/\{item\}/g, slots.item[i])
      .replace(/\{town\}/g, slots.town)
      .replace(/\{years\}/g, String(slots.years))
      .replace(/\{name\}/g, slots.name)
      .replace(/\{days\}/g, slots.days[i]);
  const fr = elide(one(template[0], 0));
  const en = one(template[1], 1);
  return [fr.charAt(0).toUpperCase() + fr.slice(1), en.charAt(0).toUpperCase() + en.slice(1)];
}

const PRICE_LINES: Pair[] = [
  ['Tarif : {p} {u}.', 'Rate: {p} {u}.'],
  ['Prix demandé : {p} {u}.', 'Asking price: {p} {u}.'],
  ['{p} {u}, à discuter.', '{p} {u}, open to offers.'],
  ['Compter {p} {u}.', 'Expect {p} {u}.'],
];

const WHO: Pair[] = [
  ['J’habite', 'I live'],
  ['Je suis', 'I am'],
  ['Nous sommes', 'We are'],
  ['Atelier situé', 'Workshop located'],
];
const WHERE: Pair[] = [
  ['à deux pas de', 'a stone’s throw from'],
  ['près de', 'near'],
  ['dans le centre de', 'in the centre of'],
  ['sur la route de', 'on the road to'],
  ['au nord de', 'north of'],
  ['à la sortie de', 'just outside'],
];
const ACCESS: Pair[] = [
  ['parking facile', 'easy parking'],
  ['accès par le bus', 'reachable by bus'],
  ['au rez-de-chaussée', 'on the ground floor'],
  ['maison avec jardin', 'house with a garden'],
  ['derrière la mairie', 'behind the town hall'],
  ['face à l’école', 'opposite the school'],
  ['à côté de la boulangerie', 'next to the bakery'],
  ['près de la gare', 'near the station'],
];
const CLIENTS: Pair[] = [
  ['familles', 'families'],
  ['clients', 'customers'],
  ['voisins', 'neighbours'],
  ['élèves', 'pupils'],
];

/** One sentence of the ad's own: where exactly, or sizes and counts, so two ads of a trade rarely read alike. */
function ownSentence(rng: Rng, trade: Trade, town: string): Sentence {
  if (rng.chance(0.5)) {
    const [w, p, a] = [rng.pick(WHO), rng.pick(WHERE), rng.pick(ACCESS)];
    return [elide(`${w[0]} ${p[0]} ${town}, ${a[0]}.`), `${w[1]} ${p[1]} ${town}, ${a[1]}.`];
  }
  if (trade.goods) {
    const [x, y, kg] = [rng.int(4, 24) * 5, rng.int(4, 20) * 5, rng.int(3, 60)];
    return [`Dimensions : ${x} x ${y} cm, environ ${kg} kg.`, `Size: ${x} x ${y} cm, about ${kg} kg.`];
  }
  const [n, c] = [rng.int(3, 40) * 5, rng.pick(CLIENTS)];
  return [`Plus de ${n} ${c[0]} satisfaits depuis mes débuts.`, `More than ${n} happy ${c[1]} since I started.`];
}

export interface WrittenAd {
  title: Sentence;
  body: Sentence[];
  price: number;
}

export function writeAd(rng: Rng, trade: Trade, name: string, town: string): WrittenAd {
  const slots: Slots = {
    item: rng.pick(trade.items),
    town,
    years: rng.int(2, 24),
    name,
    days: rng.pick(DAYS),
  };
  const [lo, hi] = trade.price;
  const price = trade.goods ? Math.round(rng.range(lo, hi) / 5) * 5 : rng.int(lo, hi);
  const body: Sentence[] = [fill(rng.pick(trade.intros), slots)];
  for (const d of rng.sample(trade.details, rng.int(2, 3))) body.push(fill(d, slots));
  const priceLine = rng.pick(PRICE_LINES);
  const withPrice = (s: string, i: 0 | 1) => s.replace('{p}', String(price)).replace('{u}', trade.unit[i]);
  body.splice(rng.int(1, body.length), 0, [withPrice(priceLine[0], 0), withPrice(priceLine[1], 1)]);
  body.splice(rng.int(1, body.length), 0, ownSentence(rng, trade, town));
  body.push(fill(rng.pick(LOGISTICS), { ...slots, days: rng.pick(DAYS) }));
  if (rng.chance(0.7)) body.push(fill(rng.pick(CLOSINGS), slots));
  return { title: fill(rng.pick(trade.titles), slots), body, price };
}

/** French words and phrases an operator (or a spinning tool) swaps when rewording an ad. */
const SWAPS: [RegExp, string[]][] = [
  [/\bje propose\b/g, ['j’offre', 'je vous propose']],
  [/\bJe vends\b/g, ['Je cède', 'Je mets en vente']],
  [/\bVends\b/g, ['À vendre :', 'Cède']],
  [/\bdisponible\b/gi, ['libre', 'dispo']],
  [/\bpossible\b/g, ['envisageable', 'faisable']],
  [/\brapidement\b/g, ['vite', 'sans tarder']],
  [/\btrès bon état\b/g, ['excellent état', 'parfait état']],
  [/\bbon état\b/g, ['état correct', 'bon état général']],
  [/\bdepuis\b/g, ['voilà', 'depuis maintenant']],
  [/\bgratuit\b/g, ['offert', 'sans frais']],
  [/\bN’hésitez pas à me contacter\b/g, ['Contactez-moi', 'Appelez-moi']],
  [/\bà domicile\b/g, ['chez vous', 'à la maison']],
  [/\bPrix demandé\b/g, ['Prix', 'Je demande']],
  [/\bTarif\b/g, ['Prix', 'Tarif horaire']],
];

function swapWords(rng: Rng, text: string, rate: number): string {
  let out = text;
  for (const [pattern, choices] of SWAPS) if (rng.chance(rate)) out = out.replace(pattern, () => rng.pick(choices));
  return out;
}

/** The same ad reworded: `strength` 0…1 (how many words swapped, whether sentences move, drop or come in). */
export function reword(rng: Rng, title: Sentence, body: Sentence[], strength: number, extra: Sentence | null) {
  const fr = (s: Sentence): Sentence => [swapWords(rng, s[0], 0.4 + 0.6 * strength), s[1]];
  let out = body.map(fr);
  if (out.length > 3 && rng.chance(strength)) {
    const middle = rng.shuffle(out.slice(1, -1));
    out = [out[0], ...middle, out[out.length - 1]];
  }
  if (out.length > 4 && rng.chance(strength * 0.8)) out.splice(rng.int(1, out.length - 2), 1);
  if (extra && rng.chance(strength)) out.splice(rng.int(1, out.length), 0, extra);
  return { title: fr(title), body: out };
}

export function say(sentence: Sentence, lang: Lang): string {
  return lang === 'fr' ? sentence[0] : sentence[1];
}

export function bodyText(body: Sentence[], lang: Lang): string {
  return body.map((s) => say(s, lang)).join(' ');
}

/** The first `words` words of the body (listing excerpts), with an ellipsis when cut. */
export function excerpt(body: Sentence[], lang: Lang, words: number): string {
  const all = bodyText(body, lang).split(' ');
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`;
}

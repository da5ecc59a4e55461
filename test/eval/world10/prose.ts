/**
 * World 10's sentence generator: an advertiser's voice (the wording they always pick, their opener and closing), ad
 * titles and bodies from the trade templates, and the rewording an operator or an advertiser applies when ads are
 * typed again (synonyms, order, a sentence dropped or added).
 */
import { CLOSINGS, COMMON_SENTENCES, OPENERS, TAX_CREDIT_SENTENCE, TRADES, type TradeKey } from './lexicon-trades.ts';
import { Rng } from './rng.ts';

/** How one person writes: the same alternatives every time, their usual opener and closing. */
export interface Voice {
  seed: string;
  opener: string;
  closing: string;
  /** Trade sentences this person puts in most of their ads (indexes into the trade's list). */
  core: number[];
  years: number;
  km: number;
  hour: number;
  signs: boolean;
}

export function makeVoice(rng: Rng, trade: TradeKey): Voice {
  const count = TRADES[trade].sentences.length;
  return {
    seed: rng.token(12),
    opener: rng.chance(0.5) ? rng.pick(OPENERS) : '',
    closing: rng.pick(CLOSINGS),
    core: rng.sample([...Array(count).keys()], rng.int(2, 3)),
    years: rng.int(3, 28),
    km: rng.pick([10, 15, 20, 25, 30, 40]),
    hour: rng.pick([7, 8, 9]),
    signs: rng.chance(0.45),
  };
}

function numberFor(after: string, rng: Rng): number {
  const word = after.trim().split(/\s+/)[0] ?? '';
  if (word.startsWith('mètre')) return rng.int(6, 14);
  if (word.startsWith('jour')) return rng.int(2, 5);
  if (word.startsWith('minute')) return rng.pick([30, 45, 60, 75, 90]);
  if (word.startsWith('m²')) return rng.int(12, 60) * 10;
  if (word === 'h') return rng.pick([24, 48, 72]);
  if (word.startsWith('mois')) return rng.pick([3, 6, 12]);
  return rng.int(2, 9);
}

/** Fills `[a|b]` with the voice's habitual choice and `{slot}` with values. */
export function expand(template: string, voice: Voice, rng: Rng, slots: Record<string, string>): string {
  const chosen = template.replace(/\[([^\]]+)\]/g, (_, alts: string) => {
    const options = alts.split('|');
    return Rng.of('w10-voice', voice.seed, alts).pick(options);
  });
  return chosen.replace(/\{(\w+)\}/g, (_, key: string, offset: number, whole: string) => {
    if (key in slots) return slots[key];
    if (key === 'years') return String(voice.years);
    if (key === 'km') return String(voice.km);
    if (key === 'hour') return String(voice.hour);
    if (key === 'weeks') return String(rng.pick([2, 4, 6, 8]));
    return String(numberFor(whole.slice(offset + key.length + 2), rng));
  });
}

export interface AdText {
  title: string;
  /** Sentences of the body, without the closing that carries the number. */
  sentences: string[];
  /** The closing, with `{phone}` still in it; absent when the ad gives no number in its text. */
  closing: string | null;
  price: string;
  /** The first name some people sign with, after everything else. */
  sign: string | null;
}

/** One ad of an advertiser in a trade. `index` makes an advertiser's ads differ from one another. */
export function writeAd(
  rng: Rng,
  voice: Voice,
  trade: TradeKey,
  town: string,
  signature: string,
  index: number,
): AdText {
  const t = TRADES[trade];
  const slots = { town };
  const titleTpl = t.titles[(Rng.of('w10-title', voice.seed).int(0, t.titles.length - 1) + index) % t.titles.length];
  const title = expand(titleTpl, voice, rng, slots);
  const others = [...t.sentences.keys()].filter((i) => !voice.core.includes(i));
  const picked = [...voice.core.filter(() => rng.chance(0.8)), ...rng.sample(others, rng.int(2, 3))];
  const sentences: string[] = [];
  if (voice.opener) sentences.push(voice.opener);
  for (const i of rng.shuffle(picked)) sentences.push(expand(t.sentences[i], voice, rng, slots));
  for (const s of rng.sample(COMMON_SENTENCES, rng.int(1, 2))) sentences.push(expand(s, voice, rng, slots));
  if (t.taxCredit && rng.chance(0.5)) sentences.push(TAX_CREDIT_SENTENCE);
  const [lo, hi] = t.priceRange;
  const price = rng.pick(t.prices).replace('{n}', String(rng.int(lo, hi)));
  return {
    title,
    sentences,
    closing: rng.chance(0.85) ? voice.closing : null,
    price,
    sign: voice.signs ? signature : null,
  };
}

const SYNONYMS: [RegExp, string][] = [
  [/\bdisponible\b/g, 'dispo'],
  [/\bDevis gratuit\b/g, 'Devis offert'],
  [/\bintervention\b/g, 'prestation'],
  [/\bIntervention\b/g, 'Prestation'],
  [/\bsur demande\b/g, 'si besoin'],
  [/\bvos\b/g, 'les'],
  [/\bJe me déplace\b/g, 'Je viens'],
  [/\bexpérience\b/g, 'pratique'],
  [/\bcomplet\b/g, 'total'],
  [/\bsoigné\b/g, 'de qualité'],
  [/\bpossible\b/g, 'envisageable'],
  [/\brapide\b/g, 'express'],
  [/ et /g, ', '],
  [/\bpersonnes âgées\b/g, 'seniors'],
  [/\bréparation\b/g, 'remise en état'],
];

/** Sentences typed again: some words swapped, order shuffled in places, one sentence dropped, maybe one added. */
export function reword(sentences: string[], rng: Rng, strength: number): string[] {
  let out = sentences.map((s) => {
    let r = s;
    for (const [re, to] of SYNONYMS) if (rng.chance(strength)) r = r.replace(re, to);
    return r;
  });
  if (out.length > 3 && rng.chance(strength)) out.splice(rng.int(1, out.length - 1), 1);
  if (rng.chance(strength)) {
    const i = rng.int(0, out.length - 2);
    [out[i], out[i + 1]] = [out[i + 1], out[i]];
  }
  if (rng.chance(strength / 2)) out = [...out, rng.pick(['Merci de votre confiance.', 'À bientôt !', 'Au plaisir.'])];
  return out;
}

/** A title typed again: reordered, re-cased or shortened. */
export function rewordTitle(title: string, rng: Rng): string {
  const how = rng.int(0, 3);
  if (how === 0) return title.toUpperCase();
  if (how === 1) return title.replace(/ à [A-ZÉ][\w-]+$/u, '').replace(/,.*$/, '');
  if (how === 2) return `${title} – ${rng.pick(['devis gratuit', 'disponible', 'tarifs doux', 'secteur'])}`;
  return title.replace(/^(\S+) (\S+)/, '$2 $1');
}

/** The first words of a text, as listings and aggregators cut it. */
export function excerpt(text: string, words: number): string {
  const w = text.split(/\s+/);
  return w.length <= words ? text : `${w.slice(0, words).join(' ')}…`;
}

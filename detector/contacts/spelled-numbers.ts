/**
 * Digits spelled out in French or English ("zéro six trente-neuf quatre-vingt-dix-huit", "oh six three nine") are
 * turned back into digit groups, but only inside runs long enough to be a phone number, so "un plombier" stays text.
 */

const UNITS: Record<string, number> = {
  zero: 0,
  zéro: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  oh: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Record<string, number> = {
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const CONNECTORS = new Set(['et', 'and']);
const MIN_DIGITS = 8;

/** A teen read from position i ("onze", "dix-sept" = dix + sept); returns [value, next] or null. */
function teen(ws: string[], i: number): [number, number] | null {
  const w = ws[i];
  if (w === 'dix' && (ws[i + 1] === 'sept' || ws[i + 1] === 'huit' || ws[i + 1] === 'neuf')) {
    return [10 + UNITS[ws[i + 1]], i + 2];
  }
  return w in TEENS ? [TEENS[w], i + 1] : null;
}

function unit19(ws: string[], i: number): [number, number] | null {
  const w = ws[i];
  return w in UNITS && UNITS[w] > 0 && w !== 'oh' ? [UNITS[w], i + 1] : null;
}

/**
 * Reads the digit groups of a run of number words; null when a word does not fit. `hyphened[i]` tells that word i is
 * joined to the previous one by a hyphen ("vingt-quatre"), which settles "vingt-quatre vingt-huit" (24 28) against
 * "quarante quatre-vingt-seize" (40 96).
 */
function toDigitGroups(ws: string[], hyphened: boolean[]): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < ws.length) {
    const w = ws[i];
    if (/^\d+$/.test(w)) {
      out.push(w);
      i++;
      continue;
    }
    if (CONNECTORS.has(w)) return null;
    let base = -1;
    let j = i + 1;
    if (w === 'quatre' && (ws[i + 1] === 'vingt' || ws[i + 1] === 'vingts')) {
      base = 80;
      j = i + 2;
    } else if (w in TENS) base = TENS[w];
    if (base >= 0) {
      if (CONNECTORS.has(ws[j])) j++;
      const t = base === 60 || base === 80 ? teen(ws, j) : null;
      // "quarante quatre-vingt-seize" is 40 96, not 44 20 16: "quatre" before "vingt" starts the next group unless a
      // hyphen ties it to the tens before it.
      const startsEighty = ws[j] === 'quatre' && !hyphened[j] && (ws[j + 1] === 'vingt' || ws[j + 1] === 'vingts');
      const u = t || startsEighty ? null : unit19(ws, j);
      if (t) {
        out.push(String(base + t[0]));
        i = t[1];
      } else if (u) {
        out.push(String(base + u[0]));
        i = u[1];
      } else {
        out.push(String(base));
        i = j;
      }
      continue;
    }
    const t = teen(ws, i);
    if (t) {
      out.push(String(t[0]));
      i = t[1];
      continue;
    }
    if (w in UNITS) {
      out.push(String(UNITS[w]));
      i++;
      continue;
    }
    return null;
  }
  return out;
}

const WORDS = [...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS)].sort((a, b) => b.length - a.length);
const NUMBER = `(?:${WORDS.join('|')}|\\d{1,4})`;
/** Candidate runs: three or more number words or digit groups, joined by separators (and "et"/"and"). */
const RUN = new RegExp(
  `(?<![\\p{L}\\d])${NUMBER}(?:[\\s\\-.,/]+(?:(?:et|and)[\\s\\-]+)?${NUMBER}){2,}(?![\\p{L}\\d])`,
  'giu',
);
const TOKEN = /[\p{L}\d]+/gu;
/** Pre-check: a spelled phone has at least one number word other than the articles "un"/"une" and "oh". */
const HAS_NUMBER_WORD = new RegExp(
  `(?<![\\p{L}])(?:${WORDS.filter((w) => !['un', 'une', 'oh'].includes(w)).join('|')})(?![\\p{L}])`,
  'iu',
);

/** Replaces spelled-out phone numbers by their digits (groups separated by spaces). */
export function replaceSpelledNumbers(text: string): string {
  if (!HAS_NUMBER_WORD.test(text)) return text;
  return text.replace(RUN, (run) => {
    const ws: string[] = [];
    const hyphened: boolean[] = [];
    let end = 0;
    for (const m of run.matchAll(TOKEN)) {
      ws.push(m[0].toLowerCase());
      hyphened.push(run.slice(end, m.index) === '-');
      end = m.index + m[0].length;
    }
    const words = ws.filter((w) => !/^\d+$/.test(w) && !CONNECTORS.has(w)).length;
    if (words === 0) return run;
    const groups = toDigitGroups(ws, hyphened);
    if (!groups) return run;
    return groups.join('').length >= MIN_DIGITS ? groups.join(' ') : run;
  });
}

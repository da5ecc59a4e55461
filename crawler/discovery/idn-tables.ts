/**
 * Which letters each registry accepts in a name, so that IDN lookalikes are only names that can exist. A
 * homoglyph the registry refuses costs a DNS query for nothing (the `.fr` registry takes no Cyrillic letter).
 *
 * Tables, from the registries' published IDN policies (IANA's repository of IDN tables):
 * - AFNIC (.fr .re .pm .yt .wf .tf), since 3 May 2012: the 30 letters ß à á â ã ä å æ ç è é ê ë ì í î ï ñ ò ó
 *   ô õ ö ù ú û ü ý ÿ œ, besides a–z, 0–9 and the hyphen.
 * - DNS Belgium (.be), SWITCH (.ch .li), .lu, .ca: the French-language Latin-1 letters (as AFNIC, with ø).
 * - DENIC (.de), EURid (.eu), NASK (.pl), .info, Verisign (.com .net), PIR (.org) and most new gTLDs: Latin with
 *   Latin Extended-A; EURid, Verisign and PIR also take Greek and Cyrillic labels, but one script per label: a
 *   Cyrillic letter among Latin ones is refused, a whole label in Cyrillic is accepted.
 * - .uk, .nl, .cz, .sk, .ad, .us: no IDN at all; .gov .mil .edu .int: no public registration; .рф .рус .укр: Cyrillic names only.
 * Unknown suffixes get the cautious answer: the French Latin-1 letters only, no other script.
 */

/** Lookalike letters for an ASCII letter, most convincing first (Latin letters with a diacritic). */
const LATIN_CONFUSABLES: Readonly<Record<string, string>> = {
  a: 'àáâäãåāăą',
  c: 'çćčĉċ',
  d: 'ďđ',
  e: 'éèêëēĕėęě',
  g: 'ğĝġģ',
  h: 'ĥħ',
  i: 'íîïìĩīĭįı',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺļľł',
  n: 'ñńņň',
  o: 'óôöòõøōŏő',
  r: 'ŕŗř',
  s: 'śŝşš',
  t: 'ţťŧ',
  u: 'úûüùũūŭůűų',
  w: 'ŵ',
  y: 'ýÿŷ',
  z: 'źżž',
};

/** Two ASCII letters one ligature can stand for (maison-oeuvre → maison-œuvre). */
export const LIGATURES: Readonly<Record<string, string>> = { ae: 'æ', oe: 'œ', ss: 'ß' };

/** Cyrillic letters that render like a Latin one: used only for whole labels, where a registry takes them. */
const CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  h: 'һ',
  i: 'і',
  j: 'ј',
  k: 'к',
  o: 'о',
  p: 'р',
  s: 'ѕ',
  x: 'х',
  y: 'у',
};

const AFNIC = 'ßàáâãäåæçèéêëìíîïñòóôõöùúûüýÿœ';
const FRENCH_LATIN1 = `${AFNIC}ø`;
const LATIN_EXTENDED = `${FRENCH_LATIN1}āăąćčĉċďđēĕėęěğĝġģĥħĩīĭįıĵķĺļľłńņňōŏőŕŗřśŝşšţťŧũūŭůűųŵŷźżž`;

export interface IdnPolicy {
  /** Who publishes the table, for the reason shown to the analyst. */
  registry: string;
  /** Letters accepted besides a–z, 0–9 and the hyphen; empty when the registry takes no IDN. */
  letters: string;
  /** Whether a whole label in Cyrillic is accepted (one script per label). */
  cyrillicLabels: boolean;
  /** False where the registry takes no Latin name (.рф, .рус, .укр) or no public registration (.gov, .mil…). */
  latin?: false;
}

const POLICIES: ReadonlyArray<readonly [readonly string[], IdnPolicy]> = [
  [['fr', 're', 'pm', 'yt', 'wf', 'tf'], { registry: 'AFNIC', letters: AFNIC, cyrillicLabels: false }],
  [['be', 'ch', 'li', 'lu', 'ca'], { registry: 'its registry', letters: FRENCH_LATIN1, cyrillicLabels: false }],
  [
    ['uk', 'co.uk', 'org.uk', 'me.uk', 'nl', 'cz', 'sk', 'ad', 'us'],
    { registry: 'its registry', letters: '', cyrillicLabels: false },
  ],
  [['com', 'net', 'org', 'eu', 'info'], { registry: 'its registry', letters: LATIN_EXTENDED, cyrillicLabels: true }],
  [
    ['de', 'pl', 'at', 'es', 'it', 'pt', 'dk', 'se', 'no', 'fi'],
    { registry: 'its registry', letters: LATIN_EXTENDED, cyrillicLabels: false },
  ],
];

const CYRILLIC_ONLY: IdnPolicy = { registry: 'its registry', letters: '', cyrillicLabels: true, latin: false };
const RESTRICTED: IdnPolicy = {
  registry: 'restricted to public bodies',
  letters: '',
  cyrillicLabels: false,
  latin: false,
};

const BY_SUFFIX = new Map<string, IdnPolicy>([
  ...['xn--p1ai', 'xn--p1acf', 'xn--j1amh', 'рф', 'рус', 'укр'].map((s) => [s, CYRILLIC_ONLY] as const),
  ...['gov', 'mil', 'edu', 'int'].map((s) => [s, RESTRICTED] as const),
]);
for (const [suffixes, policy] of POLICIES) for (const s of suffixes) BY_SUFFIX.set(s, policy);

const CAUTIOUS: IdnPolicy = { registry: 'no published table known here', letters: AFNIC, cyrillicLabels: false };

export function idnPolicy(suffix: string): IdnPolicy {
  return BY_SUFFIX.get(suffix) ?? CAUTIOUS;
}

/** Every IDN letter, in any registry's table, that looks like `letter` (the broadest set, filtered per TLD later). */
export function confusablesOf(letter: string): string[] {
  return [...(LATIN_CONFUSABLES[letter] ?? '')];
}

/** The label written wholly in Cyrillic lookalikes, or null when a letter has none. */
export function cyrillicLabel(label: string): string | null {
  let out = '';
  let letters = 0;
  for (const c of label) {
    if (c === '-' || (c >= '0' && c <= '9')) {
      out += c;
      continue;
    }
    const cyr = CYRILLIC[c];
    if (cyr === undefined) return null;
    out += cyr;
    letters++;
  }
  return letters > 0 ? out : null;
}

/** True when every character of the label is one the registry of `suffix` accepts. */
export function registryAccepts(label: string, suffix: string): boolean {
  const { letters, cyrillicLabels, latin } = idnPolicy(suffix);
  const cyr = Object.values(CYRILLIC);
  const chars = [...label];
  if (cyrillicLabels && chars.some((c) => cyr.includes(c))) {
    return chars.every((c) => cyr.includes(c) || c === '-' || (c >= '0' && c <= '9'));
  }
  if (latin === false) return false;
  return chars.every((c) => /[a-z0-9-]/.test(c) || letters.includes(c));
}

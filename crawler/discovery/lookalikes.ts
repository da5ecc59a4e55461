/**
 * Lookalike names for a seed domain, ranked by how plausible each is as the name an operator re-opens under.
 * Every fuzzer (fuzzers.ts, fuzzers-words.ts) proposes names on the seed's own suffix; each name is then tried on
 * every TLD of the list, and a name on a TLD scores the edit's prior times the TLD's (plausibility.ts,
 * tld-priors.ts). Under `maxPerSeed` the best-scored names are kept across families and TLDs, so site2.com and
 * nouveau-site.xyz are not cut because typos of site.fr came first. IDN names are kept only on TLDs whose
 * registry accepts their letters (idn-tables.ts). The order is fixed (no randomness, no clock): the same seed
 * always yields the same list, each name with its score and the reason in words.
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import {
  adjacentKeyFuzz,
  affixFuzz,
  type FuzzerName,
  type FuzzInput,
  homoglyphFuzz,
  hyphenationFuzz,
  idnFuzz,
  numberFuzz,
  omissionFuzz,
  repetitionFuzz,
  subdomainFuzz,
  transpositionFuzz,
  vowelSwapFuzz,
} from './fuzzers.ts';
import {
  additionFuzz,
  dictionaryFuzz,
  innerNumberFuzz,
  insertionFuzz,
  pluralFuzz,
  TRADE_WORDS,
  tldJoinedFuzz,
  type WordEdit,
} from './fuzzers-words.ts';
import { isValidHostname, normalizeHostname, registrableDomain } from './hostname.ts';
import { registryAccepts } from './idn-tables.ts';
import { FAMILY_PRIORS, type FamilyPrior, INNER_PLURAL, plausibility, rankFactor } from './plausibility.ts';
import { RANKED_TLDS, type TldPrior, tldPrior } from './tld-priors.ts';

export interface Lookalike {
  /** Lowercase ASCII hostname (IDN stored as punycode). */
  domain: string;
  /** The fuzzer that produced it; `<fuzzer>+tld-swap` when combined with another public suffix. */
  fuzzer: FuzzerName | `${FuzzerName}+tld-swap`;
  /** Plausibility in [0, 1]: the edit's prior times the TLD's. */
  score: number;
  /** Why the name was checked, in words ("a restart number added on .com, the most registered TLD (0.90 × 0.90 = 0.81)"). */
  reason: string;
}

export interface LookalikeOptions {
  /** Public suffixes to try the names on (fr, com, co.uk…); the seed's own is always tried. Default: RANKED_TLDS. */
  tlds?: readonly string[];
  /** Words added before or after the name (new, nouveau, officiel, bis…). */
  affixes: readonly string[];
  /** Words of the trade used as affixes and in place of a part. Default: TRADE_WORDS. */
  words?: readonly string[];
  /** At most this many lookalikes per seed, the most plausible kept. */
  maxPerSeed: number;
}

/** The TLDs lookalikes are tried on by default: every TLD of tld-priors.ts, most plausible first. */
export const DEFAULT_LOOKALIKE_TLDS: readonly string[] = RANKED_TLDS;
export const DEFAULT_AFFIXES = ['new', 'nouveau', 'officiel', 'bis', 'vip', 'plus', 'fr', 'site', 'pro', 'top'];

export class InvalidSeedDomainError extends Error {
  constructor(reason: string) {
    super(`Cannot generate lookalikes: ${reason}`);
    this.name = 'InvalidSeedDomainError';
  }
}

interface NameOption {
  /** The Unicode name without the suffix (may hold a subdomain: www2.site). */
  label: string;
  family: FuzzerName;
  edit: FamilyPrior;
  /** The edit's prior after its rank in the family. */
  ranked: number;
}

function cleanList(values: readonly string[]): string[] {
  return [
    ...new Set(
      values
        .map((v) =>
          v
            .trim()
            .toLowerCase()
            .replace(/^\.+|\.+$/g, ''),
        )
        .filter((v) => v !== ''),
    ),
  ];
}

/** Every fuzzer's names on the seed's own suffix, ranked within their family, best option per name kept. */
function nameOptions(input: FuzzInput, affixes: string[], words: string[]): NameOption[] {
  const plain = (family: FuzzerName, hosts: string[]) => ({
    family,
    edits: hosts.map((host): WordEdit => ({ host, detail: '' })),
  });
  const families: { family: FuzzerName; edits: WordEdit[] }[] = [
    plain('tld-swap', [`${input.name}.${input.suffix}`]),
    plain('number', numberFuzz(input)),
    plain('affix', affixFuzz(input, affixes)),
    { family: 'plural', edits: pluralFuzz(input) },
    { family: 'dictionary', edits: dictionaryFuzz(input, words) },
    { family: 'inner-number', edits: innerNumberFuzz(input) },
    plain('hyphenation', hyphenationFuzz(input)),
    { family: 'tld-joined', edits: tldJoinedFuzz(input) },
    plain('subdomain', subdomainFuzz(input)),
    { family: 'addition', edits: additionFuzz(input) },
    plain('omission', omissionFuzz(input)),
    plain('repetition', repetitionFuzz(input)),
    plain('transposition', transpositionFuzz(input)),
    plain('vowel-swap', vowelSwapFuzz(input)),
    plain('homoglyph', homoglyphFuzz(input)),
    plain('idn', idnFuzz(input)),
    plain('adjacent-key', adjacentKeyFuzz(input)),
    { family: 'insertion', edits: insertionFuzz(input) },
  ];
  const tail = `.${input.suffix}`;
  const options: NameOption[] = [];
  for (const { family, edits } of families) {
    edits.forEach(({ host, detail }, i) => {
      const edit = family === 'plural' && detail === 'inner' ? INNER_PLURAL : FAMILY_PRIORS[family];
      if (!host.endsWith(tail)) return;
      options.push({
        label: host.slice(0, -tail.length),
        family,
        edit,
        ranked: edit.prior * rankFactor(i),
      });
    });
  }
  options.sort((a, b) => b.ranked - a.ranked);
  const best = new Map<string, NameOption>();
  for (const o of options) if (!best.has(o.label)) best.set(o.label, o);
  return [...best.values()];
}

/**
 * Visits the (name, TLD) pairs in decreasing score (both lists sorted best first, the score their product): from
 * (i, 0) come (i + 1, 0) and (i, 1), from (i, j > 0) only (i, j + 1), so every pair is reached once.
 */
function* byScore(names: NameOption[], tlds: TldPrior[]): Generator<[NameOption, TldPrior, number]> {
  const heap: [number, number, number][] = [];
  const better = (a: [number, number, number], b: [number, number, number]) =>
    a[0] > b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
  const push = (i: number, j: number) => {
    if (i >= names.length || j >= tlds.length) return;
    heap.push([names[i].ranked * tlds[j].prior, i, j]);
    for (let k = heap.length - 1; k > 0; ) {
      const p = (k - 1) >> 1;
      if (!better(heap[k], heap[p])) break;
      [heap[k], heap[p]] = [heap[p], heap[k]];
      k = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let k = 0; ; ) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < heap.length && better(heap[l], heap[m])) m = l;
        if (r < heap.length && better(heap[r], heap[m])) m = r;
        if (m === k) break;
        [heap[k], heap[m]] = [heap[m], heap[k]];
        k = m;
      }
    }
    return top;
  };
  push(0, 0);
  while (heap.length > 0) {
    const [score, i, j] = pop();
    yield [names[i], tlds[j], score];
    if (j === 0) push(i + 1, 0);
    push(i, j + 1);
  }
}

export function generateLookalikes(seedDomain: string, options: LookalikeOptions): Lookalike[] {
  const seed = normalizeHostname(seedDomain);
  if (!seed.ok) throw new InvalidSeedDomainError(seed.reason);
  const parsed = parse(seed.hostname);
  if (!parsed.domainWithoutSuffix || !parsed.publicSuffix) {
    throw new InvalidSeedDomainError(`"${seedDomain}" has no registrable domain`);
  }
  const input: FuzzInput = { name: domainToUnicode(parsed.domainWithoutSuffix), suffix: parsed.publicSuffix };
  const max = Math.max(0, Math.floor(options.maxPerSeed));
  if (max === 0) return [];
  const names = nameOptions(input, cleanList(options.affixes), cleanList(options.words ?? TRADE_WORDS));
  const tlds = [input.suffix, ...cleanList(options.tlds ?? DEFAULT_LOOKALIKE_TLDS).filter((t) => t !== input.suffix)]
    .map((t) => tldPrior(t, input.suffix))
    .sort((a, b) => b.prior - a.prior);

  const excluded = new Set([seed.hostname, registrableDomain(seed.hostname)]);
  const seen = new Set<string>();
  const out: Lookalike[] = [];
  // A name's ASCII form and validity do not depend on the TLD: computed once per name, not once per pair.
  const ascii = new Map<NameOption, string | null>();
  const asciiOf = (name: NameOption) => {
    if (!ascii.has(name)) {
      const label = domainToASCII(`${name.label}.${input.suffix}`).slice(0, -input.suffix.length - 1);
      ascii.set(name, label !== '' && isValidHostname(`${label}.${input.suffix}`) ? label : null);
    }
    return ascii.get(name) ?? null;
  };
  for (const [name, tld] of byScore(names, tlds)) {
    if (out.length >= max) break;
    const label = asciiOf(name);
    if (label === null) continue;
    if (label.includes('xn--') && !name.label.split('.').every((part) => registryAccepts(part, tld.tld))) continue;
    const domain = `${label}.${tld.tld}`;
    if (domain.length > 253 || seen.has(domain) || excluded.has(domain)) continue;
    seen.add(domain);
    const own = tld.tld === input.suffix;
    const fuzzer = own || name.family === 'tld-swap' ? name.family : (`${name.family}+tld-swap` as const);
    out.push({ domain, fuzzer, ...plausibility(name.edit, name.ranked, tld, input.suffix) });
  }
  return out;
}

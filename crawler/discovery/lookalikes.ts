/**
 * Lookalike names for a seed domain, in the spirit of dnstwist but ordered for resurgence: a seized
 * site comes back as site2.fr, site-bis.fr, nouveau-site.fr or site.com far more often than as a
 * typo. The order is fixed (no randomness, no clock) so the same seed always yields the same list:
 * first the resurgence fuzzers on the seed's own suffix (TLD swap, numbers, affixes, hyphens,
 * subdomains), taken in turn; then typo fuzzers interleaved with the resurgence fuzzers on the other
 * TLDs (site2.com), so a cap keeps a mix of both rather than only one kind.
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
  numberFuzz,
  omissionFuzz,
  repetitionFuzz,
  subdomainFuzz,
  tldSwap,
  transpositionFuzz,
  vowelSwapFuzz,
} from './fuzzers.ts';
import { isValidHostname, normalizeHostname, registrableDomain } from './hostname.ts';

export interface Lookalike {
  /** Lowercase ASCII hostname (IDN stored as punycode). */
  domain: string;
  /** The fuzzer that produced it; `<fuzzer>+tld-swap` when combined with another public suffix. */
  fuzzer: FuzzerName | `${FuzzerName}+tld-swap`;
}

export interface LookalikeOptions {
  /** Public suffixes to swap in (fr, com, co.uk…); the seed's own suffix is skipped. */
  tlds: readonly string[];
  /** Words added before or after the name (new, nouveau, officiel, bis…). */
  affixes: readonly string[];
  /** At most this many lookalikes per seed, the most resurgence-likely kept. */
  maxPerSeed: number;
}

/** The same defaults as the config's `discovery` section (config/schema.ts), for callers without a config. */
export const DEFAULT_LOOKALIKE_TLDS = [
  'fr',
  'com',
  'net',
  'org',
  'eu',
  'info',
  'co',
  'io',
  'be',
  'ch',
  'xyz',
  'online',
  'site',
  'top',
];
export const DEFAULT_AFFIXES = ['new', 'nouveau', 'officiel', 'bis', 'vip', 'plus', 'fr', 'site', 'pro', 'top'];

export class InvalidSeedDomainError extends Error {
  constructor(reason: string) {
    super(`Cannot generate lookalikes: ${reason}`);
    this.name = 'InvalidSeedDomainError';
  }
}

type Source = { fuzzer: Lookalike['fuzzer']; names: string[] };

/** Takes one name from each source in turn, so a small cap still samples every fuzzer. */
function roundRobin(sources: Source[]): Lookalike[] {
  const out: Lookalike[] = [];
  const longest = Math.max(0, ...sources.map((s) => s.names.length));
  for (let i = 0; i < longest; i++) {
    for (const source of sources) {
      if (i < source.names.length) out.push({ domain: source.names[i], fuzzer: source.fuzzer });
    }
  }
  return out;
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

export function generateLookalikes(seedDomain: string, options: LookalikeOptions): Lookalike[] {
  const seed = normalizeHostname(seedDomain);
  if (!seed.ok) throw new InvalidSeedDomainError(seed.reason);
  const parsed = parse(seed.hostname);
  if (!parsed.domainWithoutSuffix || !parsed.publicSuffix) {
    throw new InvalidSeedDomainError(`"${seedDomain}" has no registrable domain`);
  }
  const input: FuzzInput = { name: domainToUnicode(parsed.domainWithoutSuffix), suffix: parsed.publicSuffix };
  const tlds = cleanList(options.tlds);
  const affixes = cleanList(options.affixes);

  const resurgence: Source[] = [
    { fuzzer: 'tld-swap', names: tldSwap(input, tlds) },
    { fuzzer: 'number', names: numberFuzz(input) },
    { fuzzer: 'affix', names: affixFuzz(input, affixes) },
    { fuzzer: 'hyphenation', names: hyphenationFuzz(input) },
    { fuzzer: 'subdomain', names: subdomainFuzz(input) },
  ];
  const typos: Source[] = [
    { fuzzer: 'omission', names: omissionFuzz(input) },
    { fuzzer: 'transposition', names: transpositionFuzz(input) },
    { fuzzer: 'repetition', names: repetitionFuzz(input) },
    { fuzzer: 'vowel-swap', names: vowelSwapFuzz(input) },
    { fuzzer: 'homoglyph', names: homoglyphFuzz(input) },
    { fuzzer: 'adjacent-key', names: adjacentKeyFuzz(input) },
  ];
  const otherTlds = tlds.filter((t) => t !== input.suffix);
  const combined: Source[] = (['number', 'affix', 'hyphenation'] as const).map((fuzzer) => {
    const own = resurgence.find((s) => s.fuzzer === fuzzer)!.names;
    const suffixLength = input.suffix.length + 1;
    return {
      fuzzer: `${fuzzer}+tld-swap` as const,
      names: otherTlds.flatMap((tld) => own.map((name) => `${name.slice(0, -suffixLength)}.${tld}`)),
    };
  });

  const excluded = new Set([seed.hostname, registrableDomain(seed.hostname)]);
  const seen = new Set<string>();
  const out: Lookalike[] = [];
  const max = Math.max(0, Math.floor(options.maxPerSeed));
  for (const candidate of [...roundRobin(resurgence), ...roundRobin([...typos, ...combined])]) {
    if (out.length >= max) break;
    const domain = domainToASCII(candidate.domain);
    if (domain === '' || seen.has(domain) || excluded.has(domain) || !isValidHostname(domain)) continue;
    seen.add(domain);
    out.push({ domain, fuzzer: candidate.fuzzer });
  }
  return out;
}

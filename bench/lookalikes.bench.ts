/**
 * `npm run bench:lookalikes`: which of dnstwist's names Phénix also generates, family by family, and where they
 * rank. For ten neutral seed names shaped like the trade's (.fr, .com, .net; hyphenated, plain, with a number),
 * it takes dnstwist's fuzzers (bench/lib/dnstwist-model.ts) with its common-TLD list and French dictionary
 * (bench/data/), and Phénix's full ranked list (no cap) and its default cap (500). Per family it prints the share
 * of dnstwist's names Phénix generates, the share within the cap, the best rank; dnstwist names no registry
 * accepts (a Cyrillic letter in a .fr name…) are counted apart. Exits non-zero when a plausible family falls under
 * 90 % coverage or is absent, or when the cap holds fewer than six families.
 * Nothing here was fitted: the priors of plausibility.ts and tld-priors.ts are judgement, written before this ran.
 */
import { readFileSync } from 'node:fs';
import { domainToUnicode } from 'node:url';
import { TRADE_WORDS } from '../crawler/discovery/fuzzers-words.ts';
import { registryAccepts } from '../crawler/discovery/idn-tables.ts';
import { DEFAULT_AFFIXES, generateLookalikes, type Lookalike } from '../crawler/discovery/index.ts';
import { type DnstwistFamily, dnstwistNames } from './lib/dnstwist-model.ts';
import { printTable } from './lib/table.ts';

const list = (file: string) =>
  readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const TLDS = list('dnstwist-common-tlds.txt');
const FRENCH = list('dnstwist-french-dict.txt');
const SEEDS = [
  'annonces-maison.fr',
  'wbricolage.fr',
  'petitesannonces-jardin.fr',
  'menage-express.com',
  'annuaire-artisans.net',
  'plombier-annonce.fr',
  'vivaservices.com',
  'depannage-pro.net',
  'jardinage2.fr',
  'services-voisins.com',
];
const CAP = 500;

/** Operators pick these; bit flips and dots inside the name (a subdomain of another domain) they do not. */
const PLAUSIBLE: DnstwistFamily[] = [
  'addition',
  'cyrillic',
  'dictionary',
  'homoglyph',
  'hyphenation',
  'insertion',
  'omission',
  'plural',
  'repetition',
  'replacement',
  'tld-swap',
  'transposition',
  'various',
  'vowel-swap',
];

interface Tally {
  names: number;
  impossible: number;
  covered: number;
  inCap: number;
  bestRank: number;
}
const tally = new Map<string, Tally>();
const bump = (key: string, f: (t: Tally) => void) => {
  const t = tally.get(key) ?? { names: 0, impossible: 0, covered: 0, inCap: 0, bestRank: Number.POSITIVE_INFINITY };
  f(t);
  tally.set(key, t);
};
const capFamilies = new Set<string>();
const missingTlds = new Set<string>();
let msAll = 0;
let msCap = 0;
let totalAll = 0;

const possible = (host: string) => {
  const [label, ...rest] = domainToUnicode(host).split('.');
  return registryAccepts(label, rest.join('.'));
};

for (const seed of SEEDS) {
  const [name, ...rest] = seed.split('.');
  const tld = rest.join('.');
  let t0 = performance.now();
  const all: Lookalike[] = generateLookalikes(seed, { affixes: DEFAULT_AFFIXES, maxPerSeed: 10_000_000 });
  msAll += performance.now() - t0;
  t0 = performance.now();
  const capped = generateLookalikes(seed, { affixes: DEFAULT_AFFIXES, maxPerSeed: CAP });
  msCap += performance.now() - t0;
  totalAll += all.length;
  for (const l of capped) capFamilies.add(l.fuzzer.replace('+tld-swap', ''));
  const rank = new Map(all.map((l, i) => [l.domain, i]));
  const reference = [
    ...dnstwistNames(name, tld, { dictionary: FRENCH, tlds: TLDS }),
    [
      'dictionary (trade words)' as const,
      dnstwistNames(name, tld, { dictionary: TRADE_WORDS, tlds: [] }).get('dictionary')!,
    ] as const,
  ];
  for (const [family, names] of reference) {
    for (const host of names) {
      const r = rank.get(host);
      bump(family, (t) => {
        t.names++;
        if (!possible(host)) t.impossible++;
        else if (r !== undefined) {
          t.covered++;
          if (r < CAP) t.inCap++;
          t.bestRank = Math.min(t.bestRank, r);
        } else if (family === 'tld-swap') missingTlds.add(host.slice(name.length + 1));
      });
    }
  }
}

const rows: string[][] = [];
const failures: string[] = [];
for (const [family, t] of [...tally].sort()) {
  const possibleNames = t.names - t.impossible;
  const share = possibleNames > 0 ? t.covered / possibleNames : 1;
  const plausible = PLAUSIBLE.includes(family as DnstwistFamily) || family === 'dictionary (trade words)';
  const judged = plausible && family !== 'dictionary';
  rows.push([
    family,
    judged ? 'yes' : plausible ? 'words differ' : 'no',
    String(t.names),
    String(t.impossible),
    `${(share * 100).toFixed(1)} %`,
    `${((t.inCap / Math.max(1, possibleNames)) * 100).toFixed(1)} %`,
    Number.isFinite(t.bestRank) ? String(t.bestRank + 1) : '—',
  ]);
  if (judged && share < 0.9) failures.push(`${family}: ${(share * 100).toFixed(1)} % of dnstwist's names (goal 90 %)`);
  if (judged && t.covered === 0) failures.push(`${family}: absent`);
}
console.log(`Seeds: ${SEEDS.join(', ')}`);
console.log(
  `dnstwist model: its fuzzers, ${TLDS.length} common TLDs, French dictionary (${FRENCH.length} words); one homoglyph swap.`,
);
printTable(
  ['family (dnstwist)', 'plausible', 'names', 'no registry takes', 'Phénix generates', `in top ${CAP}`, 'best rank'],
  rows,
);
console.log(
  `\nPhénix: ${(totalAll / SEEDS.length).toFixed(0)} names per seed uncapped in ${(msAll / SEEDS.length).toFixed(0)} ms; ` +
    `top ${CAP} in ${(msCap / SEEDS.length).toFixed(1)} ms per seed. Families in the top ${CAP}: ${[...capFamilies].sort().join(', ')}.`,
);
console.log(`dnstwist TLDs Phénix does not try (${missingTlds.size}): ${[...missingTlds].sort().join(' ')}`);
if (capFamilies.size < 6) failures.push(`only ${capFamilies.size} families in the top ${CAP}`);
if (failures.length > 0) {
  console.log(`\nGOAL MISSED:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else
  console.log('\nGoals met: every plausible family ≥ 90 % covered and ranked, six or more families under the cap.');

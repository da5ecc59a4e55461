/**
 * Whole boards of world 10: the references (each its own operator, region and script install) and the independent
 * boards decoys are built on (a competitor, another operator's install). Domains are claimed here so that no two
 * sites of a seed share one; every domain ends in .test or .example.
 */
import {
  addDays,
  type Board,
  customWelcome,
  DEFAULT_WELCOME,
  freshAds,
  makeOperator,
  makeTrackers,
  numberAds,
  pickTrades,
  type ScriptKey,
  scriptSettings,
} from './board.ts';
import { brandName, companyName, type Region, slugify } from './lexicon.ts';
import type { TradeKey } from './lexicon-trades.ts';
import type { PhoneBook } from './phones.ts';
import type { Rng } from './rng.ts';

/** The domains of a seed, each claimed once. */
export class Domains {
  private readonly taken = new Set<string>();

  claim(base: string, tld: '.test' | '.example'): string {
    const full = slugify(base);
    const cut = full.length > 40 ? full.slice(0, full.lastIndexOf('-', 40)) : full;
    const stem = cut || 'site';
    for (let k = 1; ; k++) {
      const d = `${k === 1 ? stem : `${stem}-${k}`}${tld}`;
      if (!this.taken.has(d)) {
        this.taken.add(d);
        return d;
      }
    }
  }
}

export interface BoardOptions {
  key: string;
  region: Region;
  script: ScriptKey;
  advertisers: number;
  ads: number;
  asOf: string;
  trades?: TradeKey[];
  /** Share of installs that keep the script's default welcome text. */
  defaultWelcome?: number;
}

/** A board that owes nothing to any other: its own operator, advertisers, ads and install. */
export function makeBoard(rng: Rng, book: PhoneBook, domains: Domains, o: BoardOptions): Board {
  const trades = o.trades ?? pickTrades(rng.fork('trades'));
  const brand = brandName(rng.fork('brand'), o.region);
  const operator = makeOperator(rng.fork('operator'), o.region, book, companyName(rng.fork('company')));
  const fresh = freshAds(
    rng.fork('ads'),
    o.key,
    o.region,
    trades,
    o.advertisers,
    Math.max(o.ads, o.advertisers),
    book,
    addDays(o.asOf, -330),
    addDays(o.asOf, -1),
  );
  const welcome = rng.chance(o.defaultWelcome ?? 0.3)
    ? DEFAULT_WELCOME[o.script]
    : customWelcome(rng.fork('welcome'), brand, o.region);
  return {
    key: o.key,
    region: o.region,
    brand,
    domain: domains.claim(brand, rng.chance(0.5) ? '.test' : '.example'),
    script: o.script,
    operator,
    trackers: makeTrackers(rng.fork('trackers')),
    categories: trades,
    ads: numberAds(rng.fork('ids'), fresh.ads),
    settings: scriptSettings(rng.fork('settings'), o.script, welcome),
    asOf: o.asOf,
  };
}

/** A reference board: 10–20 advertisers, 20–45 ads, taken down on a day of 2024. */
export function makeReference(
  rng: Rng,
  book: PhoneBook,
  domains: Domains,
  key: string,
  region: Region,
  script: ScriptKey,
): Board {
  const advertisers = rng.int(10, 20);
  return makeBoard(rng, book, domains, {
    key,
    region,
    script,
    advertisers,
    ads: rng.int(Math.max(20, advertisers + 4), 45),
    asOf: addDays('2024-01-15', rng.int(0, 300)),
  });
}

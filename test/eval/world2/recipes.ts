/**
 * How operators restart a closed site (clone recipes) and what innocent sites near it look like (hard negatives).
 * Modelled on observed restarts: the old database plus new ads, a new script with the same data, new numbers for the
 * operator but the same advertisers, partial copies, re-skinned classes, mirrors, lightly edited texts, another
 * pagination without photos. Every clone keeps at least half of the old ads and at least one trace of its operator
 * (own contacts, one pivot, or the same script): a restart that kept none of these would be a new site.
 */
import type { Market } from './market.ts';
import { type Ad, lightlyEdit, type Site } from './model.ts';
import { PHONE_STYLES } from './phones.ts';
import { freshPivots, type Pivots } from './pivots.ts';
import { SCRIPTS } from './scripts/index.ts';
import { ARTICLE_LINES, DIRECTORY_LINES, FORUM_LINES } from './vocab.ts';

export const CLONE_RECIPES = [
  'old-db-plus-new-ads',
  'new-script-same-data',
  'new-operator-numbers',
  'partial-copy',
  'renamed-classes',
  'mirror',
  'light-edit',
  'repaginated-no-photos',
] as const;
export type CloneRecipe = (typeof CLONE_RECIPES)[number];

export const HARD_KINDS = [
  'competitor-same-script',
  'press-article',
  'forum-thread',
  'aggregator',
  'cross-poster',
  'same-script-unrelated',
  'directory-tracker-vendor',
] as const;
export type HardKind = (typeof HARD_KINDS)[number];

/** Keeps a share of the reference's ads (order mostly kept: the operator exports the database). */
function keep(m: Market, ads: Ad[], lo: number, hi: number): Ad[] {
  const share = lo + (hi - lo) * m.rng.next();
  const n = Math.max(1, Math.round(ads.length * share));
  const chosen = new Set(m.rng.sample(ads, n));
  return ads.filter((a) => chosen.has(a));
}

function keepPivots(m: Market, p: Pivots, prob: number): Pivots {
  const fresh = freshPivots(m.rng);
  const out: Pivots = {};
  for (const k of ['ga', 'gtm', 'pixel', 'iban', 'btc'] as const) out[k] = p[k] && m.rng.chance(prob) ? p[k] : fresh[k];
  return out;
}

const sharedPivot = (a: Pivots, b: Pivots) =>
  (['ga', 'gtm', 'pixel', 'iban', 'btc'] as const).some((k) => a[k] && a[k] === b[k]);

function otherScript(m: Market, s: Site['script']): Site['script'] {
  return m.rng.pick(SCRIPTS.filter((x) => x !== s));
}

function base(m: Market, ref: Site, prefix: string): Site {
  const domain = m.domain();
  return {
    ...ref,
    name: m.siteName(prefix),
    domain,
    brand: m.rng.chance(0.3) ? ref.brand : m.brand(),
    ads: [...ref.ads],
    operator: ref.operator ? { ...ref.operator } : null,
    pivots: { ...ref.pivots },
  };
}

function newOperator(m: Market, site: Site): void {
  site.operator = m.operator(site.domain);
}

/** The clone sites one recipe makes from a reference (mirrors make several). */
export function makeClones(m: Market, ref: Site, recipe: CloneRecipe): Site[] {
  const r = m.rng;
  const s = base(m, ref, `clone-${recipe}`);
  switch (recipe) {
    case 'old-db-plus-new-ads': {
      const kept = keep(m, ref.ads, 0.5, 1);
      const fresh = m.freshAds(Math.round(ref.ads.length * (0.1 + 0.5 * r.next())));
      s.ads = [...fresh, ...kept];
      if (r.chance(0.3)) s.script = otherScript(m, ref.script);
      if (r.chance(0.4)) newOperator(m, s);
      s.pivots = keepPivots(m, ref.pivots, 0.6);
      break;
    }
    case 'new-script-same-data':
      s.script = otherScript(m, ref.script);
      s.ads = [...m.freshAds(Math.round(ref.ads.length * 0.2 * r.next())), ...keep(m, ref.ads, 0.7, 1)];
      s.perPage = r.pick([8, 10, 12, 15, 20]);
      s.phoneStyle = r.pick(PHONE_STYLES);
      if (r.chance(0.3)) newOperator(m, s);
      s.pivots = keepPivots(m, ref.pivots, 0.5);
      break;
    case 'new-operator-numbers':
      newOperator(m, s);
      s.ads = [...m.freshAds(Math.round(ref.ads.length * 0.3 * r.next())), ...keep(m, ref.ads, 0.6, 1)];
      s.pivots = keepPivots(m, ref.pivots, 0.5);
      break;
    case 'partial-copy':
      s.ads = keep(m, ref.ads, 0.5, 0.8);
      if (r.chance(0.5)) s.detailPages = false;
      else s.maxListingPages = Math.max(1, Math.ceil(s.ads.length / s.perPage) - 1);
      s.pivots = keepPivots(m, ref.pivots, 0.7);
      break;
    case 'renamed-classes':
      s.renameSalt = r.pick(['sp', 'nx', 'ann', 'v2', 'th', 'pro']) + r.int(1, 9);
      s.reorder = true;
      s.ads = keep(m, ref.ads, 0.8, 1);
      if (r.chance(0.5)) newOperator(m, s);
      s.pivots = keepPivots(m, ref.pivots, 0.6);
      break;
    case 'mirror': {
      const count = 2;
      return Array.from({ length: count }, (_, i) => ({
        ...s,
        name: i === 0 ? s.name : m.siteName('clone-mirror'),
        domain: i === 0 ? s.domain : m.domain(),
      }));
    }
    case 'light-edit':
      s.ads = keep(m, ref.ads, 0.8, 1).map((a) => lightlyEdit(r, a, 0.3 + 0.5 * r.next()));
      if (r.chance(0.5)) s.phoneStyle = r.pick(PHONE_STYLES);
      if (r.chance(0.4)) newOperator(m, s);
      s.pivots = keepPivots(m, ref.pivots, 0.6);
      break;
    case 'repaginated-no-photos':
      s.ads = r.shuffle(keep(m, ref.ads, 0.7, 1));
      s.perPage = r.pick([6, 9, 16, 25, 30].filter((n) => n !== ref.perPage));
      s.photos = false;
      if (r.chance(0.3)) newOperator(m, s);
      s.pivots = keepPivots(m, ref.pivots, 0.6);
      break;
  }
  // A second change on top, as restarts often combine them.
  if (r.chance(0.3)) {
    const extra = r.pick(['edit', 'nophotos', 'repaginate', 'rename'] as const);
    if (extra === 'edit') s.ads = s.ads.map((a) => (ref.ads.includes(a) ? lightlyEdit(r, a, 0.3) : a));
    if (extra === 'nophotos') s.photos = false;
    if (extra === 'repaginate') s.perPage = r.pick([6, 9, 16, 25]);
    if (extra === 'rename' && !s.renameSalt) s.renameSalt = `r${r.int(10, 99)}`;
  }
  // The operator's trace: own contacts, a pivot or the same script.
  const sameOperator = s.operator?.phone === ref.operator?.phone;
  if (!sameOperator && !sharedPivot(s.pivots, ref.pivots) && s.script !== ref.script) {
    const kinds = (['ga', 'gtm', 'pixel', 'iban', 'btc'] as const).filter((k) => ref.pivots[k]);
    if (kinds.length > 0) {
      const k = r.pick(kinds);
      s.pivots[k] = ref.pivots[k];
    } else s.operator = ref.operator ? { ...ref.operator } : s.operator;
  }
  return [s];
}

/** Innocent sites near the reference. `others` are the other reference sites of the world (for aggregators). */
export function makeHard(m: Market, ref: Site, kind: HardKind, others: Site[]): Site {
  const r = m.rng;
  switch (kind) {
    case 'competitor-same-script': {
      const s = m.classified(
        'hard-competitor',
        ref.script,
        r.int(Math.round(ref.ads.length * 0.8), Math.round(ref.ads.length * 1.2)),
      );
      const advertisers = [...new Set(ref.ads.map((a) => a.advertiser))];
      const shared = r.sample(advertisers, Math.round(advertisers.length * (0.2 + 0.3 * r.next())));
      const theirs = shared.flatMap((adv) => {
        const own = ref.ads.filter((a) => a.advertiser === adv);
        // Advertisers paste the same ad on several sites, or write a new one.
        return own.map((a) => (r.chance(0.6) ? a : m.ads([adv], 1)[0]));
      });
      const cap = Math.floor(s.ads.length / 2);
      s.ads = r.shuffle([...theirs.slice(0, cap), ...s.ads.slice(0, s.ads.length - Math.min(cap, theirs.length))]);
      return s;
    }
    case 'press-article':
    case 'forum-thread': {
      const s = m.classified(kind === 'press-article' ? 'hard-press' : 'hard-forum', 'wpadverts', 1);
      s.kind = kind === 'press-article' ? 'press' : 'forum';
      s.ads = r.sample(ref.ads, kind === 'press-article' ? r.int(2, 4) : r.int(1, 2));
      s.prose = r.sample(kind === 'press-article' ? ARTICLE_LINES : FORUM_LINES, r.int(4, 6));
      if (kind === 'forum-thread') s.operator = null;
      return s;
    }
    case 'aggregator': {
      const s = m.classified('hard-aggregator', r.pick(SCRIPTS), 10);
      const sources = r.sample(others, r.int(3, 5));
      const scraped = [
        ...r.sample(ref.ads, Math.round(ref.ads.length * (0.1 + 0.1 * r.next()))),
        ...sources.flatMap((o) => r.sample(o.ads, Math.round(o.ads.length * (0.1 + 0.15 * r.next())))),
      ];
      s.ads = r.shuffle([...scraped, ...s.ads]);
      s.perPage = 20;
      return s;
    }
    case 'cross-poster': {
      const counts = new Map<Site['ads'][number]['advertiser'], number>();
      for (const a of ref.ads) counts.set(a.advertiser, (counts.get(a.advertiser) ?? 0) + 1);
      const adv = [...counts].sort((a, b) => b[1] - a[1])[0][0];
      const s = m.classified('hard-crossposter', r.pick(['wpadverts', 'classified-listing'] as const), 1);
      const copied = ref.ads.filter((a) => a.advertiser === adv).slice(0, 4);
      s.ads = [...copied, ...m.ads([adv], r.int(1, 3))];
      s.operator = { phone: adv.phone, email: adv.email ?? `${adv.id}@courriel.example` };
      s.brand = `${adv.name} – services`;
      return s;
    }
    case 'same-script-unrelated':
      return m.classified('hard-samescript', ref.script);
    case 'directory-tracker-vendor': {
      const s = m.classified('hard-directory', 'wpadverts', r.int(15, 30));
      s.kind = 'directory';
      s.vendorOnly = true;
      s.pivots = { ga: r.chance(0.5) ? freshPivots(r).ga : undefined };
      s.prose = r.sample(DIRECTORY_LINES, 3);
      // A directory lists real tradespeople: one or two of the reference's advertisers, with their own new text.
      const advertisers = r.sample([...new Set(ref.ads.map((a) => a.advertiser))], r.int(0, 2));
      s.ads = [...s.ads, ...m.ads(advertisers.length ? advertisers : [m.advertiser()], advertisers.length)];
      s.perPage = 10;
      return s;
    }
  }
}

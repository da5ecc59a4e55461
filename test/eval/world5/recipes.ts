/**
 * How an operator restarts a site after a takedown (clones, an investigator's "same site again") and what else a
 * monitor meets that shares something with a reference without being it (hard negatives). Each returns the
 * candidate site built from the reference.
 */
import { newTrackers, slug } from './contacts.ts';
import type { Factory, Person } from './factory.ts';
import { TRADES } from './lexicon.ts';
import { AD_SCRIPTS, type Ad, type AdScript, type Site } from './model.ts';

export interface Universe {
  f: Factory;
  /** Advertisers of each region. */
  people: Person[][];
  peopleById: Map<string, Person>;
  refs: Site[];
}

export const CLONE_RECIPES = [
  'dump-restore',
  'script-switch',
  'reworded',
  'child-theme',
  'mirror',
  'gallery-relaunch',
  'english-version',
  'slim-restart',
  'split-by-trade',
] as const;
export const HARD_KINDS = [
  'competitor',
  'same-script-rival',
  'aggregator',
  'press',
  'forum',
  'advertiser-site',
  'directory',
] as const;

const PREFIX: Record<AdScript, [string, string]> = {
  hivepress: ['hp-', 'lh-'],
  directorist: ['directorist-', 'dlist-'],
  geodirectory: ['geodir', 'gdx'],
  classima: ['rtin-', 'cm-'],
};

function keep(u: Universe, ads: Ad[], lo: number, hi: number): Ad[] {
  const share = lo + u.f.dice.next() * (hi - lo);
  return u.f.dice.sample(ads, Math.max(1, Math.round(ads.length * share)));
}

/** New ads from the region's advertisers, as a restarted site collects in its first weeks. */
function fresh(u: Universe, region: number, n: number): Ad[] {
  return Array.from({ length: n }, () => u.f.ad(u.f.dice.pick(u.people[region])));
}

function otherScript(u: Universe, s: Site): AdScript {
  return u.f.dice.pick(AD_SCRIPTS.filter((x) => x !== s.script));
}

function restart(u: Universe, ref: Site, name: string): Site {
  const { brand, domain } = u.f.brand(ref.region);
  return {
    ...ref,
    name,
    domain,
    title: brand,
    operator: u.f.operator(brand, domain),
    trackers: u.f.trackers(),
    logo: u.f.logo(brand),
    look: { ...ref.look },
    photo: { ...ref.photo },
  };
}

export function makeClone(u: Universe, ref: Site, recipe: (typeof CLONE_RECIPES)[number], name: string): Site {
  const d = u.f.dice;
  const c = restart(u, ref, name);
  const op = ref.operator!;
  switch (recipe) {
    case 'dump-restore': {
      // The old database dump and uploads folder on a new host: same rows, same files, new ads on top.
      const kept = keep(u, ref.ads, 0.7, 0.95);
      c.ads = [...kept, ...fresh(u, ref.region, Math.round(kept.length * (0.1 + d.next() * 0.2)))];
      c.logo = ref.logo;
      if (d.chance(0.5)) c.operator!.email = op.email;
      if (ref.trackers.ga && d.chance(0.4)) c.trackers.ga = ref.trackers.ga;
      if (ref.trackers.adsense && d.chance(0.5)) c.trackers.adsense = ref.trackers.adsense;
      break;
    }
    case 'script-switch': {
      // Rows imported into another script, photos uploaded again through its resizer.
      c.script = otherScript(u, ref);
      // Imported rows are dated the day they were imported.
      c.ads = keep(u, ref.ads, 0.55, 0.85).map((a) => ({ ...a, day: 335 + d.int(0, 20) }));
      c.photo = u.f.photoStyle();
      c.look = { ...u.f.look(), lang: ref.look.lang };
      if (d.chance(0.6)) c.operator!.phone = op.phone;
      if (ref.trackers.pixel && d.chance(0.5)) c.trackers.pixel = ref.trackers.pixel;
      break;
    }
    case 'reworded': {
      // The same rows passed through a rewording tool so a search engine does not see duplicates.
      if (d.chance(0.5)) c.script = otherScript(u, ref);
      c.ads = keep(u, ref.ads, 0.6, 0.9).map((a) => ({ ...a, wording: a.wording + d.int(1, 2) }));
      c.photo = { ...u.f.photoStyle(), thumb: ref.photo.thumb };
      if (ref.trackers.gtm && d.chance(0.3)) c.trackers.gtm = ref.trackers.gtm;
      break;
    }
    case 'child-theme': {
      // Same script under a child theme with its own class prefix; numbers hidden behind a button; watermarked photos.
      const kept = keep(u, ref.ads, 0.6, 0.85);
      c.ads = [...kept, ...fresh(u, ref.region, d.int(3, 10))];
      c.look = { ...c.look, classPrefix: PREFIX[ref.script as AdScript], phone: d.pick(['masked', 'split'] as const) };
      c.photo = { ...ref.photo, watermark: true, quality: Math.max(55, ref.photo.quality - 10) };
      c.logo = ref.logo;
      if (ref.trackers.adsense) c.trackers.adsense = ref.trackers.adsense;
      else if (ref.trackers.ga && d.chance(0.5)) c.trackers.ga = ref.trackers.ga;
      break;
    }
    case 'mirror': {
      // A caching proxy in front of a copy of the old site: its pages as they were (operator's footer included),
      // part of them cached, the proxy's own analytics instead of the old ones.
      c.ads = keep(u, ref.ads, 0.5, 0.8);
      c.title = ref.title;
      c.logo = ref.logo;
      c.operator = { ...op };
      c.look = { ...ref.look };
      c.photo = { ...ref.photo };
      c.trackers = newTrackers(d, { ga: 1, gtm: 0, pixel: 0, adsense: 0 });
      c.mirrorOf = { site: ref.name, share: c.ads.length / ref.ads.length };
      break;
    }
    case 'gallery-relaunch': {
      // A photo wall of the old ads with a WhatsApp link for each: the texts dropped, the pictures and numbers kept.
      c.script = 'gallery';
      c.ads = keep(u, ref.ads, 0.5, 0.75);
      c.photo = { ...u.f.photoStyle(), thumb: 320, crop: 0.03 };
      c.operator!.phone = u.f.numbers.take('mobile');
      if (d.chance(0.4)) c.operator!.email = op.email;
      if (ref.trackers.pixel) c.trackers.pixel = ref.trackers.pixel;
      break;
    }
    case 'english-version': {
      // Reopened for an English-speaking audience: the rows machine-translated, the operator's address kept.
      if (d.chance(0.5)) c.script = otherScript(u, ref);
      c.ads = keep(u, ref.ads, 0.55, 0.8);
      c.look = { ...c.look, lang: 'en', phone: 'intl' };
      c.photo = { ...ref.photo, quality: d.int(60, 85) };
      c.operator!.email = op.email;
      break;
    }
    case 'slim-restart': {
      // A quick restart with half the old rows, the old business number, a new look.
      c.ads = [...keep(u, ref.ads, 0.45, 0.55), ...fresh(u, ref.region, d.int(5, 15))];
      c.look = { ...u.f.look(), lang: ref.look.lang };
      c.operator!.phone = op.phone;
      if (ref.trackers.ga && d.chance(0.5)) c.trackers.ga = ref.trackers.ga;
      break;
    }
    case 'split-by-trade': {
      // The board reopened as themed sites by the same company: this one carries the old rows of some trades only
      // (at least half of the rows), under the company's old mailbox and tag container.
      const trades = d.shuffle([...new Set(ref.ads.map((a) => a.trade))]);
      const chosen = new Set<number>();
      let n = 0;
      for (const t of trades) {
        if (n >= ref.ads.length * 0.5) break;
        chosen.add(t);
        n += ref.ads.filter((a) => a.trade === t).length;
      }
      c.ads = ref.ads.filter((a) => chosen.has(a.trade));
      c.title = `${c.title} – ${TRADES[[...chosen][0]].fr}`;
      c.operator!.email = op.email;
      c.operator!.company = op.company;
      if (ref.trackers.gtm) c.trackers.gtm = ref.trackers.gtm;
      break;
    }
  }
  return c;
}

/** A site of its own: new operator, trackers, look and photo style. */
function own(u: Universe, ref: Site, name: string, script: Site['script'], region = ref.region): Site {
  const { brand, domain } = u.f.brand(region);
  return {
    name,
    domain,
    script,
    title: brand,
    region,
    operator: u.f.operator(brand, domain),
    trackers: u.f.trackers(),
    logo: u.f.logo(brand),
    ads: [],
    photo: u.f.photoStyle(),
    look: u.f.look(),
  };
}

/** Ads of other references (for the pages that quote many sites). */
function elsewhere(u: Universe, ref: Site, n: number): { ads: Ad[]; sources: Record<string, string> } {
  const others = u.refs.filter((r) => r !== ref);
  const ads: Ad[] = [];
  const sources: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const r = u.f.dice.pick(others);
    const a = u.f.dice.pick(r.ads);
    if (sources[a.id]) continue;
    ads.push(a);
    sources[a.id] = r.domain;
  }
  return { ads, sources };
}

export function makeHard(u: Universe, ref: Site, kind: (typeof HARD_KINDS)[number], name: string): Site {
  const d = u.f.dice;
  const advertisers = [...new Set(ref.ads.map((a) => a.advertiser.id))].map((id) => u.peopleById.get(id)!);
  switch (kind) {
    case 'competitor': {
      // A rival board of the same region: a third of the reference's advertisers post there too, writing their ads
      // again (often with the same photos), among the rival's own advertisers.
      const s = own(u, ref, name, d.chance(0.5) ? ref.script : d.pick(AD_SCRIPTS));
      const shared = d.sample(advertisers, Math.round(advertisers.length * (0.25 + d.next() * 0.15)));
      const reposts = shared.flatMap((p) => ref.ads.filter((a) => a.advertiser.id === p.id).map((a) => u.f.ad(p, a)));
      s.ads = [...reposts, ...fresh(u, ref.region, Math.max(10, ref.ads.length - reposts.length))];
      return s;
    }
    case 'same-script-rival': {
      // The same script with its default theme, run by someone else for another region.
      const region = (ref.region + 1 + d.int(0, 2)) % 4;
      const s = own(u, ref, name, ref.script, region);
      s.look = { ...ref.look, accent: s.look.accent };
      s.ads = fresh(u, region, d.int(30, 55));
      return s;
    }
    case 'aggregator': {
      // Snippets of many boards' ads, a sixth of them from the reference.
      const s = own(u, ref, name, 'aggregator');
      const mine = d.sample(ref.ads, Math.round(ref.ads.length * (0.12 + d.next() * 0.1)));
      const other = elsewhere(u, ref, mine.length * 4);
      s.ads = d.shuffle([...mine, ...other.ads]);
      s.sources = { ...other.sources, ...Object.fromEntries(mine.map((a) => [a.id, ref.domain])) };
      s.look = { ...s.look, perPage: 20 };
      return s;
    }
    case 'press': {
      // A local paper's article on the takedown, quoting four of the reference's ads and showing one photo.
      const s = own(u, ref, name, 'press');
      s.ads = d.sample(
        ref.ads.filter((a) => a.photos.length > 0),
        4,
      );
      s.subject = ref.domain;
      s.trackers = u.f.trackers();
      return s;
    }
    case 'forum': {
      // Residents comparing tradespeople, quoting titles and numbers seen on several boards.
      const s = own(u, ref, name, 'forum');
      const mine = d.sample(ref.ads, d.int(4, 7));
      const other = elsewhere(u, ref, d.int(6, 12));
      s.ads = d.shuffle([...mine, ...other.ads]);
      s.sources = { ...other.sources, ...Object.fromEntries(mine.map((a) => [a.id, ref.domain])) };
      s.subject = 'Services à domicile : vos avis';
      s.operator = null;
      return s;
    }
    case 'advertiser-site': {
      // The reference's busiest advertiser's own site: their services in their own words, their photos.
      const counts = new Map<string, number>();
      for (const a of ref.ads) counts.set(a.advertiser.id, (counts.get(a.advertiser.id) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
      const p = u.peopleById.get(top)!;
      const s = own(u, ref, name, 'vitrine');
      s.title = p.name;
      s.domain = `${slug(p.name)}-${TRADES[p.trades[0]].key}-${u.f.dice.code(3, 'abcdefghijklmnopqrstuvwxyz')}.test`;
      s.ads = ref.ads
        .filter((a) => a.advertiser.id === top)
        .map((a) => ({ ...u.f.ad(p, a), wording: a.wording, photos: a.photos }));
      s.operator = null;
      s.trackers = newTrackers(d, { ga: 0.5, gtm: 0, pixel: 0, adsense: 0 });
      return s;
    }
    case 'directory': {
      // A trades directory listing names and numbers, two in five of the reference's advertisers among others.
      const s = own(u, ref, name, 'annuaire');
      const listed = d.sample(advertisers, Math.round(advertisers.length * 0.4));
      const others = d.sample(u.people[ref.region], 25).filter((p) => !listed.includes(p));
      s.ads = [...listed, ...others].map((p) => u.f.ad(p));
      return s;
    }
  }
}

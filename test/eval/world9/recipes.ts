/**
 * How a taken-down home-services board comes back (world 9's own recipe set). Each recipe takes the reference board
 * and returns the restarted site; all of them are clones to an investigator: the same ads of the same advertisers
 * (or a large share of them), under a new name. README.md says why each one is.
 */
import {
  type Ad,
  type Advertiser,
  type Board,
  boardIdentity,
  makeAds,
  makeAdvertisers,
  makeOperator,
  makeTrackers,
  type PhoneBook,
  type PictureCounter,
  type Registry,
  SCRIPTS,
  slugify,
} from './model.ts';
import { renderBoard, renderGallery } from './render.ts';
import type { Dice } from './rng.ts';
import type { Look, PhotoStyle, Site } from './site.ts';
import { editSentences } from './vocab.ts';

export interface Env {
  seed: string;
  phones: PhoneBook;
  reg: Registry;
  pics: PictureCounter;
}

export interface Ref {
  board: Board;
  look: Look;
  advertisers: Advertiser[];
}

export type Recipe = (ref: Ref, env: Env, d: Dice, name: string) => Site;

const BANNERS = [
  'Nous sommes de retour ! Même équipe, nouvelle adresse.',
  'Notre ancien site a fermé : retrouvez toutes vos annonces ici.',
  'Nouvelle adresse, pensez à mettre à jour vos favoris.',
  'Le site fait peau neuve.',
];

/** The restarted board's new name: often the old brand with a suffix, sometimes a new one. */
function restartIdentity(ref: Ref, env: Env, d: Dice): { title: string; domain: string } {
  if (d.chance(0.6)) {
    const stem = slugify(ref.board.title);
    const suffix = d.pick(['', '-nouveau', '-v2', '-retour', '-officiel', '-fr']);
    return { title: ref.board.title, domain: env.reg.domain(`${stem}${suffix}`) };
  }
  const id = boardIdentity(d, env.reg);
  return { title: id.title, domain: id.domain };
}

/** The operator's contacts after a restart: the address moves with the domain; the phone is kept or not. */
function restartOperator(ref: Ref, env: Env, d: Dice, domain: string, keepPhone: number) {
  const fresh = makeOperator(d, env.phones, domain);
  return {
    ...ref.board.operator,
    email: fresh.email,
    phone: d.chance(keepPhone) ? ref.board.operator.phone : fresh.phone,
  };
}

function restyle(d: Dice, not: PhotoStyle): PhotoStyle {
  return d.pick((['base', 'small', 'large', 'png', 'webp'] as PhotoStyle[]).filter((s) => s !== not));
}

function board(ref: Ref, name: string, id: { title: string; domain: string }, changes: Partial<Board>): Board {
  return { ...ref.board, name, title: id.title, domain: id.domain, ...changes };
}

function renumber(ads: Ad[], d: Dice, base: number): Ad[] {
  let id = base;
  return ads.map((ad) => {
    id += d.int(1, 4);
    return { ...ad, id };
  });
}

function freshAds(ref: Ref, env: Env, d: Dice, name: string, count: number, newAdvertisers: number): Ad[] {
  const fresh = makeAdvertisers(d, `${name}-new`, newAdvertisers, ref.board.trades, env.phones);
  const pool = [...fresh, ...d.sample(ref.advertisers, Math.ceil(ref.advertisers.length / 3))];
  return makeAds(d, `${name}-new`, count, pool, env.pics, 90000 + d.int(0, 5000));
}

export const RECIPES: Record<string, { weight: number; make: Recipe }> = {
  /** The same site under another domain (a mirror kept ready before the seizure). */
  mirror: {
    weight: 1,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      return renderBoard(board(ref, name, { title: ref.board.title, domain: id.domain }, {}), ref.look);
    },
  },
  /** The old database restored, plus the ads posted since: same ids, a new domain, a banner. */
  'db-plus-new': {
    weight: 3,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      const extra = freshAds(ref, env, d, name, Math.round(ref.board.ads.length * (0.3 + d.next() * 0.4)), d.int(3, 8));
      const b = board(ref, name, id, {
        ads: [
          ...ref.board.ads,
          ...extra.map((a) => ({ ...a, date: `2026-11-${String(d.int(1, 28)).padStart(2, '0')}` })),
        ],
        operator: restartOperator(ref, env, d, id.domain, 0.6),
        trackers: d.chance(0.5) ? ref.board.trackers : makeTrackers(d),
      });
      return renderBoard(b, { ...ref.look, banner: d.pick(BANNERS) });
    },
  },
  /** The database moved to another script: same ads and advertisers, new templates, new URLs. */
  'new-script': {
    weight: 3,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      const script = d.pick(SCRIPTS.filter((s) => s !== ref.board.script));
      const b = board(ref, name, id, {
        script,
        ads: d.chance(0.5) ? renumber(ref.board.ads, d, d.int(100, 900)) : ref.board.ads,
        operator: restartOperator(ref, env, d, id.domain, 0.5),
        trackers: d.chance(0.4) ? ref.board.trackers : {},
      });
      return renderBoard(b, { ...ref.look, perPage: d.int(8, 15), photoStyle: restyle(d, ref.look.photoStyle) });
    },
  },
  /** New numbers everywhere: a new operator line and address, relay numbers in place of the advertisers'. */
  'new-numbers': {
    weight: 2,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      const relay = new Map(
        ref.advertisers.map((a) => [a.key, { ...a, phone: env.phones.mobile(), email: undefined }]),
      );
      const b = board(ref, name, id, {
        ads: ref.board.ads.map((ad) => ({ ...ad, advertiser: relay.get(ad.advertiser.key) ?? ad.advertiser })),
        operator: makeOperator(d, env.phones, id.domain),
        trackers: d.chance(0.5) ? makeTrackers(d) : {},
      });
      return renderBoard(b, ref.look);
    },
  },
  /** Part of the old ads only (what the scraper or the backup still had), nothing else new. */
  'partial-copy': {
    weight: 3,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      const keep = d.sample(ref.board.ads, Math.round(ref.board.ads.length * (0.4 + d.next() * 0.25)));
      const b = board(ref, name, id, {
        ads: keep,
        operator: restartOperator(ref, env, d, id.domain, 0.5),
        trackers: d.chance(0.5) ? ref.board.trackers : {},
      });
      return renderBoard(b, ref.look);
    },
  },
  /** A board narrowed to its busiest trades, under a trade name. */
  'category-subset': {
    weight: 1.5,
    make: (ref, env, d, name) => {
      const counts = ref.board.trades
        .map((t) => ({ t, n: ref.board.ads.filter((a) => a.trade.slug === t.slug).length }))
        .sort((a, b) => b.n - a.n);
      const trades = counts.slice(0, d.int(2, 3)).map((c) => c.t);
      const id = boardIdentity(d, env.reg);
      const b = board(
        ref,
        name,
        { title: `${trades[0].label} ${id.title.split(' ').slice(-1)[0]}`, domain: id.domain },
        {
          trades,
          ads: ref.board.ads.filter((a) => trades.includes(a.trade)),
          operator: restartOperator(ref, env, d, id.domain, 0.3),
          trackers: d.chance(0.3) ? ref.board.trackers : {},
        },
      );
      return renderBoard(b, ref.look);
    },
  },
  /** The same script with every class and id renamed (a hand-edited theme, a minifier). */
  'renamed-classes': {
    weight: 2,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      const b = board(ref, name, id, { operator: restartOperator(ref, env, d, id.domain, 0.5) });
      return renderBoard(b, { ...ref.look, renameSalt: `k${d.hex(3)}`, perPage: ref.look.perPage + d.int(-2, 4) });
    },
  },
  /** Re-imported ads: new ids, new dates and slugs, texts lightly edited, photos re-encoded. */
  reimport: {
    weight: 3,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      const ads = renumber(ref.board.ads, d, d.int(3000, 8000)).map((ad) => {
        const sentences = editSentences(d, ad.sentences);
        const title = d.chance(0.3) ? `${ad.title} !` : ad.title;
        return {
          ...ad,
          title,
          slug: `${slugify(title)}-${d.int(10, 99)}`,
          sentences,
          date: `2026-11-${String(d.int(1, 28)).padStart(2, '0')}`,
        };
      });
      const b = board(ref, name, id, {
        ads,
        operator: restartOperator(ref, env, d, id.domain, 0.4),
        trackers: d.chance(0.3) ? ref.board.trackers : makeTrackers(d),
      });
      return renderBoard(b, { ...ref.look, photoStyle: restyle(d, ref.look.photoStyle) });
    },
  },
  /** Photos cropped and watermarked with the new name, everything else kept. */
  'photo-rework': {
    weight: 2,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      const b = board(ref, name, id, { operator: makeOperator(d, env.phones, id.domain), trackers: {} });
      return renderBoard(b, {
        ...ref.look,
        photoStyle: d.pick<PhotoStyle>(['wm', 'crop', 'crop-wm']),
        thumbStyle: 'thumb',
      });
    },
  },
  /** Numbers hidden from scrapers (letter O, spelled out, call buttons), perhaps on another script. */
  'phones-obfuscated': {
    weight: 2,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      const script = d.chance(0.5) ? ref.board.script : d.pick(SCRIPTS);
      const b = board(ref, name, id, { script, operator: restartOperator(ref, env, d, id.domain, 0.5) });
      return renderBoard(b, { ...ref.look, phoneMode: d.chance(0.7) ? 'obfuscated' : 'tel-only' });
    },
  },
  /** A static gallery of the board's photos with title, price and number (a quick copy while the board is down). */
  'gallery-only': {
    weight: 1,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      const b = board(ref, name, id, { operator: restartOperator(ref, env, d, id.domain, 0.7), trackers: {} });
      return renderGallery(b, { ...ref.look, photoStyle: restyle(d, ref.look.photoStyle) });
    },
  },
  /** The same operator keeps its paying core (a third of the ads, the pros first) and refills with new ones. */
  'loyal-core': {
    weight: 1.5,
    make: (ref, env, d, name) => {
      const id = restartIdentity(ref, env, d);
      const sorted = [...ref.board.ads].sort((a, b) => Number(b.advertiser.pro) - Number(a.advertiser.pro));
      const core = sorted.slice(0, Math.round(ref.board.ads.length * (0.3 + d.next() * 0.1)));
      const extra = freshAds(ref, env, d, name, Math.round(core.length * (0.8 + d.next() * 0.5)), d.int(4, 9));
      const b = board(ref, name, id, {
        ads: [...core, ...extra],
        operator: { ...ref.board.operator, email: `contact@${id.domain}` },
        trackers: ref.board.trackers,
      });
      return renderBoard(b, { ...ref.look, banner: d.pick(BANNERS) });
    },
  },
};

/** Two boards of the seed merged into one (an operator reopening both at once): a clone of each. */
export function mergedBoards(a: Ref, b: Ref, env: Env, d: Dice, name: string): Site {
  const id = boardIdentity(d, env.reg);
  const ads = [
    ...d.sample(a.board.ads, Math.round(a.board.ads.length * (0.6 + d.next() * 0.3))),
    ...d.sample(b.board.ads, Math.round(b.board.ads.length * (0.6 + d.next() * 0.3))),
  ];
  const trades = [...new Set([...a.board.trades, ...b.board.trades])];
  const merged: Board = {
    ...a.board,
    name,
    title: id.title,
    domain: id.domain,
    trades,
    ads: renumber(ads, d, d.int(200, 600)),
    operator: makeOperator(d, env.phones, id.domain),
    trackers: d.chance(0.5) ? a.board.trackers : {},
  };
  return renderBoard(merged, { ...a.look, perPage: 12, maxPages: 200 });
}

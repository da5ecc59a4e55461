/**
 * How a convicted board comes back (clone recipes) and what only looks like it (hard negatives). Each recipe takes the
 * reference as it was when taken down and returns the candidate site; proportions are the author's guesses about how
 * operators behave, not tuned to any score. Tables of both are in README.md.
 */
import {
  boardAd,
  boardAds,
  boardSite,
  brandName,
  createOperator,
  type Factory,
  freshDomain,
  photoStyle,
  SCRIPTS,
} from './factory.ts';
import type { Region } from './lexicon.ts';
import type { Ad, Advertiser, OtherKind, Site } from './model.ts';
import type { Rng } from './rng.ts';
import { reword } from './text.ts';
import { tradeOf } from './trades.ts';

export interface RecipeInput {
  f: Factory;
  rng: Rng;
  ref: Site;
  region: Region;
  /** The region's advertisers (the reference's among them). */
  pool: Advertiser[];
  /** Every reference of the world (aggregators list several). */
  references: Site[];
}

export type Recipe = (input: RecipeInput) => Site;

/** `share` of the rows, in their order, aged by the time the site was down. */
function rows(rng: Rng, ads: Ad[], share: number, gap: number): Ad[] {
  const keep = new Set(
    rng.sample(
      ads.map((a) => a.key),
      Math.round(ads.length * share),
    ),
  );
  return ads.filter((a) => keep.has(a.key)).map((a) => ({ ...a, age: a.age + gap }));
}

/** New ads posted since the restart, by the old board's advertisers (mostly) and a few newcomers. */
function fresh(input: RecipeInput, n: number, label: string): Ad[] {
  const { rng, ref, pool, f, region } = input;
  const old = [...new Set(ref.ads.map((a) => a.advertiser))].map((id) => f.advertisers.get(id)!);
  const people = [...rng.sample(old, Math.ceil(n * 0.7)), ...rng.sample(pool, Math.ceil(n * 0.3))];
  return rng.sample(people, n).map((adv, i) => ({
    ...boardAd(rng, adv, rng.pick(adv.trades), `${ref.name}:${label}:${i}`, region),
    age: rng.int(0, 25),
  }));
}

function newBrand(input: RecipeInput): { brand: string; name: string } {
  const { rng, ref, f, region } = input;
  const brand = rng.chance(0.5)
    ? `${ref.operator!.brand} ${rng.pick(['Bis', '2', 'Le Retour', 'Plus', 'Nouveau'])}`
    : brandName(f, rng, region);
  return { brand, name: freshDomain(f, brand, rng.chance(0.5) ? '.example' : '.test') };
}

/** The operator behind the restart: the same one (`keep` of its ids and numbers kept) under a new name. */
function operator(input: RecipeInput, brand: string, name: string, keepNumbers: boolean, keepTags: number) {
  const { rng, ref, f } = input;
  const made = createOperator(f, rng, brand, name);
  const old = ref.operator!;
  const tags = Object.fromEntries(Object.entries(old.tags).filter(() => rng.chance(keepTags))) as typeof old.tags;
  return {
    ...made,
    ...(keepNumbers ? { phone: old.phone, email: old.email } : {}),
    tags: keepTags > 0 ? tags : made.tags,
    footerContact: keepNumbers ? old.footerContact : made.footerContact,
  };
}

function clone(input: RecipeInput, ads: Ad[], over: Partial<Site>, keepNumbers: boolean, keepTags: number): Site {
  const { rng, ref } = input;
  const { brand, name } = newBrand(input);
  return {
    ...boardSite(rng, {
      name,
      role: 'clone',
      region: ref.region,
      operator: operator(input, brand, name, keepNumbers, keepTags),
      ads,
    }),
    script: ref.script,
    perPage: ref.perPage,
    phoneStyles: ref.phoneStyles,
    emailStyles: ref.emailStyles,
    excerptWords: ref.excerptWords,
    ...over,
  };
}

const otherScript = (rng: Rng, ref: Site) => rng.pick(SCRIPTS.filter((s) => s !== ref.script));

export const CLONE_RECIPES: Record<string, Recipe> = {
  /** The old database back online with what was posted since: every old row (or nearly) plus new ads listed first. */
  'old-db-plus-new': (i) =>
    clone(
      i,
      [
        ...fresh(i, Math.round(i.ref.ads.length * i.rng.range(0.15, 0.4)), 'new'),
        ...rows(i.rng, i.ref.ads, i.rng.range(0.85, 1), i.rng.int(30, 120)),
      ],
      {},
      i.rng.chance(0.6),
      0.7,
    ),
  /** A new script, the old rows imported into it; pictures uploaded again (new sizes and compression). */
  'new-script-import': (i) =>
    clone(
      i,
      rows(i.rng, i.ref.ads, i.rng.range(0.7, 1), i.rng.int(20, 90)),
      {
        script: otherScript(i.rng, i.ref),
        photo: photoStyle(i.rng),
        perPage: i.rng.int(8, 14),
        phoneStyles: i.rng.sample([0, 1, 3, 6, 7], 2),
      },
      false,
      0.4,
    ),
  /** Same script and rows, but the operator took new numbers, a new mailbox and new tag ids. */
  'new-numbers': (i) => clone(i, rows(i.rng, i.ref.ads, i.rng.range(0.8, 1), i.rng.int(20, 60)), {}, false, 0),
  /** Part of the rows only (a partial dump or a cautious start). */
  'partial-copy': (i) =>
    clone(
      i,
      rows(i.rng, i.ref.ads, i.rng.range(0.4, 0.9), i.rng.int(20, 90)),
      i.rng.chance(0.6) ? {} : { script: otherScript(i.rng, i.ref) },
      i.rng.chance(0.5),
      0.5,
    ),
  /** The same script with every class name replaced, to stop template matching. */
  'renamed-classes': (i) =>
    clone(
      i,
      rows(i.rng, i.ref.ads, i.rng.range(0.75, 1), i.rng.int(20, 60)),
      { classSalt: i.rng.hex(6) },
      i.rng.chance(0.5),
      0.5,
    ),
  /** A mirror: the same files under another domain. */
  mirror: (i) => ({
    ...clone(i, i.ref.ads, { photo: i.ref.photo, classSalt: i.ref.classSalt }, true, 1),
    operator: { ...i.ref.operator! },
  }),
  /** A photo gallery: the ads' pictures (and more from the advertisers' albums) with a line of text, watermarked. */
  'photo-gallery': (i) => {
    const ads = rows(i.rng, i.ref.ads, i.rng.range(0.5, 0.85), i.rng.int(20, 60)).map((a) => {
      const album = i.f.advertisers.get(a.advertiser)!.library.filter((p) => p.includes(`-${a.trade}.`));
      return {
        ...a,
        body: a.body.slice(0, i.rng.int(1, 2)),
        photos: [...new Set([...a.photos, ...i.rng.sample(album, 2)])],
      };
    });
    return clone(
      i,
      ads,
      {
        script: 'adforest',
        excerptWords: 0,
        photo: { ...photoStyle(i.rng), watermark: true, crop: i.rng.range(0.02, 0.05) },
      },
      false,
      0.3,
    );
  },
  /** The rows reworded (by hand or a spinner) so that text matching misses them. */
  reworded: (i) => {
    const extras = (a: Ad) => i.rng.pick(tradeOf(a.trade).details);
    const ads = rows(i.rng, i.ref.ads, i.rng.range(0.7, 1), i.rng.int(20, 60)).map((a) => ({
      ...a,
      ...reword(i.rng, a.title, a.body, i.rng.range(0.4, 0.9), extras(a)),
    }));
    return clone(i, ads, i.rng.chance(0.5) ? {} : { script: otherScript(i.rng, i.ref) }, false, 0.3);
  },
  /** The rows translated into English (a board for newcomers and tourists). */
  translated: (i) =>
    clone(i, rows(i.rng, i.ref.ads, i.rng.range(0.6, 1), i.rng.int(20, 60)), { lang: 'en' }, i.rng.chance(0.4), 0.5),
  /** Split by category: one new board per trade group; this one holds the reference's biggest two or three trades. */
  'category-split': (i) => {
    const counts = new Map<string, number>();
    for (const a of i.ref.ads) counts.set(a.trade, (counts.get(a.trade) ?? 0) + 1);
    const top = new Set(
      [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, i.rng.int(2, 3))
        .map(([t]) => t),
    );
    return clone(
      i,
      rows(
        i.rng,
        i.ref.ads.filter((a) => top.has(a.trade)),
        1,
        i.rng.int(20, 60),
      ),
      { script: i.rng.chance(0.5) ? i.ref.script : otherScript(i.rng, i.ref) },
      i.rng.chance(0.3),
      0.3,
    );
  },
  /** A careful operator: new script, no tags, new numbers, no footer, e-mails dropped, light rewording, pictures cropped. */
  'careful-restart': (i) => {
    const ads = rows(i.rng, i.ref.ads, i.rng.range(0.6, 0.85), i.rng.int(60, 180)).map((a) => ({
      ...a,
      ...reword(i.rng, a.title, a.body, i.rng.range(0.2, 0.4), null),
      email: null,
    }));
    const site = clone(
      i,
      ads,
      {
        script: otherScript(i.rng, i.ref),
        photo: { ...photoStyle(i.rng), crop: i.rng.range(0.02, 0.05) },
        phoneStyles: i.rng.sample([1, 2, 4, 5, 8, 9], 2),
        excerptWords: i.rng.pick([0, 12]),
      },
      false,
      0,
    );
    return { ...site, operator: { ...site.operator!, tags: {}, footerContact: false } };
  },
};

function rival(input: RecipeInput, ads: Ad[], over: Partial<Site> = {}): Site {
  const { rng, f, region } = input;
  const brand = brandName(f, rng, region);
  const name = freshDomain(f, brand, '.test');
  return {
    ...boardSite(rng, { name, role: 'hard', region: region.id, operator: createOperator(f, rng, brand, name), ads }),
    ...over,
  };
}

function page(input: RecipeInput, other: OtherKind, base: string, ads: Ad[], about: string[] = []): Site {
  const { rng, f, region } = input;
  return {
    ...boardSite(rng, { name: freshDomain(f, base, '.example'), role: 'hard', region: region.id, operator: null, ads }),
    script: null,
    other,
    about,
  };
}

const advertisersOf = (i: RecipeInput) =>
  [...new Set(i.ref.ads.map((a) => a.advertiser))].map((id) => i.f.advertisers.get(id)!);

export const HARD_RECIPES: Record<string, Recipe> = {
  /** A rival board of the region: up to half of the reference's advertisers post there too (their numbers, their photos), ads written again. */
  'regional-rival': (i) => {
    const shared = i.rng.sample(advertisersOf(i), Math.round(advertisersOf(i).length * i.rng.range(0.2, 0.5)));
    const others = i.rng.sample(
      i.pool.filter((a) => !shared.includes(a)),
      30,
    );
    return rival(
      i,
      boardAds(i.rng, i.rng.shuffle([...shared, ...others]), i.region, i.rng.int(35, 60), `rival-${i.rng.hex(4)}`),
    );
  },
  /** Another operator's board of the region on the same script, with its own advertisers. */
  'same-script': (i) =>
    rival(
      i,
      boardAds(
        i.rng,
        i.rng.sample(
          i.pool.filter((a) => !advertisersOf(i).includes(a)),
          30,
        ),
        i.region,
        i.rng.int(35, 60),
        `same-${i.rng.hex(4)}`,
      ),
      { script: i.ref.script },
    ),
  /** A board where a few heavy advertisers of the reference paste the same ads they posted there, among many others. */
  'cross-poster': (i) => {
    const byCount = advertisersOf(i).sort(
      (a, b) =>
        i.ref.ads.filter((x) => x.advertiser === b.id).length - i.ref.ads.filter((x) => x.advertiser === a.id).length,
    );
    const posters = new Set(byCount.slice(0, i.rng.int(2, 4)).map((a) => a.id));
    const pasted = i.ref.ads.filter((a) => posters.has(a.advertiser)).map((a) => ({ ...a, age: i.rng.int(1, 60) }));
    const others = boardAds(
      i.rng,
      i.rng.sample(
        i.pool.filter((a) => !posters.has(a.id)),
        30,
      ),
      i.region,
      i.rng.int(35, 60),
      `cross-${i.rng.hex(4)}`,
    );
    return rival(i, [...others, ...pasted]);
  },
  /** An aggregator listing snippets of several boards, a slice of them from the reference. */
  aggregator: (i) => {
    const mine = i.rng.sample(i.ref.ads, Math.round(i.ref.ads.length * i.rng.range(0.1, 0.25)));
    const theirs = i.references.filter((r) => r !== i.ref).flatMap((r) => i.rng.sample(r.ads, 8));
    return page(i, 'aggregator', `trouvetout ${i.rng.hex(3)}`, i.rng.shuffle([...mine, ...theirs]));
  },
  /** The local paper's article on the takedown, quoting ads and a number. */
  press: (i) => page(i, 'press', `gazette ${i.region.name} ${i.rng.hex(3)}`, i.rng.sample(i.ref.ads, 3), [i.ref.name]),
  /** A forum thread on the closure quoting ads and numbers. */
  forum: (i) =>
    page(i, 'forum', `forum ${i.region.name} ${i.rng.hex(3)}`, i.rng.sample(i.ref.ads, i.rng.int(6, 14)), [i.ref.name]),
  /** A trades directory of the region listing some of the reference's advertisers among others. */
  directory: (i) => {
    const listed = i.rng.sample(advertisersOf(i), Math.round(advertisersOf(i).length * i.rng.range(0.15, 0.3)));
    const people = [...listed, ...i.rng.sample(i.pool, 25)];
    return page(
      i,
      'directory',
      `annuaire ${i.region.name} ${i.rng.hex(3)}`,
      boardAds(i.rng, [...new Set(people)], i.region, 60, `dir-${i.rng.hex(4)}`).map((a) => ({ ...a, body: [] })),
    );
  },
  /** One advertiser's own site, with the ads they wrote (sometimes touched up) and their photos. */
  'own-site': (i) => {
    const counts = new Map<string, number>();
    for (const a of i.ref.ads) counts.set(a.advertiser, (counts.get(a.advertiser) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const adv = i.f.advertisers.get(top)!;
    const ads = i.ref.ads
      .filter((a) => a.advertiser === top)
      .map((a) => (i.rng.chance(0.5) ? { ...a, ...reword(i.rng, a.title, a.body, 0.3, null) } : a));
    return page(i, 'own-site', `${adv.first} ${adv.last} ${i.rng.hex(2)}`, ads);
  },
};

export const CLONE_WEIGHTS: [string, number][] = [
  ['old-db-plus-new', 3],
  ['new-script-import', 3],
  ['new-numbers', 2],
  ['partial-copy', 3],
  ['renamed-classes', 2],
  ['mirror', 1],
  ['photo-gallery', 2],
  ['reworded', 2],
  ['translated', 1],
  ['category-split', 2],
  ['careful-restart', 3],
];

export const HARD_WEIGHTS: [string, number][] = [
  ['regional-rival', 4],
  ['same-script', 2],
  ['cross-poster', 2],
  ['aggregator', 2],
  ['press', 1],
  ['forum', 1],
  ['directory', 1],
  ['own-site', 2],
];

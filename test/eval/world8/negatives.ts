/**
 * Sites that must not be judged restarts of a reference: press and forum pages quoting it, an aggregator listing a
 * few of its ads, a directory entry, rivals sharing advertisers (with their other ads, or cross-posting a few of
 * the same ones), an advertiser's own shop, and other sites running the same off-the-shelf script.
 */

import { addAdvertiser, type Ctx, copyAd, fresh, newAd, newBoard, otherScript, SCRIPTS } from './build.ts';
import { adTitle } from './gear.ts';
import type { Advertiser, Script, Site } from './model.ts';
import { siteName } from './people.ts';

type Negative = (ctx: Ctx, ref: Site & { script: Script }, people: Advertiser[], refs: Site[]) => Site;

const belgianOf = (ref: Site) => /^[1-9]\d00$/.test(ref.operator.postcode);

const press: Negative = (ctx, ref) => {
  const quotes = ctx.rng.sample(ref.ads, 3).map((a) => adTitle(a, 'fr'));
  const site = newBoard(ctx, { script: 'press', ads: [] });
  site.about = { boards: [{ name: ref.name, title: ref.title, quotes, phones: [] }] };
  site.tagline = 'L’actualité de votre région';
  return site;
};

const forum: Negative = (ctx, ref, people) => {
  const quotes = ctx.rng.sample(ref.ads, ctx.rng.int(2, 4)).map((a) => adTitle(a, 'fr'));
  const site = newBoard(ctx, { script: 'forum', ads: [] });
  site.about = { boards: [{ name: ref.name, title: ref.title, quotes, phones: [ctx.rng.pick(people).phone] }] };
  site.tagline = 'Le forum des passionnés de plein air';
  return site;
};

const aggregator: Negative = (ctx, ref) => {
  const picked = ctx.rng.sample(ref.ads, Math.max(3, Math.round(ref.ads.length * (0.1 + ctx.rng.next() * 0.1))));
  const others = fresh(ctx, ctx.rng.int(25, 40), belgianOf(ref), 16);
  const site = newBoard(ctx, { script: 'aggregator', ads: ctx.rng.shuffle([...picked, ...others]) });
  const sources = ['velo-marche.example', 'bourse-ski.example', 'rando-troc.example', 'annonces-sport.example'];
  site.sources = Object.fromEntries(site.ads.map((a) => [a.id, picked.includes(a) ? ref.name : ctx.rng.pick(sources)]));
  site.tagline = 'Toutes les annonces sport en un seul endroit';
  return site;
};

const directory: Negative = (ctx, ref, _p, refs) => {
  const boards = [
    ref,
    ...ctx.rng.sample(
      refs.filter((r) => r !== ref),
      4,
    ),
  ].map((r) => ({
    name: r.name,
    title: r.title,
    quotes: [r.tagline],
    phones: [],
  }));
  for (let i = 0; i < 8; i++) {
    const name = siteName(ctx.rng, ctx.used, 'example');
    boards.push({ name, title: name.split('.')[0], quotes: ['Petites annonces locales'], phones: [] });
  }
  const site = newBoard(ctx, { script: 'directory', ads: [] });
  site.about = { boards: ctx.rng.shuffle(boards) };
  site.tagline = 'Annuaire des sites d’annonces';
  return site;
};

/** A rival board where up to half the reference's advertisers also post, with their other items. */
const rivalSharedAdvertisers: Negative = (ctx, ref, people) => {
  const shared = ctx.rng.sample(people, Math.max(2, Math.round(people.length * (0.3 + ctx.rng.next() * 0.2))));
  const own = fresh(ctx, ctx.rng.int(12, 24), belgianOf(ref));
  const theirs = shared.flatMap((p) => Array.from({ length: ctx.rng.int(1, 2) }, () => newAd(ctx, p)));
  return newBoard(ctx, {
    script: ctx.rng.pick(SCRIPTS),
    ads: ctx.rng.shuffle([...own, ...theirs]),
    belgian: belgianOf(ref),
  });
};

/** A rival board where a few advertisers cross-post the same items (same pictures, their own new wording). */
const crossPosting: Negative = (ctx, ref, people) => {
  const shared = ctx.rng.sample(people, Math.max(2, Math.round(people.length * 0.25)));
  const same = ref.ads
    .filter((a) => shared.some((p) => p.id === a.advertiser))
    .slice(0, Math.max(2, Math.round(ref.ads.length * 0.12)))
    .map((a) => copyAd(ctx, a, { wording: a.wording + 2, age: ctx.rng.int(1, 30), price: a.price + 10 }));
  const own = fresh(ctx, ctx.rng.int(15, 25), belgianOf(ref));
  return newBoard(ctx, {
    script: otherScript(ctx.rng, ref.script),
    ads: ctx.rng.shuffle([...own, ...same]),
    belgian: belgianOf(ref),
  });
};

/** A pro advertiser's own little shop site with the items it also posted on the board. */
const advertiserShop: Negative = (ctx, ref, people) => {
  const pro = people.find((p) => p.pro) ?? people[0];
  const mine = ref.ads.filter((a) => a.advertiser === pro.id);
  const more = Array.from({ length: ctx.rng.int(4, 10) }, () => newAd(ctx, pro));
  const site = newBoard(ctx, { script: 'shop', ads: [...mine, ...more] });
  site.title = pro.nick;
  site.tagline = `Matériel révisé et garanti à ${pro.town}`;
  return site;
};

/** A fresh install of the same script with demo-like content. */
const sameScriptDemo: Negative = (ctx, ref) => {
  const site = newBoard(ctx, { script: ref.script, ads: fresh(ctx, ctx.rng.int(8, 16), false, 4) });
  site.title = ref.script === 'dcf' ? 'Django Classified' : ref.script === 'bdp' ? 'Business Directory' : 'Job Board';
  site.tagline = 'Just another classified site';
  site.operator = { ...site.operator, analytics: null, tagManager: null, adClient: null };
  site.legal = false;
  return site;
};

/** Another operator's board on the same script, same trade and region, with its own ads and advertisers. */
const sameScriptRival: Negative = (ctx, ref) => {
  const site = newBoard(ctx, {
    script: ref.script,
    ads: fresh(ctx, ctx.rng.int(15, 30), belgianOf(ref)),
    belgian: belgianOf(ref),
  });
  site.perPage = ref.perPage;
  site.tagline = ref.tagline;
  return site;
};

export const HARD_KINDS: [string, Negative, number][] = [
  ['press-article', press, 1],
  ['forum-thread', forum, 1],
  ['aggregator', aggregator, 1.5],
  ['directory', directory, 0.7],
  ['rival-shared-advertisers', rivalSharedAdvertisers, 1.5],
  ['cross-posting-advertisers', crossPosting, 1.2],
  ['advertiser-shop', advertiserShop, 1],
  ['same-script-demo', sameScriptDemo, 1],
  ['same-script-rival', sameScriptRival, 1.5],
];

/** A board with no link to the reference: its own operator, ads and advertisers. */
export function unrelatedBoard(ctx: Ctx): Site {
  const belgian = ctx.rng.chance(0.3);
  const pool = Array.from({ length: ctx.rng.int(6, 14) }, () => addAdvertiser(ctx, belgian));
  const ads = Array.from({ length: ctx.rng.int(12, 25) }, () => newAd(ctx, ctx.rng.pick(pool)));
  return newBoard(ctx, { script: ctx.rng.pick(SCRIPTS), ads, belgian });
}

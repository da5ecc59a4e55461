/**
 * How world 8's operators restart a board after a takedown (each recipe returns the new site). The old database
 * comes back whole or in part, often on another script, with a new domain and new operator contacts; advertisers
 * keep their numbers. Weights are this world's own guess at how often each restart happens.
 */
import { addAdvertiser, type Ctx, copyAd, fresh, newAd, newBoard, newPhotoStyle, otherScript } from './build.ts';
import type { Advertiser, Script, Site } from './model.ts';
import { newOperator } from './people.ts';

type Recipe = (ctx: Ctx, ref: Site & { script: Script }, people: Advertiser[]) => Site;

const belgianOf = (ref: Site) => /^[1-9]\d00$/.test(ref.operator.postcode);

function keep(ctx: Ctx, ref: Site, from: number, to: number) {
  const n = Math.round(ref.ads.length * (from + ctx.rng.next() * (to - from)));
  return ctx.rng.sample(ref.ads, Math.max(3, n));
}

/** New ads by the old advertisers and by a few new ones, as a restarted board gathers them. */
function newcomers(ctx: Ctx, ref: Site, people: Advertiser[], n: number) {
  const extra = Array.from({ length: Math.ceil(n / 4) }, () => addAdvertiser(ctx, belgianOf(ref)));
  return Array.from({ length: n }, () => newAd(ctx, ctx.rng.chance(0.6) ? ctx.rng.pick(people) : ctx.rng.pick(extra)));
}

/** Same script: most operators restore the database dump (ads keep their ids and URLs), some re-import it. */
const sameScriptRestart: Recipe = (ctx, ref, people) => {
  const dump = ctx.rng.chance(0.7);
  const old = keep(ctx, ref, 0.85, 1).map((a) => (dump ? a : copyAd(ctx, a)));
  const ads = [...old, ...newcomers(ctx, ref, people, ctx.rng.int(0, 6))];
  const site = newBoard(ctx, { script: ref.script, ads, belgian: belgianOf(ref) });
  if (ctx.rng.chance(0.5)) site.photo = { ...ref.photo, key: ref.photo.key };
  site.tagline = ref.tagline;
  return site;
};

const newScriptFullDb: Recipe = (ctx, ref, people) => {
  const old = keep(ctx, ref, 0.8, 1).map((a) => copyAd(ctx, a));
  const ads = [...old, ...newcomers(ctx, ref, people, Math.round(old.length * (0.1 + ctx.rng.next() * 0.2)))];
  return newBoard(ctx, { script: otherScript(ctx.rng, ref.script), ads, belgian: belgianOf(ref) });
};

const partialCopy: Recipe = (ctx, ref, people) => {
  const old = keep(ctx, ref, 0.3, 0.55).map((a) => copyAd(ctx, a));
  const ads = [...old, ...newcomers(ctx, ref, people, old.length + ctx.rng.int(0, 10))];
  const script = ctx.rng.chance(0.6) ? otherScript(ctx.rng, ref.script) : ref.script;
  return newBoard(ctx, { script, ads, belgian: belgianOf(ref) });
};

const reworded: Recipe = (ctx, ref, people) => {
  const old = keep(ctx, ref, 0.6, 0.9).map((a) =>
    copyAd(ctx, a, {
      wording: a.wording + ctx.rng.int(1, 2),
      price: Math.round(a.price * (0.85 + ctx.rng.next() * 0.2)),
    }),
  );
  const site = newBoard(ctx, {
    script: otherScript(ctx.rng, ref.script),
    ads: [...old, ...newcomers(ctx, ref, people, ctx.rng.int(2, 8))],
    belgian: belgianOf(ref),
  });
  site.photo.crop = [0.03, 0.02, 0.05, 0.04];
  return site;
};

const renamedClasses: Recipe = (ctx, ref) => {
  const dump = ctx.rng.chance(0.5);
  const ads = keep(ctx, ref, 0.75, 1).map((a) => (dump ? a : copyAd(ctx, a)));
  const site = newBoard(ctx, { script: ref.script, ads, belgian: belgianOf(ref) });
  site.classSalt = ctx.rng.letters(2);
  site.perPage = ref.perPage;
  return site;
};

const mirror: Recipe = (ctx, ref) => {
  const site = newBoard(ctx, { script: ref.script, ads: keep(ctx, ref, 0.9, 1), operator: ref.operator });
  Object.assign(site, {
    title: ref.title,
    tagline: ref.tagline,
    phoneStyle: ref.phoneStyle,
    photo: ref.photo,
    perPage: ref.perPage,
    lang: ref.lang,
  });
  return site;
};

const gallery: Recipe = (ctx, ref) => {
  const ads = keep(ctx, ref, 0.4, 0.7)
    .filter((a) => a.photos.length > 0)
    .map((a) => copyAd(ctx, a));
  const site = newBoard(ctx, { script: otherScript(ctx.rng, ref.script), ads, belgian: belgianOf(ref) });
  site.gallery = true;
  site.legal = ctx.rng.chance(0.4);
  return site;
};

const obfuscatedPhones: Recipe = (ctx, ref) => {
  const ads = keep(ctx, ref, 0.7, 1).map((a) => copyAd(ctx, a, { phoneInText: false }));
  const site = newBoard(ctx, { script: otherScript(ctx.rng, ref.script), ads, belgian: belgianOf(ref) });
  site.phoneStyle = ctx.rng.pick(['words', 'split-spans', 'entities', 'reveal'] as const);
  return site;
};

const translated: Recipe = (ctx, ref, people) => {
  const lang = ctx.rng.chance(0.7) ? 'nl' : 'en';
  const ads = [...keep(ctx, ref, 0.6, 1).map((a) => copyAd(ctx, a)), ...newcomers(ctx, ref, people, ctx.rng.int(0, 5))];
  return newBoard(ctx, {
    script: ctx.rng.chance(0.5) ? ref.script : otherScript(ctx.rng, ref.script),
    ads,
    lang,
    belgian: true,
  });
};

const stampedPhotos: Recipe = (ctx, ref, people) => {
  const old = keep(ctx, ref, 0.5, 0.9)
    .filter((a) => a.photos.length > 0)
    .map((a) => copyAd(ctx, a, { wording: a.wording + 1 }));
  const site = newBoard(ctx, {
    script: otherScript(ctx.rng, ref.script),
    ads: [...old, ...newcomers(ctx, ref, people, Math.round(old.length * 0.3))],
    belgian: belgianOf(ref),
  });
  site.photo = {
    ...newPhotoStyle(ctx.rng, `${site.name}-stamp`),
    crop: [0.06, 0.05, 0.04, 0.08],
    stamp: site.name,
    format: 'webp',
  };
  return site;
};

const diluted: Recipe = (ctx, ref, people) => {
  const old = keep(ctx, ref, 0.25, 0.4).map((a) => copyAd(ctx, a));
  const ads = ctx.rng.shuffle([
    ...old,
    ...newcomers(ctx, ref, people, old.length),
    ...fresh(ctx, old.length * 2, belgianOf(ref)),
  ]);
  const site = newBoard(ctx, { script: otherScript(ctx.rng, ref.script), ads, belgian: belgianOf(ref) });
  site.operator = { ...newOperator(ctx.rng, site.name, belgianOf(ref)), email: ref.operator.email };
  return site;
};

const categorySplit: Recipe = (ctx, ref, people) => {
  const counts = new Map<number, number>();
  for (const a of ref.ads) counts.set(a.facts.category, (counts.get(a.facts.category) ?? 0) + 1);
  const top = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, ctx.rng.int(2, 3))
    .map(([c]) => c);
  const old = ref.ads.filter((a) => top.includes(a.facts.category)).map((a) => copyAd(ctx, a));
  const extra = Array.from({ length: ctx.rng.int(3, 10) }, () => newAd(ctx, ctx.rng.pick(people), top));
  return newBoard(ctx, {
    script: ctx.rng.chance(0.5) ? ref.script : otherScript(ctx.rng, ref.script),
    ads: [...old, ...extra],
    belgian: belgianOf(ref),
  });
};

const oldOperatorPhone: Recipe = (ctx, ref, people) => {
  const ads = [
    ...keep(ctx, ref, 0.5, 0.8).map((a) => copyAd(ctx, a, { age: a.age + 60 })),
    ...newcomers(ctx, ref, people, ctx.rng.int(5, 15)),
  ];
  const site = newBoard(ctx, { script: otherScript(ctx.rng, ref.script), ads, belgian: belgianOf(ref) });
  site.operator = { ...site.operator, phone: ref.operator.phone, analytics: ref.operator.analytics };
  return site;
};

/** Name, recipe, weight, and how often the restart keeps the old house rules (the operator's own text). */
export const CLONE_RECIPES: [string, Recipe, number, number][] = [
  ['same-script-restart', sameScriptRestart, 3, 0.8],
  ['new-script-full-db', newScriptFullDb, 3, 0.6],
  ['partial-copy', partialCopy, 2, 0.4],
  ['reworded', reworded, 2, 0.3],
  ['renamed-classes', renamedClasses, 1, 0.7],
  ['mirror', mirror, 1, 1],
  ['photo-gallery', gallery, 1, 0.3],
  ['obfuscated-phones', obfuscatedPhones, 1.5, 0.5],
  ['translated', translated, 1, 0.2],
  ['stamped-photos', stampedPhotos, 1, 0.4],
  ['diluted-in-new-catalogue', diluted, 1, 0.2],
  ['category-split', categorySplit, 1, 0.5],
  ['operator-keeps-phone', oldOperatorPhone, 1, 0.6],
];

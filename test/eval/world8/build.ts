/**
 * World 8's building blocks: the build context (one seeded generator, used names, advertisers), new ads and
 * advertisers, picture styles, phone styles, and a board with the defaults a fresh install would have.
 */
import { drawFacts, TOWNS_BE, TOWNS_FR } from './gear.ts';
import type { Ad, Advertiser, Lang, Operator, PhoneStyle, PhotoStyle, Script, Site } from './model.ts';
import { newAdvertiser, newOperator, siteName, titleOf } from './people.ts';
import type { Rng } from './rng.ts';

export interface Ctx {
  seed: string;
  rng: Rng;
  used: Set<string>;
  advertisers: Map<string, Advertiser>;
  sites: Site[];
  next: { ad: number; photo: number; advertiser: number };
}

export const SCRIPTS: Script[] = ['dcf', 'bdp', 'wpjm'];

export function otherScript(rng: Rng, script: Script): Script {
  return rng.pick(SCRIPTS.filter((s) => s !== script));
}

export function addAdvertiser(ctx: Ctx, belgian: boolean): Advertiser {
  const a = newAdvertiser(ctx.rng, `${ctx.seed}-v${ctx.next.advertiser++}`, belgian);
  ctx.advertisers.set(a.id, a);
  return a;
}

export function newPhotos(ctx: Ctx, n: number): string[] {
  return Array.from({ length: n }, () => `${ctx.seed}-p${ctx.next.photo++}`);
}

export function newAd(ctx: Ctx, who: Advertiser, categories?: number[]): Ad {
  const rng = ctx.rng;
  let facts = drawFacts(rng);
  for (let i = 0; categories && !categories.includes(facts.category) && i < 20; i++) facts = drawFacts(rng);
  const base = [180, 350, 90, 120, 250, 60][facts.category];
  const price = Math.max(5, Math.round((base * (0.3 + rng.next() * 1.7) * (1 - facts.condition * 0.15)) / 5) * 5);
  return {
    id: `a${10000 + ctx.next.ad++}`,
    facts,
    price,
    town: rng.chance(0.8) ? who.town : rng.pick(TOWNS_BE.includes(who.town) ? TOWNS_BE : TOWNS_FR),
    advertiser: who.id,
    photos: newPhotos(
      ctx,
      rng.weighted([
        [0, 1],
        [1, 12],
        [2, 5],
        [3, 1],
      ] as const),
    ),
    age: rng.int(1, 240),
    wording: 0,
    phoneInText: rng.chance(0.3),
  };
}

/**
 * A copy of an ad under a new database id (a restart that re-imported its ads gives them new ids); half the
 * imports stamp the ads with the import date instead of keeping their age.
 */
export function copyAd(ctx: Ctx, ad: Ad, change: Partial<Ad> = {}): Ad {
  const age = ctx.rng.chance(0.5) ? ctx.rng.int(1, 30) : ad.age;
  return { ...ad, id: `a${10000 + ctx.next.ad++}`, age, ...change };
}

export function newPhotoStyle(rng: Rng, key: string): PhotoStyle {
  const crop: [number, number, number, number] = rng.chance(0.5)
    ? [0, 0, 0, 0]
    : [rng.next() * 0.04, rng.next() * 0.04, rng.next() * 0.04, rng.next() * 0.04];
  return {
    key,
    width: rng.pick([360, 400, 440, 480]),
    thumbWidth: rng.pick([100, 120, 150, 180]),
    crop,
    quality: rng.int(62, 90),
    format: rng.weighted([
      ['jpeg', 7],
      ['webp', 2],
      ['png', 1],
    ] as const),
    stamp: null,
    tone: rng.chance(0.7) ? 1 : 0.9 + rng.next() * 0.2,
  };
}

export function plainPhoneStyle(rng: Rng): PhoneStyle {
  return rng.weighted([
    ['spaced', 5],
    ['dots', 2],
    ['compact', 1],
    ['intl', 1],
    ['dashes', 1],
  ] as const);
}

const TAGLINES = [
  'Petites annonces de matériel de sport d’occasion',
  'Achetez et vendez votre matériel de sport entre particuliers',
  'Le troc du sport et du plein air',
  'Vélos, skis, rando : la seconde main près de chez vous',
  'Annonces gratuites sport et loisirs',
];

const RULES = [
  '{site} met en relation des particuliers et des professionnels qui vendent du matériel de sport d’occasion.',
  'Une annonce ne décrit qu’un seul objet ; les lots sont acceptés s’ils sont vendus ensemble.',
  'Les photos doivent montrer l’objet réellement vendu, sans logo ni lien vers un autre site.',
  'Le prix indiqué est le prix total demandé ; les mentions « à débattre » sont tolérées.',
  'Les annonces restent en ligne 60 jours et peuvent être renouvelées gratuitement.',
  'Ne versez jamais d’acompte avant d’avoir vu le matériel ; privilégiez la remise en main propre.',
  'Les annonces de matériel contrefait, volé ou dangereux sont supprimées sans préavis.',
  'L’équipe de modération de {site} relit chaque annonce avant sa publication.',
  'Un vendeur ne peut publier plus de dix annonces actives à la fois.',
  'Signalez toute annonce suspecte avec le bouton prévu ; nous répondons sous 48 heures.',
  'Les professionnels indiquent leur raison sociale et leur numéro SIRET dans leur profil.',
  'En publiant sur {site}, vous acceptez que vos annonces soient relayées sur nos réseaux.',
];

export interface BoardOptions {
  script: Script | Site['script'];
  lang?: Lang;
  belgian?: boolean;
  ads: Ad[];
  operator?: Operator;
  name?: string;
}

export function newBoard(ctx: Ctx, o: BoardOptions): Site {
  const rng = ctx.rng;
  const name = o.name ?? siteName(rng, ctx.used);
  const site: Site = {
    name,
    title: titleOf(name),
    script: o.script,
    lang: o.lang ?? 'fr',
    operator: o.operator ?? newOperator(rng, name, o.belgian ?? false),
    ads: o.ads,
    phoneStyle: plainPhoneStyle(rng),
    photo: newPhotoStyle(rng, name),
    classSalt: null,
    perPage: rng.pick([10, 12, 15, 20]),
    gallery: false,
    legal: true,
    tagline: rng.pick(TAGLINES),
    rules: rng.sample(RULES, rng.int(4, 7)),
  };
  ctx.sites.push(site);
  return site;
}

/** A reference board (taken down): 22–36 ads by 10–18 advertisers on one script. */
export function newReference(ctx: Ctx, script: Script): { site: Site; advertisers: Advertiser[] } {
  const rng = ctx.rng;
  const belgian = rng.chance(0.25);
  const advertisers = Array.from({ length: rng.int(10, 18) }, () => addAdvertiser(ctx, belgian));
  if (!advertisers.some((a) => a.pro)) advertisers[0].pro = true;
  const ads = Array.from({ length: rng.int(22, 36) }, () => newAd(ctx, rng.pick(advertisers)));
  const site = newBoard(ctx, { script, belgian, ads });
  return { site, advertisers };
}

export function fresh(ctx: Ctx, n: number, belgian: boolean, advertisers = 0): Ad[] {
  const pool = Array.from({ length: Math.max(1, advertisers || Math.ceil(n / 3)) }, () => addAdvertiser(ctx, belgian));
  return Array.from({ length: n }, () => newAd(ctx, ctx.rng.pick(pool)));
}

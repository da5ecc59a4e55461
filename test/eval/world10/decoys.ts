/**
 * World 10's hard negatives: sites that share something with a reference board (advertisers, ad texts, numbers,
 * photos, script, brand, a mention) without being its restart. README.md says for each why an investigator does not
 * call it a clone.
 */
import { type Ad, addDays, advertisersOf, type Board, DEFAULT_WELCOME, SCRIPTS } from './board.ts';
import { makeBoard } from './boards.ts';
import { forumFiller, newsFiller, pseudo } from './chatter.ts';
import { personName, REGIONS, slugify } from './lexicon.ts';
import { TRADES } from './lexicon-trades.ts';
import { formatPhone } from './phones.ts';
import { excerpt } from './prose.ts';
import { byAdvertisers, type Ctx, reenter, reprocessed, restartDay, retyped } from './restart-tools.ts';
import type { Rng } from './rng.ts';
import { adText, type Site } from './templates/common.ts';
import { renderDirectory, type Summary } from './templates/directory.ts';
import { adUrl, renderBoard } from './templates/index.ts';
import { type Article, renderForum, renderNews, type Thread } from './templates/press.ts';
import { renderVitrine } from './templates/vitrine.ts';

export type DecoyKind =
  | 'competitor-migrants'
  | 'cross-poster'
  | 'same-script-install'
  | 'aggregator'
  | 'advertiser-site'
  | 'stock-photos'
  | 'press-article'
  | 'forum-thread'
  | 'brand-lookalike';

export interface Decoy {
  weight: number;
  /** Whether the decoy can be built for this reference (stock-photos needs stock pictures on it). */
  fits(ref: Board): boolean;
  make(ctx: Ctx, rng: Rng, ref: Board, refs: Board[]): Site;
}

const boardSite = (b: Board, role: string): Site => ({
  name: b.key,
  domain: b.domain,
  role,
  script: b.script,
  pages: renderBoard(b),
});

/** An independent board of the reference's region and trades, seen some weeks after the takedown. */
function rival(
  ctx: Ctx,
  rng: Rng,
  ref: Board,
  key: string,
  sameRegion: boolean,
  must: Board['categories'] = [],
): Board {
  const trades = [...rng.sample(ref.categories, 3), ...rng.sample(Object.keys(TRADES) as Board['categories'], 2)];
  return makeBoard(rng, ctx.book, ctx.domains, {
    key,
    region: sameRegion ? ref.region : rng.pick(REGIONS.filter((r) => r !== ref.region)),
    script: rng.pick(SCRIPTS),
    advertisers: rng.int(10, 16),
    ads: rng.int(25, 40),
    asOf: restartDay(rng, ref),
    trades: [...new Set([...must, ...trades])],
  });
}

const stockPics = (ref: Board) => [
  ...new Set(ref.ads.flatMap((a) => a.photos.map((p) => p.pic)).filter((p) => p.startsWith('s/'))),
];

export const DECOYS: Record<DecoyKind, Decoy> = {
  'competitor-migrants': {
    weight: 3,
    fits: () => true,
    make(ctx, rng, ref) {
      const comp = rival(ctx, rng.fork('board'), ref, `${ref.key}#competitor`, true);
      const movers = byAdvertisers(rng, ref.ads, rng.real(0.2, 0.5)).map((ad) => {
        const posted = rng.chance(0.6) ? addDays(ref.asOf, rng.int(1, 15)) : addDays(ad.date, rng.int(0, 10));
        const own = rng.chance(0.5) ? retyped(rng, ad, 0.15, 0.2) : ad;
        return { ...reprocessed(own), date: [posted, comp.asOf].sort()[0] };
      });
      return boardSite({ ...comp, ads: reenter(rng.fork('ids'), [...comp.ads, ...movers]) }, 'competitor-migrants');
    },
  },
  'cross-poster': {
    weight: 2,
    fits: () => true,
    make(ctx, rng, ref) {
      const other = rival(ctx, rng.fork('board'), ref, `${ref.key}#crossposter`, rng.chance(0.4));
      const posters = rng.sample(advertisersOf(ref.ads), rng.int(1, 3)).map((a) => a.key);
      const copies = ref.ads
        .filter((a) => posters.includes(a.advertiser.key))
        .map((ad) => ({ ...reprocessed(ad), date: addDays(ad.date, rng.int(0, 4)) }));
      return boardSite({ ...other, ads: reenter(rng.fork('ids'), [...other.ads, ...copies]) }, 'cross-poster');
    },
  },
  'same-script-install': {
    weight: 2,
    fits: () => true,
    make(ctx, rng, ref) {
      const b = makeBoard(rng.fork('board'), ctx.book, ctx.domains, {
        key: `${ref.key}#sameScript`,
        region: rng.chance(0.5) ? ref.region : rng.pick(REGIONS),
        script: ref.script,
        advertisers: rng.int(8, 15),
        ads: rng.int(18, 35),
        asOf: restartDay(rng, ref),
        trades: ref.categories,
        defaultWelcome: 1,
      });
      const s = ref.settings;
      const settings = {
        ...b.settings,
        perPage: s.perPage,
        palette: s.palette,
        view: s.view,
        photo: s.photo,
        thumb: s.thumb,
      };
      return boardSite(
        { ...b, settings: { ...settings, welcome: DEFAULT_WELCOME[ref.script] } },
        'same-script-install',
      );
    },
  },
  aggregator: {
    weight: 2,
    fits: () => true,
    make(ctx, rng, ref, refs) {
      const name = rng.pick([
        'Toutes les Annonces Services',
        'Annuaire des Petites Annonces',
        'Radar Annonces',
        'Le Compilateur',
      ]);
      const domain = ctx.domains.claim(name, rng.chance(0.5) ? '.test' : '.example');
      const summaries: Summary[] = [];
      const sources = [
        ref,
        ...rng.sample(
          refs.filter((r) => r !== ref),
          rng.int(3, 5),
        ),
      ];
      for (const src of sources)
        for (const ad of rng.keep(src.ads, src === ref ? rng.real(0.3, 0.6) : rng.real(0.1, 0.3))) {
          const p = ad.photos[0];
          summaries.push({
            title: ad.title,
            excerpt: excerpt(adText(ad), rng.int(18, 26)),
            town: ad.town,
            price: ad.price,
            source: src.brand,
            url: adUrl(src, ad),
            trade: ad.trade,
            date: ad.date,
            thumb: p && rng.chance(0.6) ? { pic: p.pic, style: `${p.style ?? src.settings.thumb}>w160.q70.jpg` } : null,
          });
        }
      return {
        name: `${ref.key}#aggregator`,
        domain,
        role: 'aggregator',
        script: 'directory',
        pages: renderDirectory({ domain, name, summaries, perPage: 20 }),
      };
    },
  },
  'advertiser-site': {
    weight: 2,
    fits: () => true,
    make(ctx, rng, ref) {
      const candidates = advertisersOf(ref.ads).sort((a, b) => count(ref.ads, b.key) - count(ref.ads, a.key));
      const adv = rng.pick(candidates.slice(0, 4));
      const offers = ref.ads.filter((a) => a.advertiser.key === adv.key).slice(0, 4);
      const own = offers.flatMap((o) => o.photos.map((p) => p.pic)).filter((p) => p.startsWith('p/'));
      const extra = Array.from({ length: rng.int(1, 3) }, (_, i) => `p/${adv.trade}/${adv.key}/site-${i}`);
      const business =
        adv.name.includes(' ') && !adv.name.endsWith('.') ? adv.name : `${adv.name} ${TRADES[adv.trade].label}`;
      const domain = ctx.domains.claim(business, rng.chance(0.5) ? '.test' : '.example');
      const pages = renderVitrine({
        domain,
        business,
        advertiser: adv,
        siren: Array.from({ length: 9 }, () => rng.int(1, 9))
          .join('')
          .replace(/(\d{3})(?=\d)/g, '$1 '),
        address: `${adv.town} (${ref.region.name})`,
        offers,
        intro: `${TRADES[adv.trade].label} à ${adv.town} et dans les environs, par un professionnel indépendant.`,
        pics: [...own, ...extra],
        style: `w${rng.pick([600, 640])}.q${rng.int(82, 90)}.${rng.pick(['jpg', 'webp'])}`,
        palette: `#${rng.token(6, '0123456789abcdef')}`,
      });
      return { name: `${ref.key}#advertiser`, domain, role: 'advertiser-site', script: 'vitrine', pages };
    },
  },
  'stock-photos': {
    weight: 1,
    fits: (ref) => stockPics(ref).length > 0,
    make(ctx, rng, ref) {
      const shared = stockPics(ref);
      const tradeOf = (pic: string) => pic.split('/')[1] as Ad['trade'];
      const b = rival(ctx, rng.fork('board'), ref, `${ref.key}#stock`, rng.chance(0.5), [
        ...new Set(shared.map(tradeOf)),
      ]);
      // Another operator's advertisers illustrating with the same stock pictures found online.
      const ads = b.ads.map((ad) => {
        const same = shared.filter((p) => tradeOf(p) === ad.trade);
        if (same.length && rng.chance(0.7)) return { ...ad, photos: [{ pic: rng.pick(same) }, ...ad.photos.slice(1)] };
        if (rng.chance(0.25))
          return { ...ad, photos: [{ pic: `s/${ad.trade}/${rng.int(0, 4)}` }, ...ad.photos.slice(1)] };
        return ad;
      });
      return boardSite({ ...b, ads }, 'stock-photos');
    },
  },
  'press-article': {
    weight: 1,
    fits: () => true,
    make(ctx, rng, ref) {
      const name = `${rng.pick(['L’Écho', 'Le Réveil', 'La Gazette', 'Le Petit Courrier'])} de ${ref.region.name}`;
      const domain = ctx.domains.claim(name, rng.chance(0.5) ? '.test' : '.example');
      const day = restartDay(rng, ref);
      const author = () => {
        const p = personName(rng);
        return `${p.first} ${p.last}`;
      };
      const quoted = rng.sample(ref.ads, rng.int(2, 4));
      const story: Article = {
        slug: `fermeture-${slugify(ref.brand)}`,
        title: `Le site d’annonces ${ref.brand} fermé par la justice`,
        date: addDays(ref.asOf, rng.int(1, 10)),
        author: author(),
        paragraphs: [
          `Le site ${ref.brand} (${ref.domain}), qui publiait des annonces de services à domicile en ${ref.region.name}, n’est plus accessible depuis le ${ref.asOf.split('-').reverse().join('/')}.`,
          `Il était exploité par la société ${ref.operator.company}, dirigée par ${ref.operator.director}.`,
          `Joint au ${formatPhone(ref.operator.phone, ref.operator.phoneStyle)}, numéro affiché sur le site, personne n’a répondu à nos appels.`,
          'Plusieurs annonceurs disent avoir été surpris par la fermeture et cherchent un autre site pour publier leurs offres.',
          'Voici quelques-unes des annonces qui y figuraient encore la semaine dernière.',
        ],
        quotes: quoted.map((ad) => `${ad.title} – ${adText(ad)}`),
      };
      const others = newsFiller(rng, ref.region, rng.int(4, 6)).map(
        (t, i): Article => ({
          slug: `${slugify(t.title).slice(0, 50)}-${i}`,
          title: t.title,
          date: addDays(day, -rng.int(1, 120)),
          author: author(),
          paragraphs: t.lines,
          quotes: [],
        }),
      );
      const pages = renderNews({ domain, name, articles: [story, ...others] });
      return { name: `${ref.key}#press`, domain, role: 'press-article', script: 'news', pages };
    },
  },
  'forum-thread': {
    weight: 1,
    fits: () => true,
    make(ctx, rng, ref) {
      const name = rng.pick([
        'Forum Maison & Entraide',
        'Les Voisins Bricoleurs',
        'Entraide Habitat',
        'Le Forum du Quotidien',
      ]);
      const domain = ctx.domains.claim(name, rng.chance(0.5) ? '.test' : '.example');
      const day = addDays(ref.asOf, rng.int(2, 20));
      const quoted = rng.sample(ref.ads, rng.int(2, 5));
      const thread: Thread = {
        slug: `${slugify(ref.brand)}-ferme`,
        title: `${ref.brand} ne répond plus ?`,
        posts: [
          {
            author: pseudo(rng),
            date: day,
            lines: [
              `Le site ${ref.brand} est fermé depuis quelques jours, quelqu’un sait ce qui se passe ?`,
              `Le numéro du site, ${formatPhone(ref.operator.phone, ref.operator.phoneStyle)}, ne répond plus.`,
            ],
            quote: null,
          },
          ...quoted.map((ad, i) => ({
            author: pseudo(rng),
            date: addDays(day, i + 1),
            lines: [
              rng.pick([
                'J’avais gardé cette annonce, je la remets ici pour ceux qui cherchent.',
                'Heureusement j’avais copié l’annonce de mon artisan :',
                'Pour ceux qui cherchaient celui-là :',
              ]),
            ],
            quote: `${ad.title}. ${adText(ad)}`,
          })),
        ],
      };
      const others = forumFiller(rng, rng.int(3, 5)).map(
        (t, i): Thread => ({
          slug: `${slugify(t.title).slice(0, 50)}-${i}`,
          title: t.title,
          posts: t.lines.map((l, k) => ({
            author: pseudo(rng),
            date: addDays(day, -rng.int(5, 90) + k),
            lines: [l],
            quote: null,
          })),
        }),
      );
      const pages = renderForum({ domain, name, threads: [thread, ...others] });
      return { name: `${ref.key}#forum`, domain, role: 'forum-thread', script: 'forum', pages };
    },
  },
  'brand-lookalike': {
    weight: 1,
    fits: () => true,
    make(ctx, rng, ref) {
      const brand = rng.pick([ref.brand, `${ref.brand} Officiel`, `${ref.brand} France`]);
      const base = makeBoard(rng.fork('board'), ctx.book, ctx.domains, {
        key: `${ref.key}#lookalike`,
        region: ref.region,
        script: ref.script,
        advertisers: 1,
        ads: 1,
        asOf: restartDay(rng, ref),
        trades: ref.categories,
      });
      const operator = {
        ...base.operator,
        company: ref.operator.company,
        address: ref.operator.address,
        phone: ctx.book.mobile(),
      };
      const settings = {
        ...base.settings,
        palette: ref.settings.palette,
        view: ref.settings.view,
        welcome: ref.settings.welcome,
      };
      // The same name under the other fiction TLD when free, as typosquatters register it.
      const stem = ref.domain.replace(/\.(test|example)$/, '');
      const domain = ctx.domains.claim(
        rng.chance(0.5) ? stem : `${stem}-officiel`,
        ref.domain.endsWith('.test') ? '.example' : '.test',
      );
      return boardSite({ ...base, brand, domain, operator, settings, ads: [] }, 'brand-lookalike');
    },
  },
};

function count(ads: Ad[], key: string): number {
  return ads.filter((a) => a.advertiser.key === key).length;
}

export const DECOY_KINDS = Object.keys(DECOYS) as DecoyKind[];

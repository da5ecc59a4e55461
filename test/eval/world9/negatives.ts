/**
 * Sites an investigator must not be alerted on as restarts of a board, though they share something with it (hard
 * negatives), and sites that share nothing (unrelated). World 9's own kinds; README.md says why each is not a clone.
 */
import {
  type Ad,
  type Board,
  boardIdentity,
  FEW_PHOTOS,
  makeAds,
  makeAdvertisers,
  makeOperator,
  makeTrackers,
  PHONE_STYLES,
  pickTrades,
  SCRIPTS,
  type ScriptName,
  slugify,
} from './model.ts';
import {
  aggregatorCard,
  aggregatorPage,
  directoryPage,
  forumThread,
  newsArticle,
  PLAIN_LOOK,
  pageOf,
  proSite,
} from './others.ts';
import type { Env, Ref } from './recipes.ts';
import { type Ctx, renderBoard } from './render.ts';
import type { Dice } from './rng.ts';
import { DEFAULT_LOOK, type Page, type Site } from './site.ts';
import { editSentences, goodsText, OTHER_GOODS, TOWNS, type Trade } from './vocab.ts';

function rivalBoard(env: Env, d: Dice, name: string, script: ScriptName, trades: Trade[], ownAds: number): Board {
  const id = boardIdentity(d, env.reg);
  const advertisers = makeAdvertisers(d, name, d.int(10, 16), trades, env.phones);
  return {
    name,
    title: id.title,
    domain: id.domain,
    script,
    operator: makeOperator(d, env.phones, id.domain),
    trackers: makeTrackers(d),
    trades,
    ads: makeAds(d, name, ownAds, advertisers, env.pics, d.int(1, 50) * 100, FEW_PHOTOS),
  };
}

const rivalLook = (d: Dice) => ({
  ...DEFAULT_LOOK,
  perPage: d.int(8, 14),
  photoStyle: d.pick(['base', 'small', 'large', 'webp'] as const),
});

export type Negative = (ref: Ref, env: Env, d: Dice, name: string) => Site;

export const NEGATIVES: Record<string, { weight: number; make: Negative }> = {
  /** A regional news story on the takedown, quoting the board's name and two ads. */
  press: {
    weight: 2,
    make: (ref, env, d, name) => {
      const domain = env.reg.domain(
        d.pick(['echo-des-vallees', 'le-petit-rhodanien', 'journal-des-alpes', 'info-locale-69']),
      );
      const ads = d.sample(ref.board.ads, 2);
      const b = ref.board;
      const quotes = ads.map((a) => a.sentences[0]);
      const paragraphs = [
        `Le site ${b.title} (${b.domain}), qui proposait des petits travaux et des services à domicile, a été fermé cette semaine.`,
        `Plusieurs annonces y promettaient des prestations payées de la main à la main. « ${ads[0].title} », pouvait-on lire par exemple.`,
        'Les enquêteurs rappellent que les particuliers qui emploient quelqu\u2019un chez eux doivent le déclarer.',
      ];
      if (d.chance(0.4))
        paragraphs.push(
          `Un annonceur joint au ${PHONE_STYLES[0](ads[1].advertiser.phone)} dit ne pas avoir été prévenu.`,
        );
      const home = newsArticle(domain, 'Actualités de la région', ['Toute l\u2019actualité de votre ville.'], []);
      return {
        name,
        domain,
        script: 'news',
        pages: [
          pageOf(domain, '/', home),
          pageOf(
            domain,
            `/faits-divers/${slugify(b.title)}-ferme.html`,
            newsArticle(domain, `Le site ${b.title} fermé`, paragraphs, quotes),
          ),
        ],
      };
    },
  },
  /** A consumer forum thread quoting two ads in full and a number, in a few posts among chatter. */
  forum: {
    weight: 2,
    make: (ref, env, d, name) => {
      const domain = env.reg.domain(d.pick(['forum-entraide-conso', 'les-bons-tuyaux', 'forum-maison-travaux']));
      const ads = d.sample(ref.board.ads, 2);
      const chat = [
        'Quelqu\u2019un connaît ce site ? Il ne répond plus depuis hier.',
        'Je suis passé par eux pour un déménagement, aucun souci.',
        'Méfiez-vous des paiements en liquide sans facture.',
        'Le site a l\u2019air fermé, il y a une bannière de la gendarmerie.',
        'Merci pour l\u2019info, je vais chercher ailleurs.',
        'Il existe d\u2019autres sites pour trouver un jardinier.',
      ];
      const quoted = (a: Ad) => [
        a.title,
        ...a.sentences,
        `Tél. ${PHONE_STYLES[a.advertiser.phoneStyle](a.advertiser.phone)}`,
      ];
      const posts = [
        { author: 'mimi69', date: '12/11/2026', text: [`Vous connaissez ${ref.board.title} ? ${chat[0]}`] },
        {
          author: 'Gégé',
          date: '12/11/2026',
          text: [chat[1], 'Voici l\u2019annonce que j\u2019avais utilisée :'],
          quote: quoted(ads[0]),
        },
        { author: 'Prudence', date: '13/11/2026', text: [chat[2]] },
        { author: 'mimi69', date: '13/11/2026', text: [chat[3]] },
        {
          author: 'Bricoleur38',
          date: '14/11/2026',
          text: ['Celle-ci était encore en ligne la semaine dernière :'],
          quote: quoted(ads[1]),
        },
        { author: 'Léon', date: '15/11/2026', text: [chat[4], chat[5]] },
      ];
      const path = `/viewtopic.php?t=${d.int(1000, 9999)}`;
      return {
        name,
        domain,
        script: 'forum',
        pages: [
          pageOf(
            domain,
            path,
            forumThread(domain, `${ref.board.title} fermé ?`, posts.slice(0, 4), '<b>1</b> <a href="#">2</a>'),
          ),
          pageOf(
            domain,
            `${path}&start=4`,
            forumThread(domain, `${ref.board.title} fermé ?`, posts.slice(4), '<a href="#">1</a> <b>2</b>'),
          ),
        ],
      };
    },
  },
  /** A rival board to which a third to a half of the advertisers moved, each with new ads of their own. */
  'rival-movers': {
    weight: 3,
    make: (ref, env, d, name) => {
      const b = rivalBoard(env, d, name, d.pick(SCRIPTS), ref.board.trades, d.int(20, 30));
      const movers = d.sample(ref.advertisers, Math.round(ref.advertisers.length * (0.3 + d.next() * 0.2)));
      b.ads = [...b.ads, ...makeAds(d, `${name}-movers`, movers.length + d.int(0, 4), movers, env.pics, 70000)];
      return renderBoard(b, rivalLook(d));
    },
  },
  /** A rival board where a few advertisers post the same items as on the board (cross-posting). */
  'cross-posters': {
    weight: 3,
    make: (ref, env, d, name) => {
      const b = rivalBoard(env, d, name, d.pick(SCRIPTS), ref.board.trades, d.int(22, 32));
      const posters = d.sample(
        ref.advertisers,
        Math.max(2, Math.round(ref.advertisers.length * (0.15 + d.next() * 0.1))),
      );
      const copied = posters
        .flatMap((p) =>
          d.sample(
            ref.board.ads.filter((a) => a.advertiser === p),
            d.int(1, 2),
          ),
        )
        .map((a, i) => ({
          ...a,
          id: 50000 + i * 7,
          sentences: d.chance(0.5) ? editSentences(d, a.sentences) : a.sentences,
        }));
      b.ads = [...b.ads, ...copied];
      return renderBoard(b, rivalLook(d));
    },
  },
  /** A tradesman's own site: their services (their ad texts) and photos. */
  'pro-site': {
    weight: 2,
    make: (ref, env, _d, name) => {
      const byCount = [...ref.advertisers].sort(
        (a, b) =>
          ref.board.ads.filter((x) => x.advertiser === b).length -
            ref.board.ads.filter((x) => x.advertiser === a).length || Number(b.pro) - Number(a.pro),
      );
      const pro = byCount[0];
      const domain = env.reg.domain(slugify(pro.name.replace(/\./g, '')) || 'artisan');
      return {
        name,
        domain,
        script: 'pro-site',
        pages: proSite(
          domain,
          pro,
          ref.board.ads.filter((a) => a.advertiser === pro),
          PLAIN_LOOK,
        ),
      };
    },
  },
  /** Another operator's board on the same script and trade, with its own everything. */
  'same-script-rival': {
    weight: 2,
    make: (ref, env, d, name) =>
      renderBoard(rivalBoard(env, d, name, ref.board.script, pickTrades(d), d.int(22, 36)), rivalLook(d)),
  },
};

const DEMO_SENTENCES = [
  'Ceci est une annonce de démonstration créée à l\u2019installation.',
  'Modifiez-la ou supprimez-la depuis l\u2019administration.',
  'Les champs titre, description, prix et téléphone sont affichés ici.',
];

/** The demo install of a script: its sample ads, its demo operator. */
export function demoInstall(script: ScriptName, env: Env, d: Dice, name: string): Site {
  const domain = env.reg.domain(`demo-${script}`);
  const trades = pickTrades(d);
  const advertisers = makeAdvertisers(d, name, 3, trades, env.phones).map((a, i) => ({
    ...a,
    name: `Utilisateur démo ${i + 1}`,
    email: undefined,
  }));
  const ads: Ad[] = Array.from({ length: 12 }, (_, i) => ({
    key: `${name}-ad${i}`,
    id: i + 1,
    slug: `annonce-de-demonstration-${i + 1}`,
    advertiser: advertisers[i % 3],
    trade: trades[i % trades.length],
    title: `Annonce de démonstration n° ${i + 1}`,
    sentences: DEMO_SENTENCES,
    price: `${(i + 1) * 10} €`,
    town: 'Ville de démonstration',
    date: '2026-01-01',
    photos: [],
    phoneInText: false,
  }));
  const board: Board = {
    name,
    title: `Démo ${script}`,
    domain,
    script,
    operator: {
      company: 'Démonstration',
      email: `demo@${domain}`,
      phone: env.phones.landline(),
      address: '1 rue de la Démo, Ville de démonstration',
    },
    trackers: {},
    trades,
    ads,
  };
  return renderBoard(board, DEFAULT_LOOK);
}

/** A directory of home-services boards (the seed's references among others that do not exist here). */
export function directory(refs: Ref[], env: Env, d: Dice, name: string): Site {
  const domain = env.reg.domain('annuaire-des-petites-annonces');
  const others = Array.from({ length: 14 }, () => {
    const id = boardIdentity(d, env.reg);
    return { title: id.title, domain: id.domain, blurb: 'Annonces de services entre particuliers.' };
  });
  const entries = d.shuffle([
    ...refs.map((r) => ({
      title: r.board.title,
      domain: r.board.domain,
      blurb: `Services à domicile : ${r.board.trades.map((t) => t.label.toLowerCase()).join(', ')}.`,
    })),
    ...others,
  ]);
  const half = Math.ceil(entries.length / 2);
  return {
    name,
    domain,
    script: 'directory',
    pages: [
      pageOf(domain, '/', directoryPage(domain, 'Sites de services à domicile (1/2)', entries.slice(0, half))),
      pageOf(domain, '/page/2/', directoryPage(domain, 'Sites de services à domicile (2/2)', entries.slice(half))),
    ],
  };
}

/** An aggregator listing a few ads of every board among many from elsewhere. */
export function aggregator(refs: Ref[], env: Env, d: Dice, name: string): Site {
  const domain = env.reg.domain('trouve-un-service');
  const look = { ...PLAIN_LOOK, thumbStyle: 'small' as const };
  const ctxBoard = { domain } as Ctx['board'];
  const cards: { ad: Ad; source: string }[] = [];
  for (const r of refs)
    for (const ad of d.sample(r.board.ads, Math.max(2, Math.round(r.board.ads.length * 0.1))))
      cards.push({ ad, source: r.board.domain });
  for (let s = 0; s < 5; s++) {
    const src = boardIdentity(d, env.reg).domain;
    const trades = pickTrades(d);
    const advertisers = makeAdvertisers(d, `${name}-src${s}`, 8, trades, env.phones);
    for (const ad of makeAds(d, `${name}-src${s}`, 18, advertisers, env.pics, 1000 * (s + 1), FEW_PHOTOS))
      cards.push({ ad, source: src });
  }
  const shuffled = d.shuffle(cards);
  const per = 20;
  const pages: Page[] = [];
  const total = Math.ceil(shuffled.length / per);
  for (let p = 1; p <= total; p++) {
    const ctx: Ctx = { board: ctxBoard, look, photos: [] };
    const part = shuffled.slice((p - 1) * per, p * per).map((c) => aggregatorCard(ctx, c.ad, c.source, look));
    pages.push(pageOf(domain, p === 1 ? '/' : `/recherche?p=${p}`, aggregatorPage(domain, part, p, total), ctx));
  }
  return { name, domain, script: 'aggregator', pages };
}

/** A board of something else entirely (second-hand goods), nothing in common but being a board. */
export function unrelated(env: Env, d: Dice, name: string): Site {
  const goods = d.pick(OTHER_GOODS);
  const trade: Trade = {
    slug: goods.slug,
    label: goods.label,
    services: goods.things,
    details: [],
    rateUnit: '',
    rate: [5, 250],
  };
  const b = rivalBoard(env, d, name, d.pick(SCRIPTS), [trade], 0);
  const advertisers = makeAdvertisers(d, name, d.int(8, 14), [trade], env.phones);
  b.title = `${goods.label} d\u2019occasion ${d.pick(['Rhône', 'Isère', 'Loire'])}`;
  b.ads = Array.from({ length: d.int(18, 30) }, (_, i) => {
    const adv = d.pick(advertisers);
    const town = d.pick(TOWNS);
    const t = goodsText(d, d.pick(goods.things), town);
    return {
      key: `${name}-ad${i}`,
      id: 400 + i * 3,
      slug: slugify(t.title),
      advertiser: adv,
      trade,
      title: t.title,
      sentences: t.sentences,
      price: t.price,
      town,
      date: `2026-0${d.int(1, 9)}-1${d.int(0, 9)}`,
      photos: d.chance(0.35) ? [env.pics.next()] : [],
      phoneInText: d.chance(0.2),
    };
  });
  return renderBoard(b, rivalLook(d));
}

/**
 * How world-3 candidates are made from a reference. Clone recipes keep the operator's data (most of the old ads, or
 * the operator's traces with a good part of the ads): what an analyst would call the same site restarted. Hard
 * negatives share something real with the reference (advertisers, script, quoted ads) but are not run by its operator.
 */
import { EMAIL_STYLES, type PhoneStyle } from './contacts.ts';
import type { Factory } from './factory.ts';
import { type Ad, CLASSIFIED_THEMES, type Site } from './model.ts';
import { rewriteLightly, translateCrudely } from './rewrite.ts';

export const CLONE_RECIPES = [
  'old-db-restart',
  'script-migration',
  'new-operator-contacts',
  'tracker-kept-half-ads',
  'reworded-copy',
  'translated-mirror',
  'listing-only-partial',
  'photo-gallery',
  'proxy-mirror',
  'obfuscation-shift',
] as const;
export const HARD_KINDS = [
  'competitor-shared-advertisers',
  'same-script-neighbour',
  'aggregator',
  'press-article',
  'forum-thread',
] as const;

export type CloneRecipe = (typeof CLONE_RECIPES)[number];
export type HardKind = (typeof HARD_KINDS)[number];

const HARD_PHONE_STYLES: PhoneStyle[] = [
  'words',
  'fullwidth',
  'zero-width',
  'letters-for-digits',
  'figure-dash',
  'whatsapp-link',
  'paren33',
];

const fraction = (f: Factory, ads: Ad[], lo: number, hi: number) =>
  f.d.sample(ads, Math.round(ads.length * (lo + f.d.next() * (hi - lo))));
const otherTheme = (f: Factory, ref: Site) => f.d.pick(CLASSIFIED_THEMES.filter((t) => t !== ref.theme));
const copyOf = (ref: Site, f: Factory, prefix: string): Site => ({
  ...ref,
  name: f.siteName(prefix),
  domain: f.domain(),
});

export function makeClone(f: Factory, ref: Site, recipe: CloneRecipe): Site {
  const d = f.d;
  const c = copyOf(ref, f, 'clone');
  switch (recipe) {
    case 'old-db-restart': {
      // Same script and database on a new domain, new ads listed first; new brand, sometimes a new number and tracker.
      const kept = fraction(f, ref.ads, 0.7, 1);
      const fresh = f.freshAds(Math.round(ref.ads.length * (0.2 + d.next() * 0.4)));
      const op = f.operator();
      c.operator = {
        ...op,
        phone: d.chance(0.5) ? ref.operator!.phone : op.phone,
        email: d.chance(0.5) ? ref.operator!.email : op.email,
      };
      c.title = op.brand;
      c.ads = [...fresh, ...kept];
      c.skin = (ref.skin + 1) % 6;
      if (d.chance(0.6)) c.trackers = f.trackers();
      return c;
    }
    case 'script-migration': {
      c.theme = otherTheme(f, ref);
      c.dbSalt = c.name;
      c.ads = fraction(f, ref.ads, 0.85, 1);
      c.phoneStyles = f.phoneStyles(c.theme);
      c.perPage = d.int(8, 15);
      if (d.chance(0.5)) c.trackers = f.trackers();
      return c;
    }
    case 'new-operator-contacts': {
      // The operator changes every contact, brand and tracker; the ads database comes back whole.
      const op = f.operator();
      c.operator = op;
      c.title = op.brand;
      c.trackers = f.trackers();
      c.ads = fraction(f, ref.ads, 0.8, 1);
      c.emailStyle = d.pick(EMAIL_STYLES);
      return c;
    }
    case 'tracker-kept-half-ads': {
      // Another script, half the old ads plus new ones, but the operator's analytics/advertising ids and number stay.
      c.theme = otherTheme(f, ref);
      c.dbSalt = c.name;
      c.phoneStyles = f.phoneStyles(c.theme);
      const kept = fraction(f, ref.ads, 0.5, 0.6);
      c.ads = d.shuffle([...kept, ...f.freshAds(ref.ads.length - kept.length)]);
      c.trackers = { ...f.trackers(), ...ref.trackers };
      const op = f.operator();
      c.operator = { ...op, phone: ref.operator!.phone, telegram: ref.operator!.telegram ?? op.telegram };
      c.title = op.brand;
      return c;
    }
    case 'reworded-copy': {
      c.theme = d.chance(0.5) ? ref.theme : otherTheme(f, ref);
      c.phoneStyles = f.phoneStyles(c.theme);
      c.dbSalt = c.name;
      c.ads = fraction(f, ref.ads, 0.75, 1).map((a) => ({
        ...a,
        title: rewriteLightly(d, a.title),
        body: rewriteLightly(d, a.body),
      }));
      if (d.chance(0.5)) c.operator = { ...ref.operator!, phone: f.numbers.draw() };
      return c;
    }
    case 'translated-mirror': {
      c.lang = 'en';
      c.ads = ref.ads.map((a) => ({ ...a, title: translateCrudely(a.title), body: translateCrudely(a.body) }));
      if (d.chance(0.5)) c.trackers = f.trackers();
      return c;
    }
    case 'listing-only-partial': {
      c.ads = fraction(f, ref.ads, 0.55, 0.75);
      c.detailPages = false;
      return c;
    }
    case 'photo-gallery': {
      // Only the pictures come back, captioned with the title and the advertiser's number; the operator signs the page.
      c.theme = 'gallery';
      const withPhotos = ref.ads.filter((a) => a.photos.length > 0);
      c.ads = f.d.sample(withPhotos, Math.max(1, Math.round(withPhotos.length * (0.7 + d.next() * 0.3))));
      c.phoneStyles = [d.pick(['spaced', 'dotted', 'plus33'] as PhoneStyle[])];
      c.trackers = d.chance(0.5) ? ref.trackers : f.trackers();
      return c;
    }
    case 'proxy-mirror': {
      // A reverse proxy on another domain: the same pages, plus the mirror's own pixel.
      c.trackers = { ...ref.trackers, fbPixel: f.trackers().fbPixel ?? '419283746501928' };
      return c;
    }
    case 'obfuscation-shift': {
      c.ads = fraction(f, ref.ads, 0.85, 1);
      c.phoneStyles = d.sample(HARD_PHONE_STYLES, d.int(1, 2));
      c.emailStyle = d.pick(['reversed-css', 'entities', 'bracket-at', 'word-arobase'] as const);
      return c;
    }
  }
}

export interface HardContext {
  /** Other references (aggregators and press draw from several sites). */
  others: Site[];
}

export function makeHard(f: Factory, ref: Site, kind: HardKind, ctx: HardContext): Site {
  const d = f.d;
  switch (kind) {
    case 'competitor-shared-advertisers': {
      // Advertisers post the same text on both sites: 20–35 % of the reference's ads, the rest the competitor's own.
      const shared = fraction(f, ref.ads, 0.2, 0.35);
      const own = f.freshAds(d.int(18, 30));
      return f.classifiedSite(
        'hard',
        d.pick(CLASSIFIED_THEMES),
        d.shuffle([...shared, ...own]),
        f.operator(),
        f.trackers(),
      );
    }
    case 'same-script-neighbour': {
      const s = f.classifiedSite('hard', ref.theme, f.freshAds(d.int(18, 32)), f.operator(), f.trackers());
      s.skin = ref.skin;
      s.perPage = ref.perPage;
      return s;
    }
    case 'aggregator': {
      const fromRef = fraction(f, ref.ads, 0.25, 0.4);
      const fromOthers = d
        .sample(ctx.others, 4)
        .flatMap((o) => fraction(f, o.ads, 0.2, 0.4).map((a) => [a, o.domain] as const));
      const credits: Record<string, string> = {};
      for (const a of fromRef) credits[a.id] = ref.domain;
      for (const [a, dom] of fromOthers) credits[a.id] = dom;
      const s = f.classifiedSite(
        'hard',
        'aggregator',
        d.shuffle([...fromRef, ...fromOthers.map(([a]) => a)]),
        null,
        f.trackers(),
      );
      s.credits = credits;
      return s;
    }
    case 'press-article': {
      const quoted = d.sample(ref.ads, 3);
      const s = f.classifiedSite('hard', 'press', quoted, null, f.trackers());
      s.title = d.pick(['Le Courrier du Val', 'La Gazette métropolitaine', 'L’Écho des quartiers']);
      s.story = {
        headline: `Fermeture du site ${ref.title} : les artisans cherchent d’autres vitrines`,
        paragraphs: [
          `Le site d’annonces ${ref.domain} a été fermé le mois dernier à la suite d’une procédure judiciaire.`,
          'Nous avons relevé quelques annonces qui y figuraient encore, sans les numéros de téléphone.',
          `Plusieurs annonceurs disent avoir payé ${d.int(20, 90)} € pour être mis en avant sur ${ref.title}.`,
          'Contactée, la plateforme n’a pas répondu à nos questions.',
        ],
      };
      return s;
    }
    case 'forum-thread': {
      const s = f.classifiedSite('hard', 'phpbb', d.sample(ref.ads, d.int(4, 8)), null, {});
      s.title = `Forum ${d.pick(['Entraide', 'Voisinage', 'Bons plans'])} ${ref.ads[0]?.town ?? ''}`.trim();
      s.phoneStyles = [d.pick(['spaced', 'dotted'] as PhoneStyle[])];
      s.story = {
        headline: `${ref.domain} a fermé, où trouver les artisans ?`,
        paragraphs: [
          `Bonjour à tous, le site ${ref.domain} ne répond plus.`,
          'Je recopie ici les annonces que j’avais gardées pour ceux qui cherchent les mêmes artisans.',
        ],
      };
      return s;
    }
  }
}

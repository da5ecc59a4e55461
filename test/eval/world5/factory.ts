/**
 * The people and rows of world 5: advertisers (each with a trade or two, a fiction number, sometimes an e-mail, and
 * a small library of their own photos), the ads they write, and the operators, trackers, photo styles and looks
 * of the sites that carry them.
 */
import { NumberPool, newTrackers, slug } from './contacts.ts';
import { BRAND_A, BRAND_B, FIRST_NAMES, REGIONS, SURNAMES, TRADES } from './lexicon.ts';
import type { Ad, Advertiser, Operator, PhoneStyle, PhotoStyle, Presentation, Trackers } from './model.ts';
import type { Dice } from './rng.ts';

export interface Person extends Advertiser {
  trades: number[];
  town: string;
  library: string[];
  /** How this person writes an ad (the wording of their rows). */
  style: number;
}

export class Factory {
  readonly numbers: NumberPool;
  private adCount = 0;
  private photoCount = 0;
  private brands = new Set<string>();

  constructor(
    readonly dice: Dice,
    readonly seed: string,
  ) {
    this.numbers = new NumberPool(dice.fork('numbers'));
  }

  photoId(): string {
    this.photoCount++;
    return `ph${this.dice.code(5, 'abcdefghijklmnopqrstuvwxyz0123456789')}${this.photoCount.toString(36).padStart(3, '0')}`;
  }

  person(region: number): Person {
    const d = this.dice;
    const first = d.pick(FIRST_NAMES);
    const last = d.pick(SURNAMES);
    const business = d.chance(0.25);
    const name = business
      ? `${last} ${d.pick(['Services', 'Multiservices', 'Dépannage', 'Pro'])}`
      : `${first} ${last.charAt(0)}.`;
    const trades = d.sample(
      TRADES.map((_, i) => i),
      d.int(1, 2),
    );
    const hosts = ['courriel.test', 'boite-mail.example', 'messagerie.test', 'webmail.example'];
    return {
      id: `u${this.photoCount}${d.code(4, '0123456789')}`,
      name,
      phone: this.numbers.take('mobile'),
      email: d.chance(0.55) ? `${slug(first)}.${slug(last)}${d.int(1, 99)}@${d.pick(hosts)}` : null,
      region,
      trades,
      town: d.pick(REGIONS[region].towns),
      library: Array.from({ length: d.int(2, 6) }, () => this.photoId()),
      style: d.int(0, 35),
    };
  }

  /** A new ad row written by a person. */
  ad(p: Person, origin: Ad | null = null): Ad {
    const d = this.dice;
    this.adCount++;
    const trade = origin ? origin.trade : d.pick(p.trades);
    const extras = d.sample([0, 1, 2], d.int(1, 3)).sort();
    const photos = p.library.length > 0 ? d.sample(p.library, d.int(0, Math.min(3, p.library.length))) : [];
    const [lo, hi] = TRADES[trade].price;
    const advertiser: Advertiser = { id: p.id, name: p.name, phone: p.phone, email: p.email, region: p.region };
    return {
      id: `a${this.adCount.toString().padStart(5, '0')}`,
      origin: origin?.id ?? null,
      trade,
      service: origin ? origin.service : d.int(0, 2),
      town: origin ? origin.town : d.chance(0.6) ? p.town : d.pick(REGIONS[p.region].towns),
      price: origin ? origin.price : d.int(lo, hi),
      years: origin ? origin.years : d.int(1, 25),
      radius: origin ? origin.radius : d.pick([5, 10, 15, 20, 30]),
      availability: d.int(0, 4),
      extras: origin ? origin.extras : extras,
      closing: d.int(0, 4),
      wording: origin ? origin.wording + d.int(1, 2) : p.style,
      advertiser,
      photos: origin && d.chance(0.7) ? origin.photos : photos,
      day: d.int(0, 330),
    };
  }

  brand(region: number): { brand: string; domain: string } {
    for (;;) {
      const brand = `${this.dice.pick(BRAND_A)}${this.dice.pick(BRAND_B)}`;
      const domain = `${slug(brand)}-${REGIONS[region].slug}.${this.dice.chance(0.7) ? 'test' : 'example'}`;
      if (!this.brands.has(domain)) {
        this.brands.add(domain);
        return { brand: `${brand} ${REGIONS[region].name}`, domain };
      }
    }
  }

  operator(brand: string, domain: string): Operator {
    const d = this.dice;
    return {
      brand,
      phone: this.numbers.take(d.chance(0.6) ? 'landline' : 'mobile'),
      email: `${d.pick(['contact', 'admin', 'annonces', 'bonjour'])}@${domain}`,
      company: `${d.pick(['SAS', 'SARL', 'EURL', 'SASU'])} ${brand.split(' ')[0]} ${d.pick(['Média', 'Digital', 'Web', 'Conseil'])}`,
    };
  }

  /** An operator's logo upload path, in WordPress's year/month folders. */
  logo(brand: string): string | null {
    const d = this.dice;
    if (d.chance(0.2)) return null;
    return `/wp-content/uploads/${d.int(2021, 2024)}/${String(d.int(1, 12)).padStart(2, '0')}/${d.pick(['logo-', '', 'cropped-'])}${slug(brand)}${d.pick(['', '-1', '-scaled', '-300x80'])}.png`;
  }

  trackers(): Trackers {
    return newTrackers(this.dice, { ga: 0.85, gtm: 0.45, pixel: 0.4, adsense: 0.5 });
  }

  photoStyle(): PhotoStyle {
    const d = this.dice;
    return {
      width: d.pick([480, 560, 640, 720, 768, 800]),
      quality: d.int(62, 90),
      crop: d.chance(0.7) ? 0 : d.pick([0.02, 0.03, 0.04]),
      brightness: d.chance(0.7) ? 1 : d.pick([0.92, 0.96, 1.05, 1.08]),
      watermark: d.chance(0.15),
      thumb: d.chance(0.85) ? d.pick([150, 200, 240, 300]) : 0,
    };
  }

  look(): Presentation {
    const d = this.dice;
    const phones: PhoneStyle[] = [
      'spaced',
      'spaced',
      'dotted',
      'intl',
      'intl0',
      'split',
      'dashed',
      'compact',
      'masked',
    ];
    return {
      lang: 'fr',
      phone: d.pick(phones),
      mail: d.pick(['mailto', 'mailto', 'at-words', 'entities', 'data-attrs'] as const),
      classPrefix: null,
      perPage: d.pick([10, 12, 15, 20]),
      accent: `#${d.code(6, '0123456789abcdef')}`,
    };
  }
}

/**
 * World 3's raw material: advertisers with their ads (an ad bank from which sites draw; an advertiser who posts on
 * two sites posts the same text), operators, trackers, domains and the reference sites themselves.
 */
import { EMAIL_STYLES, MAIL_DOMAINS, NumberPool, PHONE_STYLES, type PhoneStyle } from './contacts.ts';
import { BRAND_WORDS, DOMAIN_WORDS, FIRST_NAMES, SURNAME_INITIALS, TOWNS, TRADES, writeAd } from './lexicon.ts';
import type { Ad, Advertiser, Operator, Site, ThemeId, Trackers } from './model.ts';
import { type Dice, digits, token } from './prng.ts';

export class Factory {
  readonly numbers: NumberPool;
  private adSeq = 0;
  private advSeq = 0;
  private domains = new Set<string>();
  private siteSeq = 0;

  constructor(readonly d: Dice) {
    this.numbers = new NumberPool(d.fork('numbers'));
  }

  advertiser(): Advertiser {
    const first = this.d.pick(FIRST_NAMES);
    const name = `${first} ${this.d.pick(SURNAME_INITIALS)}.`;
    const hasMail = this.d.chance(0.6);
    return {
      id: `adv${++this.advSeq}`,
      name,
      phone: this.numbers.draw(),
      email: hasMail
        ? `${first
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase()}.${token(this.d, 4, 'abcdefghijkmnpqrstuvwxyz')}@${this.d.pick(MAIL_DOMAINS)}`
        : null,
    };
  }

  /** `n` fresh ads from new advertisers (an advertiser posts one to three of them). */
  freshAds(n: number): Ad[] {
    const out: Ad[] = [];
    while (out.length < n) {
      const adv = this.advertiser();
      const trade = this.d.pick(TRADES);
      const town = this.d.pick(TOWNS);
      for (let k = this.d.int(1, 3); k > 0 && out.length < n; k--) {
        const price = this.d.int(3, 40) * 5;
        const text = writeAd(this.d, trade, town, price);
        const photoCount = this.d.chance(0.8) ? this.d.int(1, 4) : 0;
        out.push({
          id: `ad${++this.adSeq}`,
          trade: trade.label,
          title: text.title,
          body: text.body,
          town,
          price: this.d.chance(0.8) ? price : null,
          advertiser: adv,
          photos: Array.from(
            { length: photoCount },
            () => `ph${token(this.d, 10, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
          ),
          posted: `202${this.d.int(4, 5)}-${String(this.d.int(1, 12)).padStart(2, '0')}-${String(this.d.int(1, 28)).padStart(2, '0')}`,
        });
      }
    }
    return out;
  }

  operator(): Operator {
    const brand = `${this.d.pick(BRAND_WORDS)} ${this.d.pick([...BRAND_WORDS, ...TOWNS])}`;
    return {
      brand,
      phone: this.numbers.draw(),
      email: `${this.d.pick(['contact', 'admin', 'support', 'annonces', 'pub'])}${this.d.int(1, 99)}@${this.d.pick(MAIL_DOMAINS)}`,
      telegram: this.d.chance(0.4)
        ? `${this.d.pick(DOMAIN_WORDS)}_${token(this.d, 5, 'abcdefghijkmnpqrstuvwxyz')}`
        : null,
    };
  }

  trackers(): Trackers {
    const t: Trackers = {};
    if (this.d.chance(0.7)) t.ga4 = `G-${token(this.d, 10)}`;
    if (this.d.chance(0.3)) t.gtm = `GTM-${token(this.d, 7)}`;
    if (this.d.chance(0.4)) t.adsense = `ca-pub-${digits(this.d, 16).replace(/^0/, '7')}`;
    if (this.d.chance(0.15))
      t.matomo = `stats.${this.domain().replace(/\.(test|example)$/, '.example')}#${this.d.int(2, 40)}`;
    if (this.d.chance(0.25)) t.fbPixel = digits(this.d, 15).replace(/^0/, '4');
    return t;
  }

  domain(): string {
    for (;;) {
      const dom = `${this.d.pick(DOMAIN_WORDS)}${this.d.pick(['-', '', '-'])}${this.d.pick(DOMAIN_WORDS)}${this.d.chance(0.3) ? this.d.int(2, 99) : ''}.${this.d.pick(['test', 'example'])}`;
      if (!this.domains.has(dom)) {
        this.domains.add(dom);
        return dom;
      }
    }
  }

  siteName(prefix: string): string {
    return `${prefix}-${++this.siteSeq}`;
  }

  /** One to three phone styles fit for the theme (the first also shows the operator's number). */
  phoneStyles(theme: ThemeId): PhoneStyle[] {
    const usable = PHONE_STYLES.filter((s) => s !== 'hidden-in-title' || theme === 'dj-classifieds');
    return this.d.sample(usable, this.d.int(1, 3));
  }

  classifiedSite(prefix: string, theme: ThemeId, ads: Ad[], operator: Operator | null, trackers: Trackers): Site {
    const name = this.siteName(prefix);
    return {
      name,
      domain: this.domain(),
      theme,
      skin: this.d.int(0, 5),
      dbSalt: name,
      title: operator?.brand ?? `${this.d.pick(BRAND_WORDS)} ${this.d.pick(TOWNS)}`,
      ads,
      operator,
      trackers,
      phoneStyles: this.phoneStyles(theme),
      emailStyle: this.d.pick(EMAIL_STYLES),
      detailPages: this.d.chance(0.9),
      perPage: this.d.int(8, 15),
      lang: 'fr',
    };
  }
}

/**
 * The shared state of one world-2 universe while it is generated: unique fiction numbers, unique domains and brands,
 * the advertisers of the local market, and fresh reference sites.
 */
import {
  type Ad,
  type Advertiser,
  composeAd,
  newAdvertiser,
  type Operator,
  type ScriptName,
  type Site,
} from './model.ts';
import { fictionNumber, PHONE_STYLES } from './phones.ts';
import { freshPivots } from './pivots.ts';
import type { Rng } from './prng.ts';
import { SCRIPTS } from './scripts/index.ts';
import { SITE_WORDS } from './vocab.ts';

export class Market {
  readonly advertisers: Advertiser[] = [];
  private readonly phones = new Set<string>();
  private readonly domains = new Set<string>();
  private siteCount = 0;
  constructor(readonly rng: Rng) {}

  phone(mobile = true): string {
    for (;;) {
      const p = fictionNumber(this.rng, mobile);
      if (!this.phones.has(p)) {
        this.phones.add(p);
        return p;
      }
    }
  }

  domain(): string {
    for (;;) {
      const r = this.rng;
      const d = `${r.pick(SITE_WORDS.domainParts)}${r.chance(0.5) ? '-' : ''}${r.pick(SITE_WORDS.domainParts)}${r.chance(0.4) ? r.int(2, 99) : ''}.${r.chance(0.6) ? 'test' : 'example'}`;
      if (!this.domains.has(d)) {
        this.domains.add(d);
        return d;
      }
    }
  }

  brand(): string {
    return `${this.rng.pick(SITE_WORDS.first)} ${this.rng.pick(SITE_WORDS.second)}`;
  }

  siteName(prefix: string): string {
    this.siteCount++;
    return `${prefix}-${this.siteCount}`;
  }

  advertiser(): Advertiser {
    const a = newAdvertiser(this.rng, `annonceur${this.advertisers.length + 1}`, this.phone(this.rng.chance(0.85)));
    this.advertisers.push(a);
    return a;
  }

  date(): string {
    return `${String(this.rng.int(1, 28)).padStart(2, '0')}/${String(this.rng.int(1, 12)).padStart(2, '0')}/${this.rng.pick(['2025', '2026'])}`;
  }

  ads(advertisers: Advertiser[], count: number): Ad[] {
    return Array.from({ length: count }, () => composeAd(this.rng, this.rng.pick(advertisers), this.date()));
  }

  freshAds(count: number): Ad[] {
    const who = Array.from({ length: Math.max(1, Math.round(count * 0.7)) }, () => this.advertiser());
    return this.ads(who, count);
  }

  operator(domain: string): Operator {
    return {
      phone: this.phone(this.rng.chance(0.5)),
      email: `${this.rng.pick(['contact', 'admin', 'support', 'equipe', 'bonjour'])}@${domain}`,
      whatsapp: this.rng.chance(0.3) ? this.phone(true) : undefined,
    };
  }

  /** A classified site of its own: own advertisers (a few cross-posted from elsewhere), operator and pivots. */
  classified(
    prefix: string,
    script: ScriptName = this.rng.pick(SCRIPTS),
    adCount = this.rng.int(24, 45),
    borrowFrom: Ad[] = [],
  ): Site {
    const domain = this.domain();
    const borrowed = this.rng.sample(borrowFrom, Math.round(adCount * this.rng.next() * 0.12));
    const ads = this.rng.shuffle([...this.freshAds(adCount - borrowed.length), ...borrowed]);
    return {
      name: this.siteName(prefix),
      domain,
      kind: 'classified',
      script,
      brand: this.brand(),
      ads,
      operator: this.operator(domain),
      pivots: freshPivots(this.rng),
      perPage: this.rng.pick([8, 10, 12, 15, 20]),
      renameSalt: null,
      reorder: false,
      photos: this.rng.chance(0.85),
      phoneStyle: this.rng.pick(PHONE_STYLES),
      detailPages: true,
    };
  }
}

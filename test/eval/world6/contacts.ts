/**
 * Contacts of world 6: fiction numbers only (ARCEP: mobiles 06 39 98 xx xx, landlines 01 99 00 xx xx), handed out
 * once each per world, and the many ways real pages write a phone or an e-mail address.
 */
import { MAIL_PROVIDERS, slugify } from './lexicon.ts';
import type { Rng } from './rng.ts';

export const MOBILE_PREFIX = '063998';
export const LANDLINE_PREFIX = '019900';

/** Hands out distinct fiction numbers: each of the 10,000 endings of a prefix at most once per world. */
export class NumberBook {
  private used = new Set<string>();

  constructor(private rng: Rng) {}

  private draw(prefix: string): string {
    for (let tries = 0; tries < 10_000; tries++) {
      const number = `${prefix}${this.rng.digits(4)}`;
      if (!this.used.has(number)) {
        this.used.add(number);
        return number;
      }
    }
    throw new Error(`world 6: fiction numbers ${prefix}xxxx exhausted`);
  }

  mobile(): string {
    return this.draw(MOBILE_PREFIX);
  }

  landline(): string {
    return this.draw(LANDLINE_PREFIX);
  }

  /** Mostly mobiles, as on real boards. */
  any(): string {
    return this.rng.chance(0.8) ? this.mobile() : this.landline();
  }
}

export function personalEmail(rng: Rng, first: string, last: string): string {
  const f = slugify(first);
  const l = slugify(last).replace(/-/g, '');
  const local = rng.pick([`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}.${l}${rng.int(1, 99)}`, `${l}.${f}`]);
  return `${local}@${rng.pick(MAIL_PROVIDERS)}`;
}

function pairs(digits: string): string[] {
  return digits.match(/../g) ?? [digits];
}

/** Ways of writing a phone, by number; the site picks a few (Site.phoneStyles) and each ad one of them. */
export const PHONE_STYLES = 10;

export function writePhone(digits: string, style: number): string {
  const p = pairs(digits);
  const intl = `+33 ${digits[1]} ${p.slice(1).join(' ')}`;
  switch (style % PHONE_STYLES) {
    case 0:
      return p.join(' ');
    case 1:
      return p.join('.');
    case 2:
      return digits;
    case 3:
      return intl;
    case 4:
      return `+33 (0)${digits[1]} ${p.slice(1).join(' ')}`;
    case 5:
      return `<span class="tel-a">${p[0]} ${p[1]}</span> <span class="tel-b">${p[2]} ${p[3]}</span> <span class="tel-c">${p[4]}</span>`;
    case 6:
      return `<a href="tel:+33${digits.slice(1)}">${p.join(' ')}</a>`;
    case 7:
      return p.join('-');
    case 8:
      return p.join('&nbsp;');
    default:
      return `${p[0]} ${p.slice(1).join('')}`;
  }
}

export const EMAIL_STYLES = 6;

export function writeEmail(address: string, style: number): string {
  const [local, domain] = address.split('@');
  switch (style % EMAIL_STYLES) {
    case 0:
      return address;
    case 1:
      return `<a href="mailto:${address}">${address}</a>`;
    case 2:
      return `${local} [at] ${domain.replace(/\./g, ' [dot] ')}`;
    case 3:
      return `${local}(at)${domain}`;
    case 4:
      return `<span>${local}</span>@<span>${domain}</span>`;
    default:
      return `${local} @ ${domain}`;
  }
}

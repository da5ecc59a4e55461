/**
 * Contacts and trackers as operators paste them: ARCEP fiction numbers written in the ways French sites write them
 * (spaced, dotted, +33, split over tags, masked behind a button), e-mail addresses on .test/.example domains plain or
 * dodged, and the GA4, GTM, Meta pixel and AdSense snippets with fiction ids.
 */

import type { MailStyle, PhoneStyle, Trackers } from './model.ts';
import type { Dice } from './rng.ts';

/** ARCEP's fiction ranges used by this world: 06 39 98 xx xx (mobiles) and 01 99 00 xx xx (landlines). */
export function isFictionNumber(digits: string): boolean {
  return /^(063998|019900)\d{4}$/.test(digits);
}

/** Hands out distinct fiction numbers for one world. */
export class NumberPool {
  private used = new Set<string>();
  constructor(private dice: Dice) {}

  take(kind: 'mobile' | 'landline'): string {
    for (;;) {
      const n = `${kind === 'mobile' ? '063998' : '019900'}${String(this.dice.int(0, 9999)).padStart(4, '0')}`;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
}

const pairs = (d: string) => d.match(/\d{2}/g)!;

export function telHref(digits: string): string {
  return `tel:+33${digits.slice(1)}`;
}

function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}

/** The number as a page shows it (HTML). */
export function phoneHtml(digits: string, style: PhoneStyle): string {
  const p = pairs(digits);
  switch (style) {
    case 'spaced':
      return p.join(' ');
    case 'dotted':
      return p.join('.');
    case 'dashed':
      return p.join('-');
    case 'compact':
      return digits;
    case 'intl':
      return `+33 ${digits[1]} ${p.slice(1).join(' ')}`;
    case 'intl0':
      return `+33 (0)${digits[1]} ${p.slice(1).join(' ')}`;
    case 'split':
      return `<span class="num-a">${p[0]} ${p[1]}</span><span class="num-b"> ${p[2]} ${p[3]}</span><span class="num-c"> ${p[4]}</span>`;
    case 'masked':
      return `${p.slice(0, 3).join(' ')} <span class="num-hidden" data-tail="${b64(p.slice(3).join(' '))}">XX XX</span>`;
  }
}

/** A phone as a link when the style allows one (a masked number is only revealed by a button). */
export function phoneLink(digits: string, style: PhoneStyle, cls: string): string {
  if (style === 'masked')
    return `<span class="${cls}">${phoneHtml(digits, style)}</span> <button type="button" class="${cls}-reveal" data-n="${b64(digits)}">Voir</button>`;
  return `<a class="${cls}" href="${telHref(digits)}">${phoneHtml(digits, style)}</a>`;
}

function entities(text: string): string {
  return [...text].map((c) => `&#${c.charCodeAt(0)};`).join('');
}

/** The e-mail address as a page shows it (HTML). */
export function mailHtml(address: string, style: MailStyle): string {
  const [user, domain] = address.split('@');
  switch (style) {
    case 'mailto':
      return `<a href="mailto:${address}">${address}</a>`;
    case 'at-words':
      return `${user} [at] ${domain.replace(/\./g, ' [point] ')}`;
    case 'entities':
      return `<a href="${entities(`mailto:${address}`)}">${entities(address)}</a>`;
    case 'data-attrs':
      return `<a class="js-mail" href="#" data-user="${user}" data-domain="${domain}">${user}<span class="at">@</span>${domain}</a>`;
  }
}

export function newTrackers(dice: Dice, odds: { ga: number; gtm: number; pixel: number; adsense: number }): Trackers {
  return {
    ga: dice.chance(odds.ga) ? `G-${dice.code(10)}` : null,
    gtm: dice.chance(odds.gtm) ? `GTM-${dice.code(7)}` : null,
    pixel: dice.chance(odds.pixel) ? `${dice.int(1, 9)}${dice.code(15, '0123456789')}` : null,
    adsense: dice.chance(odds.adsense) ? `ca-pub-${dice.code(16, '0123456789')}` : null,
  };
}

/** The head snippets, as the vendors hand them out to paste. */
export function trackerHead(t: Trackers): string {
  const out: string[] = [];
  if (t.gtm)
    out.push(
      `<!-- Google Tag Manager -->\n<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${t.gtm}');</script>\n<!-- End Google Tag Manager -->`,
    );
  if (t.ga)
    out.push(
      `<script async src="https://www.googletagmanager.com/gtag/js?id=${t.ga}"></script>\n<script>window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(arguments);}gtag('js', new Date());gtag('config', '${t.ga}');</script>`,
    );
  if (t.adsense)
    out.push(
      `<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=${t.adsense}" crossorigin="anonymous"></script>`,
    );
  if (t.pixel)
    out.push(
      `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init', '${t.pixel}');fbq('track', 'PageView');</script>`,
    );
  return out.join('\n');
}

/** What goes right after <body>: GTM's noscript frame. */
export function trackerBody(t: Trackers): string {
  return t.gtm
    ? `<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=${t.gtm}" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>`
    : '';
}

/** An AdSense unit in the page, when the site shows ads. */
export function adUnit(t: Trackers, slot: string): string {
  return t.adsense
    ? `<ins class="adsbygoogle" style="display:block" data-ad-client="${t.adsense}" data-ad-slot="${slot}" data-ad-format="auto"></ins><script>(adsbygoogle = window.adsbygoogle || []).push({});</script>`
    : '';
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

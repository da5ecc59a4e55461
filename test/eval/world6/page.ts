/**
 * What a template needs to write a page of a site: the words in the site's language, contacts written the site's
 * ways, picture addresses (recorded so the pipeline hashes what the page shows), dates, prices, and the operator's
 * vendor snippets (gtag, Tag Manager, Meta pixel, AdSense) as operators paste them.
 */
import { writeEmail, writePhone } from './contacts.ts';
import { slugify } from './lexicon.ts';
import type { Ad, Lang, RenderedPage, Site } from './model.ts';
import { hash32 } from './rng.ts';
import { say } from './text.ts';
import { tradeOf } from './trades.ts';

export interface Template {
  script: string;
  listingPath(page: number): string;
  adPath(ad: Ad, n: number): string;
  contactPath: string;
  legalPath: string;
  listing(ctx: Ctx, ads: Ad[], page: number, pages: number): { title: string; main: string };
  ad(ctx: Ctx, ad: Ad): { title: string; main: string };
  contact(ctx: Ctx): { title: string; main: string };
  legal(ctx: Ctx): { title: string; main: string };
  /** The whole document around a page's main part (head, header, footer). */
  document(ctx: Ctx, title: string, main: string): string;
}

const MONTHS: Record<Lang, string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
/** The world's "today": ages of ads count back from it. */
const TODAY = Date.UTC(2026, 2, 1);

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export class Ctx {
  readonly lang: Lang;
  photos: RenderedPage['photos'] = [];
  private adIndex = new Map<string, number>();

  constructor(
    readonly site: Site,
    readonly template: Pick<Template, 'script' | 'adPath'>,
    private names: Map<string, string>,
  ) {
    this.lang = site.lang;
    for (const [i, a] of site.ads.entries()) this.adIndex.set(a.key, i);
  }

  t(fr: string, en: string): string {
    return this.lang === 'fr' ? fr : en;
  }

  title(ad: Ad): string {
    return esc(say(ad.title, this.lang));
  }

  paragraphs(ad: Ad): string[] {
    return ad.body.map((s) => esc(say(s, this.lang)));
  }

  /** The advertiser's name as the board shows it (first name, or first name and initial). */
  who(ad: Ad): string {
    const name = this.names.get(ad.advertiser) ?? 'Particulier';
    return esc(this.choose([name.split(' ')[0], name], 'who'));
  }

  category(ad: Ad): string {
    return esc(say(tradeOf(ad.trade).category, this.lang));
  }

  categorySlug(ad: Ad): string {
    return slugify(tradeOf(ad.trade).category[0]);
  }

  price(ad: Ad): string {
    return this.lang === 'fr' ? `${ad.price} €` : `€${ad.price}`;
  }

  date(ad: Ad): string {
    const d = new Date(TODAY - ad.age * 86_400_000);
    return `${d.getUTCDate()} ${MONTHS[this.lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }

  adPath(ad: Ad): string {
    return this.template.adPath(ad, (this.adIndex.get(ad.key) ?? 0) + 1);
  }

  /** A per-site, per-thing choice that does not move when other things are added. */
  choose<T>(items: readonly T[], key: string): T {
    return items[hash32(`${this.site.name}|${key}`) % items.length];
  }

  phone(digits: string, key: string): string {
    return writePhone(digits, this.choose(this.site.phoneStyles, `phone|${key}`));
  }

  email(address: string, key: string): string {
    return writeEmail(address, this.choose(this.site.emailStyles, `email|${key}`));
  }

  /** The address of a picture as this site serves it, recorded for the page. */
  img(id: string, thumb: boolean, attrs = ''): string {
    const width = thumb ? this.site.photo.thumb : this.site.photo.width;
    // Named after the picture and how the site serves it: a mirror serving the same files keeps their names.
    const file = `${hash32(`${JSON.stringify(this.site.photo)}|${id}`).toString(16)}-${width}.jpg`;
    const base = ctxImageBase(this.template.script);
    const url = `https://${this.site.name}${base}${file}`;
    this.photos.push({ url, id, width, thumb });
    const height = Math.round(width * 0.75);
    return `<img src="${url}" width="${width}" height="${height}" alt=""${attrs ? ` ${attrs}` : ''}>`;
  }

  /** The operator's vendor snippets, as pasted into the theme's head. */
  tags(): string {
    const ids = this.site.operator?.tags ?? {};
    const out: string[] = [];
    if (ids.gtm)
      out.push(`<!-- Google Tag Manager -->
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','${ids.gtm}');</script>
<!-- End Google Tag Manager -->`);
    if (ids.ga4)
      out.push(`<script async src="https://www.googletagmanager.com/gtag/js?id=${ids.ga4}"></script>
<script>window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(arguments);}gtag('js', new Date());gtag('config', '${ids.ga4}');</script>`);
    if (ids.pixel)
      out.push(`<!-- Meta Pixel Code -->
<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init', '${ids.pixel}');fbq('track', 'PageView');</script>
<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=${ids.pixel}&ev=PageView&noscript=1"/></noscript>
<!-- End Meta Pixel Code -->`);
    if (ids.adsense)
      out.push(
        `<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=${ids.adsense}" crossorigin="anonymous"></script>`,
      );
    return out.join('\n');
  }

  /** The operator's phone and e-mail as a footer line, when the operator shows them on every page. */
  footerContact(): string {
    const op = this.site.operator;
    if (!op?.footerContact) return '';
    return `${this.t('Nous joindre', 'Reach us')} : ${this.phone(op.phone, 'operator')} – ${this.email(op.email, 'operator')}`;
  }
}

function ctxImageBase(script: string): string {
  if (script === 'wpadverts') return '/wp-content/uploads/2025/11/';
  if (script === 'awpcp') return '/wp-content/uploads/awpcp/images/';
  if (script === 'adforest') return '/wp-content/uploads/ad-images/';
  return '/images/';
}

/** The legal notice every board must carry: publisher, its address and numbers, host. */
export function legalText(ctx: Ctx): string {
  const op = ctx.site.operator!;
  return `<h2>${ctx.t('Éditeur du site', 'Publisher')}</h2>
<p>${esc(ctx.site.name)} ${ctx.t('est édité par', 'is published by')} ${esc(op.company)}, ${esc(op.address)}.</p>
<p>${ctx.t('Téléphone', 'Phone')} : ${ctx.phone(op.phone, 'operator')} – E-mail : ${ctx.email(op.email, 'operator')}</p>
<h2>${ctx.t('Hébergement', 'Hosting')}</h2><p>Hébergeur Exemple SAS, 1 rue de l’Hébergement, hebergeur.example</p>
<h2>${ctx.t('Responsabilité', 'Liability')}</h2><p>${ctx.t('Les annonces sont publiées sous la seule responsabilité de leurs auteurs.', 'Ads are published under the sole responsibility of their authors.')}</p>`;
}

/**
 * What every world 10 page shares whatever its script: the page and site records, HTML escaping, tracker tags as the
 * vendors ship them, ad bodies with their number, photo file names and renditions, pagination, French dates, and the
 * rewriting a "new theme" applies (class and id names renamed, whitespace stripped).
 */
import type { Ad, AdPhoto, Board, Trackers } from '../board.ts';
import { formatPhone } from '../phones.ts';
import { styleExtension } from '../photos.ts';
import { nameToken, shortHash } from '../rng.ts';

export interface PhotoUse {
  url: string;
  pic: string;
  style: string;
}

export interface Page {
  url: string;
  html: string;
  photos: PhotoUse[];
}

export interface Site {
  name: string;
  domain: string;
  /** What the site is in the world: reference, a restart recipe, a decoy kind. */
  role: string;
  /** The markup it is built with (a script key, or the kind of page a decoy is). */
  script: string;
  pages: Page[];
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The vendors' tags, in the head, for the ids the operator set up. */
export function trackerTags(t: Trackers): string {
  const out: string[] = [];
  if (t.gtm)
    out.push(
      `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${t.gtm}');</script>`,
    );
  if (t.ga4)
    out.push(
      `<script async src="https://www.googletagmanager.com/gtag/js?id=${t.ga4}"></script>`,
      `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', '${t.ga4}');</script>`,
    );
  if (t.adsense)
    out.push(
      `<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=${t.adsense}" crossorigin="anonymous"></script>`,
    );
  if (t.pixel)
    out.push(
      `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init', '${t.pixel}');fbq('track', 'PageView');</script>`,
    );
  return out.join('\n');
}

/** The ad's text as its author wrote it, number included where the text carries one. */
export function adParagraphs(ad: Ad): string[] {
  const lines = [...ad.sentences];
  if (ad.closing && ad.phoneText) lines.push(ad.closing.replace('{phone}', ad.phoneText));
  if (ad.email) lines.push(`Courriel : ${ad.email}`);
  if (ad.sign) lines.push(ad.sign);
  if (lines.length <= 4) return [lines.join(' ')];
  const cut = Math.ceil(lines.length / 2);
  return [lines.slice(0, cut).join(' '), lines.slice(cut).join(' ')];
}

export function adText(ad: Ad): string {
  return adParagraphs(ad).join(' ');
}

export function operatorPhone(board: Board): string {
  return formatPhone(board.operator.phone, board.operator.phoneStyle);
}

/** The stored file name of a photo on a board (the upload folder's naming). */
export function photoFile(board: Board, photo: AdPhoto): string {
  return photo.file ?? nameToken(`${photo.pic}|${board.settings.uploadSalt}`, 14);
}

/** A photo as a site serves it: its rendition and the URL the script builds from the file name. */
export function photoUse(
  board: Board,
  photo: AdPhoto,
  kind: 'photo' | 'thumb',
  url: (file: string, ext: string) => string,
): PhotoUse {
  const style = photo.style ?? board.settings[kind];
  return {
    url: `https://${board.domain}${url(photoFile(board, photo), styleExtension(style))}`,
    pic: photo.pic,
    style,
  };
}

export function pages<T>(items: T[], perPage: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) out.push(items.slice(i, i + perPage));
  return out.length ? out : [[]];
}

const MONTHS = [
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
];

export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function slashDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Newest first, as every listing shows them. */
export function newestFirst(ads: Ad[]): Ad[] {
  return [...ads].sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : b.id - a.id));
}

/** A theme's class and id names rewritten (hashed), and whitespace between tags stripped when asked. */
export function rewriteTheme(html: string, salt: string | null, minify: boolean): string {
  let out = html;
  if (salt) {
    const rename = (name: string) => `${name[0] === '-' ? 'x' : name[0]}${shortHash(`${salt}|${name}`, 6)}`;
    out = out
      .replace(
        / class="([^"]*)"/g,
        (_, names: string) => ` class="${names.split(/\s+/).filter(Boolean).map(rename).join(' ')}"`,
      )
      .replace(/ id="([^"]*)"/g, (_, name: string) => ` id="${rename(name)}"`)
      .replace(/ href="#([\w-]+)"/g, (_, name: string) => ` href="#${rename(name)}"`);
  }
  if (minify) out = out.replace(/>\s+</g, '><');
  return out;
}

/** The legal notice every French site must carry (LCEN art. 6), in the operator's own wording. */
export function legalParagraphs(board: Board): string[] {
  const o = board.operator;
  const w = Number.parseInt(o.wording.slice(0, 2), 36) % 3;
  const editor = `${o.company}, ${o.legalForm} au capital de ${o.capital} euros, immatriculée au RCS de ${o.rcs}`;
  const seat = `${o.address.street}, ${o.address.postcode} ${o.address.town}`;
  const intro = [
    `Le site ${board.brand} est édité par ${editor}, dont le siège est situé ${seat}.`,
    `Éditeur : ${editor}. Siège social : ${seat}.`,
    `${board.brand} est un service de ${editor} (${seat}).`,
  ][w];
  return [
    intro,
    `Téléphone : ${operatorPhone(board)}. Courriel : ${o.email}.`,
    `Directeur de la publication : ${o.director}.`,
    `Hébergement : ${o.host.name}, ${o.host.address} (${o.host.site}).`,
    [
      'Les annonces sont publiées sous la seule responsabilité de leurs auteurs. L’éditeur se réserve le droit de retirer toute annonce contraire à la loi.',
      'Chaque annonceur est responsable du contenu de ses annonces. Signalez-nous tout contenu illicite, nous le retirerons dans les meilleurs délais.',
      'L’éditeur n’intervient pas dans les échanges entre annonceurs et clients et ne perçoit aucune commission.',
    ][w],
    'Conformément au RGPD, vous disposez d’un droit d’accès, de rectification et de suppression de vos données en écrivant à l’adresse ci-dessus.',
  ];
}

export function contactParagraphs(board: Board): string[] {
  const o = board.operator;
  const w = Number.parseInt(o.wording.slice(2, 4), 36) % 2;
  return [
    w
      ? `Une question sur une annonce, un problème de compte ? L’équipe de ${board.brand} vous répond du lundi au vendredi.`
      : `Pour toute question concernant ${board.brand}, contactez-nous par téléphone ou avec le formulaire ci-dessous.`,
    `${o.company} – ${o.address.street}, ${o.address.postcode} ${o.address.town}`,
    `Téléphone : ${operatorPhone(board)}`,
    `Courriel : ${o.email}`,
  ];
}

/**
 * Pieces every rendered page of world 5 is made of: the document around a body, photo URLs, the operator's contact
 * block, the legal notice, pagination of a site's ads, and the class rename a child theme applies.
 */
import { esc, mailHtml, phoneLink, slug, trackerBody, trackerHead } from './contacts.ts';
import { UI } from './lexicon.ts';
import type { Ad, Lang, Site } from './model.ts';
import { adTitle } from './text.ts';

export type Page = [url: string, html: string];

export interface Ctx {
  site: Site;
  lang: Lang;
  ui: Record<string, string>;
  base: string;
}

export function ctxOf(site: Site): Ctx {
  return { site, lang: site.look.lang, ui: UI[site.look.lang], base: `https://${site.domain}` };
}

export function doc(
  c: Ctx,
  o: { title: string; head?: string; bodyClass?: string; body: string; description?: string },
): string {
  const t = c.site.trackers;
  return `<!DOCTYPE html>
<html lang="${c.lang === 'fr' ? 'fr-FR' : 'en-GB'}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
${o.description ? `<meta name="description" content="${esc(o.description)}">` : ''}
${o.head ?? ''}
<style>:root{--accent:${c.site.look.accent}}</style>
${trackerHead(t)}
</head>
<body class="${o.bodyClass ?? ''}">
${trackerBody(t)}
${o.body}
</body>
</html>`;
}

/** The URL of one ad photo at a width, in the folder layout of the script that serves it. */
export function photoUrl(c: Ctx, folder: string, id: string, width: number): string {
  return `${c.base}${folder}${id}-${width}x${Math.round(width * 0.75)}.jpg`;
}

/** The photo id and served width of an <img> of this world, or null for other pictures. */
export function parsePhotoSrc(src: string): { id: string; width: number } | null {
  const m = src.match(/\/(ph[0-9a-z]{8})[-_](\d+)(?:x\d+)?\.jpg$/);
  return m ? { id: m[1], width: Number(m[2]) } : null;
}

/** The URL-safe name of an ad on a site: its title as the site shows it, and a row number. */
export function adSlug(c: Ctx, ad: Ad): string {
  return `${slug(adTitle(ad, c.lang)).slice(0, 60)}-${ad.id.replace(/\D/g, '')}`;
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

/** Newest first, as every script lists its ads. */
export function newestFirst(ads: Ad[]): Ad[] {
  return [...ads].sort((a, b) => b.day - a.day || a.id.localeCompare(b.id));
}

/** The operator's phone and e-mail as a footer or contact widget shows them. */
export function operatorContact(c: Ctx, cls: string): string {
  const op = c.site.operator;
  if (!op) return '';
  return `<ul class="${cls}"><li>${c.ui.phone} : ${phoneLink(op.phone, c.site.look.phone === 'masked' ? 'spaced' : c.site.look.phone, `${cls}-tel`)}</li><li>${c.ui.email} : ${mailHtml(op.email, c.site.look.mail)}</li></ul>`;
}

/** The site's logo as its header shows it (an upload of the operator's; a restored uploads folder keeps it). */
export function logo(c: Ctx): string {
  return c.site.logo ? `<img class="custom-logo" src="${c.base}${c.site.logo}" alt="" width="180" height="48">` : '';
}

export function legalText(c: Ctx): string {
  const op = c.site.operator;
  if (!op) return '';
  if (c.lang === 'en')
    return `<p>This website is published by ${esc(op.company)}. Publication manager: ${esc(op.brand)} team.</p><p>Hosting: a virtual server rented by the publisher. Contact: ${mailHtml(op.email, 'mailto')}.</p><p>The ads are written by their advertisers, who are solely responsible for them.</p>`;
  return `<p>Le site ${esc(c.site.domain)} est édité par ${esc(op.company)}. Directeur de la publication : l’équipe ${esc(op.brand)}.</p><p>Hébergement : serveur privé virtuel loué par l’éditeur. Contact : ${mailHtml(op.email, 'mailto')}, ${phoneLink(op.phone, 'spaced', 'legal-tel')}.</p><p>Les annonces sont rédigées par les annonceurs, seuls responsables de leur contenu. Conformément au RGPD, vous pouvez demander la suppression de vos données.</p>`;
}

/**
 * A child theme's rename: every class token starting with `from` starts with `to` instead (the script's markup is
 * otherwise untouched, as a theme overriding only its CSS prefix leaves it).
 */
export function renameClasses(html: string, prefix: [string, string] | null): string {
  if (!prefix) return html;
  const [from, to] = prefix;
  return html.replace(/class="([^"]*)"/g, (_, list: string) => {
    const renamed = list
      .split(/\s+/)
      .map((cls) => (cls.startsWith(from) ? to + cls.slice(from.length) : cls))
      .join(' ');
    return `class="${renamed}"`;
  });
}

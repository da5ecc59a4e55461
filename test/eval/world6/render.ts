/**
 * Sites → pages. A board is its listing pages (newest ads first, as a restarted board lists its new ads before the
 * old ones), one page per ad, a contact page and a legal notice, written by its script's template; an operator who
 * hid the script renamed every class of the markup (`classSalt`). Other kinds are written by others.ts.
 */
import { adforest } from './adforest.ts';
import { awpcp } from './awpcp.ts';
import type { RenderedPage, Script, Site, World6 } from './model.ts';
import { renderOther } from './others.ts';
import { Ctx, type Template } from './page.ts';
import { hash32 } from './rng.ts';
import { wpadverts } from './wpadverts.ts';

export const TEMPLATES: Record<Script, Template> = { wpadverts, awpcp, adforest };

/** Every class token replaced by the operator's own name for it (the same token always gets the same name). */
export function renameClasses(html: string, salt: string): string {
  return html.replace(/class="([^"]*)"/g, (_, list: string) => {
    const renamed = list
      .split(/\s+/)
      .filter(Boolean)
      .map((token) => `${salt.slice(0, 2)}${hash32(`${salt}|${token}`).toString(36).slice(0, 5)}`);
    return `class="${renamed.join(' ')}"`;
  });
}

function renderBoard(site: Site, names: Map<string, string>): RenderedPage[] {
  const template = TEMPLATES[site.script!];
  const ctx = new Ctx(site, template, names);
  const base = `https://${site.name}`;
  const out: RenderedPage[] = [];
  const emit = (path: string, title: string, main: string) => {
    let html = template.document(ctx, title, main);
    if (site.classSalt) html = renameClasses(html, site.classSalt);
    out.push({ url: `${base}${path}`, html, photos: ctx.photos });
    ctx.photos = [];
  };
  const listed = [...site.ads].sort((a, b) => a.age - b.age || a.key.localeCompare(b.key));
  const pages = Math.max(1, Math.ceil(listed.length / site.perPage));
  for (let p = 1; p <= pages; p++) {
    const { title, main } = template.listing(ctx, listed.slice((p - 1) * site.perPage, p * site.perPage), p, pages);
    emit(template.listingPath(p), title, main);
  }
  for (const ad of site.ads) {
    const { title, main } = template.ad(ctx, ad);
    emit(ctx.adPath(ad), title, main);
  }
  const contact = template.contact(ctx);
  emit(template.contactPath, contact.title, contact.main);
  const legal = template.legal(ctx);
  emit(template.legalPath, legal.title, legal.main);
  return out;
}

/** Every site of the world → its pages, in site order. */
export function renderSites(world: World6): Map<string, RenderedPage[]> {
  const names = new Map([...world.advertisers.values()].map((a) => [a.id, `${a.first} ${a.last[0]}.`]));
  const sources = new Map<string, string>();
  for (const s of world.sites)
    if (s.script && (s.role === 'reference' || s.role === 'noise'))
      for (const ad of s.ads) if (!sources.has(ad.key)) sources.set(ad.key, s.name);
  const out = new Map<string, RenderedPage[]>();
  for (const site of world.sites)
    out.set(site.name, site.script ? renderBoard(site, names) : renderOther(site, names, sources));
  return out;
}

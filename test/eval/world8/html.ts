/**
 * World 8's markup helpers shared by its three script renderers: escaping, interface labels in three languages,
 * the operator's tracker tags, legal-notice and contact bodies, and the CSS class renaming some restarts apply.
 */
import type { Lang, Site } from './model.ts';
import { showPhone } from './people.ts';
import { hash32 } from './rng.ts';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const LABELS = {
  home: ['Accueil', 'Home', 'Home'],
  add: ['Déposer une annonce', 'Zoekertje plaatsen', 'Post an ad'],
  search: ['Rechercher', 'Zoeken', 'Search'],
  price: ['Prix', 'Prijs', 'Price'],
  phone: ['Téléphone', 'Telefoon', 'Phone'],
  seller: ['Vendeur', 'Verkoper', 'Seller'],
  town: ['Ville', 'Plaats', 'Town'],
  category: ['Catégorie', 'Categorie', 'Category'],
  posted: ['Publiée il y a {n} jours', '{n} dagen geleden geplaatst', 'Posted {n} days ago'],
  contact: ['Contact', 'Contact', 'Contact'],
  legal: ['Mentions légales', 'Wettelijke vermeldingen', 'Legal notice'],
  next: ['Suivant', 'Volgende', 'Next'],
  prev: ['Précédent', 'Vorige', 'Previous'],
  more: ['Voir l’annonce', 'Bekijk', 'View'],
  noItems: ['Aucune annonce pour le moment.', 'Nog geen zoekertjes.', 'No item here yet.'],
  message: ['Votre message', 'Uw bericht', 'Your message'],
  send: ['Envoyer', 'Verzenden', 'Send'],
  name: ['Votre nom', 'Uw naam', 'Your name'],
  email: ['Votre e-mail', 'Uw e-mail', 'Your email'],
  related: ['Annonces similaires', 'Gelijkaardige zoekertjes', 'Related items'],
  all: ['Toutes les annonces', 'Alle zoekertjes', 'All listings'],
  report: ['Signaler l’annonce', 'Zoekertje melden', 'Flag Listing'],
  title: ['Titre', 'Titel', 'Title'],
  description: ['Description', 'Beschrijving', 'Description'],
  summary: ['Résumé', 'Samenvatting', 'Summary'],
} as const;

export function label(lang: Lang, key: keyof typeof LABELS, n?: number): string {
  const i = lang === 'fr' ? 0 : lang === 'nl' ? 1 : 2;
  return LABELS[key][i].replace('{n}', String(n ?? ''));
}

/** The operator's tags: analytics, tag manager and ad client, as the vendors' snippets load them. */
export function trackerTags(site: Site): string {
  const o = site.operator;
  const out: string[] = [];
  if (o.analytics)
    out.push(
      `<script async src="https://www.googletagmanager.com/gtag/js?id=${o.analytics}"></script>`,
      `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','${o.analytics}');</script>`,
    );
  if (o.tagManager)
    out.push(
      `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${o.tagManager}');</script>`,
    );
  if (o.adClient)
    out.push(
      `<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=${o.adClient}" crossorigin="anonymous"></script>`,
    );
  return out.join('\n');
}

export function operatorPhone(site: Site): string {
  return showPhone(
    site.operator.phone,
    site.phoneStyle === 'words' || site.phoneStyle === 'reveal' ? 'spaced' : site.phoneStyle,
  );
}

export function legalBody(site: Site): string {
  const o = site.operator;
  const lang = site.lang;
  if (lang === 'fr')
    return `<h2>Éditeur du site</h2>
<p>Le site ${esc(site.name)} est édité par ${esc(o.company)}, ${esc(o.street)}, ${o.postcode} ${esc(o.town)}.</p>
<p>Directeur de la publication : le gérant. Contact : <a href="mailto:${o.email}">${o.email}</a> – ${operatorPhone(site)}.</p>
<h2>Hébergement</h2><p>Hébergeur : Nuage Hébergement, 5 rue de l’Exemple, 75000 Paris.</p>
<h2>Données personnelles</h2><p>Les annonces sont publiées sous la responsabilité de leurs auteurs. Vous pouvez demander la suppression de vos données en écrivant à ${o.email}.</p>
<h2>Cookies</h2><p>Le site utilise des cookies de mesure d’audience et de publicité.</p>`;
  if (lang === 'nl')
    return `<h2>Uitgever</h2><p>${esc(site.name)} wordt uitgegeven door ${esc(o.company)}, ${esc(o.street)}, ${o.postcode} ${esc(o.town)}.</p>
<p>Contact: <a href="mailto:${o.email}">${o.email}</a> – ${operatorPhone(site)}.</p>
<h2>Hosting</h2><p>Nuage Hébergement, 5 rue de l’Exemple, 75000 Parijs.</p>
<h2>Privacy</h2><p>Zoekertjes worden geplaatst onder verantwoordelijkheid van hun auteurs.</p>`;
  return `<h2>Publisher</h2><p>${esc(site.name)} is published by ${esc(o.company)}, ${esc(o.street)}, ${o.postcode} ${esc(o.town)}.</p>
<p>Contact: <a href="mailto:${o.email}">${o.email}</a> – ${operatorPhone(site)}.</p>
<h2>Hosting</h2><p>Nuage Hébergement, 5 rue de l’Exemple, 75000 Paris.</p>`;
}

export function contactIntro(site: Site): string {
  const o = site.operator;
  const text =
    site.lang === 'fr'
      ? `Une question sur une annonce ou sur le site ? Écrivez-nous à ${o.email} ou appelez le ${operatorPhone(site)} du lundi au vendredi.`
      : site.lang === 'nl'
        ? `Een vraag? Mail naar ${o.email} of bel ${operatorPhone(site)}.`
        : `A question? Write to ${o.email} or call ${operatorPhone(site)}.`;
  return `<p>${text}</p><p>${esc(o.street)}, ${o.postcode} ${esc(o.town)}</p>`;
}

/** Renames every class token of the page (a restart that rebuilt its theme, or obfuscated it). */
export function renameClasses(html: string, salt: string | null): string {
  if (!salt) return html;
  return html.replace(/class="([^"]*)"/g, (_m, list: string) => {
    const tokens = list
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => `${salt}${(hash32(`${salt}:${t}`) % 46656).toString(36)}`);
    return `class="${tokens.join(' ')}"`;
  });
}

/** A served picture's path, distinct per site and picture (sites rename their uploads). */
export function photoToken(site: Site, id: string): string {
  return hash32(`${site.name}|${id}`).toString(16).padStart(8, '0');
}

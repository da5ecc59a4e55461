/**
 * The texts of a board's static pages: legal notice (éditeur, directeur de la publication, hébergeur — the LCEN
 * items; Belgian and Swiss boards word them their way), terms of use, privacy notice naming the trackers, and the
 * contact page's words. Each script wraps these fragments in its own page layout.
 */
import { esc } from './html.ts';
import type { Site } from './model.ts';
import { rngOf } from './rng.ts';

export interface StaticText {
  title: string;
  html: string;
}

function operatorLines(site: Site, phone: string): string {
  const op = site.operator;
  const fr = site.lang === 'fr';
  const who = op.company ? `${esc(op.company)}, représentée par ${esc(op.name)}` : esc(op.name);
  return [
    `<p><strong>${fr ? 'Éditeur du site' : 'Publisher'} :</strong> ${who}</p>`,
    `<p>${fr ? 'Adresse' : 'Address'} : ${esc(op.address)}</p>`,
    `<p>${fr ? 'Courriel' : 'E-mail'} : <a href="mailto:${op.email}">${op.email}</a></p>`,
    `<p>${fr ? 'Téléphone' : 'Phone'} : ${phone}</p>`,
    `<p>${fr ? 'Directeur de la publication' : 'Publication director'} : ${esc(op.name)}</p>`,
    `<p><strong>${fr ? 'Hébergeur' : 'Host'} :</strong> ${esc(op.host)}</p>`,
  ].join('\n');
}

export function legalNotice(site: Site, phone: string): StaticText {
  const fr = site.lang === 'fr';
  const rng = rngOf(`${site.name}|legal`);
  const law =
    site.country === 'FR'
      ? 'Conformément à l’article 6 de la loi n° 2004-575 du 21 juin 2004 pour la confiance dans l’économie numérique, voici l’identité des intervenants du site.'
      : site.country === 'BE'
        ? 'Informations légales au sens du Code de droit économique belge (livre XII).'
        : 'Informations légales conformément au droit suisse (art. 3 LCD).';
  const extra = rng.pick([
    'Les annonces sont publiées sous la seule responsabilité de leurs auteurs.',
    'Le site n’intervient pas dans les transactions entre particuliers.',
    'Tout contenu illicite peut être signalé via le formulaire de contact.',
  ]);
  const html = fr
    ? `<p>${law}</p>\n${operatorLines(site, phone)}\n<p>${extra}</p>`
    : `<p>Legal information about ${esc(site.brand)}.</p>\n${operatorLines(site, phone)}\n<p>Ads are published under their authors’ sole responsibility.</p>`;
  return { title: fr ? 'Mentions légales' : 'Legal notice', html };
}

export function terms(site: Site): StaticText {
  const fr = site.lang === 'fr';
  const rng = rngOf(`${site.name}|terms`);
  const articles = fr
    ? [
        ['Objet', `${site.brand} permet aux particuliers et aux professionnels de publier des petites annonces.`],
        ['Dépôt d’annonce', 'Le dépôt est gratuit. Une annonce doit décrire un bien ou un service réel et licite.'],
        ['Durée', `Les annonces restent en ligne ${rng.pick([30, 45, 60, 90])} jours, renouvelables.`],
        ['Modération', 'L’équipe se réserve le droit de refuser ou supprimer toute annonce contraire aux présentes.'],
        ['Responsabilité', 'L’éditeur ne garantit ni la qualité ni la conformité des biens et services proposés.'],
        ['Données', 'Voir la politique de confidentialité.'],
      ]
    : [
        ['Purpose', `${site.brand} lets individuals and businesses post classified ads.`],
        ['Posting', 'Posting is free. Ads must describe a real and lawful item or service.'],
        ['Moderation', 'We may refuse or remove any ad breaching these terms.'],
      ];
  const html = articles.map(([h, p], i) => `<h3>Article ${i + 1} - ${esc(h)}</h3>\n<p>${esc(p)}</p>`).join('\n');
  return { title: fr ? 'Conditions générales d’utilisation' : 'Terms of use', html };
}

export function privacy(site: Site): StaticText {
  const fr = site.lang === 'fr';
  const t = site.trackers;
  const tools = [
    t.ga4 || t.ua ? 'Google Analytics' : '',
    t.gtm ? 'Google Tag Manager' : '',
    t.matomo ? 'Matomo' : '',
    t.pixel ? 'Meta Pixel' : '',
    t.adsense ? 'Google AdSense' : '',
  ].filter(Boolean);
  const used = tools.length ? tools.join(', ') : fr ? 'aucun outil tiers' : 'no third-party tool';
  const html = fr
    ? [
        `<p>${esc(site.brand)} collecte les données nécessaires à la publication des annonces (nom, courriel, téléphone).</p>`,
        `<p>Mesure d’audience et publicité : ${esc(used)}.</p>`,
        `<p>Vous pouvez exercer vos droits d’accès et de suppression en écrivant à <a href="mailto:${site.operator.email}">${site.operator.email}</a>.</p>`,
      ].join('\n')
    : `<p>We keep what is needed to publish ads. Analytics: ${esc(used)}. Contact: ${site.operator.email}.</p>`;
  return { title: fr ? 'Politique de confidentialité' : 'Privacy policy', html };
}

export function contactIntro(site: Site, phone: string): string {
  return site.lang === 'fr'
    ? `<p>Une question, un abus à signaler ? Écrivez-nous via le formulaire ci-dessous ou à <a href="mailto:${site.operator.email}">${site.operator.email}</a>.</p>\n<p>Par téléphone : ${phone} (du lundi au vendredi).</p>`
    : `<p>Questions or abuse reports: use the form below or write to <a href="mailto:${site.operator.email}">${site.operator.email}</a>. Phone: ${phone}.</p>`;
}

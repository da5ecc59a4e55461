/**
 * Filler text for world 10's news and forum pages: local news of a town and questions neighbours ask each other,
 * so that a press article or a forum thread about a board sits among pages that have nothing to do with it.
 */
import { personName, type Region } from './lexicon.ts';
import type { Rng } from './rng.ts';

const NEWS_TOPICS: { title: string; lines: string[] }[] = [
  {
    title: 'Le marché de {town} change de place pendant les travaux',
    lines: [
      'Les étals s’installeront sur le parking de la salle des fêtes jusqu’à la fin du chantier.',
      'La mairie promet un retour place de l’église avant l’été.',
      'Les commerçants ambulants se disent satisfaits de l’emplacement provisoire.',
    ],
  },
  {
    title: 'Fête de la musique : le programme à {town}',
    lines: [
      'Une dizaine de groupes joueront dans le centre-ville à partir de 18 heures.',
      'La circulation sera coupée dans plusieurs rues jusqu’à une heure du matin.',
      'Les associations tiendront des buvettes au profit de leurs activités.',
    ],
  },
  {
    title: 'Le club de football de {town} monte en division supérieure',
    lines: [
      'Une victoire au dernier match de la saison a offert la montée aux joueurs.',
      'Le président remercie les bénévoles qui encadrent plus de deux cents licenciés.',
      'Le stade devra être mis aux normes avant la reprise.',
    ],
  },
  {
    title: 'Démarchage à domicile : la gendarmerie appelle à la prudence',
    lines: [
      'Des habitants de {town} ont signalé de faux agents proposant des diagnostics de toiture.',
      'Les gendarmes rappellent qu’aucun organisme public ne démarche au porte-à-porte.',
      'En cas de doute, il faut demander une carte professionnelle et un devis écrit.',
    ],
  },
  {
    title: 'La médiathèque de {town} rouvre après rénovation',
    lines: [
      'Les lecteurs découvrent un espace jeunesse agrandi et de nouveaux horaires.',
      'Le chantier a duré neuf mois et coûté moins que prévu.',
      'Une exposition de photographies anciennes accompagne la réouverture.',
    ],
  },
  {
    title: 'Services à domicile : les aides de la commune reconduites',
    lines: [
      'Le centre communal d’action sociale maintient son aide au maintien à domicile des aînés.',
      'Les dossiers sont à déposer en mairie avant la fin du trimestre.',
      'Plus de cent foyers en ont bénéficié l’an dernier à {town}.',
    ],
  },
];

const FORUM_TOPICS: { title: string; lines: string[] }[] = [
  {
    title: 'Quel prix pour un ramonage de poêle à granulés ?',
    lines: [
      'On m’a annoncé un prix qui me paraît élevé, vous payez combien ?',
      'Chez nous c’est à peu près pareil, avec le certificat.',
    ],
  },
  {
    title: 'Carrelage qui sonne creux après deux ans',
    lines: [
      'Plusieurs carreaux sonnent creux dans la cuisine, c’est grave ?',
      'Souvent un défaut de collage, il faut voir avec l’artisan et sa décennale.',
    ],
  },
  {
    title: 'Garde de chat pendant trois semaines, vos conseils',
    lines: [
      'Je pars en août, visites à domicile ou pension ?',
      'Visites à domicile pour nous, le chat est moins stressé.',
    ],
  },
  {
    title: 'CESU pour le repassage, comment ça marche ?',
    lines: [
      'Première fois que j’emploie quelqu’un, je dois déclarer où ?',
      'Tout se fait en ligne, c’est simple et vous avez le crédit d’impôt.',
    ],
  },
  {
    title: 'Vélo électrique qui coupe en montée',
    lines: [
      'Mon assistance se coupe dès que ça grimpe, batterie ou contrôleur ?',
      'Faites faire un diagnostic, souvent c’est la batterie fatiguée.',
    ],
  },
];

export function filler<T extends { title: string; lines: string[] }>(
  pool: T[],
  rng: Rng,
  n: number,
  town: string,
): T[] {
  return rng.sample(pool, n).map((t) => ({
    ...t,
    title: t.title.replace('{town}', town),
    lines: t.lines.map((l) => l.replace('{town}', town)),
  }));
}

export function newsFiller(rng: Rng, region: Region, n: number): { title: string; lines: string[] }[] {
  return filler(NEWS_TOPICS, rng, n, rng.pick(region.towns)[0]);
}

export function forumFiller(rng: Rng, n: number): { title: string; lines: string[] }[] {
  return filler(FORUM_TOPICS, rng, n, '');
}

export function pseudo(rng: Rng): string {
  const p = personName(rng);
  return rng.pick([
    `${p.first}${rng.int(1, 99)}`,
    `${p.first.toLowerCase()}_${p.last.toLowerCase()}`,
    `${p.first} ${p.last[0]}.`,
  ]);
}

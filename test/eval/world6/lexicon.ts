/**
 * World 6's words that are not a trade's: regions and their towns, people's names, the sentences any ad may carry,
 * the words board brands are made of and the fiction mail providers. Pairs are French/English as in trades.ts.
 */
import type { Pair } from './trades.ts';

export interface Region {
  id: string;
  name: string;
  towns: string[];
}

export const REGIONS: Region[] = [
  {
    id: 'bretagne',
    name: 'Bretagne',
    towns: ['Rennes', 'Vannes', 'Quimper', 'Lorient', 'Saint-Brieuc', 'Fougères', 'Lannion', 'Dinan'],
  },
  {
    id: 'alsace',
    name: 'Alsace',
    towns: ['Colmar', 'Mulhouse', 'Haguenau', 'Sélestat', 'Saverne', 'Obernai', 'Guebwiller', 'Molsheim'],
  },
  {
    id: 'savoie',
    name: 'Savoie',
    towns: ['Chambéry', 'Annecy', 'Albertville', 'Aix-les-Bains', 'Montmélian', 'Rumilly', 'Ugine', 'Thonon'],
  },
  {
    id: 'cotentin',
    name: 'Cotentin',
    towns: ['Cherbourg', 'Saint-Lô', 'Coutances', 'Valognes', 'Carentan', 'Granville', 'Barneville', 'Périers'],
  },
  {
    id: 'perigord',
    name: 'Périgord',
    towns: ['Périgueux', 'Bergerac', 'Sarlat', 'Nontron', 'Ribérac', 'Thiviers', 'Montignac', 'Excideuil'],
  },
  {
    id: 'touraine',
    name: 'Touraine',
    towns: ['Tours', 'Amboise', 'Chinon', 'Loches', 'Bléré', 'Montbazon', 'Azay-le-Rideau', 'Langeais'],
  },
  {
    id: 'jura',
    name: 'Jura',
    towns: ['Lons-le-Saunier', 'Dole', 'Champagnole', 'Poligny', 'Morez', 'Arbois', 'Salins', 'Saint-Claude'],
  },
  {
    id: 'vendee',
    name: 'Vendée',
    towns: ['La Roche-sur-Yon', 'Les Sables', 'Luçon', 'Fontenay', 'Challans', 'Montaigu', 'Chantonnay', 'Pouzauges'],
  },
];

export const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Manon',
  'Inès',
  'Chloé',
  'Sarah',
  'Julie',
  'Anaïs',
  'Élodie',
  'Margaux',
  'Clara',
  'Lucie',
  'Nadia',
  'Sophie',
  'Agathe',
  'Maëlle',
  'Hugo',
  'Lucas',
  'Théo',
  'Nathan',
  'Louis',
  'Mathis',
  'Julien',
  'Karim',
  'Thomas',
  'Antoine',
  'Yann',
  'Gaël',
  'Rémi',
  'Bastien',
  'Cyril',
  'Fabrice',
  'Loïc',
  'Mehdi',
  'Olivier',
  'Pascal',
  'Romain',
];

export const LAST_NAMES = [
  'Le Goff',
  'Kerbrat',
  'Muller',
  'Schmitt',
  'Perrin',
  'Girard',
  'Lefèvre',
  'Marchal',
  'Bonnet',
  'Fournier',
  'Morel',
  'Roussel',
  'Lemoine',
  'Carré',
  'Gauthier',
  'Renaud',
  'Barbier',
  'Arnaud',
  'Charpentier',
  'Collin',
  'Vidal',
  'Leclerc',
  'Huet',
  'Baron',
  'Picard',
  'Guillot',
  'Tessier',
  'Benoît',
  'Hamon',
  'Jacob',
  'Ménard',
  'Poirier',
];

/** What any ad may say about when and where: {days} {town}. */
export const LOGISTICS: Pair[] = [
  ['Disponible {days}.', 'Available {days}.'],
  ['Je me déplace autour de {town}, jusqu’à quinze kilomètres.', 'I travel around {town}, up to fifteen kilometres.'],
  ['Rendez-vous possible {days}, sur simple appel.', 'Appointments {days}, just call.'],
  ['Secteur {town} et communes voisines.', '{town} area and neighbouring villages.'],
  ['Réponse rapide, y compris {days}.', 'Quick answer, including {days}.'],
  ['Visible à {town} {days}.', 'Can be seen in {town} {days}.'],
];

export const CLOSINGS: Pair[] = [
  ['Merci de m’appeler plutôt que d’envoyer un SMS.', 'Please call rather than text.'],
  ['Pas sérieux s’abstenir.', 'Serious enquiries only.'],
  ['N’hésitez pas à me contacter pour plus de renseignements.', 'Feel free to contact me for more details.'],
  ['Au plaisir de vous rencontrer.', 'Looking forward to meeting you.'],
  ['Réponse à tous les messages.', 'All messages answered.'],
  ['Premier contact par téléphone de préférence.', 'First contact by phone preferably.'],
];

export const DAYS: Pair[] = [
  ['le mercredi après-midi', 'on Wednesday afternoons'],
  ['en semaine après 17 h', 'on weekdays after 5 pm'],
  ['le samedi matin', 'on Saturday mornings'],
  ['tous les jours sauf le dimanche', 'every day except Sunday'],
  ['le week-end', 'at weekends'],
  ['pendant les vacances scolaires', 'during school holidays'],
  ['le soir et le samedi', 'in the evening and on Saturdays'],
];

/** Words board brands are built of: prefix + region word or + noun. */
export const BRAND_HEADS = [
  'Petites',
  'Bonnes',
  'Annonces',
  'Coin',
  'Marché',
  'Place',
  'Troc',
  'Entraide',
  'Vitrine',
  'Relais',
];
export const BRAND_TAILS = [
  'Annonces',
  'du Coin',
  'Services',
  'Voisins',
  'Occasions',
  'Pratique',
  'Local',
  'Express',
  'Futé',
  'Plus',
];

export const MAIL_PROVIDERS = [
  'courriel.example',
  'boitemail.example',
  'postale.example',
  'messagerie.example',
  'webmel.example',
];

export const COMPANY_FORMS = ['SARL', 'SAS', 'EURL', 'SASU'];
export const STREETS = [
  'rue des Tanneurs',
  'avenue de la Gare',
  'place du Marché',
  'rue Victor-Hugo',
  'chemin des Vignes',
  'boulevard Carnot',
  'rue de la République',
  'impasse des Lilas',
];

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * World 10's names: regions and their towns, people, company and board names, streets, mail providers and hosts.
 * Real French place names (neutral); every company, person, domain and mail provider is invented.
 */
import type { Rng } from './rng.ts';

export interface Region {
  key: string;
  name: string;
  /** Département number, as boards put it in their names ("Services 38"). */
  code: string;
  towns: [string, string][];
}

export const REGIONS: Region[] = [
  {
    key: 'isere',
    name: 'Isère',
    code: '38',
    towns: [
      ['Grenoble', '38100'],
      ['Voiron', '38500'],
      ['Vienne', '38200'],
      ['Bourgoin-Jallieu', '38300'],
      ['Échirolles', '38130'],
      ['Meylan', '38240'],
      ['Crolles', '38920'],
      ['Vizille', '38220'],
    ],
  },
  {
    key: 'gironde',
    name: 'Gironde',
    code: '33',
    towns: [
      ['Bordeaux', '33800'],
      ['Mérignac', '33700'],
      ['Pessac', '33600'],
      ['Libourne', '33500'],
      ['Arcachon', '33120'],
      ['Talence', '33400'],
      ['Blanquefort', '33290'],
      ['Langon', '33210'],
    ],
  },
  {
    key: 'loire-atlantique',
    name: 'Loire-Atlantique',
    code: '44',
    towns: [
      ['Nantes', '44300'],
      ['Saint-Nazaire', '44600'],
      ['Rezé', '44400'],
      ['Orvault', '44700'],
      ['Guérande', '44350'],
      ['Ancenis', '44150'],
      ['Clisson', '44190'],
      ['Pornic', '44210'],
    ],
  },
  {
    key: 'bas-rhin',
    name: 'Bas-Rhin',
    code: '67',
    towns: [
      ['Strasbourg', '67200'],
      ['Haguenau', '67500'],
      ['Sélestat', '67600'],
      ['Obernai', '67210'],
      ['Saverne', '67700'],
      ['Illkirch', '67400'],
      ['Molsheim', '67120'],
      ['Bischwiller', '67240'],
    ],
  },
  {
    key: 'herault',
    name: 'Hérault',
    code: '34',
    towns: [
      ['Montpellier', '34070'],
      ['Béziers', '34500'],
      ['Sète', '34200'],
      ['Lunel', '34400'],
      ['Agde', '34300'],
      ['Lodève', '34700'],
      ['Mauguio', '34130'],
      ['Pézenas', '34120'],
    ],
  },
  {
    key: 'nord',
    name: 'Nord',
    code: '59',
    towns: [
      ['Lille', '59800'],
      ['Roubaix', '59100'],
      ['Tourcoing', '59200'],
      ['Douai', '59500'],
      ['Valenciennes', '59300'],
      ['Cambrai', '59400'],
      ['Armentières', '59280'],
      ['Wattrelos', '59150'],
    ],
  },
  {
    key: 'ille-et-vilaine',
    name: 'Ille-et-Vilaine',
    code: '35',
    towns: [
      ['Rennes', '35700'],
      ['Saint-Malo', '35400'],
      ['Fougères', '35300'],
      ['Vitré', '35500'],
      ['Redon', '35600'],
      ['Bruz', '35170'],
      ['Cesson-Sévigné', '35510'],
      ['Dinard', '35800'],
    ],
  },
  {
    key: 'puy-de-dome',
    name: 'Puy-de-Dôme',
    code: '63',
    towns: [
      ['Clermont-Ferrand', '63100'],
      ['Riom', '63200'],
      ['Issoire', '63500'],
      ['Thiers', '63300'],
      ['Cournon', '63800'],
      ['Chamalières', '63400'],
      ['Ambert', '63600'],
      ['Aubière', '63170'],
    ],
  },
  {
    key: 'haute-garonne',
    name: 'Haute-Garonne',
    code: '31',
    towns: [
      ['Toulouse', '31500'],
      ['Colomiers', '31770'],
      ['Muret', '31600'],
      ['Blagnac', '31700'],
      ['Balma', '31130'],
      ['Tournefeuille', '31170'],
      ['Saint-Gaudens', '31800'],
      ['Ramonville', '31520'],
    ],
  },
  {
    key: 'maine-et-loire',
    name: 'Maine-et-Loire',
    code: '49',
    towns: [
      ['Angers', '49100'],
      ['Cholet', '49300'],
      ['Saumur', '49400'],
      ['Avrillé', '49240'],
      ['Trélazé', '49800'],
      ['Segré', '49500'],
      ['Chalonnes', '49290'],
      ['Doué', '49700'],
    ],
  },
  {
    key: 'savoie',
    name: 'Savoie',
    code: '73',
    towns: [
      ['Chambéry', '73000'],
      ['Aix-les-Bains', '73100'],
      ['Albertville', '73200'],
      ['Montmélian', '73800'],
      ['Ugine', '73400'],
      ['Bourg-Saint-Maurice', '73700'],
      ['Modane', '73500'],
      ['La Motte-Servolex', '73290'],
    ],
  },
];

export const FIRST_NAMES = [
  'Amélie',
  'Bruno',
  'Céline',
  'Damien',
  'Élodie',
  'Fabrice',
  'Gaëlle',
  'Hugo',
  'Inès',
  'Julien',
  'Karine',
  'Laurent',
  'Maëlle',
  'Nicolas',
  'Océane',
  'Pascal',
  'Quentin',
  'Rachida',
  'Sylvain',
  'Tiphaine',
  'Ugo',
  'Valérie',
  'William',
  'Yasmine',
  'Zoé',
  'Adrien',
  'Brigitte',
  'Cyril',
  'Delphine',
  'Étienne',
  'Florence',
  'Gilles',
  'Hélène',
  'Isabelle',
  'Jérôme',
  'Katia',
  'Lucas',
  'Mathilde',
  'Noémie',
  'Olivier',
  'Pauline',
  'Romain',
  'Sandrine',
  'Thierry',
  'Vanessa',
  'Xavier',
  'Yann',
  'Agnès',
  'Benoît',
  'Chantal',
  'Didier',
  'Émilie',
  'Franck',
  'Josiane',
  'Loïc',
  'Murielle',
];

export const LAST_NAMES = [
  'Aubert',
  'Barbier',
  'Carpentier',
  'Delmas',
  'Esnault',
  'Ferrand',
  'Gauthier',
  'Hamon',
  'Imbert',
  'Jacquet',
  'Lebreton',
  'Marchand',
  'Navarro',
  'Olivier',
  'Perrin',
  'Quéré',
  'Renaud',
  'Schmitt',
  'Tessier',
  'Vasseur',
  'Weber',
  'Allard',
  'Bouvier',
  'Collin',
  'Dufour',
  'Fabre',
  'Giraud',
  'Hervé',
  'Joly',
  'Lacroix',
  'Meunier',
  'Noël',
  'Poirier',
  'Rolland',
  'Sauvage',
  'Thomas',
  'Vidal',
  'Besnard',
  'Charpentier',
  'Dumas',
  'Guillot',
  'Huet',
  'Leclerc',
  'Maillard',
  'Pichon',
  'Rey',
  'Simon',
  'Tanguy',
  'Verdier',
  'Brunet',
];

const STREETS = [
  'rue des Lilas',
  'avenue de la Gare',
  'rue Victor-Hugo',
  'boulevard des Alpes',
  'impasse des Tilleuls',
  'rue du Moulin',
  'chemin des Vignes',
  'place du Marché',
  'rue de la République',
  'allée des Peupliers',
  'rue Pasteur',
  'quai des Tanneurs',
  'rue des Écoles',
  'route de la Forêt',
  'rue Jean-Jaurès',
];

const COMPANY_PARTS = [
  ['Proxi', 'Clic', 'Net', 'Horizon', 'Pixel', 'Ancre', 'Azur', 'Boréal', 'Cerf', 'Dolmen', 'Écluse', 'Fanal'],
  ['Média', 'Services', 'Web', 'Éditions', 'Réseau', 'Digital', 'Conseil', 'Diffusion', 'Solutions', 'Annuaires'],
];

const BRAND_HEADS = [
  'Allo',
  'Coup de Main',
  'ProxiPresta',
  'Le Coin des Services',
  'Bons Artisans',
  'Entraide',
  'Presta Voisins',
  'Dépann’Annonces',
  'Petits Boulots',
  'Le Bon Service',
  'Maison Services',
  'Annonces Pros',
];

export const MAIL_PROVIDERS = ['courriel.example', 'boite-mail.example', 'posteweb.example', 'messagerie.example'];

export const HOSTS: { name: string; address: string; site: string }[] = [
  { name: 'Hébergix SAS', address: '4 rue des Serveurs, 59100 Roubaix', site: 'hebergix.example' },
  { name: 'NuageVert SARL', address: '18 avenue des Données, 67200 Strasbourg', site: 'nuagevert.example' },
  { name: 'Datacentre du Lac', address: '2 quai des Baies, 73100 Aix-les-Bains', site: 'datalac.example' },
  { name: 'Ferme de Serveurs Atlantique', address: '7 rue du Port, 44600 Saint-Nazaire', site: 'fsatlantique.example' },
];

export const LEGAL_FORMS = ['SARL', 'SAS', 'EURL', 'SASU'];

export function personName(rng: Rng): { first: string; last: string } {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) };
}

export function companyName(rng: Rng): string {
  return `${rng.pick(COMPANY_PARTS[0])} ${rng.pick(COMPANY_PARTS[1])}`;
}

export function brandName(rng: Rng, region: Region): string {
  const head = rng.pick(BRAND_HEADS);
  return rng.pick([`${head} ${region.code}`, `${head} ${region.name}`, `${head} en ${region.name}`]);
}

export function streetAddress(rng: Rng, region: Region): { street: string; postcode: string; town: string } {
  const [town, postcode] = rng.pick(region.towns);
  return { street: `${rng.int(2, 98)} ${rng.pick(STREETS)}`, postcode, town };
}

/** Lower-case ASCII slug of a name, for domains, file names and e-mail local parts. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

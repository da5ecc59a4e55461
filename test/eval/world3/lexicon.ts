/**
 * World 3's vocabulary, written for it: home services in French, twelve trades that neither sitegen nor world 2 use
 * (no plumbing, cleaning, gardening, tutoring, removals, handyman work, painting or pet care). Ad texts are assembled
 * from per-trade pieces and shared connectives so that two ads of one trade differ in most sentences.
 */
import type { Dice } from './prng.ts';

export interface Trade {
  key: string;
  label: string;
  services: string[];
  tools: string[];
  promises: string[];
}

export const TRADES: Trade[] = [
  {
    key: 'ramonage',
    label: 'Ramonage',
    services: [
      'ramonage de cheminée',
      'débistrage de conduit',
      'ramonage de poêle à granulés',
      'pose de chapeau de cheminée',
      'tubage de conduit',
    ],
    tools: ['hérisson', 'caméra de conduit', 'aspirateur à cendres'],
    promises: [
      'certificat de ramonage remis le jour même',
      'bâches de protection au sol',
      'intervention sans suie dans la pièce',
    ],
  },
  {
    key: 'serrurerie',
    label: 'Serrurerie',
    services: [
      'ouverture de porte claquée',
      'changement de cylindre',
      'pose de serrure trois points',
      'blindage de porte',
      'reproduction de clés',
    ],
    tools: ['crochets', 'perceuse à colonne', 'cylindres européens'],
    promises: ['devis annoncé avant toute ouverture', 'sans casse dans la plupart des cas', 'facture détaillée'],
  },
  {
    key: 'couture',
    label: 'Retouches et couture',
    services: [
      'ourlet de pantalon',
      'changement de fermeture éclair',
      'retouche de robe de cérémonie',
      'confection de rideaux',
      'reprise de doublure',
    ],
    tools: ['machine à coudre industrielle', 'surjeteuse', 'mannequin réglable'],
    promises: ['essayage à domicile', 'délai de trois jours', 'tissus rendus repassés'],
  },
  {
    key: 'electromenager',
    label: 'Réparation électroménager',
    services: [
      'réparation de lave-linge',
      'dépannage de réfrigérateur',
      'changement de résistance de four',
      'réparation de lave-vaisselle',
      'diagnostic de sèche-linge',
    ],
    tools: ['multimètre', 'pièces d’origine', 'valise de diagnostic'],
    promises: ['diagnostic offert si réparation', 'garantie pièces six mois', 'conseils pour éviter la panne'],
  },
  {
    key: 'informatique',
    label: 'Dépannage informatique',
    services: [
      'installation de box et wifi',
      'nettoyage de virus',
      'sauvegarde de photos',
      'montage de PC sur mesure',
      'initiation à la tablette',
    ],
    tools: ['clé de récupération', 'disque de sauvegarde', 'outils de diagnostic'],
    promises: ['patience avec les débutants', 'explications sans jargon', 'aide par téléphone ensuite'],
  },
  {
    key: 'coiffure',
    label: 'Coiffure à domicile',
    services: ['coupe homme', 'coupe et brushing', 'couleur et mèches', 'coiffure de mariage', 'coupe enfant'],
    tools: ['produits professionnels', 'matériel désinfecté', 'sèche-cheveux silencieux'],
    promises: ['déplacement offert dans le quartier', 'rendez-vous le samedi', 'tarifs seniors'],
  },
  {
    key: 'vitrerie',
    label: 'Vitrerie',
    services: [
      'remplacement de vitre cassée',
      'pose de double vitrage',
      'découpe de miroir',
      'réparation de baie vitrée',
      'vitrage de porte de douche',
    ],
    tools: ['ventouses', 'coupe-verre', 'mastic silicone'],
    promises: ['mise en sécurité rapide', 'verre feuilleté sur demande', 'évacuation des débris'],
  },
  {
    key: 'piscine',
    label: 'Entretien de piscine',
    services: [
      'mise en route de piscine',
      'hivernage',
      'nettoyage de liner',
      'réglage du pH',
      'réparation de pompe de filtration',
    ],
    tools: ['robot de fond', 'trousse d’analyse', 'épuisette de surface'],
    promises: ['passage chaque semaine en saison', 'compte rendu après chaque visite', 'produits fournis'],
  },
  {
    key: 'velo',
    label: 'Réparation de vélos',
    services: [
      'révision complète de vélo',
      'changement de chaîne',
      'réglage des freins',
      'réparation de crevaison',
      'entretien de vélo électrique',
    ],
    tools: ['pied d’atelier', 'clé dynamométrique', 'dérive-chaîne'],
    promises: ['atelier mobile jusqu’à chez vous', 'vélo rendu le soir même', 'pièces au prix public'],
  },
  {
    key: 'piano',
    label: 'Accordage de piano',
    services: [
      'accord de piano droit',
      'accord de piano à queue',
      'réglage de mécanique',
      'remplacement de cordes',
      'harmonisation des marteaux',
    ],
    tools: ['clé d’accord', 'sourdines', 'diapason'],
    promises: ['accordeur diplômé', 'contrôle de l’hygrométrie', 'rappel annuel proposé'],
  },
  {
    key: 'affutage',
    label: 'Affûtage',
    services: [
      'affûtage de couteaux de cuisine',
      'affûtage de ciseaux',
      'affûtage de sécateurs',
      'affûtage de lames de tondeuse',
      'remise en forme de pointe',
    ],
    tools: ['meule à eau', 'pierres japonaises', 'touret à bande'],
    promises: ['tranchant garanti', 'collecte et retour à domicile', 'conseils d’entretien'],
  },
  {
    key: 'tapisserie',
    label: 'Tapisserie d’ameublement',
    services: [
      'réfection de fauteuil',
      'garnissage de chaise',
      'recouverture de canapé',
      'pose de galon',
      'réfection d’assise en crin',
    ],
    tools: ['agrafeuse pneumatique', 'crin végétal', 'sangles de jute'],
    promises: ['choix de tissus sur échantillons', 'devis gratuit sur photo', 'travail à l’ancienne'],
  },
];

export const TOWNS = [
  'Angers',
  'Besançon',
  'Brest',
  'Caen',
  'Clermont-Ferrand',
  'Dijon',
  'Grenoble',
  'Le Havre',
  'Le Mans',
  'Lille',
  'Limoges',
  'Metz',
  'Montpellier',
  'Mulhouse',
  'Nancy',
  'Nîmes',
  'Orléans',
  'Pau',
  'Perpignan',
  'Poitiers',
  'Reims',
  'Rouen',
  'Saint-Étienne',
  'Toulon',
  'Tours',
  'Valence',
  'Annecy',
  'Chambéry',
  'La Rochelle',
  'Quimper',
];

export const FIRST_NAMES = [
  'Aurélien',
  'Bérénice',
  'Capucine',
  'Dorian',
  'Elsa',
  'Fabien',
  'Gaëlle',
  'Hugo',
  'Inès',
  'Joris',
  'Klara',
  'Loïc',
  'Maëlle',
  'Nils',
  'Océane',
  'Pascal',
  'Quentin',
  'Romane',
  'Sacha',
  'Tristan',
  'Ulysse',
  'Vanille',
  'Wassim',
  'Yanis',
  'Zélie',
  'Anouk',
  'Baptiste',
  'Clémence',
  'Damien',
  'Eloïse',
  'Florent',
  'Gwenaël',
  'Héloïse',
  'Isaac',
];
export const SURNAME_INITIALS = 'ABCDEFGHJKLMNPRSTVW'.split('');

const OPENERS = [
  'Bonjour, je propose {service} sur {town} et alentours.',
  'Artisan indépendant, j’assure {service} à {town}.',
  '{Service} : intervention rapide sur {town} et dans un rayon de {km} km.',
  'Vous cherchez quelqu’un pour {service} ? Je me déplace sur {town}.',
  'Depuis {years} ans, je m’occupe de {service} pour les particuliers de {town}.',
];
const MIDDLES = [
  'Je travaille avec {tool} et je prends le temps d’expliquer ce que je fais.',
  'Également {service2} sur demande.',
  'Disponible {days}, y compris en soirée.',
  'Matériel : {tool}, {tool2}.',
  'Je peux aussi me charger de {service2}, dites-moi ce dont vous avez besoin.',
  'Premier contact par téléphone de préférence, je rappelle toujours.',
  'Avis clients disponibles, {promise}.',
];
const CLOSERS = [
  'Tarif indicatif : {price} €, {promise}.',
  '{Promise}. Paiement par chèque ou virement.',
  'Devis sans engagement, {promise}.',
  'Chèques emploi service acceptés selon la prestation.',
  'Merci de préciser votre quartier en me contactant.',
];
const DAYS = [
  'du lundi au vendredi',
  'le mercredi et le samedi',
  'tous les jours sauf le dimanche',
  'le week-end',
  'en semaine après 17 h',
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function fill(template: string, d: Dice, trade: Trade, town: string, price: number, service: string): string {
  const other = d.pick(trade.services.filter((s) => s !== service));
  const [tool, tool2] = d.sample(trade.tools, 2);
  const promise = d.pick(trade.promises);
  return template
    .replace('{service}', service)
    .replace('{Service}', cap(service))
    .replace('{service2}', other)
    .replace('{town}', town)
    .replace('{km}', String(d.pick([10, 15, 20, 25, 30, 40])))
    .replace('{years}', String(d.int(3, 28)))
    .replace('{tool}', tool)
    .replace('{tool2}', tool2 ?? tool)
    .replace('{days}', d.pick(DAYS))
    .replace('{price}', String(price))
    .replace('{promise}', promise)
    .replace('{Promise}', cap(promise));
}

export interface AdText {
  title: string;
  body: string;
  service: string;
}

/** One ad's title and body: an opener, two or three middles, a closer, all filled for this trade and town. */
export function writeAd(d: Dice, trade: Trade, town: string, price: number): AdText {
  const service = d.pick(trade.services);
  const title = d.pick([
    `${cap(service)} à ${town}`,
    `${trade.label} – ${service} (${town})`,
    `${cap(service)}, ${d.pick(trade.promises)}`,
    `${town} : ${service}`,
    `${cap(service)} – ${d.int(3, 28)} ans d’expérience`,
  ]);
  const middles = d.sample(MIDDLES, d.int(2, 3));
  const sentences = [d.pick(OPENERS), ...middles, d.pick(CLOSERS)].map((t) => fill(t, d, trade, town, price, service));
  return { title, body: sentences.join(' '), service };
}

export const BRAND_WORDS = [
  'Artisans',
  'Services',
  'Annonces',
  'Dépann',
  'Maison',
  'Proxi',
  'Quartier',
  'Coup de main',
  'Habitat',
  'Pros',
  'Atelier',
  'Réseau',
  'Bottin',
  'Carnet',
  'Voisins',
  'Pratique',
  'Express',
  'Local',
  'Direct',
  'Confiance',
];
export const DOMAIN_WORDS = [
  'artisans',
  'annonces',
  'services',
  'depann',
  'maison',
  'proxi',
  'quartier',
  'habitat',
  'pros',
  'atelier',
  'reseau',
  'bottin',
  'carnet',
  'voisins',
  'pratique',
  'express',
  'local',
  'direct',
  'confiance',
  'tousmetiers',
  'bonsplans',
];

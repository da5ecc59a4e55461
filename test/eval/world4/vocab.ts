/** World 4's own French vocabulary of home services: trades, phrases, towns, names. Written for this world only. */
import type { Rng } from './prng.ts';

export interface Trade {
  key: string;
  label: string;
  titles: string[];
  offers: string[];
  details: string[];
  unit: string;
  price: [number, number];
}

export const TRADES: Trade[] = [
  {
    key: 'demenagement',
    label: 'Déménagement',
    titles: [
      'Déménagement {town}, camion {n} m³',
      'Aide au déménagement à {town}',
      'Petit déménagement et transport de meubles',
    ],
    offers: [
      'Je propose mes bras et un utilitaire de {n} m³ pour vos cartons et vos meubles.',
      'Déménagement complet ou partiel, démontage et remontage des lits et armoires.',
      'Transport d’un canapé, d’une machine à laver ou d’un piano droit jusqu’au troisième étage sans ascenseur.',
    ],
    details: [
      'Sangles, couvertures et diable fournis.',
      'Devis gratuit après visite ou sur photos.',
      'Disponible le samedi et le dimanche matin.',
      'Emballage de la vaisselle sur demande.',
    ],
    unit: 'l’heure',
    price: [25, 60],
  },
  {
    key: 'soutien',
    label: 'Soutien scolaire',
    titles: [
      'Cours de maths niveau collège et lycée',
      'Soutien scolaire à domicile {town}',
      'Aide aux devoirs, primaire et sixième',
    ],
    offers: [
      'Étudiante en master, je donne des cours de mathématiques et de physique depuis {n} ans.',
      'Professeur certifié, préparation du brevet et du baccalauréat, méthode et confiance.',
      'Aide aux devoirs après l’école, lecture, dictée et tables de multiplication.',
    ],
    details: [
      'Premier cours d’essai offert.',
      'Cours possibles en visio le mercredi.',
      'Paiement en chèques emploi service accepté.',
      'Fiches d’exercices corrigées fournies.',
    ],
    unit: 'la séance',
    price: [15, 40],
  },
  {
    key: 'garde',
    label: 'Garde de maison',
    titles: [
      'Garde de maison et arrosage pendant vos vacances',
      'Gardiennage de maison secteur {town}',
      'Je veille sur votre logement et vos plantes',
    ],
    offers: [
      'Retraité sérieux, je passe chaque jour relever le courrier, aérer et arroser les plantes.',
      'Garde de maison avec nourriture des chats et des poules, photos envoyées chaque soir.',
      'Présence la nuit possible pour les absences de plus de {n} jours.',
    ],
    details: [
      'Références de propriétaires à {town}.',
      'Ouverture et fermeture des volets.',
      'Contrat écrit avant chaque garde.',
      'Je vérifie chaudière et piscine.',
    ],
    unit: 'la journée',
    price: [12, 35],
  },
  {
    key: 'peinture',
    label: 'Peinture',
    titles: [
      'Peintre en bâtiment, intérieur et façade',
      'Travaux de peinture à {town}',
      'Rafraîchissement de pièces, plafonds et boiseries',
    ],
    offers: [
      'Artisan peintre depuis {n} ans, je reprends murs, plafonds, portes et volets.',
      'Pose de toile de verre, enduit de lissage et peinture satinée ou mate.',
      'Lessivage, rebouchage des fissures et deux couches de finition.',
    ],
    details: [
      'Protection soignée des sols et des meubles.',
      'Devis détaillé sous quarante-huit heures.',
      'Peintures labellisées à faible odeur.',
      'Chantier rendu propre.',
    ],
    unit: 'le m²',
    price: [18, 45],
  },
  {
    key: 'jardin',
    label: 'Jardinage',
    titles: [
      'Tonte, taille de haies et entretien de jardin',
      'Jardinier disponible à {town}',
      'Débroussaillage et évacuation des déchets verts',
    ],
    offers: [
      'Je tonds les pelouses, taille les haies et ramasse les feuilles chez les particuliers.',
      'Entretien régulier des massifs, désherbage manuel et paillage.',
      'Élagage des arbustes jusqu’à {n} mètres avec évacuation en déchetterie.',
    ],
    details: [
      'Matériel thermique et électrique fourni.',
      'Passage toutes les deux semaines au printemps.',
      'Éligible au crédit d’impôt.',
      'Intervention rapide après tempête.',
    ],
    unit: 'l’heure',
    price: [20, 38],
  },
  {
    key: 'menage',
    label: 'Ménage',
    titles: [
      'Aide ménagère sérieuse, {n} ans d’expérience',
      'Ménage et repassage à {town}',
      'Grand nettoyage de fin de bail',
    ],
    offers: [
      'Je fais le ménage, les vitres et le repassage chez vous, avec vos produits ou les miens.',
      'Nettoyage complet après travaux ou avant un état des lieux.',
      'Repassage à domicile, chemises et linge de maison.',
    ],
    details: [
      'Horaires souples en semaine.',
      'Produits écologiques sur demande.',
      'Clés confiées en toute confiance.',
      'Remplacement pendant les congés.',
    ],
    unit: 'l’heure',
    price: [14, 28],
  },
  {
    key: 'bricolage',
    label: 'Petits travaux',
    titles: [
      'Homme toutes mains pour petits travaux',
      'Montage de meubles en kit à {town}',
      'Pose d’étagères, tringles et luminaires',
    ],
    offers: [
      'Montage de meubles en kit, fixation de télévision murale et pose de cadres.',
      'Petite plomberie : joints, robinets, chasse d’eau et siphons bouchés.',
      'Remplacement de prises, interrupteurs et plafonniers, {n} ans de métier.',
    ],
    details: [
      'Outillage complet, perceuse et niveau laser.',
      'Déplacement offert dans un rayon de {n} km.',
      'Intervention le jour même si possible.',
      'Facture fournie.',
    ],
    unit: 'l’heure',
    price: [22, 50],
  },
  {
    key: 'animaux',
    label: 'Garde d’animaux',
    titles: [
      'Promenade de chiens et visites aux chats',
      'Pet-sitter à {town}',
      'Garde de votre chien à mon domicile avec jardin',
    ],
    offers: [
      'Je promène votre chien une heure par jour et vous envoie des nouvelles.',
      'Visites à domicile pour nourrir les chats, changer la litière et câliner.',
      'Garde en pension familiale, maison avec jardin clos de {n} m².',
    ],
    details: [
      'Habituée aux grands chiens.',
      'Administration de médicaments possible.',
      'Rencontre préalable gratuite.',
      'Week-ends et jours fériés.',
    ],
    unit: 'la visite',
    price: [10, 25],
  },
];

export const TOWNS = [
  'Lyon',
  'Nantes',
  'Rennes',
  'Dijon',
  'Tours',
  'Angers',
  'Limoges',
  'Pau',
  'Nancy',
  'Metz',
  'Brest',
  'Caen',
  'Reims',
  'Amiens',
  'Poitiers',
  'Annecy',
  'Valence',
  'Niort',
  'Vannes',
  'Colmar',
  'Albi',
  'Bayonne',
  'Chartres',
  'Quimper',
];
export const FIRST_NAMES = [
  'Amandine',
  'Bastien',
  'Capucine',
  'Damien',
  'Élodie',
  'Florent',
  'Gaëlle',
  'Hugo',
  'Inès',
  'Jules',
  'Karima',
  'Loïc',
  'Manon',
  'Nabil',
  'Océane',
  'Pascal',
  'Quentin',
  'Rachida',
  'Sylvain',
  'Tiphaine',
  'Ugo',
  'Valérie',
  'Wassim',
  'Yasmine',
  'Zoé',
  'Arnaud',
  'Bérénice',
  'Cédric',
  'Delphine',
  'Étienne',
  'Fanny',
  'Grégoire',
];
export const INITIALS = 'ABCDEFGHJKLMNPRSTV';
export const CLOSINGS = [
  'Appelez-moi ou laissez un message.',
  'Réponse rapide par SMS.',
  'Contactez-moi pour un devis.',
  'Je rappelle dans la journée.',
  'Me joindre de préférence le soir.',
];

const SITE_WORDS = [
  'services',
  'coup-de-main',
  'voisins',
  'maison',
  'entraide',
  'bons-plans',
  'artisans',
  'dépannage',
  'petites-annonces',
  'particuliers',
];
const SITE_PLACES = ['ouest', 'centre', 'loire', 'alpes', 'bretagne', 'sud', 'est', 'rhone', 'atlantique', 'vallee'];
const SITE_TITLES = [
  'Services entre particuliers',
  'Annonces maison et jardin',
  'Coups de main près de chez vous',
  'Le petit tableau des services',
  'Artisans et voisins',
  'Dépannage et entraide',
];
const TAGLINES = [
  'Trouvez un coup de main près de chez vous',
  'Des services à domicile, entre voisins',
  'Petites annonces de services, gratuites',
  'Le tableau d’affichage du quartier',
];

export function fill(template: string, rng: Rng, town: string): string {
  return template.replace(/\{town\}/g, town).replace(/\{n\}/g, () => String(rng.int(2, 25)));
}

export function siteIdentity(rng: Rng, index: number): { domain: string; title: string; tagline: string } {
  const word = rng
    .pick(SITE_WORDS)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const place = rng.pick(SITE_PLACES);
  const tld = rng.chance(0.5) ? 'test' : 'example';
  return {
    domain: `${word}-${place}-${index}.${tld}`,
    title: `${rng.pick(SITE_TITLES)} ${place[0].toUpperCase()}${place.slice(1)}`,
    tagline: rng.pick(TAGLINES),
  };
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
export const code = (rng: Rng, n: number, alphabet = ALNUM) =>
  Array.from({ length: n }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');

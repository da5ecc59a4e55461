/**
 * World 5's vocabulary: home-services trades with their phrasing in French and English, four regions of small
 * towns, people's names and the words operators build brands from. Written for this world only.
 */

export interface Trade {
  key: string;
  fr: string;
  en: string;
  /** What an ad offers, French and English. */
  services: [string, string][];
  /** Included extras, French and English. */
  extras: [string, string][];
  unit: [string, string];
  price: [number, number];
  /** Which kind of procedural picture the ads of this trade carry (photos.ts). */
  scene: 'room' | 'garden' | 'roof' | 'grid' | 'vehicle' | 'portrait';
}

export const TRADES: Trade[] = [
  {
    key: 'demenagement',
    fr: 'aide au déménagement',
    en: 'moving help',
    services: [
      ['aide au déménagement avec utilitaire', 'moving help with a van'],
      ['port de meubles et cartons', 'carrying furniture and boxes'],
      ['montage et démontage de meubles', 'furniture assembly and disassembly'],
    ],
    extras: [
      ['sangles et couvertures fournies', 'straps and blankets provided'],
      ['diable et chariot', 'hand truck and trolley'],
      ['emballage de la vaisselle', 'packing of dishes'],
    ],
    unit: ['€ la demi-journée', '€ per half day'],
    price: [60, 180],
    scene: 'vehicle',
  },
  {
    key: 'vitres',
    fr: 'nettoyage de vitres',
    en: 'window cleaning',
    services: [
      ['nettoyage de vitres et baies vitrées', 'window and bay cleaning'],
      ['lavage de vérandas', 'conservatory washing'],
      ['nettoyage de vitrines de commerces', 'shop front cleaning'],
    ],
    extras: [
      ['perche à eau pure', 'pure water pole'],
      ['encadrements et rebords', 'frames and sills'],
      ['produits écologiques', 'eco-friendly products'],
    ],
    unit: ['€ le passage', '€ per visit'],
    price: [35, 120],
    scene: 'grid',
  },
  {
    key: 'babysitting',
    fr: "garde d'enfants",
    en: 'babysitting',
    services: [
      ["garde d'enfants le soir", 'evening babysitting'],
      ["sortie d'école et aide aux devoirs", 'school pick-up and homework help'],
      ['garde pendant les vacances scolaires', 'childcare during school holidays'],
    ],
    extras: [
      ['BAFA obtenu', 'youth leader certificate'],
      ['premiers secours PSC1', 'first aid certificate'],
      ['jeux et activités manuelles', 'games and crafts'],
    ],
    unit: ['€ de l’heure', '€ per hour'],
    price: [10, 16],
    scene: 'portrait',
  },
  {
    key: 'seniors',
    fr: 'aide aux seniors',
    en: 'elder care',
    services: [
      ['compagnie et courses pour personnes âgées', 'company and shopping for the elderly'],
      ['aide au lever et au coucher', 'help getting up and going to bed'],
      ['préparation des repas à domicile', 'meal preparation at home'],
    ],
    extras: [
      ['accompagnement aux rendez-vous', 'escort to appointments'],
      ['petit ménage', 'light housework'],
      ['lecture et promenades', 'reading and walks'],
    ],
    unit: ['€ de l’heure', '€ per hour'],
    price: [14, 24],
    scene: 'portrait',
  },
  {
    key: 'tonte',
    fr: 'tonte de pelouse',
    en: 'lawn mowing',
    services: [
      ['tonte de pelouse et ramassage', 'lawn mowing and collection'],
      ['taille de haies', 'hedge trimming'],
      ['débroussaillage de terrain', 'land clearing'],
    ],
    extras: [
      ['évacuation des déchets verts', 'green waste removal'],
      ['matériel thermique', 'petrol equipment'],
      ['bordures au coupe-fil', 'edges with a strimmer'],
    ],
    unit: ['€ le passage', '€ per visit'],
    price: [25, 90],
    scene: 'garden',
  },
  {
    key: 'chiens',
    fr: 'promenade de chiens',
    en: 'dog walking',
    services: [
      ['promenade de chiens en forêt', 'dog walks in the woods'],
      ['garde de chien à domicile', 'dog sitting at home'],
      ['visites pour chats pendant vos absences', 'cat visits while you are away'],
    ],
    extras: [
      ['photos envoyées après chaque sortie', 'photos sent after each walk'],
      ['balade de une heure', 'one-hour walk'],
      ['petits groupes de trois chiens', 'small groups of three dogs'],
    ],
    unit: ['€ la sortie', '€ per walk'],
    price: [8, 25],
    scene: 'garden',
  },
  {
    key: 'lavage',
    fr: 'lavage auto à domicile',
    en: 'car washing at home',
    services: [
      ['lavage auto sans eau à domicile', 'waterless car wash at home'],
      ['nettoyage intérieur et sièges', 'interior and seat cleaning'],
      ['lustrage et protection carrosserie', 'polishing and body protection'],
    ],
    extras: [
      ['aspiration complète', 'full vacuuming'],
      ['traitement des plastiques', 'plastic trim care'],
      ['désodorisation', 'odour removal'],
    ],
    unit: ['€ la prestation', '€ per service'],
    price: [25, 140],
    scene: 'vehicle',
  },
  {
    key: 'repassage',
    fr: 'repassage',
    en: 'ironing',
    services: [
      ['repassage à domicile', 'ironing at your home'],
      ['repassage avec collecte et livraison', 'ironing with pick-up and delivery'],
      ['petites retouches de couture', 'small sewing alterations'],
    ],
    extras: [
      ['chemises sur cintres', 'shirts on hangers'],
      ['linge plié et rangé', 'laundry folded and put away'],
      ['centrale vapeur', 'steam generator iron'],
    ],
    unit: ['€ de l’heure', '€ per hour'],
    price: [12, 20],
    scene: 'room',
  },
  {
    key: 'carrelage',
    fr: 'carrelage',
    en: 'tiling',
    services: [
      ['pose de carrelage et faïence', 'floor and wall tiling'],
      ['rénovation de salle de bains', 'bathroom renovation'],
      ['reprise de joints', 'grout repair'],
    ],
    extras: [
      ['ragréage du sol', 'floor levelling'],
      ['découpes à la scie à eau', 'wet-saw cuts'],
      ['devis détaillé', 'itemised quote'],
    ],
    unit: ['€ le m²', '€ per m²'],
    price: [25, 60],
    scene: 'grid',
  },
  {
    key: 'toiture',
    fr: 'toiture',
    en: 'roofing',
    services: [
      ['démoussage de toiture', 'roof moss removal'],
      ['remplacement de tuiles', 'tile replacement'],
      ['nettoyage de gouttières', 'gutter cleaning'],
    ],
    extras: [
      ['traitement hydrofuge', 'water-repellent treatment'],
      ['photos avant et après', 'before and after photos'],
      ['nacelle si besoin', 'aerial lift if needed'],
    ],
    unit: ['€ le m²', '€ per m²'],
    price: [12, 45],
    scene: 'roof',
  },
  {
    key: 'solaire',
    fr: 'nettoyage de panneaux solaires',
    en: 'solar panel cleaning',
    services: [
      ['nettoyage de panneaux solaires', 'solar panel cleaning'],
      ['contrôle visuel des panneaux', 'visual panel check'],
      ['nettoyage de capteurs thermiques', 'solar thermal collector cleaning'],
    ],
    extras: [
      ['eau osmosée', 'reverse-osmosis water'],
      ['brosse rotative douce', 'soft rotary brush'],
      ['rapport de rendement', 'yield report'],
    ],
    unit: ['€ le panneau', '€ per panel'],
    price: [4, 12],
    scene: 'roof',
  },
  {
    key: 'traduction',
    fr: 'traduction',
    en: 'translation',
    services: [
      ['traduction de documents anglais-français', 'English-French document translation'],
      ['relecture de courriers administratifs', 'proofreading of official letters'],
      ['aide aux démarches en ligne', 'help with online formalities'],
    ],
    extras: [
      ['délai de 48 heures', '48-hour turnaround'],
      ['confidentialité assurée', 'confidentiality guaranteed'],
      ['tarif dégressif', 'volume discount'],
    ],
    unit: ['€ la page', '€ per page'],
    price: [15, 40],
    scene: 'room',
  },
];

/** Four regions, six small towns each. */
export const REGIONS: { name: string; slug: string; towns: string[] }[] = [
  {
    name: 'Vosges',
    slug: 'vosges',
    towns: ['Épinal', 'Remiremont', 'Saint-Dié', 'Gérardmer', 'Neufchâteau', 'Mirecourt'],
  },
  { name: 'Quercy', slug: 'quercy', towns: ['Cahors', 'Figeac', 'Gourdon', 'Souillac', 'Gramat', 'Puy-l’Évêque'] },
  { name: 'Berry', slug: 'berry', towns: ['Issoudun', 'Vierzon', 'Le Blanc', 'Argenton', 'Aubigny', 'Saint-Amand'] },
  { name: 'Hérault', slug: 'herault', towns: ['Pézenas', 'Lodève', 'Clermont-l’Hérault', 'Agde', 'Lunel', 'Ganges'] },
];

export const FIRST_NAMES = [
  'Maëlle',
  'Gaspard',
  'Lison',
  'Anatole',
  'Capucine',
  'Ysée',
  'Timéo',
  'Roxane',
  'Baptiste',
  'Solène',
  'Noé',
  'Apolline',
  'Yanis',
  'Clémence',
  'Malo',
  'Héloïse',
  'Sacha',
  'Romane',
  'Nathan',
  'Margaux',
  'Ilan',
  'Bérénice',
  'Armand',
  'Jade',
  'Célestin',
  'Louison',
  'Aurèle',
  'Mathilde',
  'Hugo',
  'Eulalie',
];

export const SURNAMES = [
  'Vasseur',
  'Lemaire',
  'Carré',
  'Delmas',
  'Jacquet',
  'Pelletier',
  'Brunet',
  'Guillot',
  'Roussel',
  'Marchal',
  'Perrot',
  'Hamon',
  'Cordier',
  'Barthe',
  'Tessier',
  'Laporte',
  'Fabre',
  'Ollivier',
  'Gaillard',
  'Moulin',
];

/** Brand fragments an operator combines: a first word, a second word, and the region. */
export const BRAND_A = ['Coup', 'Main', 'Bras', 'Petit', 'Bon', 'Vite', 'Entre', 'Clair', 'Domi', 'Ici'];
export const BRAND_B = [
  'Pouce',
  'Forte',
  'Services',
  'Boulot',
  'Voisins',
  'Dépanne',
  'Maison',
  'Jobs',
  'Annonces',
  'Aide',
];

export const AVAILABILITY: [string, string][] = [
  ['en semaine après 17 h', 'weekdays after 5 pm'],
  ['le samedi toute la journée', 'all day on Saturdays'],
  ['du lundi au vendredi', 'Monday to Friday'],
  ['pendant les vacances', 'during the holidays'],
  ['7 jours sur 7', 'seven days a week'],
];

export const CLOSINGS: [string, string][] = [
  ['Paiement CESU accepté.', 'CESU vouchers accepted.'],
  ['Devis gratuit sur simple appel.', 'Free quote, just call.'],
  ['Merci de laisser un message si je ne réponds pas.', 'Please leave a message if I do not answer.'],
  ['Références sur demande.', 'References on request.'],
  ['Pas sérieux s’abstenir.', 'Serious enquiries only.'],
];

/** The operator's page words, per language: what a script's theme translates. */
export const UI: Record<'fr' | 'en', Record<string, string>> = {
  fr: {
    home: 'Accueil',
    ads: 'Annonces',
    post: 'Déposer une annonce',
    contact: 'Contact',
    legal: 'Mentions légales',
    about: 'Qui sommes-nous',
    price: 'Prix',
    location: 'Ville',
    posted: 'Publiée le',
    phone: 'Téléphone',
    email: 'E-mail',
    next: 'Suivant',
    prev: 'Précédent',
    category: 'Catégorie',
    seller: 'Annonceur',
    reveal: 'Afficher le numéro',
    report: 'Signaler l’annonce',
    message: 'Envoyer un message',
    results: 'résultats',
    latest: 'Dernières annonces',
    rights: 'Tous droits réservés',
    description: 'Description',
    details: 'Détails',
    terms: 'Conditions générales',
    search: 'Rechercher',
  },
  en: {
    home: 'Home',
    ads: 'Listings',
    post: 'Post an ad',
    contact: 'Contact',
    legal: 'Legal notice',
    about: 'About us',
    price: 'Price',
    location: 'Town',
    posted: 'Posted on',
    phone: 'Phone',
    email: 'Email',
    next: 'Next',
    prev: 'Previous',
    category: 'Category',
    seller: 'Advertiser',
    reveal: 'Show number',
    report: 'Report listing',
    message: 'Send a message',
    results: 'results',
    latest: 'Latest listings',
    rights: 'All rights reserved',
    description: 'Description',
    details: 'Details',
    terms: 'Terms and conditions',
    search: 'Search',
  },
};

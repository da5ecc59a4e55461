/**
 * World 2's vocabulary: neutral French home-services ads (trades, phrasings, towns, first names, site names), written
 * for this world. Nothing here is taken from sitegen/.
 */

export interface Trade {
  key: string;
  label: string;
  titles: string[];
  lines: string[];
  unit: string;
  price: [number, number];
}

export const TRADES: Trade[] = [
  {
    key: 'plomberie',
    label: 'Plomberie',
    titles: [
      'Plombier disponible {town}',
      'Dépannage fuite et chauffe-eau',
      'Débouchage canalisations {town}',
      'Remplacement robinetterie, WC, évier',
    ],
    lines: [
      'Intervention rapide sur fuite, joint, siphon ou chasse d’eau qui coule.',
      'Pose de ballon d’eau chaude électrique ou thermodynamique, mise en service comprise.',
      'Débouchage évier, douche et WC au furet ou à la pompe manuelle.',
      'Recherche de fuite sans casse avant les travaux, devis remis sur place.',
      'Remplacement de mitigeur, flexible ou groupe de sécurité le jour même.',
      'Je rénove aussi les salles de bain complètes, de la dépose au carrelage.',
    ],
    unit: 'le déplacement',
    price: [45, 90],
  },
  {
    key: 'menage',
    label: 'Ménage',
    titles: [
      'Aide ménagère sérieuse {town}',
      'Ménage et repassage à domicile',
      'Nettoyage fin de bail',
      'Entretien de bureaux le soir',
    ],
    lines: [
      'Ménage complet chaque semaine : sols, poussières, sanitaires et cuisine.',
      'Repassage soigné de vos chemises et du linge de maison, à domicile.',
      'Nettoyage de fin de bail pour récupérer votre caution sans souci.',
      'Produits écologiques fournis si vous le souhaitez, sans supplément.',
      'Vitres et baies vitrées lavées à la raclette, sans traces.',
      'Paiement possible en chèque emploi service universel (CESU).',
    ],
    unit: 'l’heure',
    price: [14, 25],
  },
  {
    key: 'jardinage',
    label: 'Jardinage',
    titles: [
      'Jardinier pour tonte et taille {town}',
      'Entretien de jardin toute l’année',
      'Taille de haies et évacuation',
      'Débroussaillage de terrain',
    ],
    lines: [
      'Tonte de pelouse, ramassage et évacuation des déchets verts en déchetterie.',
      'Taille de haies de thuyas, lauriers ou charmilles, à la main ou au taille-haie.',
      'Débroussaillage de terrains en friche, même en pente, matériel professionnel.',
      'Plantation de massifs, paillage et arrosage goutte-à-goutte.',
      'Élagage des petits arbres fruitiers à la bonne saison.',
      'Contrat à l’année possible avec passage tous les quinze jours.',
    ],
    unit: 'l’heure',
    price: [18, 35],
  },
  {
    key: 'soutien',
    label: 'Soutien scolaire',
    titles: [
      'Cours de maths du collège au lycée',
      'Aide aux devoirs primaire {town}',
      'Professeur d’anglais, tous niveaux',
      'Préparation au bac de français',
    ],
    lines: [
      'Étudiant en master donne des cours particuliers, méthode patiente et claire.',
      'Préparation au brevet et au bac avec annales corrigées et fiches de révision.',
      'Aide aux devoirs après l’école, suivi régulier avec les parents.',
      'Cours en visio ou à domicile, premier cours d’essai offert.',
      'Remise à niveau pendant les vacances scolaires, stages intensifs d’une semaine.',
      'Expérience de cinq ans auprès d’élèves en difficulté ou dyslexiques.',
    ],
    unit: 'l’heure',
    price: [15, 40],
  },
  {
    key: 'demenagement',
    label: 'Déménagement',
    titles: [
      'Déménagement petit volume {town}',
      'Aide au déménagement avec camion',
      'Transport de meubles et cartons',
      'Monte-meuble et débarras de cave',
    ],
    lines: [
      'Camion de 20 m³ avec hayon, deux déménageurs pour charger et décharger.',
      'Démontage et remontage des meubles, protection sous couvertures.',
      'Débarras de caves, greniers et garages, tri pour les associations.',
      'Transport d’un seul meuble possible, canapé, armoire ou frigo.',
      'Cartons fournis sur demande et emballage de la vaisselle.',
      'Devis gratuit après visite ou sur photos envoyées par message.',
    ],
    unit: 'la demi-journée',
    price: [120, 380],
  },
  {
    key: 'bricolage',
    label: 'Bricolage',
    titles: [
      'Homme toutes mains {town}',
      'Petits travaux de bricolage',
      'Montage de meubles en kit',
      'Pose d’étagères, tringles et luminaires',
    ],
    lines: [
      'Montage de meubles en kit de toutes marques, cuisine et dressing compris.',
      'Pose d’étagères, tringles à rideaux, miroirs et cadres sur tout support.',
      'Remplacement de prises, interrupteurs et luminaires en toute sécurité.',
      'Petites réparations de portes, serrures, volets et stores.',
      'Rebouchage de trous et retouches de peinture avant état des lieux.',
      'Outillage complet, je viens avec mes fournitures si besoin.',
    ],
    unit: 'l’heure',
    price: [20, 40],
  },
  {
    key: 'peinture',
    label: 'Peinture',
    titles: [
      'Peintre en bâtiment {town}',
      'Rafraîchissement de pièces',
      'Pose de papier peint',
      'Peinture de volets et boiseries',
    ],
    lines: [
      'Peinture des murs et plafonds, préparation des supports et sous-couche.',
      'Pose de papier peint intissé ou vinyle, raccords soignés.',
      'Ponçage et lasure des volets, portails et boiseries extérieures.',
      'Chantier protégé et nettoyé chaque soir, mobilier bâché.',
      'Conseils sur les couleurs et les finitions mate, satinée ou velours.',
      'Devis détaillé au mètre carré, fournitures de qualité professionnelle.',
    ],
    unit: 'le m²',
    price: [18, 32],
  },
  {
    key: 'garde',
    label: 'Garde d’animaux',
    titles: [
      'Promenade de chiens {town}',
      'Garde de chats pendant vos vacances',
      'Pet-sitting à domicile',
      'Visites pour vos animaux',
    ],
    lines: [
      'Promenades d’une heure en forêt, seul ou en petit groupe de chiens.',
      'Visites à domicile deux fois par jour pour nourrir et câliner vos chats.',
      'Nouvelles et photos envoyées après chaque passage.',
      'Habituée aux chiens craintifs et aux animaux âgés sous traitement.',
      'Arrosage des plantes et relève du courrier pendant votre absence.',
      'Premier rendez-vous gratuit pour faire connaissance avec votre animal.',
    ],
    unit: 'la visite',
    price: [10, 25],
  },
];

export const TOWNS: { name: string; postcode: string; near: string }[] = [
  { name: 'Rennes', postcode: '35000', near: 'Cesson-Sévigné' },
  { name: 'Angers', postcode: '49000', near: 'Trélazé' },
  { name: 'Tours', postcode: '37000', near: 'Joué-lès-Tours' },
  { name: 'Dijon', postcode: '21000', near: 'Chenôve' },
  { name: 'Limoges', postcode: '87000', near: 'Panazol' },
  { name: 'Poitiers', postcode: '86000', near: 'Buxerolles' },
  { name: 'Nancy', postcode: '54000', near: 'Vandœuvre-lès-Nancy' },
  { name: 'Reims', postcode: '51100', near: 'Tinqueux' },
  { name: 'Amiens', postcode: '80000', near: 'Longueau' },
  { name: 'Caen', postcode: '14000', near: 'Hérouville-Saint-Clair' },
  { name: 'Pau', postcode: '64000', near: 'Lescar' },
  { name: 'Nîmes', postcode: '30000', near: 'Caissargues' },
  { name: 'Besançon', postcode: '25000', near: 'Châtillon-le-Duc' },
  { name: 'Orléans', postcode: '45000', near: 'Olivet' },
  { name: 'Clermont-Ferrand', postcode: '63000', near: 'Chamalières' },
  { name: 'Brest', postcode: '29200', near: 'Guipavas' },
  { name: 'Metz', postcode: '57000', near: 'Montigny-lès-Metz' },
  { name: 'Perpignan', postcode: '66000', near: 'Cabestany' },
];

export const FIRST_NAMES = [
  'Amandine',
  'Bastien',
  'Céline',
  'Damien',
  'Élodie',
  'Fabrice',
  'Gaëlle',
  'Hugo',
  'Inès',
  'Jérôme',
  'Karine',
  'Loïc',
  'Manon',
  'Nicolas',
  'Océane',
  'Pascal',
  'Quentin',
  'Rachida',
  'Sylvain',
  'Tiphaine',
  'Ulysse',
  'Valérie',
  'Wassim',
  'Yasmine',
  'Zoé',
  'Arnaud',
  'Brigitte',
  'Cédric',
  'Delphine',
  'Étienne',
  'Florian',
  'Géraldine',
];

export const OPENERS = [
  'Bonjour,',
  'Bonjour à tous,',
  'Particulier sérieux,',
  'Nouveau dans le secteur,',
  'Auto-entrepreneur,',
  '',
  'Disponible rapidement,',
  'Travail soigné,',
];

export const CLOSERS = [
  'Appelez-moi au {phone}.',
  'Joignable au {phone}, même le samedi.',
  'Contact par téléphone : {phone}.',
  'Laissez un message au {phone}, je rappelle vite.',
  'Tél. {phone} (SMS bienvenus).',
  'Réponse rapide au {phone}.',
];

export const SITE_WORDS = {
  first: [
    'Annonces',
    'Services',
    'Coups de main',
    'Artisans',
    'Petits boulots',
    'Dépannages',
    'Bons plans',
    'Entraide',
  ],
  second: ['du Coin', 'Pro', 'Malins', 'Express', 'de Quartier', 'Facile', 'Local', 'Direct', 'Plus', '& Co'],
  domainParts: [
    'annonce',
    'service',
    'depann',
    'coupdemain',
    'bricol',
    'proxi',
    'voisin',
    'quartier',
    'petitsjobs',
    'artisan',
    'aide',
    'malin',
    'direct',
    'local',
    'zone',
    'net',
  ],
};

export const EMOJI = ['✅', '👍', '📞', '⭐', '🔧', '🌿', '🏠', '✨'];

/** Press, NGO and forum phrasings for pages that quote ads without being ad sites. */
export const ARTICLE_LINES = [
  'Sur les sites d’annonces locales, les offres de services à domicile se multiplient.',
  'Nous avons relevé plusieurs annonces qui illustrent cette tendance.',
  'Les associations de consommateurs rappellent de toujours demander un devis écrit.',
  'Un artisan déclaré doit pouvoir fournir un numéro SIRET et une assurance.',
  'Les prix pratiqués varient fortement d’un quartier à l’autre.',
  'Certains particuliers proposent leurs services sans être déclarés.',
  'La plateforme n’a pas répondu à nos questions.',
  'Le crédit d’impôt pour les services à la personne reste méconnu.',
];

export const FORUM_LINES = [
  'Quelqu’un a déjà fait appel à cette personne ? Je suis tombé sur cette annonce :',
  'Perso j’ai eu une bonne expérience, travail propre et à l’heure.',
  'Méfiez-vous quand même des acomptes demandés avant le chantier.',
  'Le prix me paraît correct pour le secteur.',
  'Je l’ai appelé hier, il passe jeudi pour un devis.',
  'Merci pour vos retours, je vous tiens au courant !',
];

export const DIRECTORY_LINES = [
  'Annuaire des professionnels du bâtiment et des services à domicile.',
  'Trouvez un artisan près de chez vous parmi nos fiches vérifiées.',
  'Fiche mise à jour par l’entreprise.',
  'Horaires : du lundi au vendredi, 8 h – 18 h.',
];

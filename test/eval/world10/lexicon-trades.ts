/**
 * The ten home and personal services of world 10's boards: category label, ad titles, trade sentences and price
 * patterns. Templates use `[a|b|c]` for wording an advertiser picks once and `{slot}` for values (prose.ts).
 */

export type TradeKey =
  | 'vitres'
  | 'repassage'
  | 'animaux'
  | 'compagnie'
  | 'ramonage'
  | 'serrurerie'
  | 'piano'
  | 'carrelage'
  | 'toiture'
  | 'velo';

/** What the synthetic photos of a trade show (pictures.ts). */
export type SceneKind = 'window' | 'cloth' | 'pet' | 'room' | 'brick' | 'door' | 'piano' | 'tiles' | 'roof' | 'bike';

export interface Trade {
  key: TradeKey;
  label: string;
  slug: string;
  scene: SceneKind;
  titles: string[];
  sentences: string[];
  prices: string[];
  /** Range of the {n} of a price. */
  priceRange: [number, number];
  /** Services à la personne: the 50 % tax credit applies. */
  taxCredit: boolean;
}

export const TRADES: Record<TradeKey, Trade> = {
  vitres: {
    key: 'vitres',
    label: 'Nettoyage de vitres',
    slug: 'nettoyage-vitres',
    scene: 'window',
    titles: [
      '[Nettoyage|Lavage] de vitres à {town}',
      'Laveur de carreaux [disponible|dispo] secteur {town}',
      'Vitres [impeccables|nettes], particuliers et commerces',
      '[Lavage|Nettoyage] de vitres et vérandas',
      'Nettoyage de baies vitrées et velux',
      'Vos [carreaux|fenêtres] propres sans traces',
    ],
    sentences: [
      '[Je nettoie|Je lave|Je fais] vos vitres, encadrements et rebords avec des produits [écologiques|sans solvant].',
      'Intervention sur baies vitrées, vérandas, velux et vitrines de commerce.',
      '[Matériel professionnel|Équipement pro] : perche à eau pure jusqu’à {n} mètres de hauteur.',
      'Les [encadrements|cadres] et les volets sont [nettoyés|lavés] sans supplément.',
      '[Passage ponctuel|Intervention unique] ou contrat d’entretien toutes les {weeks} semaines.',
      'Travail [soigné|propre], sans traces ni coulures, même par temps froid.',
      '[Je protège|Protection de] vos sols et vos meubles avant chaque intervention.',
      'Pour les immeubles, [intervention possible|je travaille] sur nacelle avec un collègue.',
      'Nettoyage des gouttières [proposé|possible] en complément au printemps.',
      'Les stores et moustiquaires peuvent aussi être dépoussiérés.',
    ],
    prices: ['{n} € la fenêtre', 'forfait maison à partir de {n} €', '{n} € de l’heure'],
    priceRange: [6, 120],
    taxCredit: true,
  },
  repassage: {
    key: 'repassage',
    label: 'Repassage',
    slug: 'repassage',
    scene: 'cloth',
    titles: [
      'Repassage à domicile [sur|à] {town}',
      'Service de repassage, [retrait et livraison|collecte et retour]',
      'Je repasse votre linge avec [soin|attention]',
      'Repassage de chemises et linge de maison',
      '[Aide ménagère|Auxiliaire] spécialisée repassage',
    ],
    sentences: [
      '[Je viens chez vous|Je me déplace chez vous] avec ma centrale vapeur ou je récupère votre linge.',
      'Chemises, draps, nappes et linge délicat [repassés et pliés|repassés, pliés et rangés].',
      '[Retrait du linge|Collecte du linge] le [lundi|mardi|jeudi] et retour sous {n} jours.',
      '[Je respecte|Respect de] les étiquettes et les consignes de chaque vêtement.',
      'Les chemises sont rendues sur cintre, le reste plié en piles.',
      'Petites retouches [possibles|en option] : ourlets, boutons, coutures défaites.',
      'Service régulier chaque semaine ou [ponctuel|occasionnel] après un séjour.',
      'Repassage [soigné|minutieux] depuis {years} ans pour des familles du secteur.',
      'Linge de bébé et vêtements de travail [acceptés|bienvenus].',
    ],
    prices: ['{n} € de l’heure', '{n} € le panier de 5 kg', 'chemise à {n} €'],
    priceRange: [2, 25],
    taxCredit: true,
  },
  animaux: {
    key: 'animaux',
    label: 'Garde d’animaux',
    slug: 'garde-animaux',
    scene: 'pet',
    titles: [
      'Garde de chats et chiens à {town}',
      '[Pet-sitter|Gardienne d’animaux] disponible pendant vos vacances',
      'Promenade de chiens en semaine',
      'Visites à domicile pour vos [chats|compagnons]',
      'Garde d’animaux en famille d’accueil',
    ],
    sentences: [
      '[Je passe|Je viens] nourrir vos chats, changer la litière et jouer avec eux.',
      'Promenades de {n} minutes en forêt ou au parc, seul ou en petit groupe.',
      '[J’envoie|Vous recevez] des photos et des nouvelles à chaque visite.',
      '[Habituée|Habitué] aux lapins, cochons d’Inde, oiseaux et poissons.',
      'Administration de médicaments possible selon les consignes du vétérinaire.',
      'Jardin clos de {n} m² pour les chiens accueillis à la maison.',
      '[Je garde|J’accueille] un seul chien à la fois pour qu’il soit tranquille.',
      'Arrosage des plantes et relevé du courrier pendant votre absence.',
      'Rencontre [gratuite|offerte] avant la première garde pour faire connaissance.',
    ],
    prices: ['{n} € la visite', '{n} € la journée de garde', 'promenade à {n} €'],
    priceRange: [8, 35],
    taxCredit: false,
  },
  compagnie: {
    key: 'compagnie',
    label: 'Compagnie aux aînés',
    slug: 'compagnie-aines',
    scene: 'room',
    titles: [
      '[Dame|Personne] de compagnie pour personne âgée',
      'Compagnie et aide aux courses sur {town}',
      'Accompagnement des seniors à domicile',
      'Présence [rassurante|bienveillante] pour vos parents',
      'Sorties, lecture et jeux pour personnes âgées',
    ],
    sentences: [
      '[Je tiens compagnie|Je rends visite] à vos proches : discussion, lecture, jeux de société.',
      'Accompagnement aux rendez-vous médicaux et aux courses.',
      'Aide à la préparation des repas et à la prise des repas.',
      'Promenades [en fonction de|adaptées à] la mobilité de la personne.',
      '[Je prends le temps|Je sais prendre le temps] d’écouter et de partager un café.',
      'Présence de jour, en semaine comme le week-end.',
      'Formation aux gestes de premiers secours à jour.',
      '[Je fais le lien|Je garde le contact] avec la famille par message après chaque visite.',
      'Expérience de {years} ans auprès de personnes âgées.',
    ],
    prices: ['{n} € de l’heure', 'forfait demi-journée {n} €'],
    priceRange: [14, 70],
    taxCredit: true,
  },
  ramonage: {
    key: 'ramonage',
    label: 'Ramonage',
    slug: 'ramonage',
    scene: 'brick',
    titles: [
      'Ramonage de cheminées et poêles à {town}',
      'Ramoneur [agréé|qualifié], certificat remis',
      'Ramonage conduit de poêle à bois et granulés',
      'Entretien de cheminée avant l’hiver',
      'Débistrage et ramonage toutes cheminées',
    ],
    sentences: [
      'Certificat de ramonage remis [sur place|le jour même] pour votre assurance.',
      'Ramonage mécanique par le haut ou par le bas selon le conduit.',
      'Poêles à granulés : nettoyage complet du foyer et de l’extracteur.',
      'Inspection caméra du conduit [possible|proposée] sur demande.',
      'Travail propre avec bâche et aspirateur à cendres.',
      'Débistrage des conduits encrassés et pose de chapeau.',
      'Deux ramonages par an sont [obligatoires|exigés] pour le bois.',
      'Intervention sur inserts, foyers ouverts et chaudières fioul.',
    ],
    prices: ['{n} € le ramonage', 'à partir de {n} €', 'forfait poêle {n} €'],
    priceRange: [45, 140],
    taxCredit: false,
  },
  serrurerie: {
    key: 'serrurerie',
    label: 'Serrurerie',
    slug: 'serrurerie',
    scene: 'door',
    titles: [
      'Serrurier [dépannage|dépanneur] à {town}',
      'Ouverture de porte et changement de serrure',
      'Pose de serrure trois points',
      'Serrurier artisan, devis avant travaux',
      'Blindage de porte et cylindre de sécurité',
    ],
    sentences: [
      'Ouverture de porte claquée sans dégât dans la [majorité|plupart] des cas.',
      'Remplacement de cylindre, serrure multipoints, verrou.',
      '[Devis donné|Prix annoncé] avant toute intervention, pas de mauvaise surprise.',
      'Fabrication de clés et pose de boîtes aux lettres.',
      'Intervention sur portes de garage et portails.',
      '[Je suis artisan installé|Artisan installé] à {town} depuis {years} ans.',
      'Mise en sécurité après effraction, attestation pour l’assurance.',
      'Cylindres [certifiés|haute sécurité] sur demande.',
    ],
    prices: ['déplacement {n} €', 'ouverture à partir de {n} €', 'devis gratuit'],
    priceRange: [30, 180],
    taxCredit: false,
  },
  piano: {
    key: 'piano',
    label: 'Accord de piano',
    slug: 'accord-piano',
    scene: 'piano',
    titles: [
      'Accordeur de piano sur {town} et environs',
      'Accord et entretien de pianos droits et à queue',
      'Accordage piano, réglage et petites réparations',
      'Technicien piano, accord au diapason',
      'Votre piano sonne faux ? Accord à domicile',
    ],
    sentences: [
      'Accord à 440 Hz ou au diapason de votre choix.',
      'Réglage de la mécanique et [harmonisation|égalisation] si nécessaire.',
      '[Je conseille|Il est conseillé de faire] un accord une à deux fois par an.',
      'Remplacement de cordes cassées et de feutres usés.',
      'Expertise avant achat d’un piano d’occasion.',
      'Intervention chez les particuliers, écoles de musique et salles.',
      'Un accord dure environ {n} minutes selon l’état de l’instrument.',
      '[Formé en atelier|Ancien technicien d’atelier], {years} ans de métier.',
    ],
    prices: ['accord {n} €', 'à partir de {n} €', 'expertise {n} €'],
    priceRange: [60, 160],
    taxCredit: false,
  },
  carrelage: {
    key: 'carrelage',
    label: 'Carrelage',
    slug: 'carrelage',
    scene: 'tiles',
    titles: [
      'Carreleur pour salle de bain et cuisine',
      'Pose de carrelage et faïence à {town}',
      'Carrelage intérieur et terrasse',
      'Rénovation de salle de bain, carrelage',
      'Carreleur indépendant, travail [soigné|propre]',
    ],
    sentences: [
      'Pose de carrelage, faïence, mosaïque et grands formats.',
      'Préparation du support, ragréage et étanchéité sous douche.',
      'Terrasses sur plots ou collées, plinthes et joints.',
      'Dépose de l’ancien revêtement et évacuation des gravats.',
      '[Conseils|Je vous conseille] pour le choix des carreaux et des joints.',
      'Chantiers de {n} m² en moyenne, délais respectés.',
      'Assurance décennale, facture détaillée.',
      'Photos de mes réalisations sur demande.',
    ],
    prices: ['{n} € le m²', 'devis gratuit', 'à partir de {n} € le m²'],
    priceRange: [25, 90],
    taxCredit: false,
  },
  toiture: {
    key: 'toiture',
    label: 'Toiture',
    slug: 'toiture',
    scene: 'roof',
    titles: [
      'Couvreur, réparation de toiture à {town}',
      'Recherche de fuite et remplacement de tuiles',
      'Démoussage et traitement de toiture',
      'Zinguerie, gouttières et faîtages',
      'Couvreur zingueur, intervention rapide',
    ],
    sentences: [
      'Remplacement de tuiles cassées et révision complète du toit.',
      'Démoussage, traitement hydrofuge et nettoyage basse pression.',
      'Pose et réparation de gouttières en zinc ou PVC.',
      'Recherche de fuite et bâchage d’urgence après tempête.',
      'Réfection de faîtage et de solins à la chaux.',
      'Travail en sécurité avec échafaudage ou harnais.',
      '[Entreprise assurée|Artisan assuré], garantie décennale.',
      'Photos avant et après [remises|envoyées] avec la facture.',
    ],
    prices: ['devis gratuit', 'démoussage {n} € le m²', 'à partir de {n} €'],
    priceRange: [12, 400],
    taxCredit: false,
  },
  velo: {
    key: 'velo',
    label: 'Réparation de vélos',
    slug: 'reparation-velos',
    scene: 'bike',
    titles: [
      'Réparation de vélos à domicile sur {town}',
      'Atelier vélo mobile, révision complète',
      'Entretien vélo électrique et classique',
      'Mécanicien cycle, crevaison et freins',
      'Révision de vélo avant les beaux jours',
    ],
    sentences: [
      '[Je me déplace|Je viens] avec mon atelier mobile chez vous ou au travail.',
      'Révision complète : freins, transmission, réglage des vitesses.',
      'Réparation de crevaison, changement de pneus et chambres à air.',
      'Entretien des vélos à assistance électrique, diagnostic batterie.',
      'Montage de pièces fournies par vos soins.',
      'Vélos d’enfants, VTT, vélos de ville et vélos cargo.',
      'Pièces d’origine ou équivalentes, garanties {n} mois.',
      'Intervention en entreprise pour les flottes de vélos.',
    ],
    prices: ['révision {n} €', 'crevaison {n} €', 'main d’œuvre {n} € de l’heure'],
    priceRange: [10, 90],
    taxCredit: false,
  },
};

export const TRADE_KEYS = Object.keys(TRADES) as TradeKey[];

/** Sentences any advertiser may add, whatever the trade. */
export const COMMON_SENTENCES: string[] = [
  '[Plus de|Près de] {years} ans d’expérience dans le métier.',
  '[Sérieux, ponctuel et discret|Sérieuse, ponctuelle et discrète].',
  'Références [disponibles|fournies] sur demande.',
  '[Je me déplace|Déplacement] dans un rayon de {km} km autour de {town}.',
  'Secteur {town} et communes voisines.',
  'Déplacement offert sur {town}.',
  'Disponible du lundi au samedi de {hour} h à 19 h.',
  'Intervention sous {n} h en semaine.',
  'Disponible aussi le soir et le week-end.',
  'Paiement par chèque, virement ou espèces.',
  'Facture fournie pour chaque intervention.',
  'Devis gratuit sur simple demande.',
];

export const TAX_CREDIT_SENTENCE = 'Éligible au crédit d’impôt de 50 % pour les services à la personne.';

/** How an advertiser ends an ad with their number ({phone}). */
export const CLOSINGS: string[] = [
  'Appelez-moi au {phone}.',
  'Contact : {phone}.',
  'Tél. {phone}, SMS bienvenus.',
  'Joignable au {phone} après 18 h.',
  'N’hésitez pas à me contacter au {phone}.',
  'Pour un rendez-vous : {phone}.',
  'Un appel au {phone} suffit.',
  'Renseignements au {phone}.',
];

export const OPENERS: string[] = ['Bonjour,', 'Particulier sérieux.', 'Artisan local.', 'Nouveau sur le secteur !', ''];

/**
 * The ten neutral trades and goods of world 7's boards, with the words their ads are written from (French first,
 * English for the boards and ads written in English). Slots: {town} {years} {item} {brand} {size} {state} {zone}
 * {day} {km} {inch} {months} {age}. Texts are plain everyday ad prose written for this world.
 */

export type SceneKind =
  | 'pipes'
  | 'garden'
  | 'cleaning'
  | 'piano'
  | 'appliance'
  | 'computer'
  | 'bicycle'
  | 'kitchen'
  | 'clothes'
  | 'firewood';

export interface Trade {
  id: SceneKind;
  kind: 'service' | 'goods';
  fr: string;
  en: string;
  /** Price range; services quote an hourly or flat rate, goods a price. */
  price: readonly [number, number];
  unitFr: string;
  unitEn: string;
  titlesFr: readonly string[];
  titlesEn: readonly string[];
  itemsFr: readonly string[];
  itemsEn: readonly string[];
  textFr: readonly string[];
  textEn: readonly string[];
  /** Business names a professional of the trade goes by ({surname}, {town}). */
  business: readonly string[];
  brands: readonly string[];
}

const split = (s: string): string[] => s.split('|');

export const TRADES: readonly Trade[] = [
  {
    id: 'pipes',
    kind: 'service',
    fr: 'Plomberie',
    en: 'Plumbing',
    price: [35, 70],
    unitFr: '€/h',
    unitEn: '€/hour',
    titlesFr: split(
      'Plombier à {town}|Dépannage plomberie {town} et alentours|{item} : intervention rapide|Plombier disponible ce {day}|Artisan plombier, {years} ans d’expérience',
    ),
    titlesEn: split('Plumber in {town}|Emergency plumbing around {town}|{item}: fast call-out'),
    itemsFr: split('Fuite d’eau|Chauffe-eau|Robinetterie|WC bouché|Remplacement de ballon|Salle de bain'),
    itemsEn: split('Water leak|Water heater|Taps|Blocked toilet|Bathroom refit'),
    textFr: split(
      'Artisan plombier installé à {town} depuis {years} ans.|J’interviens pour fuites, chauffe-eau, robinetterie et débouchage.|Devis gratuit, déplacement offert dans un rayon de {km} km.|Travail soigné, je laisse le chantier propre.|Disponible aussi le samedi matin.|Pose de {item} de marque {brand}, garantie pièces et main-d’œuvre.|Paiement à la fin de l’intervention, facture fournie.|Secteur {zone} et communes voisines.',
    ),
    textEn: split(
      'Plumber based in {town} for {years} years.|Leaks, water heaters, taps and blockages.|Free quote, no call-out fee within {km} km.|Tidy work, invoice provided.',
    ),
    business: split('Plomberie {surname}|{surname} Sanitaire|SOS Plomberie {town}|Ets {surname} & Fils'),
    brands: split('Grohe|Atlantic|Geberit|Hansgrohe|Thermor'),
  },
  {
    id: 'garden',
    kind: 'service',
    fr: 'Jardinage',
    en: 'Gardening',
    price: [22, 40],
    unitFr: '€/h',
    unitEn: '€/hour',
    titlesFr: split(
      'Jardinier à {town}|Entretien de jardin, tonte et taille|Taille de haies {town}|{item} à domicile|Paysagiste, {years} ans de métier',
    ),
    titlesEn: split('Gardener in {town}|Lawn mowing and hedge trimming|{item} at your home'),
    itemsFr: split('Tonte de pelouse|Taille de haies|Débroussaillage|Ramassage de feuilles|Plantations|Élagage'),
    itemsEn: split('Lawn mowing|Hedge trimming|Clearing|Leaf collection|Planting'),
    textFr: split(
      'Je propose l’entretien de votre jardin à {town} et aux alentours.|Tonte, taille de haies, débroussaillage et évacuation des déchets verts.|Matériel professionnel fourni ({brand}).|Contrat à l’année ou intervention ponctuelle.|Éligible au crédit d’impôt pour les services à la personne.|Passage toutes les deux semaines en saison.|{years} ans d’expérience en espaces verts.|Secteur {zone}.',
    ),
    textEn: split(
      'Garden upkeep in {town} and nearby villages.|Mowing, hedges, clearing and green waste removal.|Own tools ({brand}).|Yearly contract or one-off visit.',
    ),
    business: split('Jardins {surname}|Les Jardins de {town}|{surname} Paysages|Vert Service {town}'),
    brands: split('Stihl|Husqvarna|Honda|Makita'),
  },
  {
    id: 'cleaning',
    kind: 'service',
    fr: 'Ménage et repassage',
    en: 'House cleaning',
    price: [18, 30],
    unitFr: '€/h',
    unitEn: '€/hour',
    titlesFr: split(
      'Femme de ménage à {town}|Aide ménagère sérieuse|Repassage à domicile {town}|{item}, disponible en semaine|Ménage et repassage, chèques CESU acceptés',
    ),
    titlesEn: split('Cleaner in {town}|Home cleaning and ironing|{item}, weekdays'),
    itemsFr: split('Ménage régulier|Grand nettoyage|Repassage|Nettoyage de vitres|Ménage de fin de bail'),
    itemsEn: split('Regular cleaning|Deep clean|Ironing|Window cleaning|End of tenancy clean'),
    textFr: split(
      'Personne sérieuse et discrète propose ménage et repassage à {town}.|Disponible les {day} et en semaine.|Références sur demande, {years} ans d’expérience chez des particuliers.|Produits fournis ou les vôtres selon votre préférence.|Paiement en chèques emploi service accepté.|Je me déplace sur tout le secteur {zone}.|Grand nettoyage de printemps et de fin de bail.',
    ),
    textEn: split(
      'Reliable cleaner offering cleaning and ironing in {town}.|Available on {day} and weekdays.|References on request.|Products provided if needed.',
    ),
    business: split('Net & Clair {town}|{surname} Services|Maison Propre {town}|Aide à domicile {surname}'),
    brands: split('Vileda|Kärcher|Rowenta'),
  },
  {
    id: 'piano',
    kind: 'service',
    fr: 'Cours de piano',
    en: 'Piano lessons',
    price: [25, 50],
    unitFr: '€ le cours',
    unitEn: '€ per lesson',
    titlesFr: split(
      'Cours de piano à {town}|Professeur de piano diplômé|Cours de piano tous niveaux|{item} pour enfants et adultes|Cours de solfège et piano à domicile',
    ),
    titlesEn: split('Piano lessons in {town}|Piano teacher, all levels|{item} for children and adults'),
    itemsFr: split('Cours de piano|Éveil musical|Solfège|Préparation aux examens|Accompagnement'),
    itemsEn: split('Piano lessons|Music theory|Exam preparation|Beginner lessons'),
    textFr: split(
      'Professeure diplômée du conservatoire, je donne des cours de piano à {town}.|Tous niveaux, enfants dès 6 ans et adultes débutants.|Cours à domicile ou chez moi sur piano {brand}.|Méthode adaptée à chacun, classique, variété ou jazz.|Premier cours d’essai offert.|{years} ans d’enseignement.|Préparation aux examens de conservatoire.',
    ),
    textEn: split(
      'Conservatoire-trained teacher giving piano lessons in {town}.|All levels, children from 6 and adult beginners.|Lessons at your home or mine on a {brand} piano.|First trial lesson free.',
    ),
    business: split('Atelier musical {surname}|Piano {town}|École de piano {surname}'),
    brands: split('Yamaha|Pleyel|Kawai|Steinway'),
  },
  {
    id: 'appliance',
    kind: 'service',
    fr: 'Réparation électroménager',
    en: 'Appliance repair',
    price: [45, 90],
    unitFr: '€ le déplacement',
    unitEn: '€ call-out',
    titlesFr: split(
      'Réparation électroménager {town}|Dépannage lave-linge et lave-vaisselle|Réparateur {item} toutes marques|Technicien électroménager, intervention sous 48 h|Réparation de {item} à domicile',
    ),
    titlesEn: split('Appliance repair in {town}|Washing machine and dishwasher repair|{item} repair, all brands'),
    itemsFr: split('lave-linge|lave-vaisselle|sèche-linge|four|réfrigérateur|plaque de cuisson'),
    itemsEn: split('washing machine|dishwasher|tumble dryer|oven|fridge'),
    textFr: split(
      'Technicien indépendant, je répare votre {item} à domicile à {town}.|Toutes marques : {brand} et autres.|Diagnostic offert si la réparation est acceptée.|Pièces d’origine, garantie trois mois.|Intervention sous 48 h sur le secteur {zone}.|Plus de {years} ans dans le dépannage électroménager.|Ne jetez pas votre appareil, faites-le réparer.',
    ),
    textEn: split(
      'Independent engineer repairing your {item} at home in {town}.|All brands: {brand} and others.|Free diagnosis if you go ahead.|Genuine parts, three months warranty.',
    ),
    business: split('Dépann’Électro {town}|{surname} Électroménager|Répar’Express {town}'),
    brands: split('Bosch|Whirlpool|Miele|Samsung|Brandt|Indesit'),
  },
  {
    id: 'computer',
    kind: 'service',
    fr: 'Dépannage informatique',
    en: 'Computer help',
    price: [30, 55],
    unitFr: '€/h',
    unitEn: '€/hour',
    titlesFr: split(
      'Dépannage informatique {town}|Aide informatique à domicile|{item} : je viens chez vous|Réparation PC et portables|Cours d’informatique pour seniors',
    ),
    titlesEn: split('Computer help in {town}|PC and laptop repair|{item} at your home'),
    itemsFr: split(
      'Installation box et imprimante|Suppression de virus|Sauvegarde de photos|Remplacement d’écran|Ordinateur lent',
    ),
    itemsEn: split('Printer setup|Virus removal|Photo backup|Slow computer'),
    textFr: split(
      'Je vous aide à domicile à {town} pour tous vos soucis informatiques.|Ordinateur lent, virus, installation de box, imprimante ou tablette.|Cours personnalisés pour débutants et seniors.|Réparation de portables {brand}, remplacement d’écran et de batterie.|Tarif clair annoncé avant l’intervention.|Secteur {zone}, {years} ans d’expérience.',
    ),
    textEn: split(
      'Home computer help in {town}.|Slow computer, viruses, printers and tablets.|Patient lessons for beginners.|Laptop repair ({brand}).',
    ),
    business: split('Info Services {town}|{surname} Informatique|PC Secours {town}'),
    brands: split('Lenovo|HP|Dell|Asus|Acer'),
  },
  {
    id: 'bicycle',
    kind: 'goods',
    fr: 'Vélos',
    en: 'Bicycles',
    price: [40, 650],
    unitFr: '€',
    unitEn: '€',
    titlesFr: split(
      'Vélo {brand} taille {size}|{item} {brand} {state}|Vends {item} {brand}|{item} en {state}, peu servi|Vélo enfant {inch} pouces',
    ),
    titlesEn: split('{brand} bike, size {size}|{item} for sale, {state}|{item} {brand}'),
    itemsFr: split('VTT|vélo de route|vélo de ville|vélo électrique|vélo enfant|VTC'),
    itemsEn: split('Mountain bike|Road bike|City bike|E-bike|Kids bike'),
    textFr: split(
      'Vends {item} {brand}, cadre taille {size}.|Très bon état, révisé récemment, pneus neufs.|Freins à disque, dérailleur Shimano.|Vendu avec antivol et garde-boues.|À venir chercher à {town}, pas d’envoi.|Acheté il y a {age} ans, peu roulé.|Prix ferme, pas d’échange.',
    ),
    textEn: split(
      'Selling my {brand} {item}, frame size {size}.|Very good condition, recently serviced.|Disc brakes, Shimano gears.|Collection in {town} only.',
    ),
    business: split('Cycles {surname}|Vélo Occasion {town}|L’Atelier du Cycle'),
    brands: split('Décathlon|Peugeot|Giant|Trek|Lapierre|Scott|Cube'),
  },
  {
    id: 'kitchen',
    kind: 'goods',
    fr: 'Meubles de cuisine',
    en: 'Kitchen furniture',
    price: [30, 1200],
    unitFr: '€',
    unitEn: '€',
    titlesFr: split(
      '{item} {state}|Cuisine équipée complète à démonter|Vends {item} en chêne|{item} {brand}, {size} cm|Meubles de cuisine à récupérer à {town}',
    ),
    titlesEn: split('{item} for sale|Fitted kitchen to dismantle|{item}, {size} cm'),
    itemsFr: split('Meuble haut|Buffet de cuisine|Table de cuisine|Îlot central|Caisson bas|Plan de travail'),
    itemsEn: split('Wall cabinet|Kitchen dresser|Kitchen table|Kitchen island|Worktop'),
    textFr: split(
      'Vends {item} {brand}, largeur {size} cm.|Bon état général, quelques traces d’usage.|Façades laquées, charnières amortisseurs.|À démonter et à enlever sur place à {town}.|Cause déménagement, tout doit partir.|Électroménager encastré possible en plus.|Photos non contractuelles, à voir sur place.',
    ),
    textEn: split(
      'Selling {item} by {brand}, {size} cm wide.|Good condition, some signs of use.|Buyer collects in {town}.|Moving house, must go.',
    ),
    business: split('Déstock Cuisine {town}|{surname} Agencement'),
    brands: split('Ikea|Schmidt|Mobalpa|Cuisinella|But'),
  },
  {
    id: 'clothes',
    kind: 'goods',
    fr: 'Vêtements enfants',
    en: 'Children’s clothes',
    price: [3, 60],
    unitFr: '€',
    unitEn: '€',
    titlesFr: split(
      'Lot vêtements fille {size}|Lot vêtements garçon {size}|{item} {brand} taille {size}|Vêtements bébé {months} mois|Manteau enfant {state}',
    ),
    titlesEn: split('Girls clothes bundle, {size}|Boys clothes bundle, {size}|{item} {brand}, size {size}'),
    itemsFr: split('Manteau|Lot de bodies|Pyjamas|Robe|Pantalons|Pulls'),
    itemsEn: split('Coat|Bodysuits|Pyjamas|Dress|Trousers'),
    textFr: split(
      'Lot de vêtements {size}, marques {brand} et autres.|Tout est propre, non fumeur, sans animaux.|Quelques pièces jamais portées avec étiquette.|Remise en main propre à {town} ou envoi possible.|Je fais un prix pour l’ensemble.|Voir mes autres annonces pour d’autres tailles.',
    ),
    textEn: split(
      'Bundle of clothes, size {size}, {brand} and others.|All clean, smoke-free home.|Collection in {town} or postage.',
    ),
    business: split('Dressing des Petits {town}|Le Vestiaire de {surname}'),
    brands: split('Petit Bateau|Okaïdi|Kiabi|Jacadi|Tape à l’œil'),
  },
  {
    id: 'firewood',
    kind: 'goods',
    fr: 'Bois de chauffage',
    en: 'Firewood',
    price: [55, 95],
    unitFr: '€ le stère',
    unitEn: '€ per stere',
    titlesFr: split(
      'Bois de chauffage sec {town}|Vends bois de chauffage chêne et hêtre|Bois sec coupé en {size} cm|{item}, livraison possible|Stères de bois à vendre',
    ),
    titlesEn: split('Seasoned firewood, {town}|Oak and beech firewood|Logs cut to {size} cm'),
    itemsFr: split('Bois de chauffage|Chêne sec|Hêtre|Bois d’allumage|Granulés'),
    itemsEn: split('Firewood|Seasoned oak|Beech|Kindling'),
    textFr: split(
      'Vends bois de chauffage sec, chêne et hêtre, coupé en {size} cm.|Séché deux ans sous abri.|Livraison possible sur {zone} contre supplément.|Minimum de commande deux stères.|À prendre sur place à {town} ou livré.|Bois de nos forêts, coupé l’hiver dernier.',
    ),
    textEn: split(
      'Seasoned oak and beech firewood, cut to {size} cm.|Dried two years under cover.|Delivery possible around {zone}.',
    ),
    business: split('Bois {surname}|Bûches de {town}|Exploitation forestière {surname}'),
    brands: split('chêne|hêtre|charme'),
  },
];

export const DAYS_FR = split('lundi|mardi|mercredi|jeudi|vendredi|samedi');
export const DAYS_EN = split('Monday|Tuesday|Wednesday|Thursday|Friday|Saturday');
export const STATES_FR = split('très bon état|bon état|état neuf|état correct');
export const STATES_EN = split('very good condition|good condition|as new|fair condition');

export function tradeById(id: string): Trade {
  const trade = TRADES.find((t) => t.id === id);
  if (!trade) throw new Error(`world 7: no trade ${id}`);
  return trade;
}

/**
 * World 6's trades: everyday neutral services and second-hand goods. Every phrase is a French/English pair so an ad
 * can come back translated (a restart aimed at a new audience). Slots: {item} {town} {years} {name} {detail}.
 */

import { GOODS } from './goods.ts';

export type Pair = readonly [fr: string, en: string];
export type Scene = 'desk' | 'instrument' | 'pet' | 'bike' | 'screen' | 'fabric' | 'furniture' | 'stroller' | 'tools';

export interface Trade {
  id: string;
  category: Pair;
  scene: Scene;
  goods: boolean;
  items: Pair[];
  titles: Pair[];
  intros: Pair[];
  details: Pair[];
  price: readonly [number, number];
  unit: Pair;
}

export const TRADES: Trade[] = [
  {
    id: 'soutien',
    category: ['Soutien scolaire', 'Tutoring'],
    scene: 'desk',
    goods: false,
    items: [
      ['mathématiques', 'maths'],
      ['physique-chimie', 'physics and chemistry'],
      ['français', 'French'],
      ['anglais', 'English'],
      ['SVT', 'biology'],
      ['méthodologie', 'study skills'],
      ['préparation au brevet', 'brevet exam preparation'],
    ],
    titles: [
      ['Cours de {item} à {town}', '{item} lessons in {town}'],
      ['Soutien scolaire en {item}, collège et lycée', '{item} tutoring, secondary school'],
      ['Professeur donne cours de {item}', 'Teacher offers {item} lessons'],
      ['Aide aux devoirs et {item} – {town}', 'Homework help and {item} – {town}'],
    ],
    intros: [
      [
        'Enseignante depuis {years} ans, je propose des cours de {item} à domicile sur {town} et alentours.',
        'A teacher for {years} years, I offer {item} lessons at home in {town} and nearby.',
      ],
      [
        'Étudiant en master, je donne des cours de {item} du collège à la terminale.',
        'Master student, I give {item} lessons from middle school to final year.',
      ],
      [
        'Je m’appelle {name} et j’accompagne les élèves en {item} depuis {years} ans.',
        'My name is {name} and I have been helping pupils with {item} for {years} years.',
      ],
      [
        'Cours particuliers de {item}, patience et méthode garanties.',
        'Private {item} lessons, patience and method guaranteed.',
      ],
    ],
    details: [
      [
        'Séances d’une heure ou une heure et demie, exercices corrigés fournis.',
        'Sessions of one hour or ninety minutes, corrected exercises provided.',
      ],
      [
        'Préparation aux contrôles et aux examens, reprise des bases si besoin.',
        'Preparation for tests and exams, going back over the basics if needed.',
      ],
      ['Possibilité de cours en visio le soir.', 'Evening lessons by video call are possible.'],
      [
        'Bilan gratuit au premier rendez-vous pour cerner les difficultés.',
        'Free assessment at the first meeting to pin down difficulties.',
      ],
      ['Paiement possible en CESU.', 'Payment by CESU vouchers accepted.'],
      ['Groupes de deux élèves maximum pendant les vacances.', 'Groups of two pupils at most during the holidays.'],
    ],
    price: [18, 35],
    unit: ['€ de l’heure', '€ per hour'],
  },
  {
    id: 'musique',
    category: ['Cours de musique', 'Music lessons'],
    scene: 'instrument',
    goods: false,
    items: [
      ['piano', 'piano'],
      ['guitare', 'guitar'],
      ['violon', 'violin'],
      ['batterie', 'drums'],
      ['chant', 'singing'],
      ['solfège', 'music theory'],
      ['ukulélé', 'ukulele'],
    ],
    titles: [
      ['Cours de {item} tous niveaux', '{item} lessons, all levels'],
      ['Professeur de {item} diplômé – {town}', 'Qualified {item} teacher – {town}'],
      ['Apprendre le {item} à {town}', 'Learn {item} in {town}'],
      ['Leçons de {item} enfants et adultes', '{item} lessons for children and adults'],
    ],
    intros: [
      [
        'Musicien depuis {years} ans, je donne des cours de {item} à mon domicile de {town}.',
        'A musician for {years} years, I teach {item} at my home in {town}.',
      ],
      [
        'Diplômée du conservatoire, je propose des leçons de {item} aux débutants comme aux confirmés.',
        'Conservatoire graduate, I offer {item} lessons to beginners and advanced players.',
      ],
      [
        '{name}, professeur de {item}, accueille enfants dès six ans et adultes.',
        '{name}, {item} teacher, welcomes children from six and adults.',
      ],
    ],
    details: [
      [
        'Répertoire au choix : classique, variété, jazz ou musiques de film.',
        'Choice of repertoire: classical, pop, jazz or film music.',
      ],
      ['Instrument prêté pour les premières séances.', 'Instrument lent for the first sessions.'],
      ['Préparation aux examens de fin de cycle.', 'Preparation for end-of-cycle exams.'],
      ['Cours de trente, quarante-cinq ou soixante minutes.', 'Lessons of thirty, forty-five or sixty minutes.'],
      ['Petite audition entre élèves une fois par an.', 'A small recital among pupils once a year.'],
      ['Lecture de partition ou à l’oreille, selon vos envies.', 'Reading scores or playing by ear, as you like.'],
    ],
    price: [20, 40],
    unit: ['€ le cours', '€ per lesson'],
  },
  {
    id: 'animaux',
    category: ['Garde d’animaux', 'Pet sitting'],
    scene: 'pet',
    goods: false,
    items: [
      ['chats', 'cats'],
      ['lapins', 'rabbits'],
      ['cochons d’Inde', 'guinea pigs'],
      ['oiseaux', 'birds'],
      ['poissons et tortues', 'fish and turtles'],
      ['chiens de petite taille', 'small dogs'],
    ],
    titles: [
      ['Garde de {item} pendant vos absences', '{item} sitting while you are away'],
      ['Pet-sitter à {town} : {item}', 'Pet sitter in {town}: {item}'],
      ['Visites à domicile pour vos {item}', 'Home visits for your {item}'],
    ],
    intros: [
      [
        'Passionnée d’animaux, je garde vos {item} à {town} pendant vos vacances.',
        'An animal lover, I look after your {item} in {town} during your holidays.',
      ],
      [
        '{name}, {years} ans d’expérience, je passe chez vous nourrir et câliner vos {item}.',
        '{name}, {years} years of experience, I come to your home to feed and cuddle your {item}.',
      ],
      [
        'Je propose des visites quotidiennes pour vos {item}, une ou deux fois par jour.',
        'I offer daily visits for your {item}, once or twice a day.',
      ],
    ],
    details: [
      ['Nouvelles et photos envoyées après chaque passage.', 'News and photos sent after each visit.'],
      ['Arrosage des plantes et relève du courrier en plus.', 'Watering plants and collecting mail as well.'],
      ['Administration de médicaments possible.', 'Medication can be given.'],
      ['Rencontre gratuite avant la première garde.', 'Free meeting before the first sitting.'],
      ['Attestation d’assurance responsabilité civile fournie.', 'Liability insurance certificate provided.'],
    ],
    price: [10, 22],
    unit: ['€ la visite', '€ per visit'],
  },
  {
    id: 'velo',
    category: ['Réparation de vélos', 'Bike repair'],
    scene: 'bike',
    goods: false,
    items: [
      ['vélo de route', 'road bike'],
      ['VTT', 'mountain bike'],
      ['vélo électrique', 'e-bike'],
      ['vélo de ville', 'city bike'],
      ['vélo enfant', 'child’s bike'],
      ['vélo cargo', 'cargo bike'],
    ],
    titles: [
      ['Réparation et entretien {item} – {town}', '{item} repair and servicing – {town}'],
      ['Mécanicien cycles, révision de votre {item}', 'Bike mechanic, servicing of your {item}'],
      ['Atelier vélo mobile : {item}', 'Mobile bike workshop: {item}'],
    ],
    intros: [
      [
        'Mécanicien cycles depuis {years} ans, je révise votre {item} chez vous ou dans mon atelier de {town}.',
        'A bike mechanic for {years} years, I service your {item} at your home or in my workshop in {town}.',
      ],
      [
        'Atelier de réparation pour {item} : freins, dérailleurs, roues, chambres à air.',
        'Repair workshop for {item}: brakes, derailleurs, wheels, inner tubes.',
      ],
      [
        '{name}, réparateur indépendant, remet en état votre {item} rapidement.',
        '{name}, independent repairer, gets your {item} back in shape quickly.',
      ],
    ],
    details: [
      ['Réglage complet des freins et des vitesses.', 'Full adjustment of brakes and gears.'],
      [
        'Changement de pneus, câbles et gaines au meilleur prix.',
        'Tyres, cables and housings replaced at the best price.',
      ],
      ['Devis gratuit avant toute intervention.', 'Free quote before any work.'],
      ['Pièces d’occasion disponibles pour limiter la facture.', 'Second-hand parts available to keep the bill down.'],
      ['Diagnostic de batterie pour les vélos électriques.', 'Battery check for e-bikes.'],
    ],
    price: [15, 60],
    unit: ['€ la révision', '€ per service'],
  },
  {
    id: 'informatique',
    category: ['Dépannage informatique', 'Computer help'],
    scene: 'screen',
    goods: false,
    items: [
      ['ordinateur portable', 'laptop'],
      ['PC de bureau', 'desktop PC'],
      ['imprimante', 'printer'],
      ['box internet', 'internet box'],
      ['tablette', 'tablet'],
      ['sauvegarde de photos', 'photo backup'],
    ],
    titles: [
      ['Dépannage informatique à domicile – {town}', 'Home computer help – {town}'],
      ['Installation et réglage {item}', '{item} setup and configuration'],
      ['Aide informatique pour seniors : {item}', 'Computer help for seniors: {item}'],
    ],
    intros: [
      [
        'Technicien depuis {years} ans, je me déplace à {town} pour votre {item}.',
        'A technician for {years} years, I come to {town} for your {item}.',
      ],
      [
        'Vous avez un souci avec votre {item} ? Je dépanne rapidement et j’explique simplement.',
        'Trouble with your {item}? I fix it quickly and explain simply.',
      ],
      [
        '{name}, dépanneur informatique, intervient sur {item} et réseau domestique.',
        '{name}, computer repairer, works on {item} and home networks.',
      ],
    ],
    details: [
      ['Nettoyage des virus et accélération du système.', 'Virus removal and system speed-up.'],
      ['Récupération de données sur disque abîmé.', 'Data recovery from damaged drives.'],
      ['Initiation à la messagerie et aux appels vidéo.', 'Introduction to e-mail and video calls.'],
      ['Réglage du wifi dans toute la maison.', 'Wifi set up across the whole house.'],
      ['Pas de réparation, pas de facture.', 'No fix, no fee.'],
    ],
    price: [25, 45],
    unit: ['€ de l’heure', '€ per hour'],
  },
  {
    id: 'couture',
    category: ['Retouches et couture', 'Sewing alterations'],
    scene: 'fabric',
    goods: false,
    items: [
      ['ourlets de pantalon', 'trouser hems'],
      ['fermetures éclair', 'zips'],
      ['rideaux', 'curtains'],
      ['robes de cérémonie', 'formal dresses'],
      ['vestes et manteaux', 'jackets and coats'],
      ['housses de coussin', 'cushion covers'],
    ],
    titles: [
      ['Retouches couture : {item}', 'Sewing alterations: {item}'],
      ['Couturière à {town}, {item} et plus', 'Seamstress in {town}, {item} and more'],
      ['Travaux de couture soignés – {item}', 'Careful sewing work – {item}'],
    ],
    intros: [
      [
        'Couturière depuis {years} ans, je réalise vos {item} dans mon atelier de {town}.',
        'A seamstress for {years} years, I do your {item} in my workshop in {town}.',
      ],
      [
        '{name}, retoucheuse, s’occupe de vos {item} avec soin.',
        '{name}, alterations specialist, takes care of your {item}.',
      ],
      [
        'Retouches rapides et propres : {item}, ajustements, réparations.',
        'Quick clean alterations: {item}, fittings, repairs.',
      ],
    ],
    details: [
      ['Essayage sur place et délai d’une semaine en moyenne.', 'Fitting on site and about one week turnaround.'],
      ['Travail à la machine et finitions à la main.', 'Machine work with hand finishing.'],
      ['Création sur mesure possible à partir de vos tissus.', 'Made-to-measure possible from your own fabrics.'],
      ['Tarifs affichés à l’atelier, sans surprise.', 'Prices posted in the workshop, no surprises.'],
      ['Retouches de cuir et de jean acceptées.', 'Leather and denim alterations accepted.'],
    ],
    price: [8, 45],
    unit: ['€ la retouche', '€ per alteration'],
  },
  ...GOODS,
];

export const TRADE_IDS = TRADES.map((t) => t.id);

export function tradeOf(id: string): Trade {
  const trade = TRADES.find((t) => t.id === id);
  if (!trade) throw new Error(`world 6: unknown trade ${id}`);
  return trade;
}

/**
 * World 9's vocabulary: home services and small jobs in France. Its own words, written for this world only.
 */
import type { Dice } from './rng.ts';

export interface Trade {
  slug: string;
  label: string;
  services: string[];
  details: string[];
  rateUnit: string;
  rate: [number, number];
}

export const TRADES: Trade[] = [
  {
    slug: 'jardinage',
    label: 'Jardinage',
    services: [
      'tonte de pelouse',
      'taille de haies',
      'débroussaillage',
      'entretien de massifs',
      'ramassage de feuilles',
      'bêchage du potager',
    ],
    details: [
      'avec évacuation des déchets verts',
      'tondeuse et taille-haie fournis',
      'travail soigné et régulier',
      'petits et grands terrains',
    ],
    rateUnit: "l'heure",
    rate: [18, 32],
  },
  {
    slug: 'plomberie',
    label: 'Plomberie',
    services: [
      'réparation de fuite',
      'remplacement de robinet',
      'débouchage d\u2019évier',
      'pose de chasse d\u2019eau',
      'changement de joint',
      'raccordement de lave-linge',
    ],
    details: ['intervention rapide', 'pièces au prix coûtant', 'devis gratuit sur place', 'matériel professionnel'],
    rateUnit: 'le déplacement',
    rate: [35, 70],
  },
  {
    slug: 'peinture',
    label: 'Peinture',
    services: [
      'peinture de chambre',
      'rafraîchissement de plafond',
      'lessivage de murs',
      'pose de papier peint',
      'peinture de volets',
      'enduit et ponçage',
    ],
    details: ['protection des sols incluse', 'finitions propres', 'peinture fournie ou non', 'conseils couleurs'],
    rateUnit: 'le m²',
    rate: [12, 28],
  },
  {
    slug: 'menage',
    label: 'Ménage',
    services: [
      'ménage hebdomadaire',
      'repassage à domicile',
      'nettoyage de vitres',
      'grand ménage de printemps',
      'nettoyage après travaux',
      'entretien de bureaux',
    ],
    details: ['produits écologiques', 'personne de confiance', 'horaires souples', 'chèque emploi service accepté'],
    rateUnit: "l'heure",
    rate: [14, 24],
  },
  {
    slug: 'demenagement',
    label: 'Aide au déménagement',
    services: [
      'aide au déménagement',
      'port de cartons',
      'transport de meubles',
      'vidage de cave',
      'débarras de grenier',
      'location de bras',
    ],
    details: ['utilitaire disponible', 'sangles et diables fournis', 'week-end possible', 'équipe de deux personnes'],
    rateUnit: "l'heure",
    rate: [20, 40],
  },
  {
    slug: 'informatique',
    label: 'Dépannage informatique',
    services: [
      'installation d\u2019ordinateur',
      'dépannage PC',
      'configuration de box internet',
      'récupération de données',
      'initiation à la tablette',
      'nettoyage de virus',
    ],
    details: ['à domicile ou à distance', 'patience garantie', 'explications claires', 'sans engagement'],
    rateUnit: "l'heure",
    rate: [25, 45],
  },
  {
    slug: 'langues',
    label: 'Cours de langues adultes',
    services: [
      'cours d\u2019anglais pour adultes',
      'conversation en espagnol',
      'remise à niveau en allemand',
      'italien pour voyageurs',
      'anglais professionnel',
      'portugais débutant',
    ],
    details: ['méthode progressive', 'supports fournis', 'en visio ou en présentiel', 'horaires du soir possibles'],
    rateUnit: "l'heure",
    rate: [20, 38],
  },
  {
    slug: 'bricolage',
    label: 'Petits travaux',
    services: [
      'pose d\u2019étagères',
      'fixation de tringles',
      'réparation de porte',
      'changement de serrure',
      'pose de luminaire',
      'petite maçonnerie',
    ],
    details: ['outillage complet', 'travail propre', 'petits chantiers acceptés', 'sur rendez-vous'],
    rateUnit: "l'heure",
    rate: [22, 40],
  },
  {
    slug: 'montage-meubles',
    label: 'Montage de meubles',
    services: [
      'montage de meubles en kit',
      'montage de cuisine',
      'assemblage d\u2019armoire',
      'montage de lit',
      'installation de dressing',
      'démontage avant déménagement',
    ],
    details: ['notices respectées', 'visseuse et niveau fournis', 'reprise des emballages', 'intervention sous 48 h'],
    rateUnit: 'le meuble',
    rate: [25, 60],
  },
];

export const TOWNS = [
  'Lyon 3e',
  'Villeurbanne',
  'Grenoble',
  'Échirolles',
  'Saint-Étienne',
  'Annecy',
  'Chambéry',
  'Valence',
  'Vienne',
  'Bourg-en-Bresse',
  'Mâcon',
  'Dijon',
  'Besançon',
  'Clermont-Ferrand',
  'Roanne',
  'Villefranche-sur-Saône',
  'Voiron',
  'Bron',
  'Vénissieux',
  'Caluire-et-Cuire',
  'Oullins',
  'Meyzieu',
  'Rillieux-la-Pape',
  'Décines',
  'Givors',
  'Montélimar',
  'Romans-sur-Isère',
  'Aix-les-Bains',
  'Annemasse',
  'Thonon-les-Bains',
];

const FIRST = [
  'Karim',
  'Sophie',
  'Julien',
  'Nadia',
  'Thomas',
  'Élodie',
  'Mehdi',
  'Claire',
  'Romain',
  'Inès',
  'Bastien',
  'Chloé',
  'Yanis',
  'Laura',
  'Hugo',
  'Sarah',
  'Lucas',
  'Amandine',
  'Rachid',
  'Pauline',
  'Antoine',
  'Léa',
  'Samir',
  'Marion',
  'Florian',
  'Manon',
  'Kevin',
  'Aurélie',
  'Nicolas',
  'Fatou',
];
const INITIALS = 'ABCDEFGHJLMNPRSTV';
const BIZ_A = ['Atelier', 'Services', 'Maison', 'Coup de main', 'Allo', 'Pro', 'Réparations', 'Jardins'];
const BIZ_B = [
  'du Coteau',
  'des Tilleuls',
  'Rhône Alpin',
  'Petit Pont',
  'des Quatre Vents',
  'Bel Horizon',
  'du Plateau',
  'Saint-Roch',
];

export function personName(d: Dice): string {
  return `${d.pick(FIRST)} ${d.pick([...INITIALS])}.`;
}

export function businessName(d: Dice): string {
  return `${d.pick(BIZ_A)} ${d.pick(BIZ_B)}`;
}

const OPENERS = [
  'Je propose mes services pour : {s}, sur {t} et alentours.',
  'Particulier sérieux, je vous aide pour {s} dans le secteur de {t}.',
  'Besoin d\u2019un coup de main pour {s} ? Je me déplace à {t} et dans les communes voisines.',
  'Disponible rapidement pour {s}, secteur {t}.',
  'Artisan déclaré, j\u2019interviens pour {s} autour de {t}.',
  'Vous cherchez quelqu\u2019un de fiable pour {s} ? J\u2019habite {t}.',
];
const MIDDLES = [
  'J\u2019ai {y} ans d\u2019expérience et de nombreux clients satisfaits.',
  'Travail fait dans le respect de votre intérieur.',
  'Je peux venir en semaine comme le samedi matin.',
  'Toutes les demandes sont étudiées, même les plus petites.',
  'Possibilité d\u2019intervenir dans la journée selon les disponibilités.',
  'Un premier échange par téléphone permet de fixer un prix juste.',
  'Références disponibles sur simple demande.',
  'Je travaille seul, ce qui garantit un suivi personnel.',
  'Prix annoncé à l\u2019avance, sans mauvaise surprise au moment de payer.',
  'Déplacement offert dans un rayon de {k} km.',
];
const CLOSERS = [
  'Tarif indicatif : {r}, à discuter selon le travail.',
  'Comptez environ {r}, devis offert.',
  'Prix : {r}. N\u2019hésitez pas à me contacter.',
  'Tarif {r}, paiement à la fin de la prestation.',
  'À partir de {r}, réponse rapide par SMS.',
];

export interface AdText {
  title: string;
  sentences: string[];
  price: string;
}

export function adText(d: Dice, trade: Trade, town: string): AdText {
  const s = d.pick(trade.services);
  const x = d.pick(trade.details);
  const rate = d.int(trade.rate[0], trade.rate[1]);
  const r = `${rate} € ${trade.rateUnit}`;
  const fill = (t: string) =>
    t
      .replaceAll('{s}', s)
      .replaceAll('{t}', town)
      .replaceAll('{x}', x)
      .replaceAll('{r}', r)
      .replaceAll('{y}', String(d.int(2, 25)))
      .replaceAll('{k}', String(d.pick([5, 10, 15, 20, 30])));
  const cap = s.charAt(0).toUpperCase() + s.slice(1);
  const title = d.pick([
    `${cap} à ${town}`,
    `${cap} – ${x}`,
    `Propose ${s} (${town})`,
    `${cap}, ${x}`,
    `${trade.label} : ${s}`,
    `${cap} rapide et soigné`,
  ]);
  const middles = d.sample(MIDDLES, d.int(2, 4)).map(fill);
  const sentences = [
    fill(d.pick(OPENERS)),
    ...middles,
    `${x.charAt(0).toUpperCase()}${x.slice(1)}.`,
    fill(d.pick(CLOSERS)),
  ];
  return { title, sentences, price: `${rate} €` };
}

/** Light editing as an operator does when re-importing: synonyms, a sentence moved, a word added. */
const SYNONYMS: [string, string][] = [
  ['propose', 'offre'],
  ['rapidement', 'vite'],
  ['contacter', 'joindre'],
  ['expérience', 'métier'],
  ['clients satisfaits', 'clients contents'],
  ['disponibilités', 'créneaux libres'],
  ['N\u2019hésitez pas', 'Pensez'],
  ['devis offert', 'devis gratuit'],
  ['sérieux', 'motivé'],
];

export function editSentences(d: Dice, sentences: string[]): string[] {
  const out = sentences.map((s) => {
    let t = s;
    for (const [a, b] of SYNONYMS) if (t.includes(a) && d.chance(0.6)) t = t.replace(a, b);
    return t;
  });
  if (out.length > 3 && d.chance(0.5)) {
    const i = d.int(1, out.length - 2);
    [out[i], out[i + 1]] = [out[i + 1], out[i]];
  }
  if (d.chance(0.4))
    out.push(d.pick(['Annonce toujours d\u2019actualité.', 'Nouveau numéro ci-dessous.', 'Merci de votre confiance.']));
  return out;
}

export const OTHER_GOODS = [
  {
    slug: 'velos',
    label: 'Vélos',
    things: ['vélo de route', 'VTT enfant', 'vélo de ville', 'casque de vélo', 'remorque vélo'],
  },
  {
    slug: 'livres',
    label: 'Livres',
    things: ['lot de romans', 'bandes dessinées', 'livres de cuisine', 'encyclopédie', 'guides de voyage'],
  },
  {
    slug: 'jardinerie',
    label: 'Plantes',
    things: ['boutures de figuier', 'plants de tomates', 'orchidée', 'jardinière', 'sac de terreau'],
  },
  {
    slug: 'musique',
    label: 'Instruments',
    things: ['guitare classique', 'clavier numérique', 'ukulélé', 'pupitre', 'ampli de guitare'],
  },
];

export function goodsText(d: Dice, thing: string, town: string): AdText {
  const price = d.int(5, 250);
  const sentences = [
    `Vends ${thing} en ${d.pick(['bon', 'très bon', 'parfait'])} état.`,
    d.pick(['Peu servi, rangé à l\u2019abri.', 'Quelques traces d\u2019usage.', 'Comme neuf, encore emballé.']),
    `À retirer à ${town}, pas d\u2019envoi.`,
    d.pick(['Prix ferme.', 'Petite négociation possible.', 'Échange possible.']),
  ];
  return { title: `${thing.charAt(0).toUpperCase()}${thing.slice(1)} – ${town}`, sentences, price: `${price} €` };
}

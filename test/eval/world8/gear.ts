/**
 * World 8's vocabulary, written for it: second-hand sports and outdoor gear (bikes, snow, hiking and camping,
 * water sports, fitness, racket sports), fictional brands, French and Belgian towns, and ad texts in French with
 * Dutch and English translations, each sentence in a few wordings.
 */
import type { Ad, AdFacts, Lang } from './model.ts';
import type { Rng } from './rng.ts';

export const CATEGORIES: Record<Lang, string[]> = {
  fr: ['Vélos', 'Glisse et neige', 'Randonnée et camping', 'Sports nautiques', 'Fitness et musculation', 'Raquettes'],
  nl: ['Fietsen', 'Wintersport', 'Wandelen en kamperen', 'Watersport', 'Fitness', 'Racketsporten'],
  en: ['Bikes', 'Snow sports', 'Hiking and camping', 'Water sports', 'Fitness', 'Racket sports'],
};

/** Items per category: French, Dutch, English names and the kind of size they carry. */
export const ITEMS: [string, string, string, 'frame' | 'length' | 'shoe' | 'volume' | 'weight' | 'none'][][] = [
  [
    ['Vélo de route', 'Racefiets', 'Road bike', 'frame'],
    ['VTT semi-rigide', 'Hardtail mountainbike', 'Hardtail mountain bike', 'frame'],
    ['Vélo de ville', 'Stadsfiets', 'City bike', 'frame'],
    ['Vélo enfant', 'Kinderfiets', "Child's bike", 'none'],
    ['Gravel', 'Gravelbike', 'Gravel bike', 'frame'],
    ['Home trainer', 'Fietstrainer', 'Turbo trainer', 'none'],
  ],
  [
    ['Skis de piste', 'Pisteski', 'Piste skis', 'length'],
    ['Snowboard', 'Snowboard', 'Snowboard', 'length'],
    ['Chaussures de ski', 'Skischoenen', 'Ski boots', 'shoe'],
    ['Raquettes à neige', 'Sneeuwschoenen', 'Snowshoes', 'none'],
    ['Skis de fond', 'Langlaufski', 'Cross-country skis', 'length'],
  ],
  [
    ['Tente trois places', 'Driepersoonstent', 'Three-person tent', 'none'],
    ['Sac à dos', 'Rugzak', 'Backpack', 'volume'],
    ['Chaussures de randonnée', 'Wandelschoenen', 'Hiking boots', 'shoe'],
    ['Sac de couchage', 'Slaapzak', 'Sleeping bag', 'none'],
    ['Réchaud de camping', 'Kampeerbrander', 'Camping stove', 'none'],
  ],
  [
    ['Kayak gonflable', 'Opblaasbare kajak', 'Inflatable kayak', 'length'],
    ['Paddle', 'Supboard', 'Paddle board', 'length'],
    ['Combinaison néoprène', 'Wetsuit', 'Wetsuit', 'none'],
    ['Planche de surf', 'Surfplank', 'Surfboard', 'length'],
    ['Gilet de sauvetage', 'Zwemvest', 'Life jacket', 'none'],
  ],
  [
    ['Rameur', 'Roeitrainer', 'Rowing machine', 'none'],
    ['Banc de musculation', 'Fitnessbank', 'Weight bench', 'none'],
    ['Haltères', 'Dumbbells', 'Dumbbells', 'weight'],
    ['Vélo elliptique', 'Crosstrainer', 'Elliptical trainer', 'none'],
    ['Tapis de course', 'Loopband', 'Treadmill', 'none'],
  ],
  [
    ['Raquette de tennis', 'Tennisracket', 'Tennis racket', 'none'],
    ['Table de ping-pong', 'Pingpongtafel', 'Table tennis table', 'none'],
    ['Raquette de badminton', 'Badmintonracket', 'Badminton racket', 'none'],
    ['Raquette de padel', 'Padelracket', 'Padel racket', 'none'],
  ],
];

export const BRANDS = [
  'Brisane',
  'Montvel',
  'Aqualis',
  'Ferrox',
  'Velotra',
  'Glacia',
  'Sentier',
  'Korrig',
  'Altivo',
  'Norrøde',
  'Pelvo',
  'Tramonte',
  'Kaskad',
  'Orsel',
  'Vadrouille',
  'Zephyra',
  'Lumbago',
  'Crestal',
  'Havrel',
  'Bivak',
];

export const TOWNS_FR = [
  'Lyon',
  'Grenoble',
  'Annecy',
  'Chambéry',
  'Clermont-Ferrand',
  'Nantes',
  'Rennes',
  'Brest',
  'Lille',
  'Amiens',
  'Bordeaux',
  'Pau',
  'Toulouse',
  'Montpellier',
  'Nîmes',
  'Marseille',
  'Nice',
  'Dijon',
  'Besançon',
  'Strasbourg',
  'Metz',
  'Nancy',
  'Tours',
  'Orléans',
  'Limoges',
  'Poitiers',
  'La Rochelle',
  'Caen',
  'Rouen',
  'Le Mans',
];
export const TOWNS_BE = ['Liège', 'Namur', 'Charleroi', 'Mons', 'Bruxelles', 'Wavre', 'Arlon', 'Tournai', 'Gand'];

const CONDITIONS: Record<Lang, string[][]> = {
  fr: [
    ['Comme neuf, servi trois fois.', 'Quasi neuf, très peu utilisé.', 'État neuf, utilisé à peine trois sorties.'],
    ['Très bon état général.', 'En très bon état, aucun défaut.', 'Très bon état, entretenu régulièrement.'],
    [
      'Bon état, quelques traces d’usage.',
      'Bon état avec de légères rayures.',
      'État correct, traces normales d’usure.',
    ],
    ['À réviser, vendu en l’état.', 'Quelques réparations à prévoir.', 'Vendu dans l’état, petit entretien à faire.'],
  ],
  nl: [
    ['Zo goed als nieuw, drie keer gebruikt.', 'Bijna nieuw, weinig gebruikt.'],
    ['Zeer goede staat.', 'In zeer goede staat, geen gebreken.'],
    ['Goede staat, wat gebruikssporen.', 'Goede staat met lichte krassen.'],
    ['Moet nagekeken worden, verkocht zoals het is.', 'Enkele herstellingen nodig.'],
  ],
  en: [
    ['As new, used three times.', 'Nearly new, hardly used.'],
    ['Very good condition overall.', 'In very good condition, no faults.'],
    ['Good condition, some signs of use.', 'Good condition with light scratches.'],
    ['Needs a service, sold as seen.', 'Some repairs needed.'],
  ],
};

const REASONS: Record<Lang, string[][]> = {
  fr: [
    ['Je vends cause déménagement.', 'Vente pour cause de déménagement.', 'Déménagement prévu, je me sépare de'],
    ['Je ne pratique plus.', 'Plus le temps de pratiquer, dommage de le laisser dormir.', 'Arrêt de la pratique.'],
    ['Remplacé par un modèle plus récent.', 'J’ai racheté un modèle plus grand.', 'Changement de matériel.'],
    ['Cadeau en double.', 'Reçu en double à Noël.', 'Offert deux fois, jamais servi.'],
    ['Les enfants ont grandi.', 'Devenu trop petit pour mon fils.', 'Ma fille a grandi, il ne lui va plus.'],
  ],
  nl: [
    ['Te koop wegens verhuis.', 'Verkoop wegens verhuizing.'],
    ['Ik sport niet meer.', 'Geen tijd meer om te sporten.'],
    ['Vervangen door een nieuwer model.', 'Een groter model gekocht.'],
    ['Dubbel gekregen.', 'Dubbel gekregen met Kerstmis.'],
    ['De kinderen zijn gegroeid.', 'Te klein geworden voor mijn zoon.'],
  ],
  en: [
    ['Selling because of a move.', 'Moving house, must go.'],
    ['No longer doing the sport.', 'No time to use it any more.'],
    ['Replaced by a newer model.', 'Bought a bigger one.'],
    ['Got two as presents.', 'Received twice at Christmas.'],
    ['The kids have outgrown it.', 'Too small for my son now.'],
  ],
};

const HANDOVER: Record<Lang, string[][]> = {
  fr: [
    ['Remise en main propre à {town}.', 'À venir chercher sur {town}.', 'Retrait sur place à {town} uniquement.'],
    ['Envoi possible à vos frais.', 'Je peux l’expédier, port en sus.', 'Expédition possible, frais à votre charge.'],
    ['Livraison possible autour de {town}.', 'Je peux livrer dans un rayon de 20 km autour de {town}.'],
  ],
  nl: [
    ['Ophalen in {town}.', 'Af te halen in {town}.'],
    ['Verzending mogelijk op kosten van de koper.', 'Kan verzonden worden, verzendkosten extra.'],
    ['Levering mogelijk rond {town}.', 'Kan leveren in de buurt van {town}.'],
  ],
  en: [
    ['Collection in {town}.', 'Pick up from {town}.'],
    ['Can post at your expense.', 'Shipping possible, postage extra.'],
    ['Can deliver around {town}.', 'Delivery possible near {town}.'],
  ],
};

const EXTRAS: Record<Lang, string[][]> = {
  fr: [
    ['Facture d’achat disponible.', 'Je fournis la facture.', 'Avec la facture d’origine.'],
    ['Housse de transport offerte.', 'Livré avec sa housse.', 'Sac de rangement inclus.'],
    ['Prix ferme.', 'Prix non négociable.', 'Pas de négociation, merci.'],
    ['Prix à débattre.', 'Ouvert aux offres raisonnables.', 'Négociable pour un achat rapide.'],
    ['Révisé récemment en atelier.', 'Entretien fait le mois dernier.', 'Révision complète faite cet automne.'],
  ],
  nl: [
    ['Aankoopfactuur beschikbaar.', 'Met factuur.'],
    ['Transporthoes gratis.', 'Met hoes.'],
    ['Vaste prijs.', 'Prijs niet onderhandelbaar.'],
    ['Prijs bespreekbaar.', 'Redelijke biedingen welkom.'],
    ['Onlangs nagekeken.', 'Vorige maand onderhouden.'],
  ],
  en: [
    ['Receipt available.', 'Comes with the receipt.'],
    ['Carry bag included.', 'Comes with its bag.'],
    ['Price is firm.', 'No offers.'],
    ['Price negotiable.', 'Reasonable offers welcome.'],
    ['Recently serviced.', 'Serviced last month.'],
  ],
};

const TITLE_FORMS: Record<Lang, string[]> = {
  fr: ['{item} {brand} {size}', '{item} {brand}', '{brand} – {item} {size}', '{item} {size} {brand}, {cond}'],
  nl: ['{item} {brand} {size}', '{item} {brand}'],
  en: ['{item} {brand} {size}', '{brand} {item}'],
};
const COND_SHORT: Record<Lang, string[]> = {
  fr: ['comme neuf', 'très bon état', 'bon état', 'à réviser'],
  nl: ['als nieuw', 'zeer goed', 'goed', 'na te kijken'],
  en: ['as new', 'very good', 'good', 'needs work'],
};

export function drawFacts(rng: Rng): AdFacts {
  const category = rng.int(0, ITEMS.length - 1);
  const item = rng.int(0, ITEMS[category].length - 1);
  const kind = ITEMS[category][item][3];
  const size =
    kind === 'frame'
      ? `${rng.pick(['S', 'M', 'L', 'XL'])} (${rng.int(48, 60)} cm)`
      : kind === 'length'
        ? `${rng.int(14, 19) * 10 + rng.pick([0, 5])} cm`
        : kind === 'shoe'
          ? `${rng.int(36, 46)}`
          : kind === 'volume'
            ? `${rng.pick([30, 35, 40, 45, 50, 60, 65])} L`
            : kind === 'weight'
              ? `2 × ${rng.pick([5, 8, 10, 12, 15, 20])} kg`
              : '';
  return {
    category,
    item,
    brand: rng.pick(BRANDS),
    condition: rng.int(0, 3),
    size,
    reason: rng.int(0, 4),
    handover: rng.int(0, 2),
    extra: rng.int(0, 4),
  };
}

function variant(list: string[], wording: number): string {
  return list[wording % list.length];
}

function sizeLabel(size: string, lang: Lang, shoe: boolean): string {
  if (!size) return '';
  if (shoe) return lang === 'fr' ? `pointure ${size}` : lang === 'nl' ? `maat ${size}` : `size ${size}`;
  return size;
}

export function adTitle(ad: Ad, lang: Lang): string {
  const f = ad.facts;
  const entry = ITEMS[f.category][f.item];
  const item = lang === 'fr' ? entry[0] : lang === 'nl' ? entry[1] : entry[2];
  const form = variant(TITLE_FORMS[lang], ad.wording + f.extra);
  return form
    .replace('{item}', item)
    .replace('{brand}', f.brand)
    .replace('{size}', sizeLabel(f.size, lang, entry[3] === 'shoe'))
    .replace('{cond}', COND_SHORT[lang][f.condition])
    .replace(/\s+/g, ' ')
    .replace(/\s,/g, ',')
    .trim();
}

/** The ad's description as sentences; wording picks among the variants and, past the first, reorders them. */
export function adSentences(ad: Ad, lang: Lang, phone: string | null): string[] {
  const f = ad.facts;
  const w = ad.wording;
  const town = ad.town;
  const parts = [
    variant(CONDITIONS[lang][f.condition], w),
    variant(REASONS[lang][f.reason], w + 1).replace(/ de$/, ' de ce matériel.'),
    variant(EXTRAS[lang][f.extra], w),
    variant(HANDOVER[lang][f.handover], w).replace('{town}', town),
  ];
  if (w % 3 === 2) parts.reverse();
  else if (w % 3 === 1) parts.push(parts.shift()!);
  if (phone) {
    const call = lang === 'fr' ? ['Appelez au', 'Contact au', 'Joignable au'] : lang === 'nl' ? ['Bel'] : ['Call'];
    parts.push(`${variant(call, w)} ${phone}.`);
  }
  return parts;
}

export function categoryName(ad: Ad, lang: Lang): string {
  return CATEGORIES[lang][ad.facts.category];
}

export function formatPrice(price: number, lang: Lang): string {
  const n = price.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
  return lang === 'en' ? `€${n}` : `${n} €`;
}

/**
 * Places and people of world 7: French-speaking regions of France, Wallonia and Romandy with their towns, and the
 * first names and surnames advertisers and operators are drawn from. Every person is fiction; towns are real places
 * (an ad names a town), numbers and addresses are never real (contacts.ts).
 */

export type Country = 'FR' | 'BE' | 'CH';

export interface Region {
  id: string;
  name: string;
  country: Country;
  /** Towns with a postcode, most populous first (picked more often). */
  towns: readonly (readonly [string, string])[];
  /** Words a board of the region is named with. */
  brandWords: readonly string[];
  currency: 'EUR' | 'CHF';
}

export const REGIONS: readonly Region[] = [
  {
    id: 'wallonie',
    name: 'Wallonie',
    country: 'BE',
    towns: [
      ['Liège', '4000'],
      ['Charleroi', '6000'],
      ['Namur', '5000'],
      ['Mons', '7000'],
      ['Verviers', '4800'],
      ['Tournai', '7500'],
      ['Arlon', '6700'],
      ['Dinant', '5500'],
    ],
    brandWords: ['wallon', 'wallonie', 'meuse', 'ardenne'],
    currency: 'EUR',
  },
  {
    id: 'romandie',
    name: 'Suisse romande',
    country: 'CH',
    towns: [
      ['Lausanne', '1003'],
      ['Genève', '1201'],
      ['Fribourg', '1700'],
      ['Neuchâtel', '2000'],
      ['Sion', '1950'],
      ['Yverdon-les-Bains', '1400'],
      ['Montreux', '1820'],
      ['Delémont', '2800'],
    ],
    brandWords: ['leman', 'romand', 'romandie', 'lac'],
    currency: 'CHF',
  },
  {
    id: 'auvergne',
    name: 'Auvergne',
    country: 'FR',
    towns: [
      ['Clermont-Ferrand', '63000'],
      ['Vichy', '03200'],
      ['Aurillac', '15000'],
      ['Le Puy-en-Velay', '43000'],
      ['Montluçon', '03100'],
      ['Riom', '63200'],
      ['Issoire', '63500'],
    ],
    brandWords: ['auvergne', 'volcans', 'dome', 'arverne'],
    currency: 'EUR',
  },
  {
    id: 'normandie',
    name: 'Normandie',
    country: 'FR',
    towns: [
      ['Rouen', '76000'],
      ['Caen', '14000'],
      ['Le Havre', '76600'],
      ['Évreux', '27000'],
      ['Cherbourg-en-Cotentin', '50100'],
      ['Dieppe', '76200'],
      ['Lisieux', '14100'],
      ['Alençon', '61000'],
    ],
    brandWords: ['normand', 'normandie', 'cotentin', 'seine'],
    currency: 'EUR',
  },
  {
    id: 'provence',
    name: 'Provence',
    country: 'FR',
    towns: [
      ['Avignon', '84000'],
      ['Aix-en-Provence', '13100'],
      ['Arles', '13200'],
      ['Carpentras', '84200'],
      ['Salon-de-Provence', '13300'],
      ['Cavaillon', '84300'],
      ['Orange', '84100'],
    ],
    brandWords: ['provence', 'luberon', 'mistral', 'comtat'],
    currency: 'EUR',
  },
  {
    id: 'lorraine',
    name: 'Lorraine',
    country: 'FR',
    towns: [
      ['Nancy', '54000'],
      ['Metz', '57000'],
      ['Épinal', '88000'],
      ['Thionville', '57100'],
      ['Verdun', '55100'],
      ['Lunéville', '54300'],
      ['Saint-Dié-des-Vosges', '88100'],
    ],
    brandWords: ['lorraine', 'moselle', 'vosges', 'lorrain'],
    currency: 'EUR',
  },
  {
    id: 'picardie',
    name: 'Picardie',
    country: 'FR',
    towns: [
      ['Amiens', '80000'],
      ['Beauvais', '60000'],
      ['Compiègne', '60200'],
      ['Saint-Quentin', '02100'],
      ['Abbeville', '80100'],
      ['Soissons', '02200'],
      ['Laon', '02000'],
    ],
    brandWords: ['picard', 'picardie', 'somme', 'oise'],
    currency: 'EUR',
  },
  {
    id: 'limousin',
    name: 'Limousin',
    country: 'FR',
    towns: [
      ['Limoges', '87000'],
      ['Brive-la-Gaillarde', '19100'],
      ['Tulle', '19000'],
      ['Guéret', '23000'],
      ['Saint-Junien', '87200'],
      ['Ussel', '19200'],
    ],
    brandWords: ['limousin', 'vienne', 'correze', 'limoges'],
    currency: 'EUR',
  },
  {
    id: 'franche-comte',
    name: 'Franche-Comté',
    country: 'FR',
    towns: [
      ['Besançon', '25000'],
      ['Belfort', '90000'],
      ['Montbéliard', '25200'],
      ['Dole', '39100'],
      ['Lons-le-Saunier', '39000'],
      ['Pontarlier', '25300'],
      ['Vesoul', '70000'],
    ],
    brandWords: ['comtois', 'doubs', 'jura', 'comte'],
    currency: 'EUR',
  },
  {
    id: 'savoie',
    name: 'Savoie',
    country: 'FR',
    towns: [
      ['Chambéry', '73000'],
      ['Annecy', '74000'],
      ['Aix-les-Bains', '73100'],
      ['Albertville', '73200'],
      ['Thonon-les-Bains', '74200'],
      ['Annemasse', '74100'],
    ],
    brandWords: ['savoie', 'savoyard', 'alpes', 'lac'],
    currency: 'EUR',
  },
];

export const FIRST_NAMES: readonly string[] = (
  'Amélie|Bastien|Céline|Damien|Élodie|Fabrice|Gaëlle|Hugo|Inès|Jérôme|Karine|Laurent|Maëlle|Nicolas|' +
  'Océane|Pascal|Quentin|Rachel|Sébastien|Tiphaine|Ugo|Valérie|William|Yannick|Zoé|Arnaud|Brigitte|' +
  'Cédric|Delphine|Étienne|Florence|Grégory|Hélène|Isabelle|Julien|Laetitia|Mathieu|Nathalie|Olivier|' +
  'Pauline|Romain|Sandrine|Thierry|Virginie|Xavier|Yves|Agnès|Benoît|Chantal|Didier|Emma|Frédéric|' +
  'Gilles|Manon|Loïc|Mélanie|Noémie|Patrice|Régis|Solène|Tanguy|Véronique|Joël|Jonas|Luca|Noah|Léa|' +
  'Chloé|Maxime|Anaïs|Thibault|Justine|Corentin|Margaux'
).split('|');

export const SURNAMES: readonly string[] = (
  'Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefebvre|Michel|' +
  'Garcia|David|Bertrand|Roux|Vincent|Fournier|Morel|Girard|André|Lefèvre|Mercier|Dupont|Lambert|' +
  'Bonnet|François|Martinez|Legrand|Garnier|Faure|Rousseau|Blanc|Guérin|Muller|Henry|Roussel|Nicolas|' +
  'Perrin|Morin|Mathieu|Clément|Gauthier|Dumont|Lopez|Fontaine|Chevalier|Robin|Masson|Sanchez|Gérard|' +
  'Nguyen|Boyer|Denis|Lemaire|Duval|Joly|Gautier|Roger|Roche|Roy|Noël|Meyer|Lucas|Meunier|Jean|Perez|' +
  'Marchand|Dufour|Blanchard|Marie|Barbier|Brun|Dumas|Brunet|Schmitt|Leroux|Colin|Fernandez|Pierre|' +
  'Renard|Arnaud|Rolland|Caron|Aubert|Giraud|Leclerc|Vidal|Bourgeois|Renaud|Lemoine|Picard|Gaillard|' +
  'Philippe|Leclercq|Lacroix|Fabre|Dupuis|Olivier|Rodriguez|Da Silva|Hubert|Louis|Charles|Guillot|' +
  'Rivière|Le Gall|Guillaume|Adam|Rey|Moulin|Gonzalez|Berger|Lecomte|Ménard|Fleury|Deschamps|' +
  'Carpentier|Julien|Benoît|Paris|Maillard|Marchal|Aubry|Vasseur|Le Roux|Renault|Jacquet|Collet|' +
  'Prévost|Poirier|Charpentier|Royer|Huet|Baron|Dupuy|Pons|Paul|Laine|Carré|Breton|Remy|Schneider|' +
  'Perrot|Guyot|Barre|Marty|Cousin|Peeters|Janssens|Maes|Jacobs|Willems|Claes|Goossens|Wouters|' +
  'Dubuisson|Favre|Rochat|Gander|Pittet|Bovet|Cuendet|Chappuis|Monnier|Jaquier|Reymond'
).split('|');

/** A town of the region, the first towns more often (people live where people are). */
export function townOf(region: Region, x: number): readonly [string, string] {
  const n = region.towns.length;
  const i = Math.min(n - 1, Math.floor(n * x * x));
  return region.towns[i];
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** World 6's second-hand goods trades (the services are in trades.ts). */
import type { Trade } from './trades.ts';

export const GOODS: Trade[] = [
  {
    id: 'meubles',
    category: ['Meubles d’occasion', 'Second-hand furniture'],
    scene: 'furniture',
    goods: true,
    items: [
      ['buffet en chêne', 'oak sideboard'],
      ['table de ferme', 'farmhouse table'],
      ['commode ancienne', 'antique chest of drawers'],
      ['bibliothèque en pin', 'pine bookcase'],
      ['canapé trois places', 'three-seat sofa'],
      ['lot de six chaises', 'set of six chairs'],
      ['armoire normande', 'Normandy wardrobe'],
      ['bureau d’écolier', 'school desk'],
    ],
    titles: [
      ['Vends {item} – {town}', 'For sale: {item} – {town}'],
      ['{item} en bon état', '{item} in good condition'],
      ['À saisir : {item}', 'Bargain: {item}'],
    ],
    intros: [
      [
        'Je vends mon {item} suite à un déménagement, à récupérer à {town}.',
        'Selling my {item} after a move, to collect in {town}.',
      ],
      ['{item} de famille, bien entretenu depuis {years} ans.', 'Family {item}, well kept for {years} years.'],
      ['Particulier vend {item} solide, quelques traces d’usage.', 'Private seller: sturdy {item}, some signs of use.'],
    ],
    details: [
      ['Dimensions sur demande, photos supplémentaires possibles.', 'Dimensions on request, more photos available.'],
      ['À venir chercher, prévoir deux personnes.', 'Collection only, bring two people.'],
      ['Bois massif, aucune trace de vers.', 'Solid wood, no woodworm.'],
      ['Prix légèrement négociable.', 'Price slightly negotiable.'],
      ['Livraison possible dans un rayon de vingt kilomètres.', 'Delivery possible within twenty kilometres.'],
    ],
    price: [30, 450],
    unit: ['€', '€'],
  },
  {
    id: 'puericulture',
    category: ['Puériculture', 'Baby equipment'],
    scene: 'stroller',
    goods: true,
    items: [
      ['poussette combinée', 'travel system pram'],
      ['lit parapluie', 'travel cot'],
      ['siège auto', 'car seat'],
      ['chaise haute en bois', 'wooden high chair'],
      ['transat bébé', 'baby bouncer'],
      ['porte-bébé', 'baby carrier'],
      ['table à langer', 'changing table'],
    ],
    titles: [
      ['{item} comme neuf', '{item} as new'],
      ['Vends {item} – {town}', 'For sale: {item} – {town}'],
      ['{item} très peu servi', '{item} barely used'],
    ],
    intros: [
      [
        'Nos enfants ont grandi, je vends notre {item} en très bon état.',
        'Our children have grown up, selling our {item} in very good condition.',
      ],
      [
        '{item} acheté il y a {years} ans, servi pour un seul enfant.',
        '{item} bought {years} years ago, used for one child only.',
      ],
      ['Maman de {town} vend {item} propre, non-fumeur.', 'Mum from {town} sells clean {item}, non-smoking home.'],
    ],
    details: [
      ['Housse lavée, notice fournie.', 'Cover washed, manual included.'],
      ['Conforme aux normes en vigueur.', 'Meets current safety standards.'],
      ['Remise en main propre de préférence.', 'Hand delivery preferred.'],
      ['Accessoires offerts avec.', 'Accessories included for free.'],
      ['Aucun accident, aucune pièce manquante.', 'No accident, no missing parts.'],
    ],
    price: [15, 220],
    unit: ['€', '€'],
  },
  {
    id: 'jardin',
    category: ['Outils de jardin', 'Garden tools'],
    scene: 'tools',
    goods: true,
    items: [
      ['motobineuse', 'rotary tiller'],
      ['taille-haie électrique', 'electric hedge trimmer'],
      ['broyeur de végétaux', 'garden shredder'],
      ['brouette', 'wheelbarrow'],
      ['lot d’outils à main', 'set of hand tools'],
      ['scarificateur', 'lawn scarifier'],
      ['nettoyeur haute pression', 'pressure washer'],
    ],
    titles: [
      ['Vends {item} – {town}', 'For sale: {item} – {town}'],
      ['{item} révisé, prêt à servir', '{item} serviced, ready to use'],
      ['{item} d’occasion', 'Second-hand {item}'],
    ],
    intros: [
      ['Je vends mon {item}, très peu utilisé, à {town}.', 'Selling my {item}, hardly used, in {town}.'],
      [
        '{item} acheté il y a {years} ans, fonctionne parfaitement.',
        '{item} bought {years} years ago, works perfectly.',
      ],
      ['Jardinier amateur vend {item} entretenu régulièrement.', 'Amateur gardener sells regularly serviced {item}.'],
    ],
    details: [
      ['Essai possible sur place avant achat.', 'Can be tried on site before buying.'],
      ['Vidange faite cette année.', 'Oil changed this year.'],
      ['Lame affûtée récemment.', 'Blade sharpened recently.'],
      ['Facture d’origine disponible.', 'Original invoice available.'],
      ['Vendu cause double emploi.', 'Sold because I have two.'],
    ],
    price: [20, 380],
    unit: ['€', '€'],
  },
];

/**
 * How world-3 operators change copied texts: a light human rewording (synonyms, a sentence dropped or moved,
 * punctuation) and a crude word-for-word French → English pass such as cheap translation plugins produce.
 */
import type { Dice } from './prng.ts';

/** Light human rewriting: synonyms, one sentence dropped or moved, punctuation changed. */
const SYNONYMS: [RegExp, string[]][] = [
  [/\bje propose\b/g, ['j’offre', 'je fais']],
  [/\bintervention\b/g, ['passage', 'déplacement']],
  [/\brapide\b/g, ['express', 'sous 24 h']],
  [/\bDisponible\b/g, ['Joignable', 'Libre']],
  [/\bDevis sans engagement\b/g, ['Devis gratuit', 'Estimation offerte']],
  [/\bparticuliers\b/g, ['familles', 'habitants']],
  [/\bMatériel\b/g, ['Équipement', 'Outillage']],
  [/\bde préférence\b/g, ['si possible', 'plutôt']],
  [/\bBonjour, /g, ['Salut, ', '']],
];

export function rewriteLightly(d: Dice, text: string): string {
  let out = text;
  for (const [re, alts] of SYNONYMS) if (d.chance(0.7)) out = out.replace(re, d.pick(alts));
  const sentences = out.split(/(?<=[.!?])\s+/).filter(Boolean);
  if (sentences.length > 3 && d.chance(0.5)) sentences.splice(d.int(1, sentences.length - 2), 1);
  if (sentences.length > 2 && d.chance(0.5)) sentences.push(sentences.splice(1, 1)[0]);
  return sentences.join(d.chance(0.5) ? ' ' : ' — ').replace(/ : /g, d.chance(0.5) ? ' - ' : ' : ');
}

/** A crude word-for-word French → English pass, as a cheap translation plugin renders a mirror for another audience. */
const FR_EN: [RegExp, string][] = [
  [/\bBonjour\b/g, 'Hello'],
  [/\bje propose\b/g, 'I offer'],
  [/\bsur\b/g, 'in'],
  [/\bet alentours\b/g, 'and surroundings'],
  [/\bArtisan indépendant\b/g, 'Independent craftsman'],
  [/\bj’assure\b/g, 'I provide'],
  [/\bà\b/g, 'in'],
  [/\bintervention rapide\b/g, 'fast call-out'],
  [/\bdans un rayon de\b/g, 'within'],
  [/\bVous cherchez quelqu’un pour\b/g, 'Looking for someone for'],
  [/\bJe me déplace\b/g, 'I travel'],
  [/\bDepuis\b/g, 'For'],
  [/\bans\b/g, 'years'],
  [/\bpour les particuliers de\b/g, 'for households of'],
  [/\bJe travaille avec\b/g, 'I work with'],
  [/\bet je prends le temps d’expliquer ce que je fais\b/g, 'and take time to explain my work'],
  [/\bÉgalement\b/g, 'Also'],
  [/\bsur demande\b/g, 'on request'],
  [/\bDisponible\b/g, 'Available'],
  [/\by compris en soirée\b/g, 'evenings included'],
  [/\bMatériel\b/g, 'Equipment'],
  [/\bTarif indicatif\b/g, 'Indicative price'],
  [/\bDevis sans engagement\b/g, 'Free quote'],
  [/\bPaiement par chèque ou virement\b/g, 'Payment by cheque or transfer'],
  [/\bMerci de préciser votre quartier en me contactant\b/g, 'Please give your area when you call'],
  [/\bPremier contact par téléphone de préférence, je rappelle toujours\b/g, 'Phone me first, I always call back'],
  [/\bdu lundi au vendredi\b/g, 'Monday to Friday'],
  [/\ble week-end\b/g, 'at weekends'],
  [/\bde\b/g, 'of'],
  [/\bet\b/g, 'and'],
  [/\bd’expérience\b/g, 'of experience'],
];

export function translateCrudely(text: string): string {
  let out = text;
  for (const [re, en] of FR_EN) out = out.replace(re, en);
  return out;
}

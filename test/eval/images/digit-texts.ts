/**
 * Texts full of digits that are not phone numbers, for the OCR negatives of `eval:images`: prices, dates, postcodes,
 * SIRET numbers, references, times, surfaces and quantities, each drawn from its own templates with random values.
 * The fit and held-out sets use different seeds, so they never show the same sentence (the runner checks it). No
 * generated group of digits is a French phone number (ten digits starting with 0): that would be a positive.
 */
import { createRng } from '../../../sitegen/prng.ts';

type Rng = ReturnType<typeof createRng>;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'septembre', 'octobre', 'novembre'];
const CITIES = ['Lyon', 'Nantes', 'Lille', 'Rennes', 'Dijon', 'Tours', 'Metz', 'Caen', 'Pau', 'Nîmes'];

function price(r: Rng): string {
  const euros = r.int(5, 2500);
  const cents = pad(r.int(0, 99), 2);
  return r.pick([
    `Prix : ${euros} € / heure`,
    `${euros},${cents} € TTC`,
    `À partir de ${euros} €`,
    `Devis : ${euros.toLocaleString('fr-FR')} € HT`,
    `Forfait ${euros} € — déplacement ${r.int(10, 60)} €`,
  ]);
}

function date(r: Rng): string {
  const d = r.int(1, 28);
  const m = r.int(1, 12);
  const y = r.int(2019, 2027);
  return r.pick([
    `Publié le ${pad(d, 2)}/${pad(m, 2)}/${y}`,
    `Disponible le ${d} ${r.pick(MONTHS)} ${y}`,
    `Mis à jour : ${y}-${pad(m, 2)}-${pad(d, 2)}`,
    `Du ${pad(d, 2)}.${pad(m, 2)} au ${pad(Math.min(28, d + r.int(1, 9)), 2)}.${pad(m, 2)}.${y}`,
  ]);
}

function postcode(r: Rng): string {
  const cp = `${pad(r.int(1, 95), 2)}${pad(r.int(0, 999), 3)}`;
  return r.pick([`${cp} ${r.pick(CITIES)}`, `CP ${cp}`, `${r.int(1, 180)} rue des Lilas, ${cp} ${r.pick(CITIES)}`]);
}

function siret(r: Rng): string {
  // 14 digits, the first never 0: grouped 3 3 3 5 as printed on invoices.
  const siren = `${r.int(1, 9)}${pad(r.int(0, 99_999_999), 8)}`;
  const nic = pad(r.int(1, 99_999), 5);
  return r.pick([
    `SIRET ${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)} ${nic}`,
    `SIRET : ${siren}${nic}`,
    `SIREN ${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`,
    `TVA FR${pad(r.int(10, 99), 2)}${siren}`,
  ]);
}

function reference(r: Rng): string {
  const letters = () => String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25));
  return r.pick([
    `Réf. ${r.int(2019, 2027)}-${pad(r.int(0, 9999), 4)}`,
    `Annonce n° ${r.int(10_000, 999_999)}`,
    `Réf : ${letters()}-${r.int(100, 99_999)}`,
    `Dossier ${letters()}${r.int(1000, 9999)}/${pad(r.int(0, 99), 2)}`,
  ]);
}

function time(r: Rng): string {
  const a = r.int(6, 11);
  const b = r.int(16, 21);
  const mm = () => r.pick(['00', '15', '30', '45']);
  return r.pick([
    `Ouvert de ${a}h${mm()} à ${b}h${mm()}`,
    `Horaires : ${pad(a, 2)}:${mm()} – ${pad(b, 2)}:${mm()}`,
    `Intervention sous ${r.int(2, 72)} h`,
    `Lun–Sam ${a}h–${b}h`,
  ]);
}

function quantity(r: Rng): string {
  return r.pick([
    `Surface : ${r.int(9, 400)} m²`,
    `Depuis ${r.int(1970, 2022)} — ${r.int(20, 900)} clients`,
    `${r.int(2, 40)} ans d'expérience`,
    `Lot de ${r.int(2, 500)} pièces, ${r.int(1, 99)} kg`,
  ]);
}

const KINDS = { price, date, postcode, siret, reference, time, quantity };
export type DigitTextKind = keyof typeof KINDS;

/** A digit-bearing text that is no phone number, and its kind; deterministic per `seed`. */
export function digitTextGenerator(seed: string): () => { text: string; kind: DigitTextKind } {
  const r = createRng(`digit-texts:${seed}`);
  const kinds = Object.keys(KINDS) as DigitTextKind[];
  return () => {
    for (;;) {
      const kind = r.pick(kinds);
      const text = KINDS[kind](r);
      // A run of ten digits starting with 0 (spaces, dots and dashes between them) would be a phone number.
      if (!/(?:^|\D)0(?:[\s.-]?\d){9}(?!\d)/.test(text)) return { text, kind };
    }
  };
}

/**
 * Payment identifiers that follow an operator: IBANs (ISO 13616 mod-97 checksum), Bitcoin addresses (base58check
 * P2PKH/P2SH, bech32/bech32m segwit), Ethereum addresses (EIP-55 checksum when mixed case) and payment links.
 * Only identifiers whose checksum holds are kept, so random strings never become pivots.
 */

import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base58check, bech32, bech32m } from '@scure/base';
import type { Pivot } from '../types.ts';

const IBAN = /\b([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?)\b/g;
const IBAN_LENGTH: Record<string, number> = {
  FR: 27,
  DE: 22,
  BE: 16,
  ES: 24,
  IT: 27,
  NL: 18,
  LU: 20,
  CH: 21,
  GB: 22,
  PT: 25,
  IE: 22,
  MC: 27,
  AT: 20,
  PL: 28,
  LT: 20,
  RO: 24,
  BG: 22,
  CZ: 24,
  SK: 24,
  HR: 21,
  SI: 19,
  DK: 18,
  SE: 24,
  FI: 18,
  NO: 15,
  EE: 20,
  LV: 21,
  GR: 27,
};
const BTC_BASE58 = /\b([13][1-9A-HJ-NP-Za-km-z]{25,34})\b/g;
const BTC_BECH32 = /\b(bc1[02-9ac-hj-np-z]{11,71})\b/gi;
const ETH = /\b(0x[0-9a-fA-F]{40})\b/g;
const PAYMENT_LINK =
  /\b((?:paypal\.me|paypal\.com\/paypalme|revolut\.me|lydia-app\.com\/collect|cash\.app|venmo\.com(?:\/u)?|buymeacoffee\.com|ko-fi\.com)\/\$?[\w.-]{2,64})/gi;

const b58c = base58check(sha256);

export function isValidIban(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  const expected = IBAN_LENGTH[s.slice(0, 2)];
  if (expected !== undefined ? s.length !== expected : s.length < 15 || s.length > 34) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    if (v < 0 || v > 35) return false;
    rem = v > 9 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}

export function isValidBitcoin(address: string): boolean {
  if (/^bc1/i.test(address)) {
    const lower = address.toLowerCase();
    if (lower !== address && address.toUpperCase() !== address) return false;
    for (const coder of [bech32, bech32m]) {
      try {
        const { prefix, words } = coder.decode(lower as `${string}1${string}`);
        if (prefix !== 'bc' || words.length === 0) continue;
        const version = words[0];
        if ((version === 0) === (coder === bech32)) return true;
      } catch {
        // not this encoding
      }
    }
    return false;
  }
  try {
    const payload = b58c.decode(address);
    return payload.length === 21 && (payload[0] === 0x00 || payload[0] === 0x05);
  } catch {
    return false;
  }
}

export function isValidEthereum(address: string): boolean {
  const hex = address.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true;
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(hex.toLowerCase())));
  for (let i = 0; i < 40; i++) {
    const c = hex[i];
    if (c >= '0' && c <= '9') continue;
    const upper = Number.parseInt(hash[i], 16) >= 8;
    if (upper !== (c === c.toUpperCase())) return false;
  }
  return true;
}

export function findPayments(text: string): Pivot[] {
  const out: Pivot[] = [];
  for (const m of text.matchAll(IBAN)) {
    const iban = m[1].replace(/\s+/g, '');
    if (isValidIban(iban)) out.push({ kind: 'iban', value: iban });
  }
  for (const m of text.matchAll(BTC_BASE58)) if (isValidBitcoin(m[1])) out.push({ kind: 'bitcoin', value: m[1] });
  for (const m of text.matchAll(BTC_BECH32)) {
    if (isValidBitcoin(m[1])) out.push({ kind: 'bitcoin', value: m[1].toLowerCase() });
  }
  for (const m of text.matchAll(ETH))
    if (isValidEthereum(m[1])) out.push({ kind: 'ethereum', value: m[1].toLowerCase() });
  for (const m of text.matchAll(PAYMENT_LINK)) out.push({ kind: 'payment-link', value: m[1].toLowerCase() });
  return out;
}

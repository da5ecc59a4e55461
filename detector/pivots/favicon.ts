/**
 * Favicon hashes: the Shodan-compatible one (MurmurHash3 x86 32-bit, signed, of the base64 text with a newline every
 * 76 characters and at the end, as Python's base64.encodebytes writes it) and the SHA-256 of the bytes.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import murmur from 'murmurhash3js-revisited';
import type { Pivot } from '../types.ts';

/** Base64 laid out like Python's `base64.encodebytes` (what Shodan hashes). */
export function encodebytes(b64: string): string {
  let out = '';
  for (let i = 0; i < b64.length; i += 76) out += `${b64.slice(i, i + 76)}\n`;
  return out;
}

export function shodanFaviconHash(bytes: Uint8Array): number {
  const text = new TextEncoder().encode(encodebytes(base64.encode(bytes)));
  return murmur.x86.hash32(text, 0) | 0;
}

export function faviconPivots(faviconBase64: string | null | undefined): Pivot[] {
  if (!faviconBase64) return [];
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(faviconBase64.replace(/\s+/g, ''));
  } catch {
    return [];
  }
  if (bytes.length === 0) return [];
  return [
    { kind: 'favicon-mmh3', value: String(shodanFaviconHash(bytes)) },
    { kind: 'favicon-sha256', value: bytesToHex(sha256(bytes)) },
  ];
}

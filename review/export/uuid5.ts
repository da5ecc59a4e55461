/** Name-based UUIDs (RFC 9562 version 5): the same content always yields the same STIX id, so re-exports are stable. */
import { createHash } from 'node:crypto';

/** The namespace STIX 2.1 fixes for deterministic cyber-observable ids (section 2.9). */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Phénix's own namespace for the ids of the objects it describes (sites, clones, indicators, reports). */
export const PHENIX_NAMESPACE = '6b1f3c2e-5d0a-5b7e-9c41-70686e6e6978';

export function uuid5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The unit's signing key pair: `phenix keys init` writes the private key (PKCS#8 PEM, mode 0600) and the public
 * key (SPKI PEM) the unit hands to the court. Packages carry a detached signature over the text
 * `sha256:<hex of datapackage.json>`, the same digest the RFC 3161 timestamp covers.
 * New keys are ECDSA P-384 with SHA-256, signatures in the IEEE P1363 form (r‖s): exactly what the WACZ signing
 * recommendation asks for, so ReplayWeb.page and other WACZ readers check the signature themselves. Ed25519 keys
 * made by earlier versions still sign and verify (their packages are then checked by Phénix only).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A key file is missing, unreadable or not an Ed25519 key: the message says which file and what to do. */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

export interface UnitKeyFiles {
  privateKeyPath: string;
  publicKeyPath: string;
  /** SHA-256 of the public key (DER), the fingerprint to read out to the court. */
  fingerprint: string;
}

/** The algorithms a unit key may use; the first is what `phenix keys init` makes. */
export const KEY_TYPES = ['ecdsa-p384', 'ed25519'] as const;
export type UnitKeyType = (typeof KEY_TYPES)[number];

export function keyType(key: KeyObject): UnitKeyType | null {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'secp384r1') return 'ecdsa-p384';
  return null;
}

/** The name written beside a signature (`signatureAlgorithm`). */
export function signatureAlgorithm(key: KeyObject): 'ECDSA-P384-SHA256' | 'Ed25519' {
  return keyType(key) === 'ed25519' ? 'Ed25519' : 'ECDSA-P384-SHA256';
}

/** The public key as the WACZ recommendation writes it: base64 of the SPKI DER, no PEM armour. */
export function publicKeySpkiBase64(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** A public key read from a package (base64 SPKI DER, or PEM as Phénix 0.x wrote it); null when unreadable. */
export function publicKeyFromText(text: string): KeyObject | null {
  try {
    if (text.includes('-----BEGIN')) return createPublicKey(text);
    return createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

export function publicKeyFingerprint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** Creates the key pair; refuses to replace an existing private key (packages signed with it would no longer match). */
export function createUnitKeys(
  privateKeyPath: string,
  publicKeyPath = `${privateKeyPath}.pub.pem`,
  type: UnitKeyType = 'ecdsa-p384',
): UnitKeyFiles {
  if (existsSync(privateKeyPath)) {
    throw new SigningKeyError(
      `${privateKeyPath} already exists; packages already signed with it would no longer match a new key. Move it away first if you really mean to replace it.`,
    );
  }
  const { privateKey, publicKey } =
    type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-384' });
  mkdirSync(path.dirname(path.resolve(privateKeyPath)), { recursive: true, mode: 0o700 });
  writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  chmodSync(privateKeyPath, 0o600); // the umask may have narrowed the mode; never widened it
  writeFileSync(publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  return { privateKeyPath, publicKeyPath, fingerprint: publicKeyFingerprint(publicKey) };
}

function readKeyFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SigningKeyError(
      code === 'ENOENT'
        ? `The ${what} ${file} does not exist (create the unit's keys with: phenix keys init)`
        : `The ${what} ${file} cannot be read (${code ?? (error as Error).message})`,
    );
  }
}

function ensureUnitKey(key: KeyObject, file: string): KeyObject {
  if (!keyType(key)) {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    throw new SigningKeyError(
      `${file} holds a ${key.asymmetricKeyType}${curve ? ` ${curve}` : ''} key; Phénix signs with ECDSA P-384 or Ed25519 keys only`,
    );
  }
  return key;
}

export function loadPrivateKey(file: string): KeyObject {
  const pem = readKeyFile(file, 'signing key');
  try {
    return ensureUnitKey(createPrivateKey(pem), file);
  } catch (error) {
    if (error instanceof SigningKeyError) throw error;
    throw new SigningKeyError(`${file} is not a PEM private key (${(error as Error).message})`);
  }
}

/** A public key from a PEM file; a private key file is accepted too (its public half is taken). */
export function loadPublicKey(file: string): KeyObject {
  const pem = readKeyFile(file, 'public key');
  try {
    return ensureUnitKey(createPublicKey(pem), file);
  } catch (error) {
    if (error instanceof SigningKeyError) throw error;
    throw new SigningKeyError(`${file} is not a PEM public key (${(error as Error).message})`);
  }
}

export function publicKeyPem(key: KeyObject): string {
  return (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'pem' }).toString();
}

/** The signed text: `sha256:<hex>`, so the signature, the timestamp and the file name the same digest. */
export function signDigest(privateKey: KeyObject, digest: string): string {
  const data = Buffer.from(digest, 'utf8');
  if (keyType(privateKey) === 'ed25519') return sign(null, data, privateKey).toString('base64');
  // WebCrypto (hence ReplayWeb.page) reads ECDSA signatures as r‖s, not DER.
  return sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64');
}

export function verifyDigestSignature(publicKey: KeyObject, digest: string, signatureBase64: string): boolean {
  const data = Buffer.from(digest, 'utf8');
  const signature = Buffer.from(signatureBase64, 'base64');
  try {
    if (keyType(publicKey) === 'ed25519') return verify(null, data, publicKey, signature);
    return verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

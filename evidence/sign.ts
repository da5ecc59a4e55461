/**
 * The unit's Ed25519 key pair: `phenix keys init` writes the private key (PKCS#8 PEM, mode 0600) and the public
 * key (SPKI PEM) the unit hands to the court. Packages carry a detached signature over the text
 * `sha256:<hex of datapackage.json>`, the same digest the RFC 3161 timestamp covers. Ed25519 because it has one
 * parameter set, deterministic signatures (no nonce to get wrong) and is in Node's crypto without a dependency.
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

export function publicKeyFingerprint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** Creates the key pair; refuses to replace an existing private key (packages signed with it would no longer match). */
export function createUnitKeys(privateKeyPath: string, publicKeyPath = `${privateKeyPath}.pub.pem`): UnitKeyFiles {
  if (existsSync(privateKeyPath)) {
    throw new SigningKeyError(
      `${privateKeyPath} already exists; packages already signed with it would no longer match a new key. Move it away first if you really mean to replace it.`,
    );
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
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

function ensureEd25519(key: KeyObject, file: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`${file} holds a ${key.asymmetricKeyType} key; Phénix signs with Ed25519 keys only`);
  }
  return key;
}

export function loadPrivateKey(file: string): KeyObject {
  const pem = readKeyFile(file, 'signing key');
  try {
    return ensureEd25519(createPrivateKey(pem), file);
  } catch (error) {
    if (error instanceof SigningKeyError) throw error;
    throw new SigningKeyError(`${file} is not a PEM private key (${(error as Error).message})`);
  }
}

/** A public key from a PEM file; a private key file is accepted too (its public half is taken). */
export function loadPublicKey(file: string): KeyObject {
  const pem = readKeyFile(file, 'public key');
  try {
    return ensureEd25519(createPublicKey(pem), file);
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
  return sign(null, Buffer.from(digest, 'utf8'), privateKey).toString('base64');
}

export function verifyDigestSignature(publicKey: KeyObject, digest: string, signatureBase64: string): boolean {
  try {
    return verify(null, Buffer.from(digest, 'utf8'), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

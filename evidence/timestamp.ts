/**
 * RFC 3161 trusted time: asks a time-stamping authority (config `evidence.tsaUrl`) to sign a SHA-256 digest, and
 * checks a token offline: the CMS signature, the imprint (it must be the digest of the very bytes we hold), the
 * signer certificate (extendedKeyUsage timeStamping, critical, as RFC 3161 §2.3 demands; valid at genTime) and, when
 * the court's copy of the TSA's CA certificate is given, the chain up to it. Parsing is pkijs (pure JavaScript,
 * WebCrypto): nothing is fetched while verifying.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TSTINFO_OID = '1.2.840.113549.1.9.16.1.4';
const EKU_OID = '2.5.29.37';
const TIME_STAMPING_OID = '1.3.6.1.5.5.7.3.8';

/** The TSA could not be reached or refused: the package is not written without the timestamp it was asked for. */
export class TimestampError extends Error {
  override readonly name = 'TimestampError';
}

export interface TimestampRequestOptions {
  tsaUrl: string;
  timeoutMs?: number;
  /** Injected in tests; default: the global fetch. */
  fetch?: typeof fetch;
}

const toArrayBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export function timestampQuery(sha256: Buffer, nonce: Buffer): Buffer {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(sha256) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return Buffer.from(request.toSchema().toBER(false));
}

/**
 * Eight random bytes read as a DER INTEGER that is positive and minimally encoded: the first byte is 0x01–0x7f. A
 * leading 0x00 followed by a byte below 0x80 is padding that DER forbids, and `openssl ts` (like other strict TSAs)
 * then refuses the whole query as "bad request format", about one request in 256 if left to chance.
 */
export function timestampNonce(random: (size: number) => Buffer = randomBytes): Buffer {
  const nonce = random(8);
  nonce[0] = nonce[0] & 0x7f || 0x01;
  return nonce;
}

/** Asks the TSA to stamp `data`'s SHA-256; returns the token (CMS ContentInfo, DER) to keep beside the data. */
export async function requestTimestamp(data: Uint8Array, options: TimestampRequestOptions): Promise<Buffer> {
  const digest = createHash('sha256').update(data).digest();
  const nonce = timestampNonce();
  const doFetch = options.fetch ?? fetch;
  let body: Buffer;
  try {
    const response = await doFetch(options.tsaUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: new Uint8Array(timestampQuery(digest, nonce)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    if (!response.ok) throw new TimestampError(`The TSA ${options.tsaUrl} answered HTTP ${response.status}`);
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    throw new TimestampError(`The TSA ${options.tsaUrl} could not be reached: ${(error as Error).message}`);
  }
  let reply: pkijs.TimeStampResp;
  try {
    reply = pkijs.TimeStampResp.fromBER(toArrayBuffer(body));
  } catch {
    throw new TimestampError(`The TSA ${options.tsaUrl} did not answer with an RFC 3161 reply`);
  }
  const status = reply.status.status;
  if ((status !== 0 && status !== 1) || !reply.timeStampToken) {
    const text = reply.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    throw new TimestampError(
      `The TSA ${options.tsaUrl} refused the request (status ${status}${text ? `: ${text}` : ''})`,
    );
  }
  const token = Buffer.from(reply.timeStampToken.toSchema().toBER(false));
  const info = readToken(token);
  if (!info.imprint.equals(digest)) throw new TimestampError(`The TSA ${options.tsaUrl} stamped another digest`);
  if (!info.nonce?.equals(nonce))
    throw new TimestampError(`The TSA ${options.tsaUrl} answered another request (nonce)`);
  return token;
}

interface TokenParts {
  signed: pkijs.SignedData;
  tst: pkijs.TSTInfo;
  imprint: Buffer;
  hashAlgorithm: string;
  nonce: Buffer | null;
}

function readToken(token: Uint8Array): TokenParts {
  const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(token));
  const signed = new pkijs.SignedData({ schema: contentInfo.content });
  if (signed.encapContentInfo.eContentType !== TSTINFO_OID || !signed.encapContentInfo.eContent) {
    throw new Error('the token holds no TSTInfo');
  }
  const tst = pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent.getValue());
  return {
    signed,
    tst,
    imprint: Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
    hashAlgorithm: tst.messageImprint.hashAlgorithm.algorithmId,
    nonce: tst.nonce ? Buffer.from(tst.nonce.valueBlock.valueHexView) : null,
  };
}

/** The time a token states (genTime), unchecked; null when the token cannot be read. */
export function timestampGenTime(token: Uint8Array): Date | null {
  try {
    return readToken(token).tst.genTime;
  } catch {
    return null;
  }
}

export interface TimestampCheck {
  ok: boolean;
  problems: string[];
  genTime: Date | null;
  tsaSubject: string | null;
  serial: string | null;
  /** Hex of the digest the token stamps. */
  imprint: string | null;
  /** End of the TSA certificate's validity: renew the timestamp before it (`phenix evidence renew`). */
  certificateNotAfter: Date | null;
  /** True when the chain was checked up to a CA the caller trusts; false when none was given. */
  chainChecked: boolean;
}

export interface VerifyTimestampOptions {
  /** The TSA's CA certificate(s) as the court holds them; without it the chain is not judged. */
  trustedCaPem?: string;
  /** When the chain must have been valid: now for the newest timestamp; for an older one of a renewal chain, the
   * time the next timestamp was made (RFC 4998). Default: now. */
  checkDate?: Date;
}

function subjectOf(cert: pkijs.Certificate): string {
  return cert.subject.typesAndValues.map((tv) => `${tv.type}=${tv.value.valueBlock.value}`).join(', ');
}

function certificateUsage(cert: pkijs.Certificate): { critical: boolean; timeStamping: boolean } {
  const ext = cert.extensions?.find((e) => e.extnID === EKU_OID);
  if (!ext) return { critical: false, timeStamping: false };
  const usage = ext.parsedValue as pkijs.ExtKeyUsage | undefined;
  return { critical: ext.critical, timeStamping: usage?.keyPurposes.includes(TIME_STAMPING_OID) ?? false };
}

/**
 * Checks a token against the bytes it should stamp. `trustedCaPem`: the TSA's CA certificate(s) as the court holds
 * them; without it the chain is not judged (the report then names the signer, for the reader to compare).
 */
export async function verifyTimestamp(
  token: Uint8Array,
  data: Uint8Array,
  options: VerifyTimestampOptions | string = {},
): Promise<TimestampCheck> {
  const { trustedCaPem, checkDate = new Date() } = typeof options === 'string' ? { trustedCaPem: options } : options;
  const problems: string[] = [];
  let parts: TokenParts;
  try {
    parts = readToken(token);
  } catch (error) {
    return {
      ok: false,
      problems: [`the timestamp is not a readable RFC 3161 token (${(error as Error).message})`],
      genTime: null,
      tsaSubject: null,
      serial: null,
      imprint: null,
      certificateNotAfter: null,
      chainChecked: false,
    };
  }
  const { signed, tst } = parts;
  const genTime = tst.genTime;
  const serial = Buffer.from(tst.serialNumber.valueBlock.valueHexView).toString('hex');
  if (parts.hashAlgorithm !== SHA256_OID)
    problems.push(`the timestamp uses hash algorithm ${parts.hashAlgorithm}, not SHA-256`);
  if (!parts.imprint.equals(createHash('sha256').update(data).digest())) {
    problems.push('the timestamp was issued for other content (its imprint is not the digest of datapackage.json)');
  }
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const trusted = trustedCaPem ? pemCertificates(trustedCaPem) : [];
  let signer: pkijs.Certificate | null = null;
  try {
    const result = await signed.verify({
      signer: 0,
      data: toArrayBuffer(data),
      extendedMode: true,
      checkChain: trusted.length > 0,
      trustedCerts: trusted,
      checkDate,
    });
    signer = result.signerCertificate ?? null;
    if (!result.signatureVerified) problems.push('the timestamp signature does not verify');
    // pkijs also accepts a path ending in a self-signed CA the token itself carries: demand the court's own CA.
    if (trusted.length > 0) {
      const der = (c: pkijs.Certificate) => Buffer.from(c.toSchema().toBER(false));
      const anchors = trusted.map(der);
      const path = result.certificatePath ?? [];
      const root = path.length ? der(path[path.length - 1] as pkijs.Certificate) : null;
      if (!root || !anchors.some((a) => a.equals(root))) {
        problems.push("the TSA certificate does not chain to the TSA's CA certificate given for the check");
      }
    }
  } catch (error) {
    const e = error as pkijs.SignedDataVerifyError;
    signer = e.signerCertificate ?? null;
    problems.push(`the timestamp does not verify: ${e.message}`);
  }
  signer ??= certs[0] ?? null;
  if (!signer) problems.push('the timestamp carries no TSA certificate');
  else {
    const usage = certificateUsage(signer);
    if (!usage.timeStamping || !usage.critical) {
      problems.push(
        'the TSA certificate is not marked for time-stamping only (critical extendedKeyUsage timeStamping)',
      );
    }
    if (genTime < signer.notBefore.value || genTime > signer.notAfter.value) {
      problems.push('the TSA certificate was not valid at the time stamped');
    } else if (checkDate > signer.notAfter.value) {
      problems.push(
        `the TSA certificate expired on ${signer.notAfter.value.toISOString()}, before ${checkDate.toISOString()}, and no later timestamp renews it (phenix evidence renew)`,
      );
    }
  }
  return {
    ok: problems.length === 0,
    problems,
    genTime,
    tsaSubject: signer ? subjectOf(signer) : null,
    serial,
    imprint: parts.imprint.toString('hex'),
    certificateNotAfter: signer?.notAfter.value ?? null,
    chainChecked: trusted.length > 0,
  };
}

function pemCertificates(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => {
    const der = Buffer.from(b.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    return pkijs.Certificate.fromBER(toArrayBuffer(der));
  });
}

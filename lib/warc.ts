/**
 * WARC/1.1 records (ISO 28500:2017), written and read by hand: a version line, named fields, a blank line,
 * the block, two CRLFs. Digests are `sha256:` followed by the base32 of the SHA-256 (the form web-archive
 * tools write); hex is accepted when reading. A file ending in .gz holds one gzip member per record.
 */
import { createHash, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { base32 } from '@scure/base';

export interface WarcRecord {
  /** Field names as written (WARC-Type, WARC-Record-ID, ...). */
  headers: Record<string, string>;
  block: Buffer;
  /** Where the record starts in the (uncompressed) file and how many bytes it spans, separator included. */
  offset: number;
  length: number;
  /** Field names that appeared more than once (a well-formed record has none; the last value is kept). */
  repeatedFields: string[];
}

/** The file is not a WARC this tool can read (truncated, corrupted, not WARC at all). */
export class UnreadableWarcError extends Error {
  override readonly name = 'UnreadableWarcError';
}

const CRLF = '\r\n';

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${base32.encode(createHash('sha256').update(bytes).digest()).replace(/=+$/, '')}`;
}

/** SHA-256 hex from a `sha256:` digest in base32 or hex; null for other algorithms or malformed values. */
export function digestToHex(digest: string | undefined): string | null {
  const m = /^sha-?256:([A-Za-z0-9=]+)$/i.exec(digest?.trim() ?? '');
  if (!m) return null;
  if (/^[0-9a-f]{64}$/i.test(m[1])) return m[1].toLowerCase();
  try {
    const raw = m[1].toUpperCase().replace(/=+$/, '');
    const bytes = base32.decode(raw + '='.repeat((8 - (raw.length % 8)) % 8));
    return bytes.length === 32 ? Buffer.from(bytes).toString('hex') : null;
  } catch {
    return null;
  }
}

/** The HTTP head and payload of a request/response block (payload: what follows the first blank line). */
export function splitHttpBlock(block: Buffer): { head: string; payload: Buffer } | null {
  const end = block.indexOf('\r\n\r\n');
  if (end < 0) return null;
  return { head: block.subarray(0, end).toString('latin1'), payload: block.subarray(end + 4) };
}

/** `WARC-Date` form: UTC to the second (WARC 1.1 allows fractions; one form keeps the manifest comparison simple). */
export function warcDate(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

export function newRecordId(): string {
  return `<urn:uuid:${randomUUID()}>`;
}

/** A field given a list is written once per value, in order (WARC-Protocol repeats: h2, then tls/1.3). */
export function encodeRecord(
  type: string,
  fields: Record<string, string | string[]>,
  block: Buffer,
  date: Date,
): Buffer {
  const headers: Record<string, string | string[]> = {
    'WARC-Type': type,
    'WARC-Record-ID': (fields['WARC-Record-ID'] as string | undefined) ?? newRecordId(),
    'WARC-Date': warcDate(date),
    ...fields,
    'WARC-Block-Digest': sha256Digest(block),
    'Content-Length': String(block.length),
  };
  const lines = Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => [k, one]));
  for (const [name, value] of lines) {
    if (/[\r\n]/.test(value)) throw new Error(`WARC field ${name} cannot hold a line break`);
  }
  const head = `WARC/1.1${CRLF}${lines.map(([k, v]) => `${k}: ${v}${CRLF}`).join('')}${CRLF}`;
  return Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from(CRLF + CRLF)]);
}

export function serializeWarc(records: Buffer[], gzip: boolean): Buffer {
  return Buffer.concat(gzip ? records.map((r) => gzipSync(r)) : records);
}

export function parseWarc(file: Buffer): WarcRecord[] {
  let data = file;
  if (file[0] === 0x1f && file[1] === 0x8b) {
    try {
      data = gunzipSync(file); // Node decompresses every gzip member in turn
    } catch (error) {
      throw new UnreadableWarcError(`The compressed WARC file is damaged: ${(error as Error).message}`);
    }
  }
  const records: WarcRecord[] = [];
  let at = 0;
  while (at < data.length) {
    const end = data.indexOf('\r\n\r\n', at);
    if (end < 0) throw new UnreadableWarcError(`Record ${records.length + 1} has no end of header (byte ${at})`);
    const lines = data.subarray(at, end).toString('utf8').split(CRLF);
    if (!/^WARC\/1\.[01]$/.test(lines[0])) {
      throw new UnreadableWarcError(
        `Record ${records.length + 1} does not start with a WARC version line (byte ${at})`,
      );
    }
    const headers: Record<string, string> = {};
    const repeatedFields: string[] = [];
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim();
      if (name in headers) repeatedFields.push(name);
      headers[name] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['Content-Length']);
    if (!Number.isInteger(length) || length < 0) {
      throw new UnreadableWarcError(`Record ${records.length + 1} has no valid Content-Length`);
    }
    const start = end + 4;
    if (start + length > data.length) throw new UnreadableWarcError(`Record ${records.length + 1} is truncated`);
    const offset = at;
    at = start + length;
    if (data.subarray(at, at + 4).toString('latin1') !== '\r\n\r\n') {
      throw new UnreadableWarcError(`Record ${records.length + 1} is not followed by the record separator`);
    }
    at += 4;
    records.push({ headers, block: data.subarray(start, start + length), offset, length: at - offset, repeatedFields });
  }
  return records;
}

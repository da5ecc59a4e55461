/**
 * Network-level evidence: every HTTP exchange of a page (the document, its scripts, styles, images, XHR, redirects)
 * as WARC/1.1 `request` and `response` records. What "as received" can mean here, and why:
 *  - browser mode listens to Playwright's `response` events: the status, the header list exactly as Chromium
 *    received it (repeated fields kept, in order) and the body Chromium delivered. The guard proxy sees raw bytes
 *    only for plain http (https passes it as an opaque CONNECT tunnel), so it could not record https pages at all;
 *    the browser sees both, after TLS.
 *  - the body is the one after content decoding (Chromium and got both undo gzip/br and chunking): such records say
 *    so in `WARC-Phenix-Decoded`, and keep the Content-Encoding / Transfer-Encoding lines as they were received.
 *  - HTTP/2 has no status line; it is written as `HTTP/1.1 <status> <text>` so WARC readers parse it, and the
 *    record says `WARC-Protocol: h2` when the browser reported it.
 * A body over the byte budget is cut and the record marked `WARC-Truncated: length`.
 */
import { encodeRecord, newRecordId, sha256Digest } from '../lib/warc.ts';

export interface NetworkExchange {
  url: string;
  method: string;
  startedAt: Date;
  requestHeaders: [string, string][];
  requestBody: Buffer | null;
  status: number;
  statusText: string;
  /** 'http/1.1', 'h2', ... when known. */
  protocol: string | null;
  /** 'tls/1.3', 'tls/1.2' when the exchange was over TLS (WARC-Protocol, IIPC proposal). */
  tlsProtocol?: string | null;
  /** The address the guard proxy connected to for this host:port (WARC-IP-Address). */
  ipAddress?: string | null;
  /** The TLS certificate of the origin, on the first exchange with it in the page: written as a record of its own. */
  certificate?: { subject: string; issuer: string; validFrom: string; validTo: string; chain: Buffer[] };
  responseHeaders: [string, string][];
  /** null when there is none to have (redirects, aborted loads); `bodyNote` says why. */
  body: Buffer | null;
  bodyNote?: string;
  truncated?: boolean;
}

const line = (value: string) => value.replace(/[\r\n]+/g, ' ');

function httpHead(first: string, headers: [string, string][]): Buffer {
  return Buffer.from(
    `${line(first)}\r\n${headers.map(([k, v]) => `${line(k)}: ${line(v)}\r\n`).join('')}\r\n`,
    'latin1',
  );
}

function requestTarget(url: URL): string {
  return `${url.pathname || '/'}${url.search}`;
}

const pem = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\r\n${(der.toString('base64').match(/.{1,64}/g) ?? []).join('\r\n')}\r\n-----END CERTIFICATE-----\r\n`;

/**
 * The origin's TLS certificate chain as a `resource` record (PEM, leaf first), linked to the response it came with
 * by `WARC-Concurrent-To`; subject, issuer and validity as Chromium reported them are fields of the record.
 */
function certificateRecord(
  url: string,
  responseId: string,
  c: NonNullable<NetworkExchange['certificate']>,
  date: Date,
): Buffer {
  return encodeRecord(
    'resource',
    {
      'WARC-Target-URI': url,
      'WARC-Concurrent-To': responseId,
      'Content-Type': 'application/pem-certificate-chain',
      'WARC-Phenix-Certificate-Subject': line(c.subject),
      'WARC-Phenix-Certificate-Issuer': line(c.issuer),
      'WARC-Phenix-Certificate-Validity': `${c.validFrom}/${c.validTo}`,
      ...(c.chain.length ? {} : { 'WARC-Phenix-Note': 'the browser did not hand over the DER chain' }),
    },
    Buffer.from(c.chain.map(pem).join(''), 'ascii'),
    date,
  );
}

/** The exchanges as WARC records, request after its response (as warcio and pywb write them). */
export function encodeExchanges(exchanges: NetworkExchange[]): Buffer {
  const out: Buffer[] = [];
  for (const x of exchanges) {
    let url: URL;
    try {
      url = new URL(x.url);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(url.protocol)) continue;
    const responseId = newRecordId();
    const payload = x.body ?? Buffer.alloc(0);
    const head = httpHead(`HTTP/1.1 ${x.status} ${x.statusText}`.trimEnd(), x.responseHeaders);
    const fields: Record<string, string | string[]> = {
      'WARC-Record-ID': responseId,
      'WARC-Target-URI': x.url,
      'Content-Type': 'application/http; msgtype=response',
      'WARC-Payload-Digest': sha256Digest(payload),
    };
    const protocols = [x.protocol, x.tlsProtocol].filter((p): p is string => !!p).map(line);
    if (protocols.length) fields['WARC-Protocol'] = protocols;
    if (x.ipAddress) fields['WARC-IP-Address'] = line(x.ipAddress);
    if (x.protocol === 'h2' || x.protocol === 'h3')
      fields['WARC-Phenix-Note'] = `${x.protocol} has no status line: written as HTTP/1.1 for WARC readers`;
    const encoded = x.responseHeaders
      .filter(([k]) => /^(content-encoding|transfer-encoding)$/i.test(k))
      .map(([k, v]) => `${k}: ${v}`);
    if (encoded.length && x.body) fields['WARC-Phenix-Decoded'] = line(encoded.join('; '));
    if (x.truncated) fields['WARC-Truncated'] = 'length';
    if (x.bodyNote) fields['WARC-Phenix-Note'] = [...[fields['WARC-Phenix-Note'] ?? []].flat(), line(x.bodyNote)];
    out.push(encodeRecord('response', fields, Buffer.concat([head, payload]), x.startedAt));
    if (x.certificate) out.push(certificateRecord(x.url, responseId, x.certificate, x.startedAt));
    const hostHeader = x.requestHeaders.some(([k]) => k.toLowerCase() === 'host')
      ? []
      : [['Host', url.host] as [string, string]];
    const requestHead = httpHead(`${x.method} ${requestTarget(url)} HTTP/1.1`, [...hostHeader, ...x.requestHeaders]);
    out.push(
      encodeRecord(
        'request',
        {
          'WARC-Target-URI': x.url,
          'WARC-Concurrent-To': responseId,
          'Content-Type': 'application/http; msgtype=request',
        },
        Buffer.concat([requestHead, x.requestBody ?? Buffer.alloc(0)]),
        x.startedAt,
      ),
    );
  }
  return Buffer.concat(out);
}

/** Cuts a body to the budget left; says whether it was cut. */
export function budgetBody(body: Buffer, budget: { left: number }): { body: Buffer; truncated: boolean } {
  if (body.length <= budget.left) {
    budget.left -= body.length;
    return { body, truncated: false };
  }
  const cut = body.subarray(0, Math.max(0, budget.left));
  budget.left = 0;
  return { body: cut, truncated: true };
}

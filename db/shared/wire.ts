/**
 * The few pieces of the PostgreSQL wire protocol (version 3) the embedded database's socket needs: framing what a
 * client sends, answering its start-up, and reading where the backend's session stands after each reply.
 * https://www.postgresql.org/docs/current/protocol-message-formats.html
 */

export const PROTOCOL_3 = 196608;
export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;

/** Transaction status of a ReadyForQuery message: idle, in a transaction, in a failed transaction. */
export type SessionStatus = 'I' | 'T' | 'E';

export function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

const cstring = (s: string) => Buffer.from(`${s}\0`, 'utf8');
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

export const authenticationOk = () => message('R', int32(0));
export const parameterStatus = (name: string, value: string) =>
  message('S', Buffer.concat([cstring(name), cstring(value)]));
export const backendKeyData = (pid: number, secret: number) => message('K', Buffer.concat([int32(pid), int32(secret)]));
export const readyForQuery = (status: SessionStatus) => message('Z', Buffer.from(status, 'latin1'));
export const sync = () => message('S');
export const simpleQuery = (sql: string) => message('Q', cstring(sql));

/** An ErrorResponse: severity (ERROR, FATAL), SQLSTATE code and a message for the client to show. */
export function errorResponse(severity: 'ERROR' | 'FATAL', code: string, text: string): Buffer {
  const field = (tag: string, value: string) => Buffer.concat([Buffer.from(tag, 'latin1'), cstring(value)]);
  return message(
    'E',
    Buffer.concat([field('S', severity), field('V', severity), field('C', code), field('M', text), Buffer.alloc(1)]),
  );
}

/**
 * Splits a client's byte stream into messages. Before start-up, messages have no type byte (start-up, SSL and
 * cancel requests); after it, a type byte and a length. A length past `maxBytes` is a protocol error.
 */
export class MessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
  }

  /** The next whole message, `null` when more bytes are needed. Throws on a length out of bounds. */
  next(startup: boolean): Buffer | null {
    const head = startup ? 0 : 1;
    if (this.buffer.length < head + 4) return null;
    const length = this.buffer.readInt32BE(head);
    if (length < 4 || length > this.maxBytes) throw new Error(`a message of ${length} bytes`);
    if (this.buffer.length < head + length) return null;
    const out = this.buffer.subarray(0, head + length);
    this.buffer = this.buffer.subarray(head + length);
    return out;
  }
}

/** The code of a start-up-phase message (protocol version, or SSL, GSS or cancel request). */
export const startupCode = (m: Buffer) => m.readInt32BE(4);

/** Status of the last ReadyForQuery among the backend's reply messages, `null` when the reply has none. */
export function lastReadyStatus(reply: Uint8Array): SessionStatus | null {
  const view = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  let status: SessionStatus | null = null;
  for (let at = 0; at + 5 <= view.length; ) {
    const length = view.readInt32BE(at + 1);
    if (length < 4) break;
    if (view[at] === 0x5a /* Z */ && length === 5) status = String.fromCharCode(view[at + 5]) as SessionStatus;
    at += 1 + length;
  }
  return status;
}

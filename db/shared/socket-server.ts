/**
 * Serves the embedded database (PGlite, one Postgres backend in this process) to other Phénix processes on a Unix
 * socket, speaking the PostgreSQL wire protocol, so that `phenix alerts list` works while `phenix serve` runs.
 *
 * - Access: the socket lives in a 0700 folder of the service's user, like Postgres' own peer authentication; the
 *   start-up is answered here (no password: only that user can reach the socket). Which account a command acts as,
 *   and what its role allows, is checked by the command itself, exactly as on a server database.
 * - One session at a time: a client holds the gate (gate.ts) from its first message until the backend says its
 *   session is idle again, so a client's transaction is never interleaved with the service's or another client's.
 * - A client that keeps a transaction open while sending nothing for `idleInTransactionMs` is cut off and its
 *   transaction rolled back (Postgres' idle_in_transaction_session_timeout), so a stopped shell cannot stall the
 *   service; so is a client that disconnects mid-transaction.
 * Only the public `execProtocolRaw` of PGlite is used; the in-process queries go through the same gate.
 */
import { chmodSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Gate } from './gate.ts';
import {
  authenticationOk,
  backendKeyData,
  CANCEL_REQUEST,
  errorResponse,
  GSSENC_REQUEST,
  lastReadyStatus,
  MessageReader,
  PROTOCOL_3,
  parameterStatus,
  readyForQuery,
  type SessionStatus,
  SSL_REQUEST,
  simpleQuery,
  startupCode,
  sync,
} from './wire.ts';

/** The socket file postgres.js and psql look for in a socket folder (`host` = the folder). */
export const SOCKET_FILE = '.s.PGSQL.5432';
/** Longest Unix socket path Linux accepts (sun_path is 108 bytes with its terminating zero). */
const MAX_SOCKET_PATH = 107;

export interface EmbeddedServerOptions {
  pglite: PGlite;
  gate: Gate;
  /** Folder of the socket (created 0700; the socket is SOCKET_FILE in it). */
  dir: string;
  idleInTransactionMs?: number;
  maxMessageBytes?: number;
  onEvent?: (event: string, detail?: Record<string, unknown>) => void;
}

export interface EmbeddedServer {
  socketPath: string;
  /** Sessions connected now. */
  readonly connections: number;
  close(): Promise<void>;
}

export function socketPathIn(dir: string): string {
  return join(dir, SOCKET_FILE);
}

/** Why the socket cannot be served from `dir`, or null. */
export function socketProblem(dir: string): string | null {
  const path = socketPathIn(dir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH)
    return `its path ${path} is longer than the ${MAX_SOCKET_PATH} bytes a Unix socket allows`;
  return null;
}

export async function serveEmbeddedDatabase(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const problem = socketProblem(options.dir);
  if (problem) throw new Error(`Cannot share the embedded database: ${problem}`);
  prepareDir(options.dir);
  const socketPath = socketPathIn(options.dir);
  // A socket left by a process that died (we hold the data folder's lock, so nobody else serves it).
  rmSync(socketPath, { force: true });
  const parameters = await startupParameters(options);
  const sessions = new Set<Session>();
  let nextId = 1;
  const server: Server = createServer((socket) => {
    const session = new Session(socket, nextId++, parameters, options, () => sessions.delete(session));
    sessions.add(session);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);
  return {
    socketPath,
    get connections() {
      return sessions.size;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(
        [...sessions].map((s) => s.terminate('the Phénix process that holds the database is stopping')),
      );
      await closed;
      rmSync(options.dir, { recursive: true, force: true });
    },
  };
}

function prepareDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory() || (process.getuid && stat.uid !== process.getuid()))
    throw new Error(`Cannot share the embedded database: ${dir} is not a folder of this user`);
  chmodSync(dir, 0o700);
}

/** What a client learns at start-up, read once from the database (postgres.js and psql read a few of these). */
async function startupParameters(options: EmbeddedServerOptions): Promise<[string, string][]> {
  const names = [
    'server_version',
    'server_encoding',
    'client_encoding',
    'DateStyle',
    'IntervalStyle',
    'TimeZone',
    'integer_datetimes',
    'standard_conforming_strings',
  ];
  const rows = await options.gate.run(() =>
    options.pglite.query<{ name: string; value: string }>(
      'select name, setting as value from pg_settings where name = any($1)',
      [names.map((n) => n.toLowerCase())],
    ),
  );
  const byName = new Map(rows.rows.map((r) => [r.name.toLowerCase(), r.value]));
  return names.flatMap((n) => (byName.has(n.toLowerCase()) ? [[n, byName.get(n.toLowerCase()) as string]] : []));
}

class Session {
  private readonly reader: MessageReader;
  private started = false;
  private queue: Buffer[] = [];
  private busy = false;
  private closed = false;
  /** Release of the gate while this session holds it. */
  private release: (() => void) | null = null;
  private status: SessionStatus = 'I';
  /** An extended-protocol exchange not yet ended by Sync (its statements are still pending). */
  private midExchange = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private done: Promise<void>;
  private finish!: () => void;

  constructor(
    private readonly socket: Socket,
    private readonly id: number,
    private readonly parameters: [string, string][],
    private readonly options: EmbeddedServerOptions,
    private readonly onGone: () => void,
  ) {
    this.reader = new MessageReader(options.maxMessageBytes ?? 256 * 1024 * 1024);
    this.done = new Promise((resolve) => {
      this.finish = resolve;
    });
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', () => this.onClose());
    socket.on('close', () => this.onClose());
  }

  private event(name: string, detail: Record<string, unknown> = {}): void {
    this.options.onEvent?.(name, { session: this.id, ...detail });
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.reader.push(chunk);
    try {
      for (let m = this.reader.next(!this.started); m; m = this.reader.next(!this.started)) {
        if (this.started) this.queue.push(m);
        else this.startup(m);
      }
    } catch (error) {
      void this.terminate(`protocol error: ${(error as Error).message}`, '08P01');
      return;
    }
    void this.pump();
  }

  private startup(m: Buffer): void {
    const code = startupCode(m);
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      this.socket.write('N'); // no encryption on a local socket
      return;
    }
    if (code === CANCEL_REQUEST || code >> 16 !== PROTOCOL_3 >> 16) {
      if (code === CANCEL_REQUEST) this.socket.end();
      else this.socket.end(errorResponse('FATAL', '0A000', 'unsupported protocol'));
      return;
    }
    this.started = true;
    const params = this.parameters.map(([n, v]) => parameterStatus(n, v));
    this.socket.write(
      Buffer.concat([authenticationOk(), ...params, backendKeyData(process.pid, this.id), readyForQuery('I')]),
    );
    this.event('connected');
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length > 0 && !this.closed) await this.handle(this.queue.shift() as Buffer);
    } catch (error) {
      await this.terminate(`the embedded database failed: ${(error as Error).message}`, 'XX000');
    } finally {
      this.busy = false;
    }
    if (this.closed) await this.cleanUp();
    else this.armIdleTimer();
  }

  private async handle(m: Buffer): Promise<void> {
    if (m[0] === 0x58 /* X: Terminate */) {
      this.closed = true;
      this.socket.end();
      return;
    }
    this.clearIdleTimer();
    if (!this.release) this.release = await this.options.gate.acquire();
    if (this.closed) return;
    const reply = await this.options.pglite.execProtocolRaw(new Uint8Array(m.buffer, m.byteOffset, m.byteLength));
    const status = lastReadyStatus(reply);
    if (status) {
      this.status = status;
      this.midExchange = false;
    } else this.midExchange = true;
    if (!this.socket.destroyed) this.socket.write(reply);
    if (this.status === 'I' && !this.midExchange && this.queue.length === 0) this.letGo();
  }

  private letGo(): void {
    this.release?.();
    this.release = null;
  }

  private armIdleTimer(): void {
    if (!this.release || this.idleTimer) return;
    const ms = this.options.idleInTransactionMs ?? 30_000;
    this.idleTimer = setTimeout(() => {
      this.event('idle-in-transaction', { ms });
      void this.terminate(
        `terminating the connection: it kept a transaction open for ${ms / 1000} s without sending anything, while the service waited for the database`,
        '25P03',
      );
    }, ms);
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Ends the session with a FATAL error the client shows; resolves once its transaction is rolled back. */
  terminate(text: string, code = '57P01'): Promise<void> {
    if (!this.closed && !this.socket.destroyed) {
      if (this.started) this.socket.end(errorResponse('FATAL', code, text));
      else this.socket.end();
    }
    this.onClose();
    return this.done;
  }

  private onClose(): void {
    if (this.closed && !this.busy) {
      void this.cleanUp();
      return;
    }
    this.closed = true;
    this.queue = [];
    if (!this.busy) void this.cleanUp();
  }

  private cleaning = false;

  /** Leaves the backend idle for the next session: ends a pending exchange and rolls back an open transaction. */
  private async cleanUp(): Promise<void> {
    if (this.cleaning) return this.done;
    this.cleaning = true;
    this.clearIdleTimer();
    try {
      if (this.release && (this.midExchange || this.status !== 'I')) {
        let status = lastReadyStatus(await this.options.pglite.execProtocolRaw(new Uint8Array(sync())));
        if (status !== 'I')
          status = lastReadyStatus(await this.options.pglite.execProtocolRaw(new Uint8Array(simpleQuery('ROLLBACK'))));
        this.event('rolled-back', { status });
      }
    } finally {
      this.letGo();
      this.socket.destroy();
      this.onGone();
      this.event('disconnected');
      this.finish();
    }
  }
}

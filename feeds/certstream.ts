/**
 * Certificate transparency in the JSON format of a self-hosted certstream server: every `certificate_update`
 * message's `data.leaf_cert.all_domains`, wildcard names dropped (the certificate's plain names are kept). Names
 * are committed as they come (every second or every few hundred names, and on stop), so a restart loses at most
 * what arrived in the last second before a crash; the connection comes back with exponential backoff.
 *
 * The server is outside input: a message bigger than `maxPayload` closes the connection unread; while the database
 * is down, at most `maxWaiting` names wait (the oldest are dropped and counted); the backoff resets only after a
 * connection stayed up for `healthyMs` (a server that sends one message and closes does not get a reconnection a
 * second); a ping goes out regularly and a connection silent for `idleMs` (no message, no pong) is replaced.
 */
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { parseFeedLine } from '../crawler/discovery/index.ts';
import { type Executor, recordFeedBatch, updateFeedSourceState } from '../db/index.ts';
import { safeError } from '../lib/safe-text.ts';
import type { NameScorer } from './ingest.ts';

export interface CertstreamOptions {
  db: Executor;
  url: string;
  logger: Logger;
  score: NameScorer;
  backoffMs: number;
  maxBackoffMs: number;
  /** Names are committed at least this often, and whenever flushNames are waiting. */
  flushMs?: number;
  flushNames?: number;
  /** Largest message accepted, in bytes (default 1 MiB; ws's own default is 100 MiB). */
  maxPayload?: number;
  /** Names kept waiting for the database at most (default 100,000). */
  maxWaiting?: number;
  /** A connection up this long counts as healthy and resets the backoff (default one minute). */
  healthyMs?: number;
  /** A connection silent this long (no message, no pong) is closed and replaced (default one minute). */
  idleMs?: number;
}

export interface CertstreamStats {
  waiting: number;
  /** Names dropped because too many waited for the database. */
  dropped: number;
  connects: number;
  /** The delay before the next reconnection. */
  nextDelayMs: number;
}

export interface Certstream {
  source: string;
  /** Commits what is waiting (tests call it to observe without racing the timer). */
  flush(): Promise<void>;
  stats(): CertstreamStats;
  stop(): Promise<void>;
}

/** The DNS names of one certstream message (empty for heartbeats and anything else). */
export function namesOfCertstreamMessage(raw: string): { names: string[]; bad: number } {
  let message: { message_type?: unknown; data?: { leaf_cert?: { all_domains?: unknown } } };
  try {
    message = JSON.parse(raw);
  } catch {
    return { names: [], bad: 1 };
  }
  if (message?.message_type !== 'certificate_update') return { names: [], bad: 0 };
  const all = message.data?.leaf_cert?.all_domains;
  if (!Array.isArray(all)) return { names: [], bad: 1 };
  const names: string[] = [];
  let bad = 0;
  for (const name of all) {
    if (typeof name !== 'string' || name.startsWith('*.')) continue;
    const parsed = parseFeedLine(name);
    if (parsed?.kind === 'name') names.push(parsed.hostname);
    else if (parsed?.kind === 'error') bad++;
  }
  return { names, bad };
}

export function startCertstream(options: CertstreamOptions): Certstream {
  const source = `certstream:${options.url}`;
  const log = options.logger.child({ component: 'certstream', url: options.url });
  const maxWaiting = options.maxWaiting ?? 100_000;
  const idleMs = options.idleMs ?? 60_000;
  let waiting: { hostname: string; lexicalScore: number }[] = [];
  let bad = 0;
  let dropped = 0;
  let droppedLogged = 0;
  let stopped = false;
  let socket: WebSocket | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = options.backoffMs;
  let connects = 0;
  let chain: Promise<void> = Promise.resolve();
  let healthy: NodeJS.Timeout | null = null;
  let idle: NodeJS.Timeout | null = null;
  let ping: NodeJS.Timeout | null = null;

  /** Keeps the newest names when too many wait (the database is down): the oldest go, counted. */
  const bound = () => {
    const over = waiting.length - maxWaiting;
    if (over <= 0) return;
    waiting = waiting.slice(over);
    dropped += over;
    if (dropped - droppedLogged >= maxWaiting / 10 || droppedLogged === 0) {
      droppedLogged = dropped;
      log.warn({ dropped, maxWaiting }, 'certstream names dropped: the database has not taken them for too long');
    }
  };

  const flush = () => {
    const names = waiting;
    const errors = bad;
    waiting = [];
    bad = 0;
    // Commits run one after another, in arrival order.
    chain = chain.then(async () => {
      if (names.length === 0 && errors === 0) return;
      try {
        await recordFeedBatch(options.db, {
          source,
          detail: `certificate transparency (${options.url})`,
          names,
          errors,
        });
      } catch (error) {
        // Put them back: the next flush tries again rather than losing them.
        waiting = [...names, ...waiting];
        bad += errors;
        bound();
        log.error({ err: safeError(error) }, 'could not record certificate names; will retry');
      }
    });
    return chain;
  };
  const timer = setInterval(() => void flush(), options.flushMs ?? 1000);
  timer.unref();

  const clearTimers = () => {
    for (const timer of [healthy, idle]) if (timer) clearTimeout(timer);
    if (ping) clearInterval(ping);
    healthy = idle = ping = null;
  };

  const connect = () => {
    if (stopped) return;
    connects++;
    const ws = new WebSocket(options.url, { maxPayload: options.maxPayload ?? 1024 * 1024 });
    socket = ws;
    const alive = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => {
        log.warn({ idleMs }, 'certstream silent for too long (no message, no pong); reconnecting');
        ws.terminate();
      }, idleMs);
      idle.unref();
    };
    ws.on('open', () => {
      log.info({ connects }, 'certstream connected');
      alive();
      // Only a connection that stays up resets the backoff, not a message: a server that answers once and hangs up
      // would otherwise be called again every backoffMs.
      healthy = setTimeout(() => {
        delay = options.backoffMs;
      }, options.healthyMs ?? 60_000);
      healthy.unref();
      ping = setInterval(
        () => {
          if (ws.readyState === WebSocket.OPEN) ws.ping();
        },
        Math.max(idleMs / 3, 50),
      );
      ping.unref();
      void updateFeedSourceState(options.db, source, { connects, connectedAt: new Date().toISOString() }).catch(
        () => {},
      );
    });
    ws.on('pong', alive);
    ws.on('message', (data) => {
      alive();
      const { names, bad: refused } = namesOfCertstreamMessage(data.toString());
      bad += refused;
      for (const hostname of names) waiting.push({ hostname, lexicalScore: options.score(hostname) });
      bound();
      if (waiting.length >= (options.flushNames ?? 500)) void flush();
    });
    ws.on('error', (error) => log.warn({ err: safeError(error) }, 'certstream connection error'));
    ws.on('close', () => {
      clearTimers();
      if (stopped) return;
      log.warn({ retryInMs: delay }, 'certstream disconnected; reconnecting');
      void updateFeedSourceState(
        options.db,
        source,
        { disconnectedAt: new Date().toISOString(), dropped },
        `disconnected; reconnecting in ${delay} ms`,
      ).catch(() => {});
      retry = setTimeout(connect, delay);
      delay = Math.min(delay * 2, options.maxBackoffMs);
    });
  };
  connect();

  return {
    source,
    flush,
    stats: () => ({ waiting: waiting.length, dropped, connects, nextDelayMs: delay }),
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimers();
      if (retry) clearTimeout(retry);
      socket?.close();
      await flush();
    },
  };
}

/**
 * Certificate transparency in the JSON format of a self-hosted certstream server: every `certificate_update`
 * message's `data.leaf_cert.all_domains`, wildcard names dropped (the certificate's plain names are kept). Names
 * are committed as they come (every second or every few hundred names, and on stop), so a restart loses at most
 * what arrived in the last second before a crash; the connection comes back with exponential backoff.
 */
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { parseFeedLine } from '../crawler/discovery/index.ts';
import { type Executor, recordFeedBatch, updateFeedSourceState } from '../db/index.ts';
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
}

export interface Certstream {
  source: string;
  /** Commits what is waiting (tests call it to observe without racing the timer). */
  flush(): Promise<void>;
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
  let waiting: { hostname: string; lexicalScore: number }[] = [];
  let bad = 0;
  let stopped = false;
  let socket: WebSocket | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = options.backoffMs;
  let connects = 0;
  let chain: Promise<void> = Promise.resolve();

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
        log.error({ err: error }, 'could not record certificate names; will retry');
      }
    });
    return chain;
  };
  const timer = setInterval(() => void flush(), options.flushMs ?? 1000);
  timer.unref();

  const connect = () => {
    if (stopped) return;
    connects++;
    const ws = new WebSocket(options.url);
    socket = ws;
    ws.on('open', () => {
      log.info({ connects }, 'certstream connected');
      void updateFeedSourceState(options.db, source, { connects, connectedAt: new Date().toISOString() }).catch(
        () => {},
      );
    });
    ws.on('message', (data) => {
      delay = options.backoffMs;
      const { names, bad: refused } = namesOfCertstreamMessage(data.toString());
      bad += refused;
      for (const hostname of names) waiting.push({ hostname, lexicalScore: options.score(hostname) });
      if (waiting.length >= (options.flushNames ?? 500)) void flush();
    });
    ws.on('error', (error) => log.warn({ err: error }, 'certstream connection error'));
    ws.on('close', () => {
      if (stopped) return;
      log.warn({ retryInMs: delay }, 'certstream disconnected; reconnecting');
      void updateFeedSourceState(
        options.db,
        source,
        { disconnectedAt: new Date().toISOString() },
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
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (retry) clearTimeout(retry);
      socket?.close();
      await flush();
    },
  };
}

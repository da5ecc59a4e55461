/**
 * The certstream client against hostile or broken local WebSocket servers: an oversized message is refused unread,
 * a server that sends one message and hangs up does not get a reconnection at every backoffMs, a silent server
 * (no message, no pong) is left after idleMs, and names waiting for a database that is down stay bounded (the
 * oldest dropped and counted), with no query parameter in the logs.
 */
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Executor } from '../../../db/index.ts';
import { type Certstream, startCertstream } from '../../../feeds/index.ts';

const update = (domains: string[]) =>
  JSON.stringify({ message_type: 'certificate_update', data: { leaf_cert: { all_domains: domains } } });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A database that is down: every query fails the way drizzle reports it, query text and parameters included. */
const downDatabase = {
  transaction: async () => {
    throw new Error('Failed query: insert into domains ...\nparams: parametre-secret-de-requete');
  },
} as unknown as Executor;

async function server(options: ConstructorParameters<typeof WebSocketServer>[0], onConnection: (s: WebSocket) => void) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, ...options });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', onConnection);
  return { wss, url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/` };
}

describe('certstream client against hostile servers', () => {
  let stream: Certstream | null = null;
  let wss: WebSocketServer | null = null;
  afterEach(async () => {
    await stream?.stop();
    wss?.close();
    stream = null;
  });
  const logs: string[] = [];
  const logger = pino(
    { level: 'trace' },
    new Writable({
      write(chunk, _e, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  const base = { db: downDatabase, logger, score: () => 0, flushMs: 20 };

  it('refuses a message over maxPayload without reading it', async () => {
    let connections = 0;
    const s = await server({}, (socket) => {
      connections++;
      socket.send(update([`${'a'.repeat(200_000)}.example`, 'gros-message.example']));
    });
    wss = s.wss;
    stream = startCertstream({ ...base, url: s.url, backoffMs: 50, maxBackoffMs: 50, maxPayload: 64 * 1024 });
    await sleep(400);
    expect(connections).toBeGreaterThanOrEqual(2);
    expect(stream.stats().waiting).toBe(0);
  });

  it('a server that sends one message and hangs up is called back with a growing delay', async () => {
    let connections = 0;
    const s = await server({}, (socket) => {
      connections++;
      socket.send(update(['nettoyage-vitres.example']));
      setTimeout(() => socket.close(), 10);
    });
    wss = s.wss;
    stream = startCertstream({ ...base, url: s.url, backoffMs: 100, maxBackoffMs: 10_000, healthyMs: 5_000 });
    await sleep(1_600);
    // 100 + 200 + 400 + 800 ms: about five connections; a backoff reset by each message gives about fifteen.
    expect(connections).toBeLessThanOrEqual(6);
    expect(stream.stats().nextDelayMs).toBeGreaterThanOrEqual(800);
  });

  it('leaves a silent server (no message, no pong) after idleMs', async () => {
    let connections = 0;
    const s = await server({ autoPong: false }, () => {
      connections++;
    });
    wss = s.wss;
    stream = startCertstream({ ...base, url: s.url, backoffMs: 50, maxBackoffMs: 50, idleMs: 200 });
    await sleep(900);
    expect(connections).toBeGreaterThanOrEqual(2);
  });

  it('keeps at most maxWaiting names while the database is down, and logs no query parameter', async () => {
    const s = await server({}, (socket) => {
      for (let i = 0; i < 30; i++)
        socket.send(update(Array.from({ length: 10 }, (_, j) => `jardin-${i}-${j}.example`)));
    });
    wss = s.wss;
    stream = startCertstream({ ...base, url: s.url, backoffMs: 50, maxBackoffMs: 50, maxWaiting: 100 });
    await sleep(500);
    const stats = stream.stats();
    expect(stats.waiting).toBeLessThanOrEqual(100);
    expect(stats.dropped).toBeGreaterThanOrEqual(200);
    const text = logs.join('');
    expect(text).toContain('database query failed');
    expect(text).not.toContain('parametre-secret-de-requete');
  });
});

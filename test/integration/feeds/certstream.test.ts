/**
 * The certstream client against a local WebSocket server speaking the self-hosted certstream JSON format:
 * names recorded as they come, wildcards dropped, heartbeats ignored, a dropped connection re-established with
 * backoff and nothing lost across it.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { listCandidates, listFeedSources } from '../../../db/index.ts';
import { startCertstream } from '../../../feeds/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

const update = (domains: string[]) =>
  JSON.stringify({ message_type: 'certificate_update', data: { leaf_cert: { all_domains: domains } } });

const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('certstream feed (embedded database, local WebSocket server)', () => {
  let t: TestDatabase;
  let server: WebSocketServer;
  let connections = 0;
  beforeAll(async () => {
    t = await createTestDatabase('embedded');
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    server.on('connection', (socket) => {
      connections++;
      if (connections === 1) {
        socket.send(JSON.stringify({ message_type: 'heartbeat', timestamp: 1 }));
        socket.send(update(['*.menage-express.example', 'menage-express.example', 'www.menage-express.example']));
        socket.send('not json');
        // The server goes away mid-stream: the client must come back.
        setTimeout(() => socket.terminate(), 100);
      } else {
        socket.send(update(['plomberie-rapide.example']));
      }
    });
  });
  afterAll(async () => {
    server?.close();
    await t?.drop();
  });

  it('records every non-wildcard name once, across a reconnection', async () => {
    const { port } = server.address() as AddressInfo;
    const stream = startCertstream({
      db: t.handle.db,
      url: `ws://127.0.0.1:${port}/`,
      logger: pino({ level: 'silent' }),
      score: () => 0,
      backoffMs: 50,
      maxBackoffMs: 200,
      flushMs: 100,
    });
    try {
      await until(async () => (await listCandidates(t.handle.db, { source: 'feed' })).length === 3);
    } finally {
      await stream.stop();
    }
    const names = (await listCandidates(t.handle.db, { source: 'feed' })).map((c) => c.hostname).sort();
    expect(names).toEqual(['menage-express.example', 'plomberie-rapide.example', 'www.menage-express.example']);
    expect(connections).toBeGreaterThanOrEqual(2);
    const [source] = await listFeedSources(t.handle.db);
    expect(source).toMatchObject({ namesIn: 3, namesNew: 3, errors: 1 });
    expect(source.state).toMatchObject({ connects: expect.any(Number) });
  });
});

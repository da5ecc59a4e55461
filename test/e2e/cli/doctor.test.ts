import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPhenix } from '../../helpers/cli.ts';
import { type DohServer, startDohServer } from '../../helpers/doh-server.ts';
import { type RecordingSocks, startRecordingSocks } from '../../helpers/socks-server.ts';

let dir: string;
let listener: net.Server;
const listenerSockets = new Set<net.Socket>();
let notAProxy: number;
let doh: DohServer;
let dohRunning = false;
let socks: RecordingSocks;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'phenix-doctor-'));
  // An open port that speaks something else: open is not yet a proxy.
  listener = net.createServer((socket) => {
    listenerSockets.add(socket);
    socket.once('close', () => listenerSockets.delete(socket));
    socket.end('SSH-2.0-OpenSSH_9.2\r\n');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  notAProxy = (listener.address() as net.AddressInfo).port;
  doh = await startDohServer({});
  dohRunning = true;
  // A real SOCKS5 proxy whose only way out is the local DNS-over-HTTPS resolver.
  socks = await startRecordingSocks((host) => (host === 'dns.example' ? { host: '127.0.0.1', port: doh.port } : null));
});
afterAll(async () => {
  // A client that never closes its side would keep the listener open for ever: end every connection first.
  for (const socket of listenerSockets) socket.destroy();
  await new Promise((resolve) => listener.close(resolve));
  await socks?.close();
  if (dohRunning) await doh.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('phenix doctor', () => {
  it('reports Chromium, a real sandbox, the resolver, the proxy and Postgres, and exits 0 when all is well', async () => {
    const file = config(
      'good.yaml',
      `crawler:\n  proxyUrl: ${socks.url}\ndns:\n  dohUrl: http://dns.example/dns-query\ndatabase:\n  url: postgres://postgres@127.0.0.1:5432/postgres\n`,
    );
    const result = await runPhenix(['--config', file, 'doctor'], { env: { DATABASE_URL: undefined } });
    expect(result.stdout).toMatch(/^ok {4}chromium: .*version \d+\./m);
    expect(result.stdout).toMatch(/^ok {4}sandbox: adequately sandboxed \(layer 1: Namespace/m);
    expect(result.stdout).toMatch(
      /^ok {4}resolver: .*DNS-over-HTTPS http:\/\/dns\.example, through the proxy.*answered a test question/m,
    );
    // The question was really asked, through the proxy, and about the reserved name only.
    expect(doh.asked).toContain('phenix-doctor.test A');
    expect(socks.asked).toContain('dns.example:80');
    expect(result.stdout).toMatch(
      new RegExp(`^ok {4}proxy: socks5://127\\.0\\.0\\.1:${socks.port} answers as a SOCKS5 proxy`, 'm'),
    );
    // The server may or may not hold Phénix's tables: reachable is what this test can promise.
    expect(result.stdout).toMatch(
      /^(ok {4}database: PostgreSQL at .* reachable|FAIL {2}database: .*\n {6}fix: run phenix db migrate)/m,
    );
  }, 120_000);

  it('says the resolver is down once it is stopped, and that an open port is not a proxy', async () => {
    await doh.close();
    dohRunning = false;
    const stopped = config(
      'stopped.yaml',
      `crawler:\n  proxyUrl: ${socks.url}\ndns:\n  dohUrl: http://dns.example/dns-query\n  timeoutMs: 1000\n`,
    );
    const result = await runPhenix(['--config', stopped, 'doctor'], { env: { DATABASE_URL: undefined } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}resolver: .*did not answer.*\n {6}fix: start the resolver/m);
    const fake = config(
      'fake.yaml',
      `crawler:\n  proxyUrl: socks5://127.0.0.1:${notAProxy}\ndns:\n  dohUrl: http://dns.example/dns-query\n  timeoutMs: 1000\n`,
    );
    const r2 = await runPhenix(['--config', fake, 'doctor'], { env: { DATABASE_URL: undefined } });
    expect(r2.stdout).toMatch(/^FAIL {2}proxy: socks5:\/\/127\.0\.0\.1:\d+ .*does not answer as a SOCKS5 proxy/m);
  }, 180_000);

  it('fails with a fix for each broken part: unreachable proxy and database', async () => {
    const file = config(
      'bad.yaml',
      'crawler:\n  proxyUrl: socks5://127.0.0.1:1\ndns:\n  dohUrl: https://dns.example/dns-query\ndatabase:\n  url: postgres://postgres@127.0.0.1:1/postgres\n',
    );
    const result = await runPhenix(['--config', file, 'doctor'], { env: { DATABASE_URL: undefined } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL {2}proxy: socks5:\/\/127\.0\.0\.1:1 cannot be reached.*\n {6}fix: start the proxy/m,
    );
    expect(result.stdout).toMatch(/^FAIL {2}database: Cannot reach the database.*\n {6}fix: start PostgreSQL/m);
    expect(result.stderr).toContain('essential check(s) failed: resolver, proxy, database');
  }, 120_000);

  it.skipIf(process.getuid?.() !== 0)(
    'as root, names the missing browser user and how to create it',
    async () => {
      const file = config('plain.yaml', '');
      const result = await runPhenix(['--config', file, 'doctor'], {
        env: { PHENIX_BROWSER_USER: 'phenix-absent-user', DATABASE_URL: undefined },
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /^FAIL {2}sandbox: .*"phenix-absent-user", which does not exist.*\n {6}fix: phenix doctor --fix/m,
      );
    },
    120_000,
  );
});

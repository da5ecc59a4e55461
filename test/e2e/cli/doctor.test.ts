import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPhenix } from '../../helpers/cli.ts';

let dir: string;
let listener: net.Server;
let proxyPort: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'phenix-doctor-'));
  // Stands for the proxy: doctor only checks that it accepts a TCP connection.
  listener = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  proxyPort = (listener.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
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
      `crawler:\n  proxyUrl: socks5://127.0.0.1:${proxyPort}\ndns:\n  dohUrl: https://dns.example/dns-query\ndatabase:\n  url: postgres://postgres@127.0.0.1:5432/postgres\n`,
    );
    const result = await runPhenix(['--config', file, 'doctor'], { env: { DATABASE_URL: undefined } });
    expect(result.stdout).toMatch(/^ok {4}chromium: .*version \d+\./m);
    expect(result.stdout).toMatch(/^ok {4}sandbox: adequately sandboxed \(layer 1: Namespace/m);
    expect(result.stdout).toMatch(/^ok {4}resolver: .*DNS-over-HTTPS https:\/\/dns\.example, through the proxy/m);
    expect(result.stdout).toMatch(
      new RegExp(`^ok {4}proxy: socks5://127\\.0\\.0\\.1:${proxyPort} accepts connections`, 'm'),
    );
    // The server may or may not hold Phénix's tables: reachable is what this test can promise.
    expect(result.stdout).toMatch(
      /^(ok {4}database: PostgreSQL at .* reachable|FAIL {2}database: .*\n {6}fix: run phenix db migrate)/m,
    );
  }, 120_000);

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
    expect(result.stderr).toContain('essential check(s) failed: proxy, database');
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

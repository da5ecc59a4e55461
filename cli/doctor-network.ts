/**
 * The doctor's network checks, each proved by a real exchange rather than read from the config: every resolver the
 * crawls use answers a DNS question (for `phenix-doctor.test`, a reserved name no real site can have: an NXDOMAIN is
 * an answer), and the proxy answers its protocol's handshake (SOCKS5 method negotiation, or an HTTP CONNECT to that
 * same reserved name). Nothing is asked about a real site.
 */
import net from 'node:net';
import type { Config } from '../config/index.ts';
import { createNameResolver } from '../crawler/index.ts';
import type { CheckResult } from './doctor-checks.ts';

export const PROBE_NAME = 'phenix-doctor.test';
/** DNS codes that mean the resolver answered (the name simply does not exist). */
const ANSWERED = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);
const MAX_WAIT_MS = 3000;

async function askResolver(config: Config, servers: string[] | undefined): Promise<string | null> {
  const resolver = createNameResolver({
    servers,
    dohUrl: config.dns.dohUrl,
    proxyUrl: config.crawler.proxyUrl,
    timeoutMs: Math.min(config.dns.timeoutMs, MAX_WAIT_MS),
    tries: 1,
  });
  try {
    await resolver.resolve4(PROBE_NAME);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return ANSWERED.has(code) ? null : `${code || 'error'}: ${(error as Error).message}`;
  }
}

export async function checkResolvers(config: Config): Promise<CheckResult[]> {
  const { proxyUrl } = config.crawler;
  const described = createNameResolver({
    servers: config.dns.servers,
    dohUrl: config.dns.dohUrl,
    proxyUrl,
    timeoutMs: config.dns.timeoutMs,
    tries: 1,
  });
  const used = `DNS checks and the crawler's guard use ${described.describe}`;
  if (proxyUrl && !described.throughProxy) {
    return [
      {
        name: 'resolver',
        state: 'fail',
        detail: `${used}, not through the proxy: DNS questions would leave from this machine`,
        fix: 'set dns.dohUrl',
      },
    ];
  }
  // Each configured server on its own: one dead server among several is still a finding.
  const targets: (string[] | undefined)[] =
    !config.dns.dohUrl && config.dns.servers?.length ? config.dns.servers.map((s) => [s]) : [config.dns.servers];
  const failures: string[] = [];
  for (const servers of targets) {
    const problem = await askResolver(config, servers);
    if (problem)
      failures.push(`${servers?.length === 1 && targets.length > 1 ? servers[0] : 'it'} did not answer (${problem})`);
  }
  if (failures.length === 0) return [{ name: 'resolver', state: 'ok', detail: `${used}; it answered a test question` }];
  return [
    {
      name: 'resolver',
      state: 'fail',
      detail: `${used}: ${failures.join('; ')}`,
      fix: 'start the resolver or fix dns.servers / dns.dohUrl (and the proxy it goes through)',
    },
  ];
}

/** Opens a connection, sends `hello`, and returns the first bytes the other side answers (or why none came). */
function exchange(host: string, port: number, hello: Buffer): Promise<{ reply: Buffer } | { error: string }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let got = Buffer.alloc(0);
    const done = (r: { reply: Buffer } | { error: string }) => {
      socket.destroy();
      resolve(r);
    };
    socket.setTimeout(5_000, () => done(got.length ? { reply: got } : { error: 'no answer in 5 s' }));
    socket.once('connect', () => socket.write(hello));
    socket.on('data', (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      if (got.length >= 2 && (hello[0] === 0x05 || got.includes('\r\n'))) done({ reply: got });
    });
    socket.once('end', () =>
      done(got.length ? { reply: got } : { error: 'it closed the connection without answering' }),
    );
    socket.once('error', (error) => done({ error: error.message }));
  });
}

export async function checkProxyHandshake(proxyUrl: string): Promise<CheckResult> {
  const url = new URL(proxyUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const http = url.protocol === 'http:' || url.protocol === 'https:';
  const port = Number(url.port || (http ? 80 : 1080));
  const where = `${url.protocol}//${host}:${port}`;
  const withAuth = Boolean(url.username);
  const hello = http
    ? Buffer.from(
        `CONNECT ${PROBE_NAME}:443 HTTP/1.1\r\nHost: ${PROBE_NAME}:443\r\n${
          withAuth
            ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}\r\n`
            : ''
        }\r\n`,
        'latin1',
      )
    : Buffer.from(withAuth ? [0x05, 0x02, 0x00, 0x02] : [0x05, 0x01, 0x00]);
  const r = await exchange(host, port, hello);
  const fail = (detail: string): CheckResult => ({
    name: 'proxy',
    state: 'fail',
    detail: `${where} ${detail}`,
    fix: 'start the proxy or fix crawler.proxyUrl',
  });
  if ('error' in r) return fail(`cannot be reached: ${r.error}`);
  if (http) {
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(r.reply.toString('latin1'));
    if (!status) return fail('does not answer as an HTTP proxy');
    if (status[1] === '407') return fail('asks for credentials (HTTP 407): put them in crawler.proxyUrl');
    return { name: 'proxy', state: 'ok', detail: `${where} answers as an HTTP proxy (CONNECT: HTTP ${status[1]})` };
  }
  if (r.reply[0] !== 0x05) return fail('does not answer as a SOCKS5 proxy');
  if (r.reply[1] === 0xff) return fail('refuses every authentication method offered: check the credentials');
  return { name: 'proxy', state: 'ok', detail: `${where} answers as a SOCKS5 proxy` };
}

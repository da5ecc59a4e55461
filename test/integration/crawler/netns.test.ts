/**
 * The real thing: a browser-mode crawl inside a network namespace whose only neighbour is the upstream proxy.
 * The namespace gets a veth pair with a private /30 (10.200.N.0/30, assigned here, never routed anywhere: the host
 * side does not forward) and a default route through it, so anything that tried to leave (STUN, DNS, Chromium's
 * background requests) would show on the host-side capture. tshark records every frame the namespace sends; the only
 * IP packets allowed are TCP to the proxy's address and port. Needs root (ip netns, raw capture): CI runs as root.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordingSocks, startRecordingSocks } from '../../helpers/socks-server.ts';

const isRoot = process.getuid?.() === 0;
const slot = 1 + (process.pid % 250);
const ns = `phx-ns-${process.pid}`;
const hostIf = `phxh${slot}`;
const nsIf = `phxn${slot}`;
const hostIp = `10.200.${slot}.1`;
const nsIp = `10.200.${slot}.2`;

function sh(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function inNs(args: string[]): string {
  return sh('ip', ['netns', 'exec', ns, ...args]);
}

function cleanup(): void {
  for (const args of [
    ['link', 'del', hostIf],
    ['netns', 'del', ns],
  ]) {
    try {
      sh('ip', args);
    } catch {
      // already gone
    }
  }
}

describe.skipIf(!isRoot)(
  'browser crawl in a network namespace whose only reachable address is the proxy (root only)',
  () => {
    let site: http.Server;
    let socks: RecordingSocks;
    let capture: ChildProcess;
    let dir: string;
    const pcap = () => path.join(dir, 'ns.pcapng');

    beforeAll(async () => {
      cleanup();
      dir = mkdtempSync(path.join(tmpdir(), 'phenix-netns-test-'));
      sh('ip', ['netns', 'add', ns]);
      sh('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf]);
      sh('ip', ['link', 'set', nsIf, 'netns', ns]);
      // No IPv6 on the pair: router solicitations and MLD reports would be noise, not leaks.
      sh('sysctl', ['-qw', `net.ipv6.conf.${hostIf}.disable_ipv6=1`]);
      sh('sysctl', ['-qw', `net.ipv4.conf.${hostIf}.forwarding=0`]);
      inNs(['sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1']);
      sh('ip', ['addr', 'add', `${hostIp}/30`, 'dev', hostIf]);
      sh('ip', ['link', 'set', hostIf, 'up']);
      inNs(['ip', 'addr', 'add', `${nsIp}/30`, 'dev', nsIf]);
      inNs(['ip', 'link', 'set', 'lo', 'up']);
      inNs(['ip', 'link', 'set', nsIf, 'up']);
      inNs(['ip', 'route', 'add', 'default', 'via', hostIp]);

      site = http.createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const page = req.url === '/2' ? 2 : 1;
        res.end(`<!doctype html><title>Plomberie ${page}</title><link rel="icon" href="/icon.ico">
<p>Plombier à domicile, 06 39 98 00 0${page}</p><a href="/2">suite</a>
<img src="http://cdn.services-domicile.example/pixel.gif">
<script>
  const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:${hostIp}:3478' }, { urls: 'stun:stun.services-domicile.example:3478' }] });
  pc.createDataChannel('x');
  pc.createOffer().then((offer) => pc.setLocalDescription(offer));
</script>`);
      });
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      const sitePort = (site.address() as net.AddressInfo).port;
      // The proxy listens on the host side of the pair and routes the site's name to the local server, nothing else.
      socks = await startRecordingSocks(
        (host) => (host === 'plomberie.example' ? { host: '127.0.0.1', port: sitePort } : null),
        hostIp,
      );

      capture = spawn('tshark', ['-i', hostIf, '-w', pcap(), '-q'], { stdio: ['ignore', 'ignore', 'pipe'] });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('tshark did not start capturing')), 20_000);
        capture.stderr?.on('data', (chunk: Buffer) => {
          if (/Capturing on/.test(chunk.toString())) {
            clearTimeout(timer);
            resolve();
          }
        });
        capture.once('exit', (code) => reject(new Error(`tshark exited with ${code}`)));
      });
    }, 60_000);

    afterAll(async () => {
      if (capture && capture.exitCode === null) capture.kill('SIGINT');
      await socks?.close();
      await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
      cleanup();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('completes, and the capture shows nothing from the namespace but TCP to the proxy', async () => {
      const script = fileURLToPath(new URL('../../helpers/netns-crawl.ts', import.meta.url));
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(
          'ip',
          [
            'netns',
            'exec',
            ns,
            process.execPath,
            '--import',
            'tsx',
            script,
            JSON.stringify({ seed: 'http://plomberie.example/', proxyUrl: socks.url }),
          ],
          { cwd: fileURLToPath(new URL('../../..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c;
        });
        child.stderr.on('data', (c: Buffer) => {
          err += c;
        });
        child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`crawl failed (${code}): ${err}`))));
      });
      const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as { pagesOk: number; titles: string[] };
      expect(result.pagesOk).toBe(2);
      expect(result.titles.sort()).toEqual(['Plomberie 1', 'Plomberie 2']);

      await new Promise((resolve) => setTimeout(resolve, 1_000));
      capture.kill('SIGINT');
      await new Promise((resolve) => capture.once('exit', resolve));
      const frames = sh('tshark', [
        '-r',
        pcap(),
        '-T',
        'fields',
        '-E',
        'separator=|',
        '-e',
        'eth.type',
        '-e',
        'ip.src',
        '-e',
        'ip.dst',
        '-e',
        'ip.proto',
        '-e',
        'tcp.dstport',
        '-e',
        'tcp.srcport',
        '-e',
        'igmp.maddr',
      ])
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('|'));
      const fromNs = frames.filter(([, src]) => src === nsIp);
      const stray = fromNs.filter(
        ([, , dst, proto, dstPort]) => !(dst === hostIp && proto === '6' && Number(dstPort) === socks.port),
      );
      const nonIp = frames.filter(([type]) => type !== '0x0800' && type !== '0x0806');
      expect(fromNs.length).toBeGreaterThan(0);
      expect(stray).toEqual([]);
      expect(nonIp).toEqual([]);
      // The proxy was asked for the site (and the refused third-party image), never for a Google service.
      expect(socks.asked).toContain('plomberie.example:80');
      expect(socks.asked.filter((a) => /google|gvt1/.test(a))).toEqual([]);
    }, 180_000);
  },
);

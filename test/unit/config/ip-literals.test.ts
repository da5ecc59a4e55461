import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import { ipLiteralIn, readHost } from '../../../lib/ip-literal.ts';
import { configProblems } from './config-problems.ts';

const problems = configProblems;

/** Spellings of 127.0.0.1 that browsers accept as a host. */
const DISGUISED_LOOPBACK = ['0x7f.1', '127.1', '2130706433', '0177.0.0.1', '１２７．０．０．１'];

const siteWith = (domain: string) =>
  `sites:\n  - name: a\n    status: suspected\n    caseRef: C\n    domains: ["${domain}"]\n`;

describe('IP literals disguised as hostnames', () => {
  it.each([
    ...DISGUISED_LOOPBACK.map((host) => [host, '127.0.0.1']),
    ['127。0。0。1', '127.0.0.1'],
    ['0xa9.254.169.254', '169.254.169.254'],
  ])('%s is read as %s', (host, address) => {
    expect(ipLiteralIn(host)).toBe(address);
  });

  it('leaves real names alone and flags names that end in a number', () => {
    expect(readHost('annonces-maison.test')).toEqual({ kind: 'name', hostname: 'annonces-maison.test' });
    expect(readHost('1.2.3.4.5')).toEqual({ kind: 'invalid' });
    expect(ipLiteralIn('ménage.test')).toBeNull();
  });

  it.each(DISGUISED_LOOPBACK)('sites[].domains refuses %s with its line and the address it means', (domain) => {
    const address = '127.0.0.1';
    const [p] = problems(siteWith(domain));
    expect(p).toMatch(/^sites\[0\]\.domains\[0\] \(line 5\): /);
    expect(p).toContain(`is the IP address ${address} written as a name`);
  });

  it('refuses a name that ends in a number but is no address', () => {
    expect(problems(siteWith('annonces.123'))[0]).toContain('ends in a number');
  });

  it('refuses disguised addresses as hostMap targets and as hostMap names', () => {
    const list = problems(`crawler:\n  hostMap:\n    "*.test": "0x7f.1:8080"\n    "127.1": "127.0.0.1:8081"\n`);
    expect(list).toEqual([
      expect.stringMatching(/^crawler\.hostMap\.\*\.test \(line 3\): .*writes the IP address 127\.0\.0\.1 in disguise/),
      expect.stringMatching(
        /^crawler\.hostMap\.127\.1 \(line 4\): "127\.1" is the IP address 127\.0\.0\.1, not a name/,
      ),
    ]);
    expect(parseConfig(`crawler:\n  hostMap:\n    "*.test": "127.0.0.1:8080"\n`).crawler.hostMap).toEqual({
      '*.test': '127.0.0.1:8080',
    });
  });
});

describe('proxyUrl and DNS-over-HTTPS', () => {
  it('refuses a proxy without a DoH endpoint, naming the line', () => {
    expect(problems('crawler:\n  proxyUrl: socks5://127.0.0.1:9050\n')).toEqual([
      expect.stringMatching(/^crawler\.proxyUrl \(line 2\): is set but dns\.dohUrl is not/),
    ]);
  });

  it('accepts a proxy with a DoH endpoint', () => {
    const config = parseConfig(
      'crawler:\n  proxyUrl: socks5://127.0.0.1:9050\ndns:\n  dohUrl: https://dns.example/dns-query\n',
    );
    expect(config.dns.dohUrl).toBe('https://dns.example/dns-query');
  });

  it('refuses a DoH endpoint that is not a URL', () => {
    expect(problems('dns:\n  dohUrl: dns.example\n')[0]).toMatch(/^dns\.dohUrl \(line 2\): .*DNS-over-HTTPS URL/);
  });

  it('takes several DoH endpoints, used in turn, and refuses an empty list or a bad one', () => {
    const config = parseConfig('dns:\n  dohUrl: [https://a.example/dns-query, https://b.example/dns-query]\n');
    expect(config.dns.dohUrl).toEqual(['https://a.example/dns-query', 'https://b.example/dns-query']);
    expect(problems('dns:\n  dohUrl: []\n')[0]).toMatch(/^dns\.dohUrl \(line 2\)/);
    expect(problems('dns:\n  dohUrl: [https://a.example/q, b.example]\n')[0]).toMatch(/DNS-over-HTTPS URL/);
  });
});

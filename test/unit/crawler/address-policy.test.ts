import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../../crawler/address-policy.ts';
import { compileHostMap, HostMapError, resolveHostMap } from '../../../crawler/host-map.ts';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fd00::1',
    'fd00:ec2::254',
    'fc00::7',
    'fe80::1%eth0',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '[::1]',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '203.0.113.5',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
  ])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('hostMap', () => {
  const map = { '*.test': '127.0.0.1:4567', 'exact.test': '127.0.0.2:80', 'plain.example': '127.0.0.3' };

  it('maps wildcard, exact and port-less entries', () => {
    expect(resolveHostMap(map, 'annonces.test', 80)).toEqual({ host: '127.0.0.1', port: 4567 });
    expect(resolveHostMap(map, 'www.Annonces.TEST.', 443)).toEqual({ host: '127.0.0.1', port: 4567 });
    expect(resolveHostMap(map, 'exact.test', 80)).toEqual({ host: '127.0.0.2', port: 80 });
    expect(resolveHostMap(map, 'plain.example', 8080)).toEqual({ host: '127.0.0.3', port: 8080 });
  });

  it('leaves other names alone', () => {
    expect(resolveHostMap(map, 'test', 80)).toBeNull();
    expect(resolveHostMap(map, 'annonces.test.example', 80)).toBeNull();
    expect(resolveHostMap(undefined, 'annonces.test', 80)).toBeNull();
  });

  it('parses IPv6 targets and rejects nonsense', () => {
    expect(compileHostMap({ '*.test': '[::1]:9000' })('a.test', 80)).toEqual({ host: '::1', port: 9000 });
    expect(() => compileHostMap({ '*.test': 'a:b:c' })).toThrow(HostMapError);
    expect(() => compileHostMap({ '*.test': 'h:70000' })).toThrow(HostMapError);
  });
});

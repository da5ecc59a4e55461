/**
 * The client's address: the socket's, unless the socket is one of the configured reverse proxies
 * (`review.trustedProxies`, addresses or CIDR ranges); then X-Forwarded-For is read from the right, skipping
 * trusted proxies, and the first address that is not one of them is the client. A header sent by anyone else is
 * ignored: otherwise a guesser could pick a new address per attempt and escape the login backoff.
 */
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

export interface TrustedProxies {
  trusts(address: string): boolean;
}

export function trustedProxies(entries: readonly string[] = []): TrustedProxies {
  const list = new BlockList();
  for (const raw of entries) {
    const [address, bits] = raw.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address)) throw new Error(`review.trustedProxies: "${raw}" is not an IP address or CIDR range`);
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return {
    trusts(address) {
      const plain = unmapped(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/** ::ffff:192.0.2.1 (IPv4 on a dual-stack socket) is 192.0.2.1. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

export function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

export function clientAddress(c: Context, proxies: TrustedProxies): string {
  const socket = unmapped(socketAddress(c));
  if (!proxies.trusts(socket)) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => unmapped(s.trim()))
    .filter((s) => isIP(s) !== 0);
  for (let i = forwarded.length - 1; i >= 0; i--) if (!proxies.trusts(forwarded[i])) return forwarded[i];
  return forwarded[0] ?? socket;
}

/**
 * Opens a TCP tunnel to `host:port` through the operator's upstream proxy (`proxyUrl`: http:// with CONNECT, or
 * socks5:// / socks5h://, optional user:password), so that a crawl leaves from the proxy and not from the unit.
 * Used only by the guard proxy, which has already judged the destination.
 */
import net, { isIP } from 'node:net';

export class UpstreamProxyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamProxyError';
  }
}

export interface UpstreamProxy {
  protocol: 'http' | 'socks5';
  host: string;
  port: number;
  username: string;
  password: string;
}

export function parseUpstreamProxy(proxyUrl: string): UpstreamProxy {
  let url: URL;
  try {
    url = new URL(proxyUrl);
  } catch {
    throw new UpstreamProxyError(
      `The proxy address "${proxyUrl}" is not a URL (expected http://host:port or socks5://host:port).`,
    );
  }
  const scheme = url.protocol.replace(/:$/, '');
  const protocol = scheme === 'http' ? 'http' : scheme === 'socks5' || scheme === 'socks5h' ? 'socks5' : null;
  if (!protocol) throw new UpstreamProxyError(`Proxy scheme "${scheme}" is not supported (use http:// or socks5://).`);
  return {
    protocol,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (protocol === 'http' ? 80 : 1080)),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

/** Reads from the socket until `enough(buffer)` says the reply is complete; leftovers are pushed back. */
function readReply(socket: net.Socket, enough: (b: Buffer) => number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const used = enough(buffer);
      if (used > 0) {
        cleanup();
        if (used < buffer.length) socket.unshift(buffer.subarray(used));
        resolve(buffer.subarray(0, used));
      } else if (buffer.length > 16_384) {
        cleanup();
        reject(new UpstreamProxyError('The upstream proxy sent an oversized reply.'));
      }
    };
    const onEnd = () => {
      cleanup();
      reject(new UpstreamProxyError('The upstream proxy closed the connection.'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new UpstreamProxyError(`The upstream proxy cannot be reached: ${error.message}`));
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onError);
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('error', onError);
  });
}

async function httpConnect(socket: net.Socket, proxy: UpstreamProxy, host: string, port: number): Promise<void> {
  const authority = isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
  const auth = proxy.username
    ? `Proxy-Authorization: Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}\r\n`
    : '';
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}\r\n`);
  const reply = await readReply(socket, (b) => {
    const end = b.indexOf('\r\n\r\n');
    return end < 0 ? 0 : end + 4;
  });
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply.toString('latin1'));
  if (status?.[1] !== '200') {
    throw new UpstreamProxyError(`The upstream proxy refused the tunnel (${status ? status[1] : 'bad reply'}).`);
  }
}

async function socks5Connect(socket: net.Socket, proxy: UpstreamProxy, host: string, port: number): Promise<void> {
  socket.write(Buffer.from(proxy.username ? [5, 2, 0, 2] : [5, 1, 0]));
  const method = await readReply(socket, (b) => (b.length >= 2 ? 2 : 0));
  if (method[1] === 2) {
    const user = Buffer.from(proxy.username);
    const pass = Buffer.from(proxy.password);
    socket.write(Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([pass.length]), pass]));
    const auth = await readReply(socket, (b) => (b.length >= 2 ? 2 : 0));
    if (auth[1] !== 0) throw new UpstreamProxyError('The SOCKS proxy rejected the user name or password.');
  } else if (method[1] !== 0) {
    throw new UpstreamProxyError('The SOCKS proxy accepts none of our authentication methods.');
  }
  let address: Buffer;
  const family = isIP(host);
  if (family === 4) address = Buffer.from([1, ...host.split('.').map(Number)]);
  else if (family === 6) address = Buffer.concat([Buffer.from([4]), ipv6Bytes(host)]);
  else address = Buffer.concat([Buffer.from([3, Buffer.byteLength(host)]), Buffer.from(host)]);
  socket.write(Buffer.concat([Buffer.from([5, 1, 0]), address, Buffer.from([port >> 8, port & 255])]));
  const reply = await readReply(socket, (b) => {
    if (b.length < 5) return 0;
    const size = b[3] === 1 ? 4 : b[3] === 4 ? 16 : b[4] + 1;
    return b.length >= 4 + size + 2 ? 4 + size + 2 : 0;
  });
  if (reply[1] !== 0) throw new UpstreamProxyError(`The SOCKS proxy could not connect (code ${reply[1]}).`);
}

function ipv6Bytes(address: string): Buffer {
  const [head, tail = ''] = address.split('::');
  const parts = (s: string) => (s ? s.split(':') : []);
  const h = parts(head);
  const t = parts(tail);
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  for (const [i, g] of groups.entries()) out.writeUInt16BE(Number.parseInt(g, 16), i * 2);
  return out;
}

/** A connected socket to host:port through the upstream proxy (host may be an IP or, for remote DNS, a name). */
export async function connectThroughUpstream(
  proxy: UpstreamProxy,
  host: string,
  port: number,
  timeoutMs: number,
): Promise<net.Socket> {
  const socket = net.connect({ host: proxy.host, port: proxy.port });
  socket.setTimeout(timeoutMs, () =>
    socket.destroy(new UpstreamProxyError('The upstream proxy did not answer in time.')),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', (e) => reject(new UpstreamProxyError(`The upstream proxy cannot be reached: ${e.message}`)));
    });
    if (proxy.protocol === 'http') await httpConnect(socket, proxy, host, port);
    else await socks5Connect(socket, proxy, host, port);
    socket.setTimeout(0);
    socket.removeAllListeners('error');
    return socket;
  } catch (error) {
    socket.destroy();
    throw error;
  }
}

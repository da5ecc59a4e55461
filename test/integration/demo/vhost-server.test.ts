import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVhostServer, type VhostServer } from '../../../demo/vhost-server.ts';

function call(server: VhostServer, method: string, host: string, path: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('virtual-host server', () => {
  let server: VhostServer;

  beforeAll(async () => {
    server = await startVhostServer(
      new Map([
        [
          'site.test',
          {
            pages: new Map([
              ['/', '<p>home</p>'],
              ['/index.php?page=item&id=2', '<p>item 2</p>'],
            ]),
          },
        ],
        ['portal.test', { pages: new Map([['/index.php', '<p>portal</p>']]), home: '/index.php' }],
        ['seized.test', { pages: new Map(), catchAll: '<p>saisi</p>' }],
      ]),
    );
  });

  afterAll(async () => {
    await server?.close();
  });

  it('routes by Host header (port and case ignored), path and query', async () => {
    expect((await call(server, 'GET', 'SITE.test:8080', '/')).body).toBe('<p>home</p>');
    expect((await call(server, 'GET', 'site.test', '/index.php?page=item&id=2')).body).toBe('<p>item 2</p>');
    expect((await call(server, 'GET', 'site.test', '/index.php?page=item&id=3')).status).toBe(404);
  });

  it('redirects / to the home of a script without a root page, serves a catch-all on every path', async () => {
    const res = await call(server, 'GET', 'portal.test', '/');
    expect([res.status, res.headers.location]).toEqual([302, '/index.php']);
    expect((await call(server, 'GET', 'seized.test', '/any/path?x=1')).body).toBe('<p>saisi</p>');
  });

  it('answers HEAD without a body, refuses other methods, and logs what it served', async () => {
    const head = await call(server, 'HEAD', 'site.test', '/');
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '11']);
    expect((await call(server, 'POST', 'site.test', '/')).status).toBe(405);
    expect(server.log).toContain('site.test / 200');
  });
});

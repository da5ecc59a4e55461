/**
 * The monitoring endpoint of serve and worker: GET /metrics (Prometheus text) and GET /healthz (JSON, 503 when
 * unhealthy) on metrics.host:metrics.port, apart from the review page so it needs no login and exposes no case data.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { checkHealth, type HealthOptions } from './health.ts';
import { createMetrics, type MetricsOptions } from './registry.ts';

export interface MetricsServerOptions extends Omit<MetricsOptions, 'now'>, Omit<HealthOptions, 'db' | 'onError'> {
  host: string;
  port: number;
  logger: Logger;
}

export interface RunningMetricsServer {
  url: string;
  close(): Promise<void>;
}

export async function startMetricsServer(o: MetricsServerOptions): Promise<RunningMetricsServer> {
  const log = o.logger.child({ component: 'metrics' });
  const metrics = createMetrics({ db: o.db, queueCounts: o.queueCounts, refreshMs: o.refreshMs });
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const answer = async () => {
      if (path === '/metrics') {
        const body = await metrics.render();
        res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      } else if (path === '/healthz') {
        const report = await checkHealth({
          ...o,
          db: o.db,
          onError: (error, check) => log.warn({ err: error, check }, 'health check: the database failed'),
        });
        res.writeHead(report.status === 'ok' ? 200 : 503, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : `${JSON.stringify(report, null, 2)}\n`);
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Only /metrics and /healthz here.\n');
      }
    };
    answer().catch((error) => {
      log.error({ err: error, path }, 'metrics request failed');
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The metrics could not be produced; the error is in the log.\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const info = server.address() as AddressInfo;
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const url = `http://${host}:${info.port}`;
  log.info({ url }, 'metrics and health endpoint listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

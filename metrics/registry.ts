/**
 * The Prometheus registry of a serve or worker process. The figures come from the database (db/queries/metrics.ts),
 * so every process reports the fleet's totals and a restart loses nothing; scrape one process, or aggregate with
 * max() rather than sum(). They are cached: read at the first scrape, then again in the background once they are
 * `refreshMs` old (one read at a time). /metrics needs no login, so a flood of scrapes must not turn into a flood
 * of table-wide aggregates: it costs at most one read per `refreshMs`, whatever the scrape rate. Names follow prom-client's conventions: `phenix_` prefix,
 * `_total` counters, `_seconds` and `_bytes` units, labels with few values — never a domain name.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { type Executor, type OperationalFigures, operationalFigures } from '../db/index.ts';

export interface QueueCount {
  /** Queue kind (crawl, profile, compare, cycle_finish, cycle): never a site name. */
  queue: string;
  state: string;
  n: number;
}

export interface MetricsOptions {
  db: Executor;
  /** With queue.enabled: jobs per queue and state (pg-boss). */
  queueCounts?: () => Promise<QueueCount[]>;
  /** How old the cached figures may get before a scrape starts a new read (default 60 s). */
  refreshMs?: number;
  now?: () => number;
}

export const DEFAULT_METRICS_REFRESH_MS = 60_000;

export interface PhenixMetrics {
  registry: Registry;
  /** Renders the cached figures (reading them first only when none were read yet). */
  render(): Promise<string>;
  /** Reads the figures now (one read at a time: a call during a read waits for it). */
  refresh(): Promise<void>;
  contentType: string;
}

export function createMetrics(options: MetricsOptions): PhenixMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'phenix_' });
  const m = {
    up: new Gauge({
      name: 'phenix_database_up',
      help: 'Whether the last scrape could read the database (1) or not (0)',
      registers: [registry],
    }),
    cycles: new Counter({
      name: 'phenix_cycles_total',
      help: 'Monitoring cycles by scope and final status',
      labelNames: ['scope', 'status'],
      registers: [registry],
    }),
    cycleDuration: new Histogram({
      name: 'phenix_cycle_duration_seconds',
      help: 'Duration of ended monitoring cycles',
      labelNames: ['scope'],
      buckets: [10, 30, 60, 300, 900, 1800, 3600, 7200, 14_400, 43_200],
      registers: [registry],
    }),
    pagesCaptured: new Counter({
      name: 'phenix_pages_captured_total',
      help: 'Pages captured by crawl mode',
      labelNames: ['mode'],
      registers: [registry],
    }),
    pagesFailed: new Counter({
      name: 'phenix_pages_failed_total',
      help: 'Pages that could not be captured, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    domains: new Gauge({
      name: 'phenix_domains',
      help: 'Domains by role and the state of their last DNS answer',
      labelNames: ['role', 'dns_state'],
      registers: [registry],
    }),
    alerts: new Gauge({
      name: 'phenix_alerts',
      help: 'Alerts by verdict and review status',
      labelNames: ['verdict', 'status'],
      registers: [registry],
    }),
    evidence: new Gauge({
      name: 'phenix_evidence_bytes',
      help: 'Bytes of distinct evidence artifacts referenced by captures',
      registers: [registry],
    }),
    notifications: new Gauge({
      name: 'phenix_notification_deliveries',
      help: 'Notification deliveries by status',
      labelNames: ['status'],
      registers: [registry],
    }),
    refreshed: new Gauge({
      name: 'phenix_metrics_refreshed_timestamp_seconds',
      help: 'When the figures below were last read from the database (they are cached between reads)',
      registers: [registry],
    }),
    queueJobs: new Gauge({
      name: 'phenix_queue_jobs',
      help: 'Jobs on the shared queue by queue kind and state (failed = given up)',
      labelNames: ['queue', 'state'],
      registers: [registry],
    }),
  };

  const apply = (f: OperationalFigures) => {
    m.cycles.reset();
    for (const r of f.cycles) m.cycles.inc({ scope: r.scope, status: r.status }, r.n);
    m.cycleDuration.reset();
    for (const r of f.cycleSeconds) m.cycleDuration.observe({ scope: r.scope }, r.seconds);
    m.pagesCaptured.reset();
    for (const r of f.pagesCaptured) m.pagesCaptured.inc({ mode: r.mode }, r.n);
    m.pagesFailed.reset();
    for (const r of f.pagesFailed) m.pagesFailed.inc({ reason: r.reason }, r.n);
    m.domains.reset();
    for (const r of f.domains) m.domains.set({ role: r.role, dns_state: r.dnsState }, r.n);
    m.alerts.reset();
    for (const r of f.alerts) m.alerts.set({ verdict: r.verdict, status: r.status }, r.n);
    m.evidence.set(f.evidenceBytes);
    m.notifications.reset();
    for (const r of f.notifications) m.notifications.set({ status: r.status }, r.n);
  };

  const now = options.now ?? Date.now;
  const refreshMs = options.refreshMs ?? DEFAULT_METRICS_REFRESH_MS;
  let lastRead: number | undefined;
  let reading: Promise<void> | undefined;

  const read = async () => {
    try {
      apply(await operationalFigures(options.db));
      m.up.set(1);
    } catch {
      // The last figures stay; the gauge says they are stale, and /healthz says why.
      m.up.set(0);
    }
    if (options.queueCounts) {
      try {
        const counts = await options.queueCounts();
        m.queueJobs.reset();
        for (const c of counts) m.queueJobs.inc({ queue: c.queue, state: c.state }, c.n);
      } catch {
        m.up.set(0);
      }
    }
    lastRead = now();
    m.refreshed.set(lastRead / 1000);
  };
  const refresh = () => {
    reading ??= read().finally(() => {
      reading = undefined;
    });
    return reading;
  };

  return {
    registry,
    contentType: registry.contentType,
    refresh,
    render: async () => {
      if (lastRead === undefined) await refresh();
      else if (now() - lastRead >= refreshMs) void refresh(); // this scrape gets the cached figures
      return registry.metrics();
    },
  };
}

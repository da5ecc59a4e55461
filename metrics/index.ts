/** Health and Prometheus metrics of serve and worker (see README.md). */
export { checkHealth, type HealthOptions, type HealthReport, type Liveness } from './health.ts';
export { createMetrics, type MetricsOptions, type PhenixMetrics, type QueueCount } from './registry.ts';
export { type MetricsServerOptions, type RunningMetricsServer, startMetricsServer } from './server.ts';

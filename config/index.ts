export { ConfigError } from './errors.ts';
export { exampleConfig } from './example.ts';
export { formatPath, type ParseConfigOptions, parseConfig } from './parse.ts';
export {
  type Config,
  CRAWL_MODES,
  type CrawlerConfig,
  configSchema,
  type MetricsConfig,
  NOTIFY_EVENT_NAMES,
  type NotifyConfig,
  SITE_STATUSES,
  type SiteConfig,
  type SiteStatus,
} from './schema.ts';

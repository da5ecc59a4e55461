/** Maps the config's sites onto the database's site specs (config/ and db/ do not know each other). */
import type { Config } from '../config/index.ts';
import type { SiteSpec } from '../db/index.ts';

export function siteSpecsFromConfig(config: Config): SiteSpec[] {
  return config.sites.map((site) => ({
    name: site.name,
    status: site.status,
    caseRef: site.caseRef,
    region: site.region,
    notes: site.notes,
    schedule: site.schedule ?? null,
    crawl: site.crawl ? { ...site.crawl } : null,
    domains: site.domains,
  }));
}

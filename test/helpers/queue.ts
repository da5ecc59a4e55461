/** The queue suites' set-up: quick retries and maintenance, and a monitor context that crawls nothing. */
import pino from 'pino';
import { type Config, parseConfig } from '../../config/index.ts';
import type { Database } from '../../db/index.ts';
import { createEvidenceStore } from '../../evidence/index.ts';
import { type MonitorContext, processOwner } from '../../monitor/index.ts';

export const queueTestLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** `before` comes ahead of the queue section (sites, say). */
export function queueTestConfig(retryLimit: number, before: string[] = []): Config {
  return parseConfig(
    [
      ...before,
      'queue:',
      '  enabled: true',
      '  jobTimeoutSeconds: 30',
      `  retryLimit: ${retryLimit}`,
      '  retryDelaySeconds: 0',
      '  pollSeconds: 0.5',
      '  maintenanceSeconds: 1',
      '',
    ].join('\n'),
  );
}

export function queueTestContext(config: Config, db: Database): MonitorContext {
  return {
    config,
    db,
    evidence: createEvidenceStore({ dir: '/nonexistent-evidence' }),
    logger: queueTestLogger,
    storageRoot: '/nonexistent-storage',
    owner: processOwner(),
  };
}

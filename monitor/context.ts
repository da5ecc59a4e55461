/** What the monitor's steps share: the typed config, the database, the evidence store, the logger. */
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import type { EvidenceStore } from '../evidence/index.ts';

export interface MonitorContext {
  config: Config;
  db: Database;
  evidence: EvidenceStore;
  logger: Logger;
  /** Where each crawl run keeps its request queue (resumed after a crash). */
  storageRoot: string;
  /** Identifies this process in leases (two cycles never crawl the same site at once). */
  owner: string;
  /** CHROMIUM_PATH from the environment, read by the CLI. */
  chromiumPathFromEnv?: string;
  /** Stops the cycle gracefully: pages in flight finish, nothing new starts. */
  signal?: AbortSignal;
  /** Progress lines for a terminal (the CLI prints them; the service logs them). */
  onProgress?: (line: string) => void;
}

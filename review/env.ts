/** Types shared by the review server's routes: its options and what the auth middleware puts on a request. */
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import type { Executor, PublicUser } from '../db/index.ts';
import type { SessionRow } from '../db/schema/index.ts';
import type { RateLimitOptions } from './security/rate-limit.ts';

export interface ReviewServerOptions {
  db: Executor;
  /** Root of the evidence store (config `evidence.dir`), where screenshots and captured files are read from. */
  evidenceDir: string;
  logger: Logger;
  /** Mark cookies Secure (and use the __Host- prefix): set when the page is served over TLS. */
  secureCookies?: boolean;
  /** How long a login lasts (default 12 hours). */
  sessionTtlMs?: number;
  rateLimit?: RateLimitOptions;
  /** Reverse proxies whose X-Forwarded-For is believed (config `review.trustedProxies`: addresses or CIDR). */
  trustedProxies?: readonly string[];
  /** Browser that prints case reports (config crawler.chromiumPath; else the usual places). */
  chromiumPath?: string;
  /** The unit's signing key and TSA, for evidence package downloads; without it the download says how to make one. */
  evidenceSigning?: { signingKey: KeyObject; tsaUrl?: string };
  /** How hints on the page name the CLI: `phenix` or `npx phenix` (the CLI decides; default `npx phenix`). */
  cliCommand?: string;
}

export interface ReviewEnv {
  Variables: {
    user: PublicUser;
    session: SessionRow;
    /** The client's address (see security/client-address.ts), journaled with every consultation. */
    address: string;
  };
}

/**
 * The service sections of phenix.yaml (notifications, metrics, feeds, screening, pictures): split from schema.ts so
 * each file stays readable. schema.ts assembles them into the whole configuration.
 */
import { z } from 'zod';

/** A whole number from 1 to max (shared with schema.ts). */
export const positiveInt = (max: number) =>
  z.number().int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`);

export const NOTIFY_EVENT_NAMES = ['alert.created', 'alert.reopened', 'cycle.failed'] as const;
const notifyEvents = z
  .array(z.enum(NOTIFY_EVENT_NAMES))
  .min(1, 'is empty; leave it out to receive every event, or list some of alert.created, alert.reopened, cycle.failed')
  .optional();

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * A webhook carries case references: https:// only, except a receiver on this machine (loopback), which may use
 * http://. Error messages never quote the URL (it may hold the receiver's key or a password).
 */
const webhookUrl = z
  .string()
  .regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL')
  .superRefine((url, ctx) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not a valid URL' });
      return;
    }
    if (parsed.protocol === 'http:' && !LOOPBACK_HOSTS.test(parsed.hostname)) {
      ctx.addIssue({
        code: 'custom',
        message: `must be https:// (http:// would carry case references in clear; it is allowed only for a receiver on this machine: 127.0.0.1, [::1], localhost)`,
      });
    }
  });

/** Where new clone alerts, reopened alerts and failed cycles are sent (see notify/README.md). */
export const notifySchema = z.strictObject({
  webhooks: z
    .array(
      z.strictObject({
        url: webhookUrl,
        /** Key of the X-Phenix-Signature HMAC; the receiver checks every body with it. */
        secret: z.string().min(16, 'must be at least 16 characters (a random key shared with the receiver)'),
        events: notifyEvents,
      }),
    )
    .default([]),
  email: z
    .strictObject({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535).default(587),
      /** true: TLS from the start (port 465); false: plain connection upgraded with STARTTLS (port 587). */
      secure: z.boolean().default(false),
      /**
       * required (default): STARTTLS must succeed before anything is sent, so the password and the mail never go
       * out in clear; a server that offers no STARTTLS (or a network that strips it) makes the send fail.
       * none: send even without STARTTLS — only for a relay on the same host or a trusted link; say it explicitly.
       */
      tls: z.enum(['required', 'none']).default('required'),
      user: z.string().min(1).optional(),
      password: z.string().min(1).optional(),
      from: z.string().min(3, 'is empty; write the sender address, e.g. phenix@unit.example'),
      to: z.array(z.string().min(3)).min(1, 'lists no recipient'),
      events: notifyEvents,
    })
    .optional(),
  /** Attempts per delivery before it is given up (each recorded); the delay doubles from retrySeconds. */
  maxAttempts: z.number().int().min(1).max(50).default(8),
  retrySeconds: z.number().int().min(1).max(3600).default(30),
  timeoutSeconds: z.number().int().min(1).max(300).default(15),
});

export const metricsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(9464),
  /** /healthz answers 503 when no cycle has completed for this long (and the process is older than that). */
  maxCycleAgeHours: z
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
});

/**
 * Feeds of new names (feeds/): a drop folder `phenix serve` ingests as files appear, and a certificate-transparency
 * stream in the self-hosted certstream server's JSON format.
 */
export const feedsSchema = z.strictObject({
  dropDir: z.string().min(1).optional(),
  dropPollSeconds: z.number().min(0.2).max(3600).default(30),
  /** File-name pattern (`*` wildcard) → format of dropped files; the extension decides otherwise (feeds/formats.ts). */
  dropFormats: z.record(z.string().min(1), z.enum(['text', 'nrd', 'zone', 'afnic'])).default({}),
  /** Caps per feed file (feeds are hostile): a longer line is refused unread; past the others the file is set aside. */
  maxLineBytes: z
    .number()
    .int()
    .min(256)
    .max(16 * 1024 * 1024)
    .default(64 * 1024),
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .default(64 * 1024 ** 3),
  maxNamesPerFile: z.number().int().positive().default(500_000_000),
  certstream: z
    .strictObject({
      url: z.string().regex(/^wss?:\/\/[^\s]+$/, 'must be a ws:// or wss:// URL, e.g. ws://127.0.0.1:4000/'),
      /** First reconnection delay; doubled after each failure up to maxBackoffSeconds. */
      backoffSeconds: z.number().min(0.05).max(600).default(1),
      maxBackoffSeconds: z.number().min(0.1).max(3600).default(60),
      /** Largest message accepted; a bigger one closes the connection (a certificate update is a few KB). */
      maxMessageBytes: z
        .number()
        .int()
        .min(1024)
        .max(64 * 1024 * 1024)
        .default(1024 * 1024),
      /** Names waiting for the database at most (while it is down); past it the oldest are dropped and counted. */
      maxWaitingNames: z.number().int().min(100).max(10_000_000).default(100_000),
      /** No message (heartbeats included) for this long: the connection is dead and is replaced. */
      idleSeconds: z.number().min(1).max(3600).default(60),
    })
    .optional(),
});

/** The screening funnel of feed names (screen/): DNS, one landing page, index lookup, then escalation. */
export const screenSchema = z.strictObject({
  /** Names screened per cycle at most (the most name-like first); the rest wait for the next cycle. */
  maxNamesPerCycle: positiveInt(50_000_000).default(1_000_000),
  /** Names per batch (one pg-boss job when the queue is on). */
  batchSize: positiveInt(100_000).default(2000),
  dnsConcurrency: positiveInt(4096).default(128),
  /** Queries per second sent to each resolver at most. */
  dnsRatePerSecond: positiveInt(1_000_000).default(2000),
  /** How long an NXDOMAIN/NODATA answer is believed (the cache's negative TTL). */
  negativeTtlSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .default(3600),
  /** Longest time any answer is cached, whatever its TTL. */
  maxTtlSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .default(86_400),
  fetchConcurrency: positiveInt(512).default(32),
  fetchTimeoutSeconds: z.number().min(0.5).max(120).default(10),
  fetchMaxKB: positiveInt(65_536).default(512),
  /**
   * Pictures of a live landing page that matched nothing else, fetched (each within fetchMaxKB) and looked up
   * against the monitored sites' ad photos: a clone that kept only the photos. 0 turns the photo lookup off.
   */
  photosPerPage: z.number().int().min(0).max(50).default(6),
  /**
   * Second look: same-site pages linked from a live landing page that matched nothing (ad-like links first),
   * fetched within the same budgets and looked up too: a clone whose ad photos are one click away. 0 turns it off.
   */
  probePages: z
    .number()
    .int('must be a whole number of pages (0 turns the second look off)')
    .min(0, 'must be 0 (no second look) or more')
    .max(10, 'is at most 10 linked pages per landing page')
    .default(2),
  /** Layout fingerprints within this many bits of a monitored site's escalate (8-band index: at most 7). */
  layoutMaxBits: z.number().int().min(0).max(7).default(6),
  /** First re-screening delay of a parked, for-sale, empty, error or unrelated page; doubled each time. */
  rescreenHours: z
    .number()
    .min(0)
    .max(24 * 365)
    .default(24),
  maxRescreenDays: z.number().min(0).max(3650).default(30),
});

/** Pictures: OCR of the ones likely to carry a number, within a budget per crawl and a time limit per picture. */
export const imagesSchema = z.strictObject({
  ocrPerCrawl: z.number().int().min(0).max(100_000).default(100),
  ocrSecondsPerImage: z.number().positive().max(600).default(20),
});

/**
 * The zod schema of phenix.yaml: every key an analyst may write, its default and the plain-words
 * message when it is wrong. Unknown keys are refused (a typo must not silently disable a setting).
 */
import { isIP } from 'node:net';
import { validate as validateCron } from 'node-cron';
import { z } from 'zod';
import { thresholdProblems } from '../lib/detector-thresholds.ts';
import { normalizeHostname } from '../lib/hostname.ts';
import { ipLiteralIn } from '../lib/ip-literal.ts';
import {
  feedsSchema,
  imagesSchema,
  metricsSchema,
  notifySchema,
  positiveInt,
  screenSchema,
} from './schema-services.ts';

export { NOTIFY_EVENT_NAMES } from './schema-services.ts';

export const SITE_STATUSES = ['convicted', 'suspected', 'seized', 'cleared'] as const;
export const CRAWL_MODES = ['browser', 'http', 'auto'] as const;

const dohUrl = z
  .string()
  .regex(/^https?:\/\/[^\s]+$/, 'must be a DNS-over-HTTPS URL such as https://dns.quad9.net/dns-query');

const hostname = z.string().transform((value, ctx) => {
  const result = normalizeHostname(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.reason });
    return z.NEVER;
  }
  return result.hostname;
});

const cron = z.string().refine((value) => validateCron(value), {
  message: 'is not a valid cron expression (five or six fields, e.g. "0 */6 * * *" for every six hours)',
});

const slug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    'must be a short name of lowercase letters, digits and hyphens, e.g. annonces-maison',
  );

const urlPattern = z.string().min(1, 'is empty; write a URL pattern such as /annonce/* or a regular expression /.../');

const region = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter country code in capitals, e.g. FR')
  .default('FR');

const ipOrCidr = z.string().refine(
  (v) => {
    const [address, bits, extra] = v.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined) return false;
    if (bits === undefined) return true;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
  },
  { message: 'must be an IP address or a CIDR range, e.g. 10.0.0.1 or 10.0.0.0/8' },
);

const days = z.number().int('must be a whole number of days').min(0, 'cannot be negative').max(36_500);

/** How long crawled data is kept, by kind and status (issue 15.4); `phenix purge` and `phenix serve` apply it. */
const retentionSchema = z.strictObject({
  /** Captures of candidates whose alerts were all dismissed: days after capture. */
  dismissedDays: days.default(365),
  /** Captures of candidates that never raised an alert: days after capture. */
  unrelatedDays: days.default(180),
  /** Captures of a case's confirmed clones: days after the case is closed (legal hold until then). */
  closedCaseDays: days.default(365),
  /** Records of pages that could not be captured. */
  failuresDays: days.default(90),
  /** When `phenix serve` purges (daily by default). */
  schedule: cron.default('30 3 * * *'),
});

/** Per-site limits: every key optional, falling back to the crawler section. */
const siteCrawl = z.strictObject({
  mode: z.enum(CRAWL_MODES).optional(),
  maxPages: positiveInt(100_000).optional(),
  maxDepth: z.number().int().min(0).max(50).optional(),
  include: z.array(urlPattern).optional(),
  exclude: z.array(urlPattern).optional(),
  perHostDelayMs: z.number().int().min(0).max(600_000).optional(),
});

export const siteSchema = z.strictObject({
  name: slug,
  status: z.enum(SITE_STATUSES),
  caseRef: z.string().min(1, 'is empty; write the case reference, e.g. PARQUET-PARIS-2025-0042'),
  domains: z.array(hostname).min(1, 'lists no domain; a monitored site needs at least one'),
  region,
  notes: z.string().default(''),
  schedule: cron.optional(),
  crawl: siteCrawl.optional(),
});

/** A name that a browser reads as an IP address (`127.1`, `0x7f.1`…) says one thing and means another: refused. */
function disguisedIp(host: string): string | null {
  const address = ipLiteralIn(host);
  return address !== null && !isIP(host) ? address : null;
}

const hostMapTarget = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:8080')
  .superRefine((value, ctx) => {
    const address = disguisedIp(value.replace(/:\d+$/, ''));
    if (address !== null)
      ctx.addIssue({
        code: 'custom',
        message: `writes the IP address ${address} in disguise; write ${address} itself`,
      });
  });

const hostMapPattern = z
  .string()
  .regex(/^(\*\.)?[a-z0-9.-]+$/i, 'must be a hostname or a pattern such as *.test')
  .superRefine((value, ctx) => {
    const address = ipLiteralIn(value.replace(/^\*\./, ''));
    if (address !== null)
      ctx.addIssue({
        code: 'custom',
        message: `is the IP address ${address}, not a name; hostMap maps names (such as *.test) to local servers`,
      });
  });

export const crawlerSchema = z.strictObject({
  mode: z.enum(CRAWL_MODES).default('browser'),
  concurrency: positiveInt(32).default(2),
  /** How many sites (or candidates) are crawled at the same time; each uses `concurrency` pages. */
  parallelSites: positiveInt(16).default(2),
  maxPages: positiveInt(100_000).default(200),
  maxDepth: z.number().int().min(0).max(50).default(4),
  pageTimeoutSeconds: positiveInt(600).default(45),
  navigationTimeoutSeconds: positiveInt(300).default(30),
  maxResponseMB: z.number().positive().max(1024).default(15),
  perHostDelayMs: z.number().int().min(0).max(600_000).default(250),
  fullPageMaxHeight: positiveInt(100_000).default(10_000),
  chromiumPath: z.string().min(1).optional(),
  proxyUrl: z
    .string()
    .regex(
      /^(https?|socks[45]h?):\/\/[^\s]+$/,
      'must be a proxy URL such as socks5://127.0.0.1:9050 or http://proxy:3128',
    )
    .optional(),
  userAgent: z.string().min(1).optional(),
  hostMap: z.record(hostMapPattern, hostMapTarget).default({}),
  allowPrivateTargets: z.boolean().default(false),
  /** Pictures (ad photos, images of text) kept per page and per crawl, and their size cap. */
  imagesPerPage: z.number().int().min(0).max(100).default(12),
  imagesPerCrawl: z.number().int().min(0).max(100_000).default(400),
  imageMaxMB: z.number().positive().max(64).default(4),
});

/**
 * Detector thresholds, one key per threshold under `detector` (defaults calibrated on the evaluation corpus; see
 * detector/README.md). Thresholds that contradict each other (relatedScore ≥ cloneScore…) are refused by name.
 */
const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const bits = z.number().int('must be a whole number of bits').min(0).max(64, 'must be at most 64 bits');
const siteCount = z.number().int('must be a whole number of sites').min(1);
export const detectorSchema = z
  .strictObject({
    cloneScore: share.optional(),
    relatedScore: share.optional(),
    adMaxDistance: bits.optional(),
    adCounterpartDistance: bits.optional(),
    cloneReferenceShare: share.optional(),
    corroboratedAdShare: share.optional(),
    templateReferenceShare: share.optional(),
    operatorContentShare: share.optional(),
    corroborationStrength: share.optional(),
    templateRareSites: siteCount.optional(),
    templateCommonSites: siteCount.optional(),
    weightIdentity: share.optional(),
    layoutSameDistance: bits.optional(),
    layoutZeroDistance: bits.optional(),
    layoutSketchExponent: z.number().gt(0, 'must be above 0').max(8, 'must be at most 8').optional(),
    weightContent: share.optional(),
    weightSecondContent: share.optional(),
    weightLayout: share.optional(),
    weightPivots: share.optional(),
    cloneAdShare: share.optional(),
    minSharedAds: z.number().int().min(1).optional(),
    minAds: z.number().int().min(1).optional(),
    minContacts: z.number().int().min(1).optional(),
    photoMaxDistance: bits.optional(),
    photoCropMaxDistance: bits.optional(),
    clonePhotoShare: share.optional(),
    minSharedPhotos: z.number().min(0).optional(),
    photoFamilySites: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').optional(),
    lookZeroDistance: bits.optional(),
  })
  .superRefine((value, ctx) => {
    const overrides = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
    for (const p of thresholdProblems(overrides)) ctx.addIssue({ code: 'custom', path: [p.key], message: p.message });
  });

/**
 * Scale-out: cycles run as jobs on a shared PostgreSQL queue (pg-boss), processed by `phenix worker`
 * on any number of machines. Off by default: one process does everything.
 */
export const queueSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** A job still running after this long is taken as lost (its worker died) and retried elsewhere. */
  jobTimeoutSeconds: z
    .number()
    .int()
    .min(5)
    .max(23 * 3600)
    .default(3600),
  retryLimit: z.number().int().min(0).max(100).default(4),
  /** First retry delay; doubled at each retry (with jitter). */
  retryDelaySeconds: z.number().int().min(0).max(86_400).default(60),
  /** How often an idle worker asks for work. */
  pollSeconds: z.number().min(0.5).max(60).default(2),
  /** How often lost jobs are looked for (expired) and old ones archived. */
  maintenanceSeconds: z.number().int().min(1).max(3600).default(60),
  /** Generations of candidates followed from what crawls reveal, within one cycle. */
  discoveryRounds: z.number().int().min(0).max(10).default(3),
});

export const configSchema = z.strictObject({
  sites: z.array(siteSchema).default([]),
  crawler: crawlerSchema.default(crawlerSchema.parse({})),
  database: z
    .strictObject({
      url: z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
        .optional(),
    })
    .default({}),
  evidence: z
    .strictObject({
      dir: z.string().min(1).default('data/evidence'),
      /** The unit's signing key (ECDSA P-384, or Ed25519 from earlier versions; PEM, mode 0600), made by `phenix keys init`; packages are signed with it. */
      signingKey: z.string().min(1).default('data/keys/unit-signing.pem'),
      /** RFC 3161 time-stamping authority; packages and cycle Merkle roots are timestamped when set. */
      tsaUrl: z
        .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL of an RFC 3161 TSA' })
        .optional(),
      /** The TSA's CA certificate (PEM), to check its timestamps' chain offline. */
      tsaCaCert: z.string().min(1).optional(),
      /** A URL answering the caller's public address as text, fetched through the crawl's proxy at each run. */
      egressCheckUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    })
    .default({ dir: 'data/evidence', signingKey: 'data/keys/unit-signing.pem' }),
  dns: z
    .strictObject({
      servers: z
        .array(z.string().regex(/^[0-9a-f.:[\]]+$/i, 'must be an IP address, optionally with :port'))
        .optional(),
      /**
       * DNS-over-HTTPS endpoint, or several used in turn (each with its own rate limit and kept-alive connections);
       * with crawler.proxyUrl, DNS checks go there through the proxy.
       */
      dohUrl: z.union([dohUrl, z.array(dohUrl).min(1, 'must list at least one DNS-over-HTTPS URL')]).optional(),
      timeoutMs: z.number().int().min(100).max(60_000).default(3000),
      concurrency: positiveInt(256).default(16),
    })
    .default({ timeoutMs: 3000, concurrency: 16 }),
  schedules: z
    .strictObject({ seeds: cron.default('0 */6 * * *'), candidates: cron.default('30 */12 * * *') })
    .default({ seeds: '0 */6 * * *', candidates: '30 */12 * * *' }),
  discovery: z
    .strictObject({
      /** Only these TLDs; left out, the built-in ranked list (crawler/discovery/tld-priors.ts). */
      tlds: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'must be a TLD without dot, e.g. fr')).optional(),
      affixes: z
        .array(z.string().regex(/^[a-z0-9]+$/, 'must be a word of lowercase letters or digits'))
        .default(['new', 'nouveau', 'officiel', 'bis', 'vip', 'plus', 'fr', 'site', 'pro', 'top']),
      maxLookalikesPerSeed: positiveInt(100_000).default(500),
    })
    .default({
      affixes: ['new', 'nouveau', 'officiel', 'bis', 'vip', 'plus', 'fr', 'site', 'pro', 'top'],
      maxLookalikesPerSeed: 500,
    }),
  detector: detectorSchema.default({}),
  images: imagesSchema.default(imagesSchema.parse({})),
  queue: queueSchema.default(queueSchema.parse({})),
  retention: retentionSchema.default(retentionSchema.parse({})),
  feeds: feedsSchema.default(feedsSchema.parse({})),
  screen: screenSchema.default(screenSchema.parse({})),
  review: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(8377),
      /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); nobody else's is. */
      trustedProxies: z.array(ipOrCidr).default([]),
      /**
       * Cookies marked Secure and named `__Host-…`: set when a TLS-terminating reverse proxy serves the page over
       * https (the browser then never sends the session cookie over plain HTTP).
       */
      secureCookies: z.boolean().default(false),
      /** The review page's address as analysts reach it, for links in notifications (e.g. https://phenix.unit.example). */
      publicUrl: z
        .string()
        .regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL')
        .optional(),
    })
    .default({ host: '127.0.0.1', port: 8377, trustedProxies: [], secureCookies: false }),
  notify: notifySchema.default(notifySchema.parse({})),
  metrics: metricsSchema.default(metricsSchema.parse({})),
});

export type Config = z.output<typeof configSchema>;
export type SiteConfig = z.output<typeof siteSchema>;
export type CrawlerConfig = z.output<typeof crawlerSchema>;
export type NotifyConfig = z.output<typeof notifySchema>;
export type MetricsConfig = z.output<typeof metricsSchema>;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/**
 * DNS checks of candidate names: the only I/O of discovery. A (then AAAA when A has no data) decides the state;
 * NS and MX are asked only for a name without address and recorded for the analyst (a name with MX but no A is
 * registered yet not serving a site).
 * Only `resolves` means registered-and-live: SERVFAIL and timeouts say nothing about registration.
 */
import { createNameResolver, DnsConfigError, type NameResolver } from '../name-resolver.ts';
import { matchHostMap } from './host-map.ts';

export { DnsConfigError };

export type DnsState = 'resolves' | 'nxdomain' | 'nodata' | 'servfail' | 'timeout' | 'error';

export interface DnsResult {
  domain: string;
  state: DnsState;
  a: string[];
  aaaa: string[];
  ns: string[];
  mx: { exchange: string; priority: number }[];
  /** `hostMap` when the name was answered by the operator's host map without a DNS query. */
  via: 'dns' | 'hostMap';
  /** Plain words for servfail, timeout and error states, and for names answered by the host map. */
  detail: string | null;
  durationMs: number;
}

export interface CheckDomainsOptions {
  /** Resolvers as `1.2.3.4`, `127.0.0.1:5353` or `[::1]:53`; the system's resolvers when absent. */
  servers?: readonly string[];
  /** DNS-over-HTTPS endpoint (wins over `servers`); through `proxyUrl` when given. */
  dohUrl?: string | readonly string[];
  /** The upstream proxy of the crawls: DoH questions go through it, so the unit's resolver never sees the names. */
  proxyUrl?: string;
  /** A ready resolver (the same one the crawler uses); wins over servers/dohUrl. */
  resolver?: NameResolver;
  /** Per-try timeout in milliseconds. */
  timeoutMs: number;
  /** How many names are checked at the same time. */
  concurrency: number;
  /** Attempts per query before giving up with `timeout`. */
  tries: number;
  /** Names matched here resolve to the mapped address without a DNS query. */
  hostMap?: Readonly<Record<string, string>>;
  /** Also ask NS and MX for names that exist (default true). */
  withNsMx?: boolean;
}

type QueryOutcome<T> = { state: 'ok'; values: T[] } | { state: Exclude<DnsState, 'resolves'>; code: string };

const CODE_STATES: Record<string, Exclude<DnsState, 'resolves'>> = {
  ENOTFOUND: 'nxdomain',
  ENODATA: 'nodata',
  ESERVFAIL: 'servfail',
  ETIMEOUT: 'timeout',
};

async function query<T>(run: () => Promise<T[]>): Promise<QueryOutcome<T>> {
  try {
    const values = await run();
    return values.length > 0 ? { state: 'ok', values } : { state: 'nodata', code: 'ENODATA' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    return { state: CODE_STATES[code] ?? 'error', code };
  }
}

const DETAILS: Partial<Record<DnsState, (code: string) => string>> = {
  servfail: () => 'the DNS server could not answer (SERVFAIL); this says nothing about registration',
  timeout: () => 'no DNS answer in time; this says nothing about registration',
  error: (code) => `the DNS query failed (${code})`,
};

const FAILURE_ORDER: Exclude<DnsState, 'resolves'>[] = ['nxdomain', 'servfail', 'timeout', 'error', 'nodata'];

/** One answer with addresses is enough; NXDOMAIN is authoritative; otherwise the least reassuring failure. */
function combine(a: QueryOutcome<string>, aaaa: QueryOutcome<string>): { state: DnsState; detail: string | null } {
  if (a.state === 'ok' || aaaa.state === 'ok') return { state: 'resolves', detail: null };
  const failures = [a, aaaa] as Extract<QueryOutcome<string>, { code: string }>[];
  for (const state of FAILURE_ORDER) {
    const hit = failures.find((f) => f.state === state);
    if (hit) return { state, detail: DETAILS[state]?.(hit.code) ?? null };
  }
  return { state: 'error', detail: 'no answer' };
}

async function checkOne(resolver: NameResolver, domain: string, options: CheckDomainsOptions): Promise<DnsResult> {
  const started = performance.now();
  const mapped = matchHostMap(domain, options.hostMap);
  if (mapped) {
    return {
      domain,
      state: 'resolves',
      a: mapped.family === 4 ? [mapped.address] : [],
      aaaa: mapped.family === 6 ? [mapped.address] : [],
      ns: [],
      mx: [],
      via: 'hostMap',
      detail: `sent to ${mapped.target} by the crawler host map (no DNS query)`,
      durationMs: 0,
    };
  }
  // Only what the decision needs: A first; AAAA when A has no data; NS and MX (is the name registered, does it
  // take mail?) only for a name with no address. A name that resolves costs one question, one that does not exist too.
  const a = await query(() => resolver.resolve4(domain));
  const aaaa: QueryOutcome<string> =
    a.state === 'nodata' ? await query(() => resolver.resolve6(domain)) : { state: 'nodata', code: 'ENODATA' };
  const { state, detail } = combine(a, aaaa);
  let ns: string[] = [];
  let mx: DnsResult['mx'] = [];
  if (state === 'nodata' && options.withNsMx !== false) {
    const [nsOutcome, mxOutcome] = await Promise.all([
      query(() => resolver.resolveNs(domain)),
      query(() => resolver.resolveMx(domain)),
    ]);
    ns = nsOutcome.state === 'ok' ? nsOutcome.values : [];
    mx = mxOutcome.state === 'ok' ? mxOutcome.values.map((m) => ({ exchange: m.exchange, priority: m.priority })) : [];
  }
  return {
    domain,
    state,
    a: a.state === 'ok' ? a.values : [],
    aaaa: aaaa.state === 'ok' ? aaaa.values : [],
    ns,
    mx,
    via: 'dns',
    detail,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Checks every name, at most `concurrency` at a time; results come back in the input order. */
export async function checkDomains(domains: readonly string[], options: CheckDomainsOptions): Promise<DnsResult[]> {
  const resolver = options.resolver ?? createNameResolver(options);
  const results: DnsResult[] = new Array(domains.length);
  let next = 0;
  const worker = async () => {
    while (next < domains.length) {
      const index = next++;
      results[index] = await checkOne(resolver, domains[index], options);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(options.concurrency), domains.length));
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    // A resolver made here has kept-alive DoH connections of its own: closed with the check.
    if (!options.resolver) resolver.close?.();
  }
  return results;
}

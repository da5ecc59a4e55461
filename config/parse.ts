/**
 * Turns the text of phenix.yaml (and the environment) into a typed Config, or a ConfigError that
 * lists every problem of the file at once with its path (sites[2].domains[0]). No file access here:
 * the CLI reads the file and passes its text.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { normalizeHostname } from '../lib/hostname.ts';
import { envSourceOf, resolveEnvValues } from './env-values.ts';
import { ConfigError } from './errors.ts';
import { type Config, configSchema } from './schema.ts';

export interface ParseConfigOptions {
  /** Shown in messages: the file path, or "<inline>". */
  source?: string;
  /** The environment: DATABASE_URL wins over database.url; `{ env: NAME }` values are read from it (env-values.ts). */
  env?: Readonly<Record<string, string | undefined>>;
}

export function parseConfig(text: string, options: ParseConfigOptions = {}): Config {
  const source = options.source ?? '<inline>';
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      source,
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return `${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${e.message.split('\n')[0]} (the file is not valid YAML)`;
      }),
    );
  }
  const parsed = doc.contents === null ? {} : doc.toJS();
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(source, [
      'the file must be a mapping of sections (sites:, crawler:, ...), not a list or a single value',
    ]);
  }
  const where = (path: PropertyKey[]): string => {
    const node = doc.getIn(path as (string | number)[], true) as { range?: [number, number] } | undefined;
    const offset = node && typeof node === 'object' && 'range' in node && node.range ? node.range[0] : undefined;
    if (offset === undefined) return '';
    const { line } = lineCounter.linePos(offset);
    return ` (line ${line})`;
  };
  const resolved = resolveEnvValues(parsed, options.env ?? {});
  const raw = resolved.value;
  const envName = (path: PropertyKey[]) => envSourceOf(resolved.fromEnv, path);
  const result = configSchema.safeParse(raw);
  const problems = resolved.problems.map((p) => `${formatPath(p.path)}${where(p.path)}: ${p.message}`);
  if (!result.success)
    problems.push(
      ...result.error.issues
        .filter((issue) => !resolved.problems.some((p) => formatPath(p.path) === formatPath(issue.path)))
        .map((issue) => describeIssue(issue, raw, where, envName)),
    );
  problems.push(...crossChecks((raw as { sites?: unknown }).sites, where));
  problems.push(...proxyChecks(raw as Record<string, unknown>, where));
  if (!result.success || problems.length > 0) throw new ConfigError(source, problems);
  const config = result.data;
  const envUrl = options.env?.DATABASE_URL;
  if (envUrl) config.database.url = envUrl;
  return config;
}

export function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}

function describeIssue(
  issue: z.core.$ZodIssue,
  raw: unknown,
  where: (p: PropertyKey[]) => string,
  envName: (p: PropertyKey[]) => string | undefined,
): string {
  const path = issue.path;
  const at = formatPath(path);
  const got = valueAt(raw, path);
  // A value from the environment is a secret as often as not: it is named, never shown.
  const variable = envName(path);
  const show = (value: unknown) => (variable ? `the value of ${variable}` : shown(value));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      const known = knownKeys(path);
      return `${at}${where([...path, issue.keys[0]])}: unknown key ${keys}${known ? `; allowed keys are ${known}` : ''}`;
    }
    case 'invalid_type':
      if (got === undefined) return `${at}${where(path.slice(0, -1))}: is missing; it is required`;
      return `${at}${where(path)}: expected ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, got ${show(got)}`;
    case 'invalid_value':
      return `${at}${where(path)}: ${show(got)} is not allowed; expected one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_key':
      // A record key (hostMap name) was refused: say why, about the key rather than its value.
      return `${at}${where(path)}: "${String(path[path.length - 1])}" ${issue.issues[0]?.message ?? 'is not allowed here'}`;
    case 'custom':
      return `${at}${where(path)}: ${issue.message.startsWith('is ') ? `${show(got)} ` : ''}${issue.message}`;
    default:
      return `${at}${where(path)}: ${show(got)} ${issue.message.replace(/^Invalid input: /, '')}`;
  }
}

function knownKeys(path: PropertyKey[]): string | null {
  let schema: unknown = configSchema;
  for (const part of path) {
    schema = unwrap(schema);
    const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (!def) return null;
    if (def.type === 'array' && typeof part === 'number') schema = def.element;
    else if (def.type === 'object' && def.shape && typeof part === 'string') schema = def.shape[part];
    else return null;
  }
  const def = (unwrap(schema) as { def?: { shape?: Record<string, unknown> } }).def;
  return def?.shape ? Object.keys(def.shape).join(', ') : null;
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { type?: string; innerType?: unknown; in?: unknown } };
  while (s?.def && (s.def.type === 'default' || s.def.type === 'optional' || s.def.type === 'pipe')) {
    s = (s.def.type === 'pipe' ? s.def.in : s.def.innerType) as typeof s;
  }
  return s;
}

/** Checks across entries (unique names, a domain under one site only), on the raw input so they are reported with the rest. */
function crossChecks(rawSites: unknown, where: (p: PropertyKey[]) => string): string[] {
  const problems: string[] = [];
  if (!Array.isArray(rawSites)) return problems;
  const names = new Map<string, number>();
  const domains = new Map<string, { site: number; name: string }>();
  rawSites.forEach((site: unknown, i) => {
    if (site === null || typeof site !== 'object') return;
    const { name, domains: list } = site as { name?: unknown; domains?: unknown };
    const label = typeof name === 'string' ? `site "${name}"` : `sites[${i}]`;
    if (typeof name === 'string') {
      const first = names.get(name);
      if (first !== undefined) {
        problems.push(
          `sites[${i}].name${where(['sites', i, 'name'])}: "${name}" is already the name of sites[${first}]; site names must be unique`,
        );
      } else names.set(name, i);
    }
    if (!Array.isArray(list)) return;
    list.forEach((value: unknown, j) => {
      if (typeof value !== 'string') return;
      const normalized = normalizeHostname(value);
      if (!normalized.ok) return;
      const owner = domains.get(normalized.hostname);
      const at = `sites[${i}].domains[${j}]${where(['sites', i, 'domains', j])}`;
      if (owner === undefined) domains.set(normalized.hostname, { site: i, name: label });
      else if (owner.site === i) problems.push(`${at}: "${normalized.hostname}" is listed twice in this site`);
      else
        problems.push(
          `${at}: "${normalized.hostname}" is already listed under ${owner.name}; a domain belongs to one site only`,
        );
    });
  });
  return problems;
}

/**
 * With an upstream proxy, the unit hides where it crawls from; DNS checks of suspects' names must hide too, so they
 * need a DNS-over-HTTPS endpoint reached through that proxy (the unit's own resolver would otherwise be asked).
 */
function proxyChecks(raw: Record<string, unknown>, where: (p: PropertyKey[]) => string): string[] {
  const crawler = raw.crawler as { proxyUrl?: unknown } | undefined;
  const dns = raw.dns as { dohUrl?: unknown } | undefined;
  // An invalid proxyUrl is reported by the schema already.
  if (typeof crawler?.proxyUrl !== 'string' || !/^(https?|socks[45]h?):\/\/\S+$/.test(crawler.proxyUrl)) return [];
  if (dns?.dohUrl !== undefined) return [];
  return [
    `crawler.proxyUrl${where(['crawler', 'proxyUrl'])}: is set but dns.dohUrl is not; DNS checks of suspects' domains ` +
      "would then go to this machine's own resolver. Add dns.dohUrl (a DNS-over-HTTPS URL such as " +
      'https://dns.quad9.net/dns-query), reached through the proxy',
  ];
}

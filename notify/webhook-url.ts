/**
 * Webhook URLs are secrets: the path often is the receiver's key (chat services put it there) and a URL may carry
 * `user:password@`. Outside the config they are named by a key — `webhook#<first 8 hex of SHA-256 of the URL>
 * (<host>)` — in delivery rows, logs, `phenix notify status` and error text; the URL itself appears nowhere else.
 * The same key is computed in SQL by migration 0011 for rows written before.
 */
import { createHash } from 'node:crypto';

/** Scheme, optional userinfo, then the host (with its port) as written. */
const HOST = /^https?:\/\/(?:[^@/?#]*@)?([^/?#]+)/i;

export function webhookKey(url: string): string {
  const digest = createHash('sha256').update(url, 'utf8').digest('hex').slice(0, 8);
  return `webhook#${digest} (${HOST.exec(url)?.[1] ?? '?'})`;
}

export interface WebhookRequest {
  /** The URL without its userinfo (what fetch is given). */
  url: string;
  /** Basic credentials from the URL's userinfo, sent as a header (fetch refuses URLs that carry them). */
  authorization?: string;
}

export function webhookRequest(raw: string): WebhookRequest {
  const u = new URL(raw);
  if (!u.username && !u.password) return { url: raw };
  const credentials = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
  u.username = '';
  u.password = '';
  return { url: u.toString(), authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` };
}

/** Error text with every form of the URL (whole, without userinfo, its path and query, its userinfo) replaced by the key. */
export function scrubWebhookUrl(text: string, raw: string): string {
  const key = webhookKey(raw);
  const forms = new Set<string>([raw]);
  try {
    const u = new URL(raw);
    forms.add(webhookRequest(raw).url);
    if (u.pathname.length > 1 || u.search) forms.add(`${u.pathname}${u.search}`);
    if (u.username) forms.add(u.username);
    if (u.password) forms.add(u.password);
    for (const f of [...forms]) forms.add(encodeURI(f));
  } catch {
    // an unparsable URL is replaced whole
  }
  let out = text;
  for (const form of [...forms].filter((f) => f.length >= 3).sort((a, b) => b.length - a.length)) {
    out = out.split(form).join(key);
  }
  return out;
}

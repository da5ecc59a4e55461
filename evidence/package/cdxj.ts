/**
 * The CDXJ index of a WACZ (one line per response/resource record: SURT key, 14-digit timestamp, JSON with
 * url, mime, status, digest, offset, length, filename), as pywb and replayweb.page read it. Built from the WARC
 * itself, so verify can rebuild it and demand the same bytes.
 */
import { splitHttpBlock, type WarcRecord } from '../../lib/warc.ts';

/** Sort-friendly URL key: `http://www.Example.test:80/a?b` → `test,example)/a?b` (host reversed, www dropped). */
export function surt(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.toLowerCase();
  }
  if (!/^https?:$/.test(u.protocol)) return url.toLowerCase();
  const host = u.hostname
    .replace(/^www\d*\./, '')
    .split('.')
    .reverse()
    .join(',');
  const port = u.port ? `:${u.port}` : '';
  return `${host}${port})${u.pathname}${u.search}`.toLowerCase();
}

function timestamp14(warcDate: string): string {
  return warcDate
    .replace(/[^0-9]/g, '')
    .slice(0, 14)
    .padEnd(14, '0');
}

/**
 * `withRequests`: packages of Phénix 0.x also indexed request records; replay tools (wabac, pywb) then find the
 * request under the page's URL and time instead of the response ("Archived Page Not Found"). Packages are now
 * indexed as py-wacz and cdxj-indexer do (responses and resources); verify accepts either form.
 */
export function buildCdxj(records: WarcRecord[], filename: string, withRequests = false): string {
  const lines: string[] = [];
  for (const r of records) {
    const type = r.headers['WARC-Type'];
    const url = r.headers['WARC-Target-URI'];
    const indexed = type === 'response' || type === 'resource' || (withRequests && type === 'request');
    if (!url || !indexed) continue;
    const entry: Record<string, string | number> = { url };
    if (type === 'response') {
      const http = splitHttpBlock(r.block);
      const status = /^HTTP\/\S+\s+(\d{3})/.exec(http?.head ?? '')?.[1];
      const mime = /^content-type:\s*([^;\r\n]+)/im.exec(http?.head ?? '')?.[1];
      entry.mime = mime?.trim() ?? 'unk';
      if (status) entry.status = status;
    } else if (type === 'request') {
      entry.mime = 'unk';
      entry.method = /^(\S+)/.exec(r.block.toString('latin1', 0, 16))?.[1] ?? 'GET';
    } else {
      entry.mime = r.headers['Content-Type'] ?? 'unk';
    }
    entry.digest = r.headers['WARC-Payload-Digest'] ?? r.headers['WARC-Block-Digest'] ?? '';
    entry.length = r.length;
    entry.offset = r.offset;
    entry.filename = filename;
    if (type === 'request') entry.recordType = 'request';
    lines.push(`${surt(url)} ${timestamp14(r.headers['WARC-Date'] ?? '')} ${JSON.stringify(entry)}`);
  }
  // Byte order (not locale order), as the CDXJ readers binary-search.
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

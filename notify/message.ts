/**
 * What a notification says, for each event: a JSON body for webhooks and a plain-text e-mail. Both carry the
 * names, the score, the explanation and a link to the review page; never captured content (no page text, no
 * screenshot), which stays in the evidence store behind the review page's login.
 */
import type { NotifyEvent } from '../db/index.ts';

export interface Notice {
  /** Outbox id: the same event retried keeps it, so a receiver can drop duplicates. */
  id: number;
  event: NotifyEvent;
  createdAt: Date;
  payload: Record<string, unknown>;
}

export interface WebhookBody {
  id: number;
  event: NotifyEvent;
  createdAt: string;
  link: string | null;
  [key: string]: unknown;
}

export function linkOf(notice: Notice, publicUrl: string | undefined): string | null {
  if (!publicUrl) return null;
  const base = publicUrl.replace(/\/+$/, '');
  const p = notice.payload;
  if (notice.event === 'alert.created' || notice.event === 'alert.reopened')
    return `${base}/alerts/${Number(p.alertId)}`;
  if (notice.event === 'cycle.failed') return `${base}/cycles/${encodeURIComponent(String(p.cycleId))}`;
  return `${base}/alerts`;
}

export function webhookBody(notice: Notice, publicUrl: string | undefined): string {
  const body: WebhookBody = {
    ...notice.payload,
    id: notice.id,
    event: notice.event,
    createdAt: notice.createdAt.toISOString(),
    link: linkOf(notice, publicUrl),
  };
  return JSON.stringify(body);
}

/** Header values come from the database (site names, hostnames): one line each, whatever they hold. */
const oneLine = (value: unknown) =>
  String(value ?? '')
    .replace(/[\r\n\t]+/g, ' ')
    .slice(0, 200);

export function emailMessage(notice: Notice, publicUrl: string | undefined): { subject: string; text: string } {
  const p = notice.payload;
  const link = linkOf(notice, publicUrl);
  const linkLine = link
    ? `Open it in the review page: ${link}`
    : 'Open the review page to see it (set review.publicUrl in phenix.yaml to get a link here).';
  if (notice.event === 'alert.created' || notice.event === 'alert.reopened') {
    const what = notice.event === 'alert.created' ? 'New clone alert' : 'Clone alert reopened';
    const explanation = Array.isArray(p.explanation) ? p.explanation.map((line) => `  - ${oneLine(line)}`) : [];
    return {
      subject: `[Phénix] ${what} #${oneLine(p.alertId)}: ${oneLine(p.candidate)} looks like ${oneLine(p.site)}`,
      text: [
        `${what} #${oneLine(p.alertId)}${notice.event === 'alert.reopened' ? ' (the evidence became materially stronger since it was dismissed)' : ''}.`,
        '',
        `Monitored site: ${oneLine(p.site)} (case ${oneLine(p.caseRef)})`,
        `Candidate domain: ${oneLine(p.candidate)}`,
        `Verdict: ${oneLine(p.verdict)}, score ${Number(p.score).toFixed(2)}`,
        '',
        'Why:',
        ...explanation,
        '',
        linkLine,
        '',
        'This message holds no captured content; the evidence is in the review page.',
      ].join('\n'),
    };
  }
  if (notice.event === 'cycle.failed') {
    return {
      subject: `[Phénix] Monitoring cycle failed (${oneLine(p.scope)})`,
      text: [
        `A monitoring cycle failed: ${oneLine(p.cycleId)} (${oneLine(p.scope)}, started by ${oneLine(p.origin) || 'unknown'}).`,
        `Started ${oneLine(p.startedAt)}, failed ${oneLine(p.failedAt)}.`,
        `Error: ${oneLine(p.error)}`,
        '',
        'The next scheduled cycle runs as planned; crawls cut short resume there.',
        linkLine,
      ].join('\n'),
    };
  }
  return {
    subject: '[Phénix] Test notification',
    text: [
      `Test message from Phénix (${oneLine(p.by) || 'phenix notify test'}), sent ${notice.createdAt.toISOString()}.`,
      'If you read this, alerts and failed cycles will reach you here.',
      linkLine,
    ].join('\n'),
  };
}

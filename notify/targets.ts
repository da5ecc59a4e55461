/**
 * The configured targets (webhooks, the e-mail recipients), each able to send one notice. A target's key is
 * stable across restarts, so a delivery row stays tied to it; secrets are not in it: a webhook is keyed by a hash
 * of its URL and its host (webhook-url.ts), never by the URL.
 */
import nodemailer from 'nodemailer';
import type { NotifyConfig } from '../config/index.ts';
import type { NotifyEvent } from '../db/index.ts';
import { emailMessage, type Notice, webhookBody } from './message.ts';
import { SIGNATURE_HEADER, signBody } from './sign.ts';
import { scrubWebhookUrl, webhookKey, webhookRequest } from './webhook-url.ts';

export interface SendResult {
  ok: boolean;
  detail: string;
  /** false: trying again cannot help (e.g. the receiver refuses the request as malformed or unauthorised). */
  retryable: boolean;
}

export interface Target {
  key: string;
  wants(event: NotifyEvent): boolean;
  send(notice: Notice, deliveryId: number): Promise<SendResult>;
  close(): void;
}

export interface TargetOptions {
  publicUrl?: string;
  timeoutMs: number;
}

export function targetsFromConfig(config: NotifyConfig, options: TargetOptions): Target[] {
  const targets: Target[] = config.webhooks.map((w) => webhookTarget(w, options));
  if (config.email) targets.push(emailTarget(config.email, options));
  return targets;
}

/** The test message goes to every target whatever its `events` list says. */
function wants(events: readonly NotifyEvent[] | undefined) {
  return (event: NotifyEvent) => event === 'test' || !events || events.includes(event);
}

function webhookTarget(w: NotifyConfig['webhooks'][number], options: TargetOptions): Target {
  const request = webhookRequest(w.url);
  return {
    key: webhookKey(w.url),
    wants: wants(w.events),
    close: () => {},
    send: async (notice, deliveryId) => {
      const body = webhookBody(notice, options.publicUrl);
      try {
        const response = await fetch(request.url, {
          method: 'POST',
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs),
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'Phenix-Notify/1',
            'X-Phenix-Event': notice.event,
            'X-Phenix-Delivery': String(deliveryId),
            [SIGNATURE_HEADER]: signBody(w.secret, body),
            ...(request.authorization ? { Authorization: request.authorization } : {}),
          },
        });
        await response.body?.cancel().catch(() => {});
        const ok = response.status >= 200 && response.status < 300;
        const retryable = !ok && (response.status >= 500 || response.status === 408 || response.status === 429);
        return { ok, detail: `HTTP ${response.status}`, retryable: ok || retryable };
      } catch (error) {
        return { ok: false, detail: scrubWebhookUrl(describeSendError(error), w.url), retryable: true };
      }
    },
  };
}

function emailTarget(e: NonNullable<NotifyConfig['email']>, options: TargetOptions): Target {
  const transport = nodemailer.createTransport({
    host: e.host,
    port: e.port,
    secure: e.secure,
    // STARTTLS is required unless the config says `tls: none`: without it the credentials would go out in clear.
    requireTLS: e.tls !== 'none',
    auth: e.user ? { user: e.user, pass: e.password ?? '' } : undefined,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    key: `email:${[...e.to].sort().join(',')}`,
    wants: wants(e.events),
    close: () => transport.close(),
    send: async (notice) => {
      const { subject, text } = emailMessage(notice, options.publicUrl);
      try {
        const info = await transport.sendMail({
          from: e.from,
          to: e.to,
          subject,
          text,
          headers: { 'X-Phenix-Event': notice.event },
        });
        const refused = info.rejected?.length ?? 0;
        if (refused > 0) return { ok: false, detail: `refused recipients: ${refused}`, retryable: false };
        return { ok: true, detail: oneLine(info.response ?? 'accepted'), retryable: true };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (isMissingStarttls(error, e)) {
          return {
            ok: false,
            detail: `the mail server ${e.host}:${e.port} offers no STARTTLS, so nothing was sent (the password and the mail would have gone out in clear); enable TLS on the server, use secure: true on port 465, or, for a relay on a trusted link only, set notify.email.tls: none`,
            retryable: true,
          };
        }
        // 5xx SMTP answers are permanent (unknown mailbox, refused sender); the rest may pass later.
        return { ok: false, detail: describeSendError(error), retryable: !(code && code >= 500) };
      }
    },
  };
}

/** nodemailer's refusal when `requireTLS` is set and the server's EHLO lists no STARTTLS. */
function isMissingStarttls(error: unknown, e: NonNullable<NotifyConfig['email']>): boolean {
  const err = error as { code?: string; message?: string };
  return !e.secure && e.tls !== 'none' && err.code === 'ETLS' && /STARTTLS/i.test(err.message ?? '');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function describeSendError(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'timed out';
  const cause = e.cause?.code ?? e.cause?.message;
  return oneLine(`${e.message ?? String(error)}${cause ? ` (${cause})` : ''}`);
}

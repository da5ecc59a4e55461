/**
 * A clone alert produced by a real cycle (demo universe, Postgres) reaches a local SMTP server and a local webhook
 * receiver that checks the signature; failures are retried and every attempt recorded.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import {
  enqueueNotification,
  listAlerts,
  listDeliveries,
  pendingNotificationCount,
  syncSites,
} from '../../../db/index.ts';
import { type RunningUniverse, startUniverse } from '../../../demo/index.ts';
import { type MonitorContext, runCycle, siteSpecsFromConfig } from '../../../monitor/index.ts';
import { createNotifier, enqueueTestNotification } from '../../../notify/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';
import { demoContext, expectedPairs, importDemoSnapshots } from '../../helpers/monitor.ts';
import {
  mailText,
  type SmtpReceiver,
  startSmtpReceiver,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../helpers/notify-receivers.ts';

const SECRET = 'a-shared-secret-of-the-test-unit';
const silent = pino({ level: 'silent' });

function notifyConfig(hook: WebhookReceiver, smtp: SmtpReceiver, extra = '') {
  return parseConfig(`
notify:
  retrySeconds: 1
  maxAttempts: 3
  webhooks:
    - url: ${hook.url}
      secret: ${SECRET}
  email:
    host: 127.0.0.1
    port: ${smtp.port}
    tls: none
    from: phenix@unit.example
    to: [analysts@unit.example]
${extra}
review:
  publicUrl: https://phenix.unit.example/
`);
}

describe('notifications of a cycle (Postgres, demo universe)', () => {
  let universe: RunningUniverse;
  let t: TestDatabase;
  let ctx: MonitorContext;
  let hook: WebhookReceiver;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    [universe, t, hook, smtp] = await Promise.all([
      startUniverse(),
      createTestDatabase('postgres'),
      startWebhookReceiver(SECRET),
      startSmtpReceiver(),
    ]);
    ctx = demoContext(t.handle.db, universe);
    await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
    await importDemoSnapshots(ctx, universe);
  });
  afterAll(async () => {
    await Promise.all([t?.drop(), universe?.close(), hook?.close(), smtp?.close()]);
  });

  it('sends each new clone alert, signed, to the webhook and by e-mail with the explanation and a link', async () => {
    await runCycle(ctx, { origin: 'test' });
    const alerts = await listAlerts(ctx.db, { verdict: 'clone' }); // related alerts wait in the queue, unnotified
    expect(alerts.length).toBe(expectedPairs(universe).length);
    // The cycle wrote the events; nothing was sent while it ran.
    expect(hook.received).toHaveLength(0);
    expect(await pendingNotificationCount(ctx.db)).toBe(alerts.length);

    const config = notifyConfig(hook, smtp);
    const notifier = createNotifier({
      db: ctx.db,
      config: config.notify,
      publicUrl: config.review.publicUrl,
      logger: silent,
    });
    const { pending } = await notifier.drain(20_000);
    await notifier.stop();
    expect(pending).toBe(0);

    expect(hook.received).toHaveLength(alerts.length);
    expect(hook.received.every((r) => r.signatureValid)).toBe(true);
    const ids = hook.received.map((r) => r.json.alertId).sort();
    expect(ids).toEqual(alerts.map((a) => a.id).sort());
    const first = hook.received.find((r) => r.json.alertId === alerts[0].id)!;
    expect(first.json).toMatchObject({
      event: 'alert.created',
      site: alerts[0].site,
      candidate: alerts[0].candidate,
      caseRef: expect.any(String),
      link: `https://phenix.unit.example/alerts/${alerts[0].id}`,
    });
    expect((first.json.explanation as string[]).length).toBeGreaterThan(0);
    expect(first.headers['x-phenix-event']).toBe('alert.created');

    expect(smtp.mails).toHaveLength(alerts.length);
    const mail = smtp.mails.map((m) => mailText(m.raw)).find((text) => text.includes(`#${alerts[0].id}.`))!;
    expect(mail).toContain(`Candidate domain: ${alerts[0].candidate}`);
    expect(mail).toContain(`https://phenix.unit.example/alerts/${alerts[0].id}`);
    expect(mail).toContain((first.json.explanation as string[])[0].slice(0, 30));
    expect(smtp.mails[0].to).toEqual(['analysts@unit.example']);
    // Never captured content: no HTML, no attachment.
    expect(smtp.mails.every((m) => !/Content-Type: (text\/html|image|multipart)/i.test(m.raw))).toBe(true);

    const deliveries = await listDeliveries(ctx.db, { limit: 100 });
    expect(deliveries.filter((d) => d.event === 'alert.created')).toHaveLength(alerts.length * 2);
    expect(deliveries.every((d) => d.status === 'delivered' && d.attempts === 1 && d.attemptLog.length === 1)).toBe(
      true,
    );
  });

  it('a second cycle finding the same clones sends nothing new', async () => {
    const before = hook.received.length;
    await runCycle(ctx, { origin: 'test' });
    expect(await pendingNotificationCount(ctx.db)).toBe(0);
    expect(hook.received.length).toBe(before);
  });

  it('retries a failing receiver with backoff, records every attempt, and gives up after maxAttempts', async () => {
    const config = notifyConfig(hook, smtp, '');
    let shift = 0;
    const notifier = createNotifier({
      db: ctx.db,
      config: { ...config.notify, email: undefined },
      logger: silent,
      now: () => new Date(Date.now() + shift),
    });
    const before = hook.received.length;
    await enqueueNotification(ctx.db, 'cycle.failed', { cycleId: 'c-1', scope: 'all', error: 'database restarted' });
    hook.failNext(1, 503);
    expect(await notifier.tick()).toMatchObject({ fannedOut: 1, attempted: 1, failed: 1 });
    expect(await notifier.tick()).toMatchObject({ attempted: 0 }); // not due yet: the delay is ~1 s
    shift = 5_000;
    expect(await notifier.tick()).toMatchObject({ attempted: 1, delivered: 1 });
    expect(hook.received.length).toBe(before + 1);
    expect(hook.received.at(-1)?.json).toMatchObject({ event: 'cycle.failed', cycleId: 'c-1' });

    await enqueueNotification(ctx.db, 'cycle.failed', { cycleId: 'c-2', scope: 'all', error: 'x' });
    hook.failNext(10, 500);
    for (let i = 0; i < 4; i++) {
      await notifier.tick();
      shift += 60_000;
    }
    await notifier.stop();
    const [gaveUp] = await listDeliveries(ctx.db, { limit: 1 });
    expect(gaveUp).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 500' });
    expect(gaveUp.attemptLog.map((a) => a.ok)).toEqual([false, false, false]);
  });

  it('a receiver that refuses the request (4xx) is not retried', async () => {
    const config = notifyConfig(hook, smtp);
    const notifier = createNotifier({ db: ctx.db, config: { ...config.notify, email: undefined }, logger: silent });
    await enqueueTestNotification(ctx.db, 'test');
    hook.failNext(1, 400);
    await notifier.tick();
    await notifier.stop();
    const [refused] = await listDeliveries(ctx.db, { limit: 1 });
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 400' });
  });

  it('webhooks receive only the events they list', async () => {
    const config = notifyConfig(hook, smtp);
    const notifier = createNotifier({
      db: ctx.db,
      config: {
        ...config.notify,
        email: undefined,
        webhooks: [{ ...config.notify.webhooks[0], events: ['cycle.failed'] }],
      },
      logger: silent,
    });
    const before = hook.received.length;
    await enqueueNotification(ctx.db, 'alert.created', { alertId: 1 });
    await notifier.drain(5000);
    await notifier.stop();
    expect(hook.received.length).toBe(before);
  });
});

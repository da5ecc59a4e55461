/**
 * Issue 19.8, end to end: webhook URLs (with `user:password@` and a key in the path) never reach a log line, a
 * delivery row, an attempt's error text or `phenix notify status`; deliveries are keyed `webhook#<hash> (<host>)`.
 * A URL with credentials now works: they are sent as an Authorization header, not left in the URL for fetch to
 * refuse.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import { enqueueNotification, listDeliveries } from '../../../db/index.ts';
import { createNotifier, webhookKey } from '../../../notify/index.ts';
import { runPhenixHere } from '../../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/notify-receivers.ts';

const SECRET = 'a-shared-secret-of-the-test-unit';
const SECRETS = ['hookuser', 'pa55-w0rd', 'k3y-in-path', 'dead-key'];

describe('webhook URLs are redacted everywhere', () => {
  let t: TestDatabase;
  let hook: WebhookReceiver;
  let dir: string;
  let good: string;
  let dead: string;
  const logs: string[] = [];

  beforeAll(async () => {
    [t, hook] = await Promise.all([createTestDatabase('postgres'), startWebhookReceiver(SECRET)]);
    good = hook.url.replace('http://', 'http://hookuser:pa55-w0rd@').replace('/hooks/phenix', '/hooks/k3y-in-path');
    dead = 'http://hookuser:pa55-w0rd@127.0.0.1:9/hooks/dead-key';
    dir = mkdtempSync(join(tmpdir(), 'phenix-webhook-redaction-'));
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await Promise.all([t?.drop(), hook?.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('delivers with the credentials as a header, and names both targets by key only', async () => {
    const yaml = `notify:\n  maxAttempts: 1\n  webhooks:\n    - url: ${good}\n      secret: ${SECRET}\n    - url: ${dead}\n      secret: ${SECRET}\n`;
    const config = parseConfig(yaml);
    const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(line) });
    await enqueueNotification(t.handle.db, 'test', { by: 'test' });
    const notifier = createNotifier({ db: t.handle.db, config: config.notify, logger });
    expect(notifier.targets).toEqual([webhookKey(good), webhookKey(dead)]);
    await notifier.tick();
    await notifier.stop();

    expect(hook.received).toHaveLength(1);
    expect(hook.received[0].signatureValid).toBe(true);
    expect(hook.received[0].headers.authorization).toBe(
      `Basic ${Buffer.from('hookuser:pa55-w0rd').toString('base64')}`,
    );
    const deliveries = await listDeliveries(t.handle.db, {});
    expect(deliveries.map((d) => d.target).sort()).toEqual([webhookKey(good), webhookKey(dead)].sort());
    expect(deliveries.find((d) => d.target === webhookKey(dead))?.status).toBe('failed');

    const tables = JSON.stringify(
      await t.handle.db.execute(
        sql`select d.target, d.last_error, a.detail from notification_deliveries d join notification_attempts a on a.delivery_id = d.id`,
      ),
    );
    for (const s of SECRETS) {
      expect(tables, s).not.toContain(s);
      expect(logs.join('\n'), s).not.toContain(s);
    }

    writeFileSync(join(dir, 'phenix.yaml'), `database:\n  url: ${t.url}\n${yaml}`);
    process.env.DATABASE_URL = t.url;
    const status = await runPhenixHere(['--config', join(dir, 'phenix.yaml'), 'notify', 'status']);
    expect(status.code, status.err).toBe(0);
    expect(status.out).toContain(webhookKey(dead));
    for (const s of SECRETS) expect(status.out + status.err, s).not.toContain(s);
  });
});

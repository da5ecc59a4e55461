/**
 * Issue 19.5, the reviewer's scenario: an SMTP server that offers no STARTTLS (or a network that strips it).
 * Before the fix nodemailer sent AUTH PLAIN with the password in clear and the send reported success. Now the
 * send fails with a plain explanation, the server sees no AUTH, and only an explicit `tls: none` sends in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import { targetsFromConfig } from '../../../notify/index.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../helpers/notify-receivers.ts';

const PASSWORD = 'smtp-password-of-the-unit-7f3a';

function emailTarget(port: number, extra = '') {
  const config = parseConfig(`
notify:
  email:
    host: 127.0.0.1
    port: ${port}
    user: phenix
    password: ${PASSWORD}
    from: phenix@unit.example
    to: [analysts@unit.example]
${extra}
`);
  const [target] = targetsFromConfig(config.notify, { timeoutMs: 5000 });
  return target;
}

const notice = { id: 1, event: 'test' as const, createdAt: new Date(), payload: {} };

describe('e-mail without STARTTLS', () => {
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it('refuses to send: no AUTH reaches the server, and the error says why and what to do', async () => {
    const target = emailTarget(smtp.port);
    try {
      const result = await target.send(notice, 1);
      expect(result.ok).toBe(false);
      expect(result.detail).toMatch(/offers no STARTTLS/);
      expect(result.detail).toMatch(/tls: none/);
      expect(result.detail).not.toContain(PASSWORD);
      expect(smtp.auths).toEqual([]);
      expect(smtp.mails).toEqual([]);
    } finally {
      target.close();
    }
  });

  it('sends in clear only when the config says tls: none', async () => {
    const target = emailTarget(smtp.port, '    tls: none');
    try {
      expect((await target.send(notice, 2)).ok).toBe(true);
      expect(smtp.auths).toEqual([{ username: 'phenix', password: PASSWORD }]);
    } finally {
      target.close();
    }
  });

  it('rejects any other value of tls with the path', () => {
    expect(() => emailTarget(smtp.port, '    tls: maybe')).toThrow(/notify\.email\.tls/);
  });
});

/**
 * Secrets from the environment: `{ env: NAME }` anywhere in phenix.yaml is read from the variable NAME; an unset or
 * empty variable is a problem naming the key, its line and the variable; a value from the environment is never
 * shown in a message; and the log redacts secret keys wherever they appear.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LOG_REDACTION } from '../../../cli/logger.ts';
import { ConfigError, parseConfig } from '../../../config/index.ts';

const SECRET = 'pas-de-secret-dans-le-fichier-0639980142';

const YAML = [
  'database:',
  '  url: { env: PHENIX_DATABASE_URL }',
  'crawler:',
  '  proxyUrl: { env: PHENIX_PROXY_URL }',
  'dns:',
  '  dohUrl: https://doh.example/dns-query',
  'notify:',
  '  webhooks:',
  '    - url: https://hooks.example/phenix',
  '      secret: { env: PHENIX_WEBHOOK_SECRET }',
  '  email:',
  '    host: smtp.example',
  '    from: phenix@unit.example',
  '    to: [permanence@unit.example]',
  '    user: phenix',
  '    password: { env: PHENIX_SMTP_PASSWORD }',
  '',
].join('\n');

const ENV = {
  PHENIX_DATABASE_URL: 'postgres://phenix:motdepasse@db.example/phenix',
  PHENIX_PROXY_URL: 'socks5h://agent:jeton@proxy.example:1080',
  PHENIX_WEBHOOK_SECRET: SECRET,
  PHENIX_SMTP_PASSWORD: 'mot-de-passe-smtp',
};

function problems(yaml: string, env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(yaml, { source: 'phenix.yaml', env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('values from the environment', () => {
  it('reads each { env: NAME } from its variable', () => {
    const config = parseConfig(YAML, { env: ENV });
    expect(config.database.url).toBe(ENV.PHENIX_DATABASE_URL);
    expect(config.crawler.proxyUrl).toBe(ENV.PHENIX_PROXY_URL);
    expect(config.notify.webhooks[0].secret).toBe(SECRET);
    expect(config.notify.email?.password).toBe(ENV.PHENIX_SMTP_PASSWORD);
  });

  it('names the key, its line and the variable when the variable is not set or empty', () => {
    const found = problems(YAML, { ...ENV, PHENIX_WEBHOOK_SECRET: undefined, PHENIX_SMTP_PASSWORD: '' });
    expect(found).toEqual([
      'notify.webhooks[0].secret (line 10): is to be read from the environment variable PHENIX_WEBHOOK_SECRET, which is not set. Set PHENIX_WEBHOOK_SECRET for the process (its service unit or shell), or write the value in the file',
      'notify.email.password (line 16): is to be read from the environment variable PHENIX_SMTP_PASSWORD, which is empty. Set PHENIX_SMTP_PASSWORD for the process (its service unit or shell), or write the value in the file',
    ]);
  });

  it('refuses a mapping that is not just { env: NAME }', () => {
    const found = problems(
      'notify:\n  webhooks:\n    - url: https://hooks.example/p\n      secret: { env: 12, x: 1 }\n',
      {},
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^notify\.webhooks\[0\]\.secret \(line 4\): a value read from the environment is written \{ env: NAME \}/,
    );
    expect(problems('database:\n  url: { env: "PHENIX DB" }\n', { 'PHENIX DB': 'x' })[0]).toMatch(
      /^database\.url \(line 2\): a value read from the environment/,
    );
  });

  it('checks a value from the environment like any other, without showing it', () => {
    const found = problems(YAML, {
      ...ENV,
      PHENIX_WEBHOOK_SECRET: 'court',
      PHENIX_PROXY_URL: 'ftp://agent:jeton@proxy',
    });
    expect(found).toContain(
      'notify.webhooks[0].secret (line 10): the value of PHENIX_WEBHOOK_SECRET must be at least 16 characters (a random key shared with the receiver)',
    );
    expect(found.join('\n')).toMatch(/crawler\.proxyUrl \(line 4\): the value of PHENIX_PROXY_URL/);
    expect(found.join('\n')).not.toMatch(/court|jeton/);
  });

  it('still lets DATABASE_URL win over database.url', () => {
    const config = parseConfig(YAML, { env: { ...ENV, DATABASE_URL: 'postgres://autre@db.example/phenix' } });
    expect(config.database.url).toBe('postgres://autre@db.example/phenix');
  });
});

describe('the log', () => {
  it('never writes a secret key, at the top or nested', () => {
    let written = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        written += chunk;
        done();
      },
    });
    // The redaction of cli/logger.ts, on a stream this test reads.
    const log = pino({ redact: LOG_REDACTION }, sink);
    const config = parseConfig(YAML, { env: ENV });
    log.info({ notify: config.notify, crawler: config.crawler, secret: SECRET }, 'config');
    log.info({ target: { auth: { user: 'phenix', pass: ENV.PHENIX_SMTP_PASSWORD } } }, 'mailer');
    expect(written).toContain('[redacted]');
    for (const value of Object.values(ENV).filter((v) => !v.startsWith('postgres')))
      expect(written).not.toContain(value);
    expect(written).toContain('hooks.example');
  });
});

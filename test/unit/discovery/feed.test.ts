import { describe, expect, it } from 'vitest';
import { parseDomainFeed } from '../../../crawler/discovery/index.ts';

describe('parseDomainFeed', () => {
  const feed = [
    '# newly registered, 2026-11-28',
    '',
    'Annonces-Maison2.TEST.',
    'https://www.menage-pro.test/path#frag',
    '*.wild.test',
    'bad host.test',
    'foo_bar.test',
    'co.uk',
    'annonces-maison2.test   # again',
    'pâtisserie.fr',
    '127.0.0.1',
    'x.test:8080',
    'ab--cd.test',
    '  jardin.test  ',
  ].join('\r\n');
  const parsed = parseDomainFeed(feed);

  it('keeps good lines normalised (lowercase, IDN → punycode, trailing dot removed) and deduplicated', () => {
    expect(parsed.domains).toEqual([
      'annonces-maison2.test',
      'www.menage-pro.test',
      'wild.test',
      'xn--ptisserie-b2a.fr',
      'jardin.test',
    ]);
    expect(parsed.duplicates).toBe(1);
  });

  it('reports bad lines with their number and a plain message', () => {
    expect(parsed.errors.map((e) => [e.line, e.text])).toEqual([
      [6, 'bad host.test'],
      [7, 'foo_bar.test'],
      [8, 'co.uk'],
      [11, '127.0.0.1'],
      [12, 'x.test:8080'],
      [13, 'ab--cd.test'],
    ]);
    const message = (line: number) => parsed.errors.find((e) => e.line === line)?.message;
    expect(message(6)).toMatch(/contains a space/);
    expect(message(8)).toMatch(/public suffix/);
    expect(message(11)).toMatch(/IP address/);
    expect(message(12)).toMatch(/port/);
  });

  it('notes URLs reduced to their hostname and dropped wildcards', () => {
    expect(parsed.notes).toEqual([
      {
        line: 4,
        text: 'https://www.menage-pro.test/path#frag',
        message: 'URL reduced to its hostname www.menage-pro.test',
      },
      { line: 5, text: '*.wild.test', message: 'wildcard "*." dropped; kept wild.test' },
    ]);
  });

  it('handles an empty feed and a byte-order mark', () => {
    expect(parseDomainFeed('')).toEqual({ domains: [], errors: [], notes: [], duplicates: 0 });
    expect(parseDomainFeed('\uFEFFa-b.test\n').domains).toEqual(['a-b.test']);
  });
});

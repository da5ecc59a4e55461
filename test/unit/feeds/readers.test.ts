/**
 * Feed readers on small samples: master-file zones (RFC 1035 edge cases), AFNIC's open-data CSV, plain NRD lists,
 * the choice of format by file name, and the capped line splitter.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  createAfnicReader,
  createNrdReader,
  createZoneReader,
  type FeedEntry,
  type FeedLineReader,
  formatForFile,
} from '../../../feeds/index.ts';
import { readFeedLines } from '../../../feeds/line-reader.ts';
import { escapeControl, excerpt } from '../../../lib/safe-text.ts';

function read(reader: FeedLineReader, text: string) {
  const entries = text
    .split('\n')
    .map((line) => reader(line))
    .filter((e): e is NonNullable<FeedEntry> => e !== null);
  return {
    names: entries.flatMap((e) => (e.kind === 'name' ? [e.hostname] : [])),
    errors: entries.flatMap((e) => (e.kind === 'error' ? [e.message] : [])),
  };
}

describe('zone reader', () => {
  it('keeps delegations: $ORIGIN, relative names, @, blank owners, parentheses, comments and quotes', () => {
    const zone = [
      '$ORIGIN example.',
      '$TTL 86400',
      '@ IN SOA ns1.registry.example. hostmaster.registry.example. (',
      '      2026120601 ; serial ( not a parenthesis',
      '      7200 3600 1209600 3600 )',
      '@ 172800 IN NS ns1.registry.example.',
      '@ 172800 IN NS ns2.registry.example.',
      'plombier 3600 IN NS ns1.hebergeur.example.',
      '         3600 IN NS ns2.hebergeur.example.',
      'plombier IN DS 12345 8 2 ABCDEF',
      'jardinier.example. 172800 in ns ns1.jardin.example.',
      'ns1.jardin IN A 192.0.2.1',
      'notes IN TXT "a ; quoted ( text" ; with a comment',
      'menage IN 1h30m NS ( ns1.menage.example.',
      '   ns2.menage.example. )',
      'vitrier ; only a comment here',
      '$ORIGIN sub.example.',
      'couvreur NS ns.couvreur.example.',
      '$INCLUDE /etc/secret',
    ].join('\n');
    const { names, errors } = read(createZoneReader(), zone);
    expect(names).toEqual(['plombier.example', 'jardinier.example', 'menage.example', 'couvreur.sub.example']);
    expect(errors).toEqual(['$INCLUDE is not followed (only $ORIGIN and $TTL are)']);
  });

  it('reads ICANN CZDS lines (absolute names, no $ORIGIN) and leaves the apex and public suffixes out', () => {
    const zone = [
      'fr.\t86400\tin\tsoa\td.nic.fr. hostmaster.nic.fr. 2026120601 3600 1800 3600000 5400',
      'fr.\t172800\tin\tns\td.nic.fr.',
      'gouv.fr.\t172800\tin\tns\tns1.gouv.fr.',
      'menage-express.fr.\t3600\tin\tns\tns1.hebergeur.example.',
      'menage-express.fr.\t3600\tin\tns\tns2.hebergeur.example.',
      'xn--mnage-bsa.fr.\t3600\tin\tns\tns1.hebergeur.example.',
    ].join('\n');
    expect(read(createZoneReader(), zone)).toEqual({ names: ['menage-express.fr', 'xn--mnage-bsa.fr'], errors: [] });
  });

  it('refuses a relative name before any origin, and uses the origin it is given', () => {
    expect(read(createZoneReader(), 'plombier IN NS ns.example.').errors).toEqual([
      'a relative name before any $ORIGIN',
    ]);
    expect(read(createZoneReader({ origin: 'example' }), 'plombier IN NS ns.example.').names).toEqual([
      'plombier.example',
    ]);
  });
});

describe('AFNIC open data', () => {
  const header =
    '"Nom de domaine";"Pays BE";"Departement BE";"Ville BE";"Nom BE";"Sous domaine";"Type du titulaire";"Pays titulaire";"Departement titulaire";"Domaine IDN";"Date de création";"Date de retrait du WHOIS"';
  const row = (name: string, created: string, withdrawn = '') =>
    `"${name}";"FR";"75";"PARIS";"REGISTRAR";"";"PM";"FR";"75";"0";"${created}";"${withdrawn}"`;

  it('keeps live names by the column titles, skips withdrawn ones, filters by creation date', () => {
    const text = [
      header,
      row('plomberie-rapide.fr', '03/12/2026'),
      row('ancien.fr', '01/01/2010', '05/06/2020'),
      row('menage.fr', '15-06-2019'),
    ].join('\n');
    expect(read(createAfnicReader(), text).names).toEqual(['plomberie-rapide.fr', 'menage.fr']);
    expect(read(createAfnicReader({ since: '2026-12-01' }), text).names).toEqual(['plomberie-rapide.fr']);
  });

  it('reads Latin-1 accents and says plainly when the file is not AFNIC open data', async () => {
    const latin1 = Buffer.from(`${header}\n${row('ménage.fr', '03/12/2026')}\n`, 'latin1');
    const lines: string[] = [];
    for await (const l of readFeedLines(
      Readable.from([latin1]),
      { maxLineBytes: 4096, maxBytes: 1e6, maxNames: 10 },
      'x',
    ))
      if ('text' in l) lines.push(l.text);
    expect(read(createAfnicReader(), lines.join('\n')).names).toEqual(['xn--mnage-bsa.fr']);
    expect(read(createAfnicReader(), 'domain;date\nx.fr;2026').errors[0]).toMatch(/not AFNIC open data/);
  });
});

describe('NRD lists and format choice', () => {
  it('reads one domain a line with an optional date column and a header line', () => {
    const text =
      'domain,create_date\nplombier-paris.com,2026-12-05\njardin.net\t2026-12-05\n# comment\nnot a domain,2026';
    const { names, errors } = read(createNrdReader(), text);
    expect(names).toEqual(['plombier-paris.com', 'jardin.net']);
    expect(errors).toHaveLength(1);
  });

  it('picks the format by pattern, then extension', () => {
    expect(formatForFile('com.zone.gz')).toBe('zone');
    expect(formatForFile('202612_OPENDATA_A-NomsDeDomaineEnPointFr.csv')).toBe('afnic');
    expect(formatForFile('nrd-2026-12-05.csv')).toBe('nrd');
    expect(formatForFile('nrd.txt.gz')).toBe('text');
    expect(formatForFile('fr-daily.txt', { 'fr-*.txt': 'zone' })).toBe('zone');
  });
});

describe('capped lines and escaped excerpts', () => {
  it('skips an over-long line unread and escapes control characters in excerpts', async () => {
    const input = Readable.from([
      Buffer.from('court.example\n'),
      Buffer.alloc(10_000, 'a'),
      Buffer.from('\r\nfin.example'),
    ]);
    const got = [];
    for await (const l of readFeedLines(input, { maxLineBytes: 1000, maxBytes: 1e6, maxNames: 10 }, 'f')) got.push(l);
    expect(got).toEqual([{ text: 'court.example' }, { tooLong: 10_001 }, { text: 'fin.example' }]);
    expect(escapeControl('a\u0000b\u001b[2Jc\u202ed')).toBe('a\\x00b\\x1b[2Jc\\u202ed');
    expect(excerpt('x'.repeat(100))).toBe(`${'x'.repeat(40)}…`);
  });
});

/**
 * Property tests (fast-check) of the contact extractor's invariants: any formatting of a fiction number among the
 * supported separators, groupings, prefixes and digit forms extracts to the same E.164; characters that show nothing
 * never change what is extracted; prices, dates and times never yield a phone; hidden decoy digits inside a number
 * never join it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractContacts, extractPage } from '../../../detector/index.ts';
import { groupsOf } from '../../fixtures/contacts/obfuscation-pieces.ts';

const found = (text: string) =>
  extractContacts(text)
    .map((c) => `${c.kind}:${c.value}`)
    .sort();
const phones = (text: string) => extractContacts(text).filter((c) => c.kind === 'phone');

const SEPARATORS = [
  ' ',
  '.',
  '-',
  '/',
  ' / ',
  ' - ',
  '_',
  '·',
  '•',
  '\u00a0',
  '\u2009',
  '\u202f',
  '\u3000',
  '\u2007',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u2212',
  ' \u2013 ',
  '\uff0e',
  '\u2219',
];
const GROUPINGS = [[2, 2, 2, 2, 2], [3, 3, 4], [4, 2, 2, 2], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [10], [2, 4, 4]];
const INTL_GROUPINGS = [[1, 2, 2, 2, 2], [9], [1, 4, 4], [3, 3, 3]];
const PREFIXES = ['+33 ', '0033 ', '+33 (0)', '(33) ', '(+33) ', '0033 (0)'];
const DIGIT_BASES = [0x30, 0xff10, 0x1d7ce, 0x1d7d8, 0x1d7ec, 0x1d7f6, 0x0660, 0x06f0, 0x0966, 0x2080];
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff', '\u200e'];

const fictionNumber = fc.oneof(
  fc.integer({ min: 0, max: 9999 }).map((n) => `063998${String(n).padStart(4, '0')}`),
  fc.integer({ min: 0, max: 9999 }).map((n) => `019900${String(n).padStart(4, '0')}`),
);
const e164Of = (national: string) => `phone:+33${national.slice(1)}`;

const formatted = fc
  .record({
    national: fictionNumber,
    sep: fc.constantFrom(...SEPARATORS),
    grouping: fc.constantFrom(...GROUPINGS),
    intlGrouping: fc.constantFrom(...INTL_GROUPINGS),
    prefix: fc.option(fc.constantFrom(...PREFIXES), { freq: 3 }),
    base: fc.constantFrom(...DIGIT_BASES),
    lead: fc.constantFrom('Tél', 'Appelez le', 'Contact :', '☎', 'Joignable au'),
  })
  .map(({ national, sep, grouping, intlGrouping, prefix, base, lead }) => {
    const groups = prefix === null ? groupsOf(national, grouping) : groupsOf(national.slice(1), intlGrouping);
    const body = groups.join(sep).replace(/\d/g, (d) => String.fromCodePoint(base + Number(d)));
    return { national, text: `${lead} ${prefix ?? ''}${body}. Merci.` };
  });

function insertInvisibles(s: string, positions: number[], which: number[]): string {
  const chars = [...s];
  positions.forEach((p, i) => {
    const at = p % (chars.length + 1);
    chars.splice(at, 0, INVISIBLES[which[i] % INVISIBLES.length]);
  });
  return chars.join('');
}

describe('contact extraction invariants', () => {
  it('reads any supported formatting of a fiction number as its one E.164', () => {
    fc.assert(
      fc.property(formatted, ({ national, text }) => {
        expect(found(text)).toEqual([e164Of(national)]);
      }),
      { numRuns: 300 },
    );
  });

  it('never changes what it extracts when characters that show nothing are inserted', () => {
    const snippet = fc.oneof(
      formatted.map((f) => f.text),
      fc.constantFrom(
        'Écrire à jardin.nantes [at] boite [dot] test ou 06 39 98 01 23',
        'Mail : menage75@courriel.example, tél 01 99 00 12 34',
        'Tarif 1 250 € TTC, SIRET 812 345 678 00019, le 14/02/2026',
        'zéro six trente-neuf quatre-vingt-dix-huit zéro un vingt-trois',
        'Telegram : @plombier_express',
      ),
    );
    fc.assert(
      fc.property(
        snippet,
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        (text, positions, which) => {
          expect(found(insertInvisibles(text, positions, which))).toEqual(found(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never reads a phone in prices, dates or times, whatever their separators and digits', () => {
    const thousands = fc.constantFrom(' ', '\u00a0', '\u202f', '.');
    const dash = fc.constantFrom('-', '\u2010', '\u2013', '\u2014', '\u2212', '/', '.');
    const price = fc
      .tuple(
        fc.integer({ min: 1000, max: 99_999_999 }),
        thousands,
        fc.constantFrom(' €', '€', ' EUR', ',00 €', ' euros'),
      )
      .map(([n, sep, unit]) => `Prix : ${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep)}${unit}`);
    const date = fc
      .tuple(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1990, max: 2039 }),
        dash,
      )
      .map(([d, m, y, s]) =>
        [
          `le ${String(d).padStart(2, '0')}${s}${String(m).padStart(2, '0')}${s}${y}`,
          `le ${y}${s}${String(m).padStart(2, '0')}${s}${String(d).padStart(2, '0')}`,
        ].join(' et '),
      );
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 23 }), dash)
      .map(([h, m, h2, s]) => `de ${String(h).padStart(2, '0')}h${String(m).padStart(2, '0')} ${s} ${h2}h00`);
    const base = fc.constantFrom(0x30, 0xff10, 0x1d7ce, 0x0660);
    fc.assert(
      fc.property(fc.oneof(price, date, time), base, (text, b) => {
        const disguised = text.replace(/\d/g, (d) => String.fromCodePoint(b + Number(d)));
        expect(phones(disguised)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets hidden decoy digits join a number', () => {
    const hider = fc.constantFrom(
      (j: string) => `<span style="display:none">${j}</span>`,
      (j: string) => `<span hidden>${j}</span>`,
      (j: string) => `<b style="visibility: hidden">${j}</b>`,
      (j: string) => `<i class="zz">${j}</i>`,
    );
    fc.assert(
      fc.property(
        fictionNumber,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 10, max: 99 }),
        hider,
        (n, at, junk, hide) => {
          const groups = groupsOf(n, [2, 2, 2, 2, 2]);
          groups.splice(at, 0, hide(String(junk)));
          const html = `<style>.zz{display:none}</style><p>Tél ${groups.join(' ')}</p>`;
          const got = extractPage({ url: 'http://annonces.test/annonce/1', html }).contacts.filter(
            (c) => c.kind === 'phone',
          );
          expect(got.map((c) => c.value)).toEqual([`+33${n.slice(1)}`]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/**
 * The ad comparison claims only what the stored texts say: what is struck out is absent from the other ad, and each
 * side's spans put back together give that side's words (property-based, fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adWordsOf, compareAdTexts, containsRun, type Span } from '../../../review/diff.ts';
import { evidenceView } from '../../../review/pages/evidence-view.ts';

const words = (spans: Span[], kinds?: Span['kind'][]) =>
  spans.filter((s) => !kinds || kinds.includes(s.kind)).flatMap((s) => s.words);

// A small vocabulary so that random texts share words, runs and moved sentences often.
const VOCAB = ['Ménage', 'à', 'domicile', 'Inès', '06', '39', '98', '42', '08.', 'Prix', '20', '€', 'de', 'la', '!'];
const text = fc.array(fc.constantFrom(...VOCAB), { maxLength: 40 }).map((ws) => ws.join(' '));

describe('compareAdTexts', () => {
  it('on whole texts, a banner before the same ad is the only difference (issue 20)', () => {
    const ad =
      'Ménage et repassage à domicile Toulouse. Tarif : 20 euros l’heure. Contactez Inès au 06 39 98 42 08. Disponible du lundi au vendredi.';
    const c = compareAdTexts({ text: ad }, { text: `Nous avons déménagé ! Notre nouvelle adresse : x.test — ${ad}` });
    expect(c.sharedWords).toBe(c.referenceWords);
    expect(c.reference).toEqual([{ kind: 'same', words: ad.split(' ') }]);
    expect(c.candidate[0]).toEqual({
      kind: 'changed',
      words: 'Nous avons déménagé ! Notre nouvelle adresse : x.test —'.split(' '),
    });
  });

  it('marks a moved sentence as elsewhere, never as removed', () => {
    const c = compareAdTexts({ text: 'a b c d e. f g h' }, { text: 'f g h a b c d e.' });
    for (const s of [...c.reference, ...c.candidate]) expect(s.kind).not.toBe('changed');
    expect(c.sharedWords).toBe(5);
  });

  it('does not claim missing what lies past the end of the other side’s excerpt', () => {
    const long = Array.from({ length: 120 }, (_, i) => `mot${i}`).join(' ');
    const excerpt = `${'x'.repeat(10)} ${long}`.slice(0, 600);
    const legacy = `${excerpt}…`;
    expect(adWordsOf({ text: legacy }).cut).toBe(true);
    const c = compareAdTexts({ text: long }, { text: legacy });
    const tail = c.reference[c.reference.length - 1];
    expect(tail.kind).toBe('uncompared');
    expect(words(c.reference, ['changed'])).toEqual([]);
    // The word the ellipsis cut short is not a word of the ad.
    expect(words(c.candidate).at(-1)).not.toMatch(/…$/);
  });

  it('says how many words are shared on the page', () => {
    const page = evidenceView([
      {
        kind: 'near-identical-ad',
        distance: 0,
        reference: { id: '/a/1', url: 'http://a.test/a/1', text: 'Plombier à Lyon, appelez le 06 39 98 42 08' },
        candidate: { id: '/a/1', url: 'http://b.test/a/1', text: 'Plombier à Lyon, appelez le 06 39 98 42 09' },
      },
    ]).toString();
    expect(page).toContain('9 of 10 words shared');
    expect(page).toContain('<del>08</del>');
    expect(page).toContain('<ins>09</ins>');
  });

  it('property: each side’s spans give back its words, in order', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const c = compareAdTexts({ text: a }, { text: b });
        expect(words(c.reference)).toEqual(adWordsOf({ text: a }).words);
        expect(words(c.candidate)).toEqual(adWordsOf({ text: b }).words);
        expect(words(c.reference, ['same'])).toEqual(words(c.candidate, ['same']));
        expect(c.sharedWords).toBe(words(c.reference, ['same']).length);
      }),
      { numRuns: 500 },
    );
  });

  it('property: a span marked changed is absent from the other text as a run of words, anywhere', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, cutB) => {
        const c = compareAdTexts({ text: a }, { text: b, cut: cutB });
        const wa = adWordsOf({ text: a }).words;
        const wb = adWordsOf({ text: b, cut: cutB }).words;
        for (const s of c.reference) if (s.kind === 'changed') expect(containsRun(wb, s.words)).toBe(false);
        for (const s of c.candidate) if (s.kind === 'changed') expect(containsRun(wa, s.words)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

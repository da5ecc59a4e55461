import { describe, expect, it } from 'vitest';
import { addHiddenClasses } from '../../../detector/extract/hidden-text.ts';
import { parseHtml } from '../../../detector/extract/parse-html.ts';
import { extractPage } from '../../../detector/index.ts';

const texts = (html: string) => parseHtml(html).blocks.map((b) => b.text);
const phones = (html: string, text?: string) =>
  extractPage({ url: 'http://annonces.test/annonce/1', html, text })
    .contacts.filter((c) => c.kind === 'phone')
    .map((c) => c.value);

describe('hidden and redrawn text in the HTML', () => {
  it('keeps hidden inline decoys out of the text and reads them apart', () => {
    const html = '<p>Tél 06 39 <span style="display:none">47</span>98 01 23</p>';
    expect(texts(html)).toEqual(['Tél 06 39 98 01 23']);
    expect(parseHtml(html).hiddenTexts).toEqual(['47']);
    expect(phones(html)).toEqual(['+33639980123']);
  });

  it('reads decoys drawn at no size or no opacity apart too, inline only', () => {
    for (const style of ['font-size:0', 'font-size: 0px !important', 'opacity:0', 'opacity: 0.0']) {
      const html = `<p>Tél 06 39 <span style="${style}">47</span>98 01 23</p>`;
      expect(texts(html), style).toEqual(['Tél 06 39 98 01 23']);
      expect(phones(html), style).toEqual(['+33639980123']);
      // The browser's innerText keeps a zero-size glyph: the HTML as shown still gives the one true number.
      expect(phones(html, 'Tél 06 39 4798 01 23'), style).toEqual(['+33639980123']);
    }
    const byClass = '<style>.k7{font-size:0}</style><p>Tél 06 39 <span class="k7">47</span>98 01 23</p>';
    expect(phones(byClass)).toEqual(['+33639980123']);
    expect(phones(byClass, 'Tél 06 39 4798 01 23')).toEqual(['+33639980123']);
    // On a block, font-size:0 is the gap-removal trick: its children set their own size and are read.
    const list = '<ul style="font-size:0"><li style="font-size:14px">Ménage 06 39 98 01 26</li></ul>';
    expect(texts(list)).toEqual(['Ménage 06 39 98 01 26']);
    expect(texts('<p>Repassage <span style="font-size:0.9em">soigné</span></p>')).toEqual(['Repassage soigné']);
  });

  it('still reads a hidden block as text (a page its scripts would reveal)', () => {
    const html = '<body style="display:none"><div hidden><p>Ménage à domicile, 06 39 98 01 24</p></div></body>';
    expect(texts(html)).toEqual(['Ménage à domicile, 06 39 98 01 24']);
    expect(phones(html)).toEqual(['+33639980124']);
  });

  it('reads a number hidden until a click as a contact, even when the visible text lacks it', () => {
    const html = '<p><button>Afficher le numéro</button><span hidden>06 39 98 01 25</span></p>';
    expect(phones(html, 'Afficher le numéro')).toEqual(['+33639980125']);
  });

  it('hides the classes of top-level style rules only, not those under a media query', () => {
    const hidden = new Map<string, 'hidden' | 'invisible'>();
    addHiddenClasses(
      '.zq{display:none} .a, .b { visibility : hidden !important } @media (max-width:600px){.m{display:none}} .c{color:red} .f{font-size:0} .g{font-size:0.8em}',
      hidden,
    );
    expect([...hidden].sort()).toEqual([
      ['a', 'hidden'],
      ['b', 'hidden'],
      ['f', 'invisible'],
      ['zq', 'hidden'],
    ]);
  });

  it('turns round text drawn right to left, for the blocks and for the capture path', () => {
    const html = '<p>Tél <span style="unicode-bidi:bidi-override; direction:rtl">32 10 89 93 60</span></p>';
    expect(texts(html)).toEqual(['Tél 06 39 98 01 23']);
    // innerText gives the markup's order (backwards): the HTML's redrawn text still gives the number.
    expect(phones(html, 'Tél 32 10 89 93 60')).toEqual(['+33639980123']);
  });
});

import { describe, expect, it } from 'vitest';
import { candidatesFromPage } from '../../../crawler/discovery/index.ts';

describe('candidatesFromPage', () => {
  it('combines redirects, mentions and outlinks of a capture, strong first, the page own site excluded', () => {
    const out = candidatesFromPage({
      requestedUrl: 'http://annonces-maison.test/',
      finalUrl: 'http://www.annonces-maison-bis.test/accueil',
      redirectChain: [
        { url: 'http://annonces-maison.test/', status: 301, location: 'http://www.annonces-maison-bis.test/accueil' },
      ],
      outlinks: {
        external: ['http://plomberie-voisine.test/', 'https://www.facebook.com/x', 'http://www.annonces-maison.test/'],
      },
      text: 'Annonces Maison. Voir plomberie-voisine.test.\n\nNous avons déménagé : petites-annonces-services.test',
    });
    expect(out.map((c) => [c.domain, c.source, c.strength])).toEqual([
      ['www.annonces-maison-bis.test', 'redirect', 'strong'],
      ['petites-annonces-services.test', 'mention', 'strong'],
      ['plomberie-voisine.test', 'mention', 'weak'],
      ['plomberie-voisine.test', 'outlink', 'weak'],
    ]);
    expect(out[1].evidence).toContain('on http://www.annonces-maison-bis.test/accueil');
  });

  it('sees a browser-side redirect (final URL elsewhere, no HTTP hop)', () => {
    const out = candidatesFromPage({
      requestedUrl: 'http://annonces-maison.test/',
      finalUrl: 'http://ailleurs.test/',
      redirectChain: [],
      outlinks: { external: [] },
      text: '',
    });
    expect(out).toMatchObject([
      {
        domain: 'ailleurs.test',
        source: 'redirect',
        evidence: 'http://annonces-maison.test/ led to http://ailleurs.test/',
      },
    ]);
  });
});

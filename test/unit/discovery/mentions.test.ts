import { describe, expect, it } from 'vitest';
import { candidatesFromText } from '../../../crawler/discovery/index.ts';

const domains = (text: string, options = {}) => candidatesFromText(text, options).map((c) => c.domain);

describe('candidatesFromText: positive cases', () => {
  it('finds a bare domain after "notre nouvelle adresse" and flags it strong', () => {
    const [c, ...rest] = candidatesFromText('Bonjour ! Notre nouvelle adresse : annonces-maison-bis.test — à bientôt.');
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ domain: 'annonces-maison-bis.test', source: 'mention', strength: 'strong' });
    expect(c.evidence).toContain('nouvelle adresse : annonces-maison-bis.test');
  });

  it('finds a URL after "nous avons déménagé sur", keeping www and giving the registrable domain', () => {
    const [c] = candidatesFromText('Nous avons déménagé sur https://www.petites-annonces-services.test/accueil !');
    expect(c).toMatchObject({
      domain: 'www.petites-annonces-services.test',
      registrableDomain: 'petites-annonces-services.test',
      strength: 'strong',
    });
  });

  it('reads obfuscated dots: [.], (.), (point), [dot], hxxps', () => {
    expect(domains('Retrouvez-nous sur annonces-maison[.]test')).toEqual(['annonces-maison.test']);
    expect(domains('nouvelle adresse : annonces-maison (point) test')).toEqual(['annonces-maison.test']);
    expect(domains('new address: menage-pro(.)example')).toEqual(['menage-pro.example']);
    expect(domains('we have moved: jardin-services [dot] test')).toEqual(['jardin-services.test']);
    expect(domains('voir hxxps://cours-particuliers[.]test/profs')).toEqual(['cours-particuliers.test']);
  });

  it('reads spelled-out dots next to a move phrase', () => {
    expect(domains('We have moved to new-home dot test')).toEqual(['new-home.test']);
  });

  it('handles accents, capitals and IDN names', () => {
    expect(domains('Nous avons DÉMÉNAGÉ : Pâtisserie-Dupont.FR')).toEqual(['xn--ptisserie-dupont-wmb.fr']);
  });

  it('puts strong mentions first and keeps a weak one as weak', () => {
    const out = candidatesFromText(
      'Partenaire : plomberie-rapide.test. Plus tard.\n\nNotre nouveau site : menage-express.test',
    );
    expect(out.map((c) => [c.domain, c.strength])).toEqual([
      ['menage-express.test', 'strong'],
      ['plomberie-rapide.test', 'weak'],
    ]);
  });

  it('counts a move phrase after the mention only within the same sentence', () => {
    expect(candidatesFromText('jardin-net.test est notre nouvelle adresse')[0].strength).toBe('strong');
    expect(candidatesFromText('Voir jardin-net.test pour tout. Nous avons déménagé.')[0].strength).toBe('weak');
  });

  it('deduplicates, keeping the strong occurrence', () => {
    const out = candidatesFromText('Voir menage-pro.test. Nouvelle adresse : menage-pro.test');
    expect(out).toHaveLength(1);
    expect(out[0].strength).toBe('strong');
  });

  it('keeps the domain of an e-mail address only next to a move phrase', () => {
    expect(candidatesFromText('Nouvelle adresse, écrivez à contact@jardin-services.test')[0]).toMatchObject({
      domain: 'jardin-services.test',
      strength: 'strong',
    });
  });
});

describe('candidatesFromText: negative cases', () => {
  it('ignores numbers, initials, file names and spelled-out words outside a move phrase', () => {
    expect(
      domains(
        'Version 3.5, M.Dupont, fichier photo.zip, du point de vue du client, le point com, etc. et ainsi de suite.',
      ),
    ).toEqual([]);
  });

  it('ignores the domains of e-mail addresses, plain or disguised, away from move phrases', () => {
    expect(
      domains('Écrivez à paul@courriel.test, ou jean [at] boite [dot] test, ou marie (arobase) messagerie.example'),
    ).toEqual([]);
  });

  it('does not take removal ads for move announcements (whole words only)', () => {
    const text = 'Déménagement et déménageuse avec camion, la demenageuse est libre. Voir camion-services.test';
    expect(candidatesFromText(text)[0]).toMatchObject({ domain: 'camion-services.test', strength: 'weak' });
  });

  it('ignores words joined by a dot that do not end with a public suffix', () => {
    expect(domains('Bonjour.Merci de votre visite.Tarifs')).toEqual([]);
  });

  it('ignores well-known third parties (social networks, CDNs, analytics, mail providers)', () => {
    expect(
      domains(
        'Suivez-nous sur facebook.com/page, https://cdn.jsdelivr.net/x.js, www.google-analytics.com et moi@gmail.com',
      ),
    ).toEqual([]);
  });

  it('ignores the site own domains and extra ignored ones', () => {
    const text = 'Nouvelle adresse : www.annonces-maison.test, sinon annonces-maison2.test ou saisie.example';
    expect(domains(text, { ownDomains: ['annonces-maison.test'], ignore: ['saisie.example'] })).toEqual([
      'annonces-maison2.test',
    ]);
  });

  it('ignores non-ICANN suffixes unless allowed', () => {
    expect(domains('nouvelle adresse : maison.test', { extraSuffixes: [] })).toEqual([]);
    expect(domains('nouvelle adresse : maison.internal')).toEqual([]);
  });
});

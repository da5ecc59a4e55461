/** Corpus statistics: contacts weighed by how many sites carry them, templates by how many sites share them. */
import { describe, expect, it } from 'vitest';
import { contactWeight, templateRarity } from '../../../detector/compare/corpus.ts';
import {
  buildCorpusStats,
  buildProfile,
  compareProfiles,
  defaultThresholds,
  extractPage,
  type SiteProfile,
} from '../../../detector/index.ts';

const AD = (n: number, phone: string) =>
  `<html><body><main><h1>Plombier ${n}</h1><p>Plombier chauffagiste à votre service pour toutes réparations, fuites, ` +
  `remplacement de robinets et entretien de chaudières, annonce numéro ${'abcdefghij'[n]} du quartier. Appelez le ${phone}.</p></main></body></html>`;

function siteWith(domain: string, phones: string[], contactEmail: string): SiteProfile {
  const pages = phones.map((p, i) => extractPage({ url: `http://${domain}/annonce/${100 + i}.html`, html: AD(i, p) }));
  pages.push(
    extractPage({
      url: `http://${domain}/contact.html`,
      html: `<html><body><main><h1>Contact</h1><p>Écrivez à ${contactEmail}</p></main></body></html>`,
    }),
  );
  return buildProfile(pages, { site: domain });
}

describe('corpus statistics', () => {
  it('weigh a contact 1 when only the compared sites carry it, less the more sites do', () => {
    const stats = {
      sites: 100,
      contacts: { 'phone:+33639980001': 2, 'phone:+33639980002': 16 },
      layouts: { listing: [], ad: [], other: [] },
    };
    expect(contactWeight(stats, 'phone:+33639980001')).toBe(1);
    expect(contactWeight(stats, 'phone:+33639980002')).toBe(0.25);
    expect(contactWeight(undefined, 'phone:+33639980002')).toBe(1);
  });

  it('rate a template rare when one operator uses it and common when many sites do', () => {
    const t = defaultThresholds;
    expect(templateRarity(2, t)).toBe(1);
    expect(templateRarity(t.templateCommonSites, t)).toBe(0);
    const mid = templateRarity(Math.round((t.templateRareSites + t.templateCommonSites) / 2), t);
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1);
  });

  it('tell the operator’s own address (contact page) from advertisers’ numbers (ads)', () => {
    const p = siteWith(
      'plomberie.test',
      ['06 39 98 00 01', '06 39 98 00 02', '06 39 98 00 03'],
      'gerant@plomberie.test',
    );
    const scope = Object.fromEntries(p.contacts.map((c) => [c.value, c.scope]));
    expect(scope['gerant@plomberie.test']).toBe('site');
    expect(scope['+33639980001']).toBe('ad');
  });

  it('a shared address of the operator is identity; advertisers seen on many sites weigh little', () => {
    const ref = siteWith('a.test', ['06 39 98 00 11', '06 39 98 00 12', '06 39 98 00 13'], 'gerant@a.test');
    const cand = siteWith('b.test', ['06 39 98 00 11', '06 39 98 00 12', '06 39 98 00 14'], 'gerant@a.test');
    const alone = compareProfiles(ref, cand, {}, buildCorpusStats([ref, cand]));
    expect(alone.signals.identity).toBe(1);
    // The same two shared numbers, now also carried by 14 other sites: an agency or advertisers who post everywhere.
    const crowd = Array.from({ length: 14 }, (_, i) =>
      siteWith(`x${i}.test`, ['06 39 98 00 11', '06 39 98 00 12'], `x@x${i}.test`),
    );
    const crowded = compareProfiles(ref, cand, {}, buildCorpusStats([ref, cand, ...crowd]));
    expect(crowded.signals.contacts!).toBeLessThan(alone.signals.contacts!);
  });

  it('a template many sites share does not corroborate, the same template on few sites does', () => {
    const ref = siteWith('a.test', ['06 39 98 00 21', '06 39 98 00 22', '06 39 98 00 23'], 'gerant@a.test');
    const cand = siteWith('c.test', ['06 39 98 00 31', '06 39 98 00 32', '06 39 98 00 33'], 'gerant@c.test');
    const few = compareProfiles(ref, cand, {}, buildCorpusStats([ref, cand]));
    const many = compareProfiles(
      ref,
      cand,
      {},
      buildCorpusStats([
        ref,
        cand,
        ...Array.from({ length: 40 }, (_, i) => siteWith(`y${i}.test`, ['06 39 98 00 40'], `y@y${i}.test`)),
      ]),
    );
    expect(few.signals.layout).toBe(many.signals.layout);
    expect(few.families.layout).toBeGreaterThan(0.5);
    expect(many.families.layout).toBe(0);
    expect(many.explanation.join(' ')).toContain('found on 42 sites');
  });

  it("calls a template one operator's only when at most templateRareSites sites share it", () => {
    const t = defaultThresholds;
    const ref = siteWith('a.test', ['06 39 98 00 21', '06 39 98 00 22', '06 39 98 00 23'], 'gerant@a.test');
    const cand = siteWith('c.test', ['06 39 98 00 31', '06 39 98 00 32', '06 39 98 00 33'], 'gerant@c.test');
    const others = (n: number) =>
      Array.from({ length: n }, (_, i) => siteWith(`y${i}.test`, ['06 39 98 00 40'], `y@y${i}.test`));
    // The most sites on which the template still corroborates (rarity × similarity ≥ corroborationStrength).
    let sharing = t.templateRareSites + 1;
    while (templateRarity(sharing + 1, t) >= t.corroborationStrength) sharing++;
    expect(sharing).toBeGreaterThan(t.templateRareSites);
    const uncommon = compareProfiles(ref, cand, {}, buildCorpusStats([ref, cand, ...others(sharing - 2)]));
    const rare = compareProfiles(ref, cand, {}, buildCorpusStats([ref, cand, ...others(t.templateRareSites - 2)]));
    expect(uncommon.families.layout).toBeGreaterThanOrEqual(t.corroborationStrength);
    const words = uncommon.explanation.join(' ');
    expect(words).toContain(`uncommon (found on ${sharing} sites of the corpus, rarity`);
    expect(words).not.toContain("one operator's");
    expect(rare.explanation.join(' ')).toContain(
      `rare (found on ${t.templateRareSites} sites of the corpus): one operator's`,
    );
  });

  it("an operator's address on its own copies stays its own; on unrelated sites (an agency, a host) it weighs less", () => {
    const phones = ['06 39 98 00 51', '06 39 98 00 52', '06 39 98 00 53', '06 39 98 00 54'];
    const ref = siteWith('a.test', phones, 'gerant@a.test');
    const copies = Array.from({ length: 5 }, (_, i) => siteWith(`copie${i}.test`, phones, 'gerant@a.test'));
    const cand = copies[0];
    const trades = ['Jardinier', 'Peintre', 'Serrurier', 'Couvreur', 'Vitrier', 'Carreleur', 'Menuisier', 'Maçon'];
    const unrelated = Array.from({ length: 5 }, (_, i) => {
      const pages = [0, 1, 2].map((n) =>
        extractPage({
          url: `http://autre${i}.test/annonce/${n + 1}0${i}.html`,
          html: `<html><body><main><h1>${trades[(i + n) % trades.length]} ${i}${n}</h1><p>${'Travaux de '.repeat(n + 1)}${trades[(i * 3 + n) % trades.length].toLowerCase()} en ${['Bretagne', 'Alsace', 'Provence'][n]}, devis sur place, artisan ${i} depuis ${1990 + i * 3 + n} ans. Joindre le 01 99 00 ${10 + i}${n} 0${n}.</p></main></body></html>`,
        }),
      );
      pages.push(
        extractPage({
          url: `http://autre${i}.test/contact.html`,
          html: '<html><body><main><h1>Contact</h1><p>Écrivez à gerant@a.test</p></main></body></html>',
        }),
      );
      return buildProfile(pages, { site: `autre${i}.test` });
    });
    const ownFamily = buildCorpusStats([ref, ...copies]);
    expect(ownFamily.contacts['email:gerant@a.test']).toBe(6);
    expect(ownFamily.contactFamilies?.['email:gerant@a.test']).toBe(1);
    expect(compareProfiles(ref, cand, {}, ownFamily).signals.identity).toBe(1);
    // The same address also on five sites that share nothing else with it: six families, it weighs less.
    const spread = buildCorpusStats([ref, cand, ...unrelated]);
    expect(spread.contactFamilies?.['email:gerant@a.test']).toBe(6);
    expect(compareProfiles(ref, cand, {}, spread).signals.identity).toBeLessThan(0.5);
  });
});

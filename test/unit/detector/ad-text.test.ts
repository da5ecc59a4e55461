/**
 * Ad text is the advertiser's text whatever script renders it: the same ads shown by an Osclass-like item page (a
 * details list of "Label : value" lines, a meta line with date, counter and reference), a WP Adverts-like page (label
 * and value columns, a screen-reader label glued to the description), a DJ-Classifieds-like page (label/value table
 * cells, a `display:none` label with no space before the first word) and a dt/dd details list give the fingerprints
 * of the bare ads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../detector/extract/parse-html.ts';
import { buildProfile, defaultThresholds, extractPage, hammingDistance64 } from '../../../detector/index.ts';
import { withoutLabels } from '../../../detector/profile.ts';

interface TestAd {
  id: number;
  title: string;
  body: string;
  town: string;
  price: number;
}

const TOWNS = ['Lyon', 'Nantes', 'Rennes', 'Metz', 'Dijon', 'Tours', 'Brest'];
const ADS: TestAd[] = [
  [
    'Plombier disponible rapidement',
    'Nous proposons le débouchage de canalisations et la réparation de fuites sous évier. Intervention propre, devis gratuit, je protège les sols et repars avec mes déchets.',
  ],
  [
    'Cours de mathématiques',
    'Professeur certifié, je donne des cours du collège au lycée, à domicile ou en visio. Préparation au brevet et au baccalauréat avec des annales corrigées.',
  ],
  [
    'Ménage et repassage',
    'Aide ménagère sérieuse, je passe chaque semaine et je repasse le linge de la famille. Références vérifiables auprès de mes clients actuels du quartier.',
  ],
  [
    'Jardinier paysagiste',
    'Tonte de pelouse, taille de haies et débroussaillage de terrain avec mon matériel. Contrat annuel possible avec passages mensuels planifiés ensemble.',
  ],
  [
    'Petits travaux de peinture',
    'Je rebouche les trous, je pose le papier peint et je repeins vos pièces proprement. Travail minutieux, je laisse la pièce propre après mon passage.',
  ],
  [
    'Garde d’enfants le soir',
    'Étudiante patiente, je garde vos enfants après l’école et je les aide aux devoirs. Disponible les soirs de semaine et pendant les vacances scolaires.',
  ],
].map(([title, body], i) => ({ id: 1200 + i, title, body, town: TOWNS[i], price: 20 + 7 * i }));

const page = (body: string) => `<!doctype html><html><head><title>Annonce</title></head><body>${body}</body></html>`;
const frame = (main: string) =>
  page(
    `<header><a href="/">Services du coin</a><nav><a href="/annonces/">Annonces</a></nav></header><main>${main}</main><footer><p>© Services du coin</p></footer>`,
  );

/** Osclass "bender"-like item page: #item-content, a details list with labels in <strong>, a meta line. */
function osclass(ad: TestAd, n: number): string {
  return frame(
    `<div id="item-content"><h1>${ad.title}</h1><ul id="item_details"><li><strong>Ville :</strong> ${ad.town}</li><li><strong>Prix :</strong> ${ad.price} €</li></ul><div id="description"><p>${ad.body}</p></div><p class="meta">Annonce ajoutée le ${10 + n}/03/2026 · Vues : ${50 + 3 * n} · Réf. ${ad.id}</p></div>`,
  );
}

/**
 * WP Adverts-like page (its templates/single.php: a grid of rows, each a label column and a value column), a
 * screen-reader label glued to the description, "Published: date (n days ago)" under the author.
 */
function wpAdverts(ad: TestAd, n: number): string {
  const row = (label: string, value: string) =>
    `<div class="adverts-grid-row"><div class="adverts-grid-col adverts-col-30"><span class="adverts-round-icon adverts-icon-tags"></span><span class="adverts-row-title">${label}</span></div><div class="adverts-grid-col adverts-col-65">${value}</div></div>`;
  return frame(
    `<article class="advert"><header><h1 class="entry-title">${ad.title}</h1></header><div class="adverts-single-box"><div class="adverts-single-author-name">par <strong>Annonceur ${n}</strong><br/>Publiée : ${n + 1}/03/2026 (il y a ${n + 2} jours)</div><div class="adverts-single-price"><span class="adverts-price-box">${ad.price},00 €</span></div></div><div class="adverts-grid adverts-single-grid-details">${row('Localisation', ad.town)}${row('Tarif', `${ad.price} €`)}</div><div class="adverts-content"><span class="screen-reader-text">Description</span>${ad.body}</div><div class="adverts-contact"><span>Contact</span><span>06 39 98 10 ${10 + n}</span></div></article>`,
  );
}

/** A details list in dt/dd cells (Yclas-like), the reference number in the last cell. */
function detailsList(ad: TestAd, n: number): string {
  return frame(
    `<div class="single-ad"><h1>${ad.title}</h1><dl class="ad-fields"><dt>Ville</dt><dd>${ad.town}</dd><dt>Prix</dt><dd>${ad.price} €</dd><dt>Référence</dt><dd>#${ad.id}</dd></dl><div class="ad-text">${ad.body}</div><p class="ad-meta">${n * 9} vues</p></div>`,
  );
}

/** DJ-Classifieds-like page: label/value table cells, a `display:none` label glued to the ad's first word. */
function djClassifieds(ad: TestAd, n: number): string {
  return frame(
    `<div class="dj-item"><div class="title_top"><h2>${ad.title}</h2></div><table class="general_details"><tr><td class="row_title">Prix</td><td class="row_value">${ad.price} EUR</td></tr><tr><td class="row_title">Ville</td><td class="row_value">${ad.town}</td></tr></table><div class="description"><span style="display: none">Description</span>${ad.body}</div><div class="added">Ajoutée le <span>${n + 1} mars 2026</span>, vue ${n * 11} fois</div></div>`,
  );
}

/** The ads alone: a title and the advertiser's words, nothing of a script. */
function bare(ad: TestAd): string {
  return page(`<main><article><h1>${ad.title}</h1><p>${ad.body}</p></article></main>`);
}

function fingerprints(render: (ad: TestAd, n: number) => string, ads: TestAd[] = ADS): Map<string, bigint> {
  const pages = ads.map((ad, n) => extractPage({ url: `http://site.test/annonce/${ad.id}`, html: render(ad, n) }));
  const profile = buildProfile(pages, { site: 'site.test' });
  return new Map(profile.ads.map((a) => [a.id, BigInt(`0x${a.fingerprint}`)]));
}

describe('ad text is the advertiser’s text, not a script’s', () => {
  it('a hidden label is left out and adjacent elements are never glued', () => {
    const parsed = parseHtml(
      page(
        '<div><span class="sr-only">Description</span>Nous proposons<b>vite</b><span>un devis</span><br>gratuit<span aria-hidden="true">★</span><i hidden>caché</i></div>',
      ),
    );
    const visible = parsed.blocks.map((b) => b.visible).join(' | ');
    expect(visible).toBe('Nous proposons vite un devis | gratuit');
    // The page text keeps what readers do not see (contacts are read there: a number revealed on click sits in a
    // hidden span); an inline element hidden outright is read apart, as hidden text, where contacts read it too.
    expect(parsed.blocks.map((b) => b.text).join(' | ')).toBe('DescriptionNous proposonsviteun devis | gratuit★');
    expect(parsed.hiddenTexts).toEqual(['caché']);
  });

  it('a block that is hidden as a whole gives no ad text, whatever hides it', () => {
    for (const hide of [
      'hidden',
      'style="display:none"',
      'style="color:red; visibility: hidden"',
      'class="d-none"',
      'class="visually-hidden"',
      'class="screen-reader-text"',
      'class="element-invisible"',
    ]) {
      const parsed = parseHtml(page(`<div ${hide}><p>Libellé caché du script</p></div><p>Texte visible</p>`));
      expect(parsed.blocks.map((b) => b.visible).filter(Boolean), hide).toEqual(['Texte visible']);
    }
  });

  it('a visible element with a look-alike class or style stays', () => {
    const parsed = parseHtml(page('<p class="hidden-xs not-hidden" style="display:block">Texte</p>'));
    expect(parsed.blocks[0].visible).toBe('Texte');
  });

  it('the same ads shown by four scripts give the bare ads’ fingerprints', () => {
    const plain = fingerprints(bare);
    expect(plain.size).toBe(ADS.length);
    const max = defaultThresholds.adMaxDistance;
    for (const render of [osclass, wpAdverts, djClassifieds, detailsList]) {
      const fps = fingerprints(render);
      expect(fps.size, render.name).toBe(ADS.length);
      for (const [id, fp] of plain) {
        const d = hammingDistance64(fp, fps.get(id)!);
        expect(d, `${render.name} ${id}`).toBeLessThanOrEqual(max);
        expect(d, `${render.name} ${id}`).toBe(0);
      }
    }
  });

  it('an ad’s own words are kept when the site’s labels are cut', () => {
    const pages = ADS.map((ad, n) => extractPage({ url: `http://x.test/annonce/${ad.id}`, html: osclass(ad, n) }));
    const profile = buildProfile(pages, { site: 'x.test' });
    // Shown text stays as the site shows it (the analyst sees the page's words); only fingerprints drop the labels.
    expect(profile.ads[0].text).toContain('Ville : Lyon');
    expect(profile.ads[0].text).toContain(ADS[0].body);
  });
});

describe('site template labels inside a block', () => {
  const edges = { heads: new Set(['ville', 'annonce ajoutee le']), tails: new Set(['vues']) };
  const w = (s: string) => s.split(' ');

  it('a label with a short value goes whole; a label before a long text goes alone', () => {
    expect(withoutLabels(w('ville lyon'), edges)).toEqual([]);
    expect(withoutLabels(w('annonce ajoutee le mars'), edges)).toEqual([]);
    expect(withoutLabels(w('lyon vues'), edges)).toEqual([]);
    expect(withoutLabels(w('ville nous proposons un devis gratuit sous huit jours'), edges)).toEqual(
      'nous proposons un devis gratuit sous huit jours'.split(' '),
    );
  });

  it('a block without a label, or that is a label alone, is left to the other rules', () => {
    expect(withoutLabels(w('nous proposons un devis'), edges)).toEqual(['nous', 'proposons', 'un', 'devis']);
    expect(withoutLabels(w('ville'), edges)).toEqual(['ville']);
  });
});

describe('properties', () => {
  // Distinct words in any order: a site whose ads all begin with the same words has them cut on every copy alike.
  const WORDS = (
    'plombier jardin peinture menage devis gratuit rapide soigne semaine soir matin cuisine salle bain haie pelouse ' +
    'linge enfants cours maison volets fuite carrelage parquet serrure porte fenetre douche evier robinet chaudiere ' +
    'radiateur cloison plafond escalier terrasse allee portail cloture arrosage potager verger balcon garage cave ' +
    'grenier demenagement cartons meubles cuisine dressing etagere luminaire prise'
  ).split(' ');
  const adText = fc.shuffledSubarray(WORDS, { minLength: 12, maxLength: 30 }).map((w) => w.join(' '));
  const siteAds = fc.array(fc.tuple(adText, adText), { minLength: 5, maxLength: 7 }).map((list) =>
    list.map(([title, body], i) => ({
      id: 3000 + i,
      title: title.split(' ').slice(0, 4).join(' '),
      body,
      town: TOWNS[i % TOWNS.length],
      price: 15 + i,
    })),
  );

  it('wrapping ads in label/value markup or adding a hidden label never changes their fingerprints', () => {
    fc.assert(
      fc.property(siteAds, fc.constantFrom(osclass, wpAdverts, djClassifieds, detailsList), (ads, render) => {
        const plain = fingerprints(bare, ads);
        const shown = fingerprints(render, ads);
        for (const [id, fp] of plain) {
          const other = shown.get(id);
          expect(other, id).toBeDefined();
          expect(hammingDistance64(fp, other!), id).toBeLessThanOrEqual(defaultThresholds.adMaxDistance);
        }
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('a hidden element never adds a word to a block’s visible text', () => {
    fc.assert(
      fc.property(adText, adText, fc.constantFrom('hidden', 'aria-hidden="true"', 'class="sr-only"'), (a, b, how) => {
        const parsed = parseHtml(page(`<p>${a}<span ${how}>${b}</span></p>`));
        expect(parsed.blocks[0].visible).toBe(a);
      }),
      { numRuns: 50, seed: 3 },
    );
  });
});

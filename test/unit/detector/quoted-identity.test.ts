/**
 * Site identity is the reference's own contact shown by the candidate as its own (its contact page, legal notice,
 * footer), not the same number quoted among its articles: a press article or a forum thread about a board gives the
 * board's number and a few of its advertisers' (world 10, written blind, found 15 such pages judged clones). Markup
 * written for the test: home services, ARCEP fiction numbers, `.test` domains.
 */
import { describe, expect, it } from 'vitest';
import { buildProfile, compareProfiles, extractPage, type SiteProfile } from '../../../detector/index.ts';

const BOARD_PHONE = '01 99 00 47 15';
const ADVERTISERS = ['06 39 98 20 03', '06 39 98 12 88', '06 39 98 95 96', '06 39 98 41 07', '06 39 98 63 52'];
const TRADES = ['Plombier', 'Jardinier', 'Peintre', 'Serrurier', 'Carreleur'];

function page(title: string, body: string, footer = ''): string {
  return `<html><body><header><nav><a href="/">Accueil</a></nav></header><main><h1>${title}</h1>${body}</main><footer>${footer}</footer></body></html>`;
}

const adBody = (i: number) =>
  `<p>${TRADES[i]} sérieux et disponible pour vos travaux dans tout le secteur, devis gratuit sur simple appel, ` +
  `intervention rapide et soignée, références sur demande pour le dépannage numéro ${i}.</p><p>Appelez le ${ADVERTISERS[i]}.</p>`;

/** The board: five ads, its own number on its legal notice. */
function board(): SiteProfile {
  const pages = TRADES.map((t, i) =>
    extractPage({ url: `https://annonces-maison.test/annonce/${i + 101}`, html: page(`${t} à Lyon`, adBody(i)) }),
  );
  pages.push(
    extractPage({
      url: 'https://annonces-maison.test/mentions-legales',
      html: page('Mentions légales', `<p>Éditeur : SARL Annonces Maison, ${BOARD_PHONE}</p>`),
    }),
  );
  return buildProfile(pages, { site: 'annonces-maison.test' });
}

/** A press site's articles about the board: its number in one of them, three advertisers' numbers, in the text. */
function pressArticles(): SiteProfile {
  // A newspaper's own template, nothing like the board's.
  const article = (n: number, quote: string, extra: string) =>
    `<html><body><div class="masthead"><span>Le Journal</span><ul class="rubriques"><li><a href="/politique">Politique</a></li><li><a href="/region">Région</a></li></ul></div>` +
    `<div class="colonnes"><section class="une"><article><h2>Enquête : le site Annonces Maison, épisode ${n}</h2><div class="chapo"><span>Par la rédaction</span></div>` +
    `<div class="corps"><div>Notre rédaction ${quote} sur ses pratiques, ni sur la vérification des annonceurs qui y publient chaque ` +
    `semaine des offres de dépannage dans toute la région lyonnaise.</div><div>${extra}</div></div></article></section>` +
    `<aside class="lire-aussi"><ol><li><a href="/a/1">Les marchés de Noël</a></li><li><a href="/a/2">Le budget voté</a></li></ol></aside></div></body></html>`;
  const asked = 'a interrogé le site, qui n’a pas répondu à nos questions';
  return buildProfile(
    [
      extractPage({
        url: 'https://journal.test/article/5501',
        html: article(
          1,
          `a appelé le site au ${BOARD_PHONE}, qui n’a pas répondu`,
          `Un artisan joint au ${ADVERTISERS[0]}.`,
        ),
      }),
      extractPage({
        url: 'https://journal.test/article/5502',
        html: article(2, asked, `Un autre au ${ADVERTISERS[1]}.`),
      }),
      extractPage({
        url: 'https://journal.test/article/5503',
        html: article(3, asked, `Un troisième au ${ADVERTISERS[2]}.`),
      }),
      extractPage({ url: 'https://journal.test/article/5504', html: article(4, asked, 'Le site reste en ligne.') }),
    ],
    { site: 'journal.test' },
  );
}

/** A restart that shows the board's number as its own (footer), with three of its advertisers. */
function restart(): SiteProfile {
  const footer = `<p>Contact : ${BOARD_PHONE}</p>`;
  return buildProfile(
    [0, 1, 2].map((i) =>
      extractPage({
        url: `https://renouveau-maison.test/offre/${i + 7}`,
        html: page(
          `Nouvelle offre ${i}`,
          `<p>Annonce réécrite pour le secteur numéro ${i}, appelez le ${ADVERTISERS[i]}.</p>`,
          footer,
        ),
      }),
    ),
    { site: 'renouveau-maison.test' },
  );
}

describe("site identity: the board's own contact shown as the candidate's own", () => {
  it('does not count a number a press site quotes in its articles, and says so', () => {
    const ref = board();
    expect(ref.contacts.find((c) => c.value === '+33199004715')?.scope).toBe('site');
    const press = pressArticles();
    expect(press.contacts.find((c) => c.value === '+33199004715')?.scope).toBe('ad');
    const c = compareProfiles(ref, press);
    expect(c.families.identity).toBe(0);
    expect(c.verdict).not.toBe('clone');
    expect(c.explanation.join('\n')).toMatch(
      /1 of the reference's own contacts quoted in the candidate's ads or articles/,
    );
    expect(c.explanation.join('\n')).not.toMatch(/own contacts \(contact page, footer\) on the candidate/);
  });

  it('counts the same number when the candidate shows it as its own contact', () => {
    const c = compareProfiles(board(), restart());
    expect(c.families.identity).toBe(1);
    expect(c.explanation.join('\n')).toMatch(
      /1 of the reference's own contacts \(contact page, footer\) on the candidate/,
    );
  });

  it('counts it on a candidate too small to tell a footer from the text (one or two pages)', () => {
    // A two-page photo gallery with the operator's number in its footer: a footer needs three pages to be seen.
    const gallery = buildProfile(
      [1, 2].map((n) =>
        extractPage({
          url: `https://galerie-maison.test/photos/${n}`,
          html: page(`Galerie ${n}`, adBody(n), `<p>Renseignements : ${BOARD_PHONE}</p>`),
        }),
      ),
      { site: 'galerie-maison.test' },
    );
    expect(gallery.contacts.find((c) => c.value === '+33199004715')?.scope).toBe('ad');
    expect(compareProfiles(board(), gallery).families.identity).toBe(1);
  });
});

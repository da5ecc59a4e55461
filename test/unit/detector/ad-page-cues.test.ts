/**
 * Ad detail pages recognised from the markup real classified scripts share, not only from a bare heading or an
 * ad-like URL: an article's own header (HTML sectioning, as in WordPress themes), schema.org Offer/Product microdata,
 * and single-ad class words with price, place and contact blocks. Advertisers' contacts found there are scoped to
 * the ads, the operator's footer contacts to the site. Markup written for the test (home services, fiction numbers).
 */
import { describe, expect, it } from 'vitest';
import { buildProfile, extractPage } from '../../../detector/index.ts';

const DESCRIPTION =
  '<p>Plombier disponible sur tout le secteur pour les fuites, les chauffe-eau et les robinets qui gouttent.</p>' +
  '<p>Devis gratuit, intervention rapide en semaine comme le samedi matin, travail soigné et garanti.</p>';
const FOOTER = '<footer class="site-footer"><p>Contact du site : 01 99 00 12 34, equipe@annonces.example</p></footer>';

function frame(main: string, bodyClass = ''): string {
  return `<html><body class="${bodyClass}"><header class="site-header"><p class="site-title"><a href="/">Annonces</a></p><nav><ul><li><a href="/">Accueil</a></li><li><a href="/contact/">Contact</a></li></ul></nav></header><div id="primary"><main id="main">${main}</main></div>${FOOTER}</body></html>`;
}

/** WP Adverts-like single ad: the title in the article's own header, the ad in adverts-single-* blocks. */
const wpAdvertsLike = frame(
  `<article class="advert type-advert hentry"><header class="entry-header"><h1 class="entry-title">Plombier dépannage rapide</h1></header><div class="entry-content"><div class="adverts-single-box"><div class="adverts-single-price"><span class="adverts-price-box">80 €</span></div></div><div class="adverts-grid-row"><span class="adverts-row-title">Lieu</span><span>Rennes</span></div><div class="adverts-content">${DESCRIPTION}</div><div class="adverts-contact-box"><span class="adverts-contact-phone">06 39 98 11 22</span></div></div></article>`,
  'single single-advert',
);
/** No heading at all, an opaque URL: only schema.org microdata and the price/place blocks say it is one ad. */
const schemaOnly = frame(
  `<div itemscope itemtype="https://schema.org/Product"><div class="box-a">Jardinier pour tonte et taille de haies</div><div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span class="prix-affiche" itemprop="price">35</span></div><div class="ville-zone">Nantes</div><div class="txt">${DESCRIPTION}</div><div class="zone-contact">06 39 98 33 44</div></div>`,
);

describe('ad pages from shared single-ad markup', () => {
  it('reads an article header as the ad title, not as site chrome', () => {
    const f = extractPage({ url: 'http://a.test/?p=8812x', html: wpAdvertsLike });
    expect(f.pageType).toBe('ad');
    expect(f.ads).toHaveLength(1);
    expect(f.ads[0].text).toContain('Plombier dépannage rapide');
    expect(f.ads[0].text).toContain('Devis gratuit');
    // The site's own header and footer stay out of the ad.
    expect(f.ads[0].text).not.toContain('Accueil');
    expect(f.ads[0].text).not.toContain('Contact du site');
  });

  it('recognises a single ad from schema.org Offer microdata and price/place/contact blocks', () => {
    const f = extractPage({ url: 'http://a.test/p/x9', html: schemaOnly });
    expect(f.pageType).toBe('ad');
    expect(f.ads[0].text).toContain('Jardinier');
  });

  it('does not make an ad of a page with text but no ad markup, heading or ad URL', () => {
    const plain = frame(`<div class="box-a">${DESCRIPTION}</div>`);
    expect(extractPage({ url: 'http://a.test/p/x9', html: plain }).pageType).toBe('other');
  });

  it('scopes the advertiser numbers of ad pages to the ads and the footer contacts to the site', () => {
    const pages = [
      extractPage({ url: 'http://a.test/advert/plombier-1/', html: wpAdvertsLike }),
      extractPage({ url: 'http://a.test/p/x9', html: schemaOnly }),
      extractPage({ url: 'http://a.test/contact/', html: frame('<h1>Contact</h1><p>Écrivez-nous.</p>') }),
    ];
    const profile = buildProfile(pages, { site: 'a.test' });
    const scope = (value: string) => profile.contacts.find((c) => c.value === value)?.scope;
    expect(scope('+33639981122')).toBe('ad');
    expect(scope('+33639983344')).toBe('ad');
    expect(scope('+33199001234')).toBe('site');
  });

  it("reads service pages as the operator's, whatever their route: a terms page with a heading and long text is no ad", () => {
    const terms = frame(
      `<h2>Conditions d’utilisation</h2>${DESCRIPTION}<p>Téléphone : 06 39 98 55 66</p><p>Courriel : equipe@annonces.example</p>`,
    );
    for (const path of [
      '/infos/terms',
      '/terms_of_service',
      '/pages/legal-notice.html',
      '/conditions-generales-d-utilisation/',
      '/privacy_policy',
      '/about-us',
      '/index.php?page=contact-us',
      '/Home/ContactUs',
      '/Home/TermsOfService',
      '/Pages/PrivacyPolicy.aspx',
      '/Home/SignIn',
      '/Home/CookiePolicy',
      '/Home/FAQs',
    ])
      expect(extractPage({ url: `http://a.test${path}`, html: terms }).pageType, path).toBe('other');
    // An ad whose slug merely contains such a word is still an ad.
    expect(extractPage({ url: 'http://a.test/annonce/aide-menagere-rennes-8812', html: terms }).pageType).toBe('ad');
    expect(extractPage({ url: 'http://a.test/Listings/AideMenagereRennes8812', html: terms }).pageType).toBe('ad');
  });

  it("keeps the operator's number the operator's when its legal notice names it, though a page read as an ad shows it too", () => {
    // Zikula's contact form (module=Formicula) has a heading and long text: it reads as an ad page. The legal notice,
    // a service page holding no ad, names the same number: the law asks the publisher to name itself there.
    const operator = '<p>Éditeur : SARL Annonces, 01 99 00 45 67</p>';
    const contactForm = frame(`<h1>Nous écrire</h1>${DESCRIPTION}${operator}`);
    const legal = frame(`<h1>Mentions légales</h1>${operator}`);
    const site = (legalUrl: string | null) =>
      buildProfile(
        [
          extractPage({ url: 'http://a.test/advert/plombier-1/', html: wpAdvertsLike }),
          extractPage({ url: 'http://a.test/p/x9', html: schemaOnly }),
          // More ad pages, so that the number is on fewer than half of the pages (not a footer).
          extractPage({ url: 'http://a.test/advert/plombier-2/', html: wpAdvertsLike }),
          extractPage({ url: 'http://a.test/p/x10', html: schemaOnly }),
          extractPage({ url: 'http://a.test/index.php?module=Formicula&type=user&func=main', html: contactForm }),
          ...(legalUrl ? [extractPage({ url: legalUrl, html: legal })] : []),
        ],
        { site: 'a.test' },
      ).contacts;
    const scope = (contacts: ReturnType<typeof site>, value: string) => contacts.find((c) => c.value === value)?.scope;
    expect(extractPage({ url: 'http://a.test/index.php?module=Formicula', html: contactForm }).pageType).toBe('ad');
    const withNotice = site('http://a.test/index.php?module=Legal&type=user&func=legalnotice');
    expect(scope(withNotice, '+33199004567')).toBe('site');
    expect(scope(withNotice, '+33639981122')).toBe('ad');
    // Without the legal notice the number is only on a page read as an ad: an advertiser's, as before.
    expect(scope(site(null), '+33199004567')).toBe('ad');
    // A page that is not a service page (an article without ads) does not make it the operator's.
    expect(scope(site('http://a.test/blog/nos-conseils'), '+33199004567')).toBe('ad');
  });
});

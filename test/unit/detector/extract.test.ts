import { describe, expect, it } from 'vitest';
import { buildProfile, extractPage, type PageFeatures } from '../../../detector/index.ts';
import { createOperator, createPhoneAllocator, createRng, renderSite, TEMPLATE_NAMES } from '../../../sitegen/index.ts';

const page = (html: string, url = 'http://site.test/') => extractPage({ url, html });

describe('layout tokens', () => {
  it('ignore text, class names and attribute values', () => {
    const a = page(
      '<html><body><div class="a" id="x"><p style="color:red">Bonjour</p><ul><li>un</li><li>deux</li></ul></div></body></html>',
    );
    const b = page(
      '<html><body><div class="zz-9 q" id="main-2" data-v="q"><p>Au revoir tout le monde</p><ul><li>trois</li><li>quatre</li></ul></div></body></html>',
    );
    expect(b.layout).toEqual(a.layout);
  });

  it('mark which elements carry a class or an id, whatever their names', () => {
    const styled = page('<html><body><div class="card"><p class="price">1</p></div></body></html>');
    const renamed = page('<html><body><div class="x7f2a"><p class="sp3-price">1</p></div></body></html>');
    const bare = page('<html><body><div><p>1</p></div></body></html>');
    expect(renamed.layout).toEqual(styled.layout);
    expect(styled.layout['m:html>body>div.>p.']).toBe(1);
    expect(bare.layout['m:html>body>div>p']).toBe(1);
    expect(bare.layout['p:html>body>div>p']).toBe(styled.layout['p:html>body>div>p']);
  });

  it('read the generator and the style sheet and script paths, without versions, hosts or build hashes', () => {
    const head = (v: string, hash: string, host: string) =>
      `<html><head><meta name="generator" content="WordPress ${v}"><link rel="stylesheet" href="${host}/wp-content/themes/flavor/style.css?ver=${v}"><script src="/static/js/main.${hash}.js"></script></head><body><p>x</p></body></html>`;
    const a = page(head('6.4.2', '3f2a9c1b', 'https://site.test'));
    const b = page(head('5.9', '0d4e7a21', '//cdn.example'));
    expect(b.layout).toEqual(a.layout);
    expect(Object.keys(a.layout).filter((t) => /^[ag]:/.test(t))).toEqual([
      'g:wordpress',
      'a:flavor/style.css',
      'a:js/main.js',
    ]);
    const inline = page(
      '<html><head><link rel="stylesheet" href="data:text/css,p{}"></head><body><p>x</p></body></html>',
    );
    expect(Object.keys(inline.layout).some((t) => t.startsWith('a:'))).toBe(false);
  });

  it('drop scripts, styles, SVG, iframes and noscript blocks', () => {
    const plain = page('<html><body><main><p>Texte</p></main></body></html>');
    const noisy = page(`<html><head><style>p{}</style></head><body><main><p>Texte</p>
<script>var a = '<div><div></div></div>';</script><svg><g><path d="M0"/></g></svg>
<iframe src="https://ads.example/x"></iframe><noscript><img src="https://t.example/p"></noscript></main></body></html>`);
    expect(noisy.layout).toEqual(plain.layout);
  });

  it('tell different structures apart', () => {
    const table = page('<html><body><table><tr><td><a href="/a">x</a></td></tr></table></body></html>');
    const list = page('<html><body><ul><li><a href="/a">x</a></li></ul></body></html>');
    expect(Object.keys(table.layout).some((t) => t in list.layout && t.includes('a'))).toBe(false);
  });
});

describe('page types and ads on saved HTML', () => {
  const rng = createRng('extract-test');
  const op = createOperator(rng, createPhoneAllocator(), { name: 'x', advertisers: 8, adsPerAdvertiser: [1, 2] });

  it.each(TEMPLATE_NAMES)('finds the listing, the ad pages and each ad on the %s template', (template) => {
    const pages = renderSite({ domain: 'x.test', brand: 'Annonces X', template, ads: op.ads, adsPerPage: 6 });
    const feats = [...pages].map(([path, html]) => extractPage({ url: `http://x.test${path}`, html }));
    const types = feats.map((f) => f.pageType);
    expect(types.filter((t) => t === 'ad')).toHaveLength(op.ads.length);
    expect(types.filter((t) => t === 'listing')).toHaveLength(Math.ceil(op.ads.length / 6));
    expect(types.filter((t) => t === 'other')).toHaveLength(2);
    for (const f of feats.filter((x) => x.pageType === 'ad')) {
      expect(f.ads).toHaveLength(1);
      const ad = op.ads.find((a) => f.path.includes(a.id))!;
      expect(f.ads[0].text).toContain(ad.title);
      expect(f.ads[0].text).toContain(ad.paragraphs[0].slice(0, 40));
    }
    for (const f of feats.filter((x) => x.pageType === 'listing')) expect(f.ads.length).toBeGreaterThanOrEqual(3);
  });

  it('removes site boilerplate (text repeated on most pages) before fingerprinting ads', () => {
    const site = (brand: string, domain: string) =>
      op.ads.map((ad) =>
        extractPage({
          url: `http://${domain}/annonce/${ad.id}.html`,
          html: `<html><body><main><h1>${ad.title}</h1>${ad.paragraphs.map((p) => `<p>${p}</p>`).join('')}
<p>Annonce vérifiée par l’équipe ${brand}, le site de confiance pour vos services à domicile.</p></main></body></html>`,
        }),
      );
    const a = buildProfile(site('Annonces X', 'x.test'), { site: 'x' });
    const b = buildProfile(site('Petites Annonces Y', 'y.test'), { site: 'y' });
    expect(a.ads).toHaveLength(op.ads.length);
    expect(a.ads.map((x) => x.fingerprint)).toEqual(b.ads.map((x) => x.fingerprint));
    // With a single page nothing can be told apart as boilerplate: the brand sentence stays and changes the hash.
    const one = (pages: PageFeatures[]) => buildProfile(pages.slice(0, 1), { site: 's' }).ads[0].fingerprint;
    expect(one(site('Annonces X', 'x.test'))).not.toEqual(one(site('Petites Annonces Y', 'y.test')));
  });

  it('extracts contacts from the text and links of a page', () => {
    const html = `<html><body><article><h1>Plombier à Lyon</h1><p>Fuite ? Appelez le 06 39 98 01 23 ou écrivez à
plombier [at] courriel [dot] example. Telegram : @plombier_lyon</p><a href="https://wa.me/33199001234">WhatsApp</a></article></body></html>`;
    const values = page(html).contacts.map((c) => `${c.kind}:${c.value}`);
    expect(values).toEqual(
      expect.arrayContaining([
        'phone:+33639980123',
        'phone:+33199001234',
        'email:plombier@courriel.example',
        'telegram:plombier_lyon',
      ]),
    );
  });

  it('produces JSON-serialisable features', () => {
    const f = page('<html><body><h1>Titre</h1><p>Texte de l’annonce 06 39 98 01 23</p></body></html>');
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });
});

import { describe, expect, it } from 'vitest';
import { renderUniverse } from '../../../demo/index.ts';
import { DEMO_UNIVERSE } from '../../../demo/universe.ts';
import { MAX_ANCHORS, pickProbeLinks, rankProbeLinks } from '../../../screen/index.ts';

// A classifieds home page in the style of common PHP/WordPress ad themes: menu, account links, a grid of ads.
const CLASSIFIEDS = `<!doctype html><html><head><title>Petites annonces du Val</title></head><body>
<header><a href="/"><img src="/logo.png" alt="logo"></a>
<nav><a href="/">Accueil</a><a href="/categorie/jardinage">Jardinage</a><a href="/connexion">Se connecter</a>
<a href="/inscription">Créer un compte</a><a href="/contact">Contact</a><a href="/mentions-legales">Mentions légales</a></nav></header>
<main><ul class="listing">
<li class="item"><a href="/annonces/tonte-de-pelouse-4512.html"><img src="/uploads/4512-thumb.jpg"></a>
  <h3><a href="/annonces/tonte-de-pelouse-4512.html">Tonte de pelouse</a></h3><span class="price">20 €</span></li>
<li class="item"><a href="/annonces/taille-de-haies-4513.html"><img data-src="/uploads/4513-thumb.jpg"></a>
  <h3><a href="/annonces/taille-de-haies-4513.html">Taille de haies</a></h3><span class="price">35 €</span></li>
<li class="item"><a href='/annonces/bois-de-chauffage-4514.html'><img src="/uploads/4514-thumb.jpg"></a></li>
</ul></main>
<footer><a href="https://www.facebook.com/petitesannoncesduval">Facebook</a><a href="/cgu">CGU</a>
<a href="/feed/">RSS</a><a href="/uploads/tarifs.pdf">Tarifs</a><a href="mailto:contact@annonces-val.example">Écrire</a>
<a href="tel:+33639980000">Appeler</a></footer></body></html>`;

// A small unrelated site: a shop window with a few inner pages, none of them ads.
const SMALL_SITE = `<html><body><h1>Atelier de réparation</h1><p>Vélos et menuiserie.</p>
<a href="/contact">Contact</a> <a href="/horaires">Horaires</a> <a href="/tarifs/velos">Tarifs vélos</a>
<a href="http://atelier-velo.example/">Accueil</a></body></html>`;

describe('the second look’s link picker', () => {
  it('prefers the ad pages of a classifieds home page, wrapping a picture or not, over its menu', () => {
    const picked = pickProbeLinks(CLASSIFIEDS, 'http://annonces-val.example/', 3);
    expect(picked).toEqual([
      'http://annonces-val.example/annonces/tonte-de-pelouse-4512.html',
      'http://annonces-val.example/annonces/taille-de-haies-4513.html',
      'http://annonces-val.example/annonces/bois-de-chauffage-4514.html',
    ]);
    const all = rankProbeLinks(CLASSIFIEDS, 'http://annonces-val.example/').map((l) => l.url);
    // Never the root, accounts, contact, legal pages, feeds, files, off-site, mailto: or tel:.
    expect(all).toEqual([...picked, 'http://annonces-val.example/categorie/jardinage']);
  });

  it('picks the ad pages of the demo’s photo-only clone, whose home page thumbnails are not its ad photos', () => {
    const home = renderUniverse(DEMO_UNIVERSE).get('services-domicile2.test')?.pages.get('/') ?? '';
    const picked = pickProbeLinks(home, 'http://services-domicile2.test/', 2);
    expect(picked).toHaveLength(2);
    for (const url of picked) expect(url).toMatch(/^http:\/\/services-domicile2\.test\/ad\/\d+$/);
  });

  it('still takes a small site’s inner pages, ad-like or not, but neither its contact page nor its root', () => {
    expect(pickProbeLinks(SMALL_SITE, 'http://atelier-velo.example/', 5)).toEqual([
      'http://atelier-velo.example/tarifs/velos',
      'http://atelier-velo.example/horaires',
    ]);
    expect(pickProbeLinks(SMALL_SITE, 'http://atelier-velo.example/', 0)).toEqual([]);
  });

  it('keeps to the page’s own site (with or without www.) and refuses script, data and credentials links', () => {
    const html = `<a href="javascript:location='/annonce/1'">a</a><a href=" JavaScript:void(0)">b</a>
      <a href="data:text/html;base64,PGEgaHJlZj0vYW5ub25jZS8yPg==">c</a><a href="vbscript:x">d</a>
      <a href="http://autre-site.example/annonce/3">e</a><a href="//autre-site.example/annonce/4">f</a>
      <a href="http://user:pw@jardin.example/annonce/5">g</a><a href="ftp://jardin.example/annonce/6">h</a>
      <a href="http://jardin.example:8080/annonce/7">i</a><a href="#annonce-8">j</a>
      <a href="http://www.jardin.example/annonce/9">k</a><a href="/annonce/10#photos">l</a>
      <a href="https://jardin.example/annonce/11">m</a>`;
    expect(pickProbeLinks(html, 'http://jardin.example/', 10)).toEqual([
      'http://www.jardin.example/annonce/9',
      'http://jardin.example/annonce/10',
      'https://jardin.example/annonce/11',
    ]);
  });

  it('reads at most MAX_ANCHORS links and stays fast on hostile markup', () => {
    const many = `${'<a href="/page">x</a>'.repeat(MAX_ANCHORS)}<a href="/annonce/123"><img src="/1.jpg"></a>`;
    expect(pickProbeLinks(many, 'http://jardin.example/', 2)).toEqual(['http://jardin.example/page']);
    const broken = `${'<a '.repeat(100_000)}${'<a href="/x/1234">'.repeat(10_000)}`;
    const started = performance.now();
    expect(pickProbeLinks(broken, 'http://jardin.example/', 2)).toEqual([]);
    expect(pickProbeLinks('<a href="/annonce/1"', 'not a url', 2)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

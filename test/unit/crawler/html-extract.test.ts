import { describe, expect, it } from 'vitest';
import { extractFromHtml, needsBrowser } from '../../../crawler/html-extract.ts';

const page = `<!doctype html><html><head><title> Plomberie  Dupont </title>
<link rel="stylesheet" href="/css/site.css"><link rel="shortcut icon" href="/fav.ico">
<script src="https://cdn.annonces.test/app.js"></script><style>.x{color:red}</style></head>
<body><nav><a href="/">Accueil</a> <a href="annonce/12#photos">Annonce</a> <a href="mailto:x@a.test">m</a>
<a href="javascript:void(0)">j</a> <a href="https://autre.example/">ailleurs</a></nav>
<h1>Fuite d'eau ?</h1><p>Appelez le 06&nbsp;39&nbsp;98&nbsp;12&nbsp;34</p><script>var hidden = "not text";</script>
<p>${'Intervention rapide, devis gratuit, dépannage de chauffe-eau et débouchage. '.repeat(4)}</p>
<template><p>tpl</p></template></body></html>`;

describe('extractFromHtml', () => {
  it('reads title, visible text, links, scripts, stylesheets and favicon', () => {
    const x = extractFromHtml(page, 'http://www.annonces.test/liste/');
    expect(x.title).toBe('Plomberie Dupont');
    expect(x.text).toMatch(/Fuite d'eau \?\n+Appelez le 06 39 98 12 34/);
    expect(x.text).not.toContain('not text');
    expect(x.text).not.toContain('tpl');
    expect(x.links).toEqual([
      'http://www.annonces.test/',
      'http://www.annonces.test/liste/annonce/12',
      'https://autre.example/',
    ]);
    expect(x.scripts).toEqual(['https://cdn.annonces.test/app.js']);
    expect(x.stylesheets).toEqual(['http://www.annonces.test/css/site.css']);
    expect(x.faviconUrl).toBe('http://www.annonces.test/fav.ico');
    expect(needsBrowser(x)).toBe(false);
  });

  it('honours <base href> and survives malformed HTML', () => {
    const x = extractFromHtml(
      '<base href="http://b.test/d/"><a href="x">x<p>unclosed <b><i>tags</b> <a href="y"',
      'http://a.test/',
    );
    expect(x.links[0]).toBe('http://b.test/d/x');
    expect(x.text).toContain('unclosed tags');
  });

  it('flags pages drawn by JavaScript', () => {
    const spa = extractFromHtml(
      '<html><body><div id="root"></div><script src="/bundle.js"></script></body></html>',
      'http://a.test/',
    );
    expect(spa.emptyAppRoot).toBe(true);
    expect(needsBrowser(spa)).toBe(true);
    const noscript = extractFromHtml(
      '<body><noscript>Activez JavaScript</noscript><script>draw()</script></body>',
      'http://a.test/',
    );
    expect(needsBrowser(noscript)).toBe(true);
    const filled = extractFromHtml(
      `<div id="app"><p>${'Ménage à domicile. '.repeat(20)}</p></div><script src="/a.js"></script>`,
      'http://a.test/',
    );
    expect(filled.emptyAppRoot).toBe(false);
    expect(needsBrowser(filled)).toBe(false);
  });
});

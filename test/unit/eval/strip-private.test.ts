/**
 * The neutraliser of classified-ad and forum pages (test/fixtures/real-pages/strip-private.ts) removes what a person
 * wrote or is named by and keeps the markup the layout signal reads; and the classified and forum pages of the
 * real-page set carry no e-mail address, no phone-like digit run, no tel:/mailto: value and no real image source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../detector/index.ts';
import { neutralUrl, stripPrivate } from '../../fixtures/real-pages/strip-private.ts';

const DIR = join(import.meta.dirname, '../../fixtures/real-pages');

// A made-up listing in the shape of a real one; the number is an ARCEP fiction number, the addresses .example.
const AD = `<!DOCTYPE html><html><head><title>Plombier Dupont 06 39 98 12 34</title>
<meta name="description" content="Jean Dupont, plombier, jean.dupont@plomberie.example"></head>
<body class="ad-page" onload="track(4412)"><div id="ad-4412" class="listing listing--pro" data-author="Jean Dupont">
<h1>Plombier à Lyon</h1><p>Appelez Jean au 06&nbsp;39&nbsp;98&nbsp;12&nbsp;34 ou <a href="mailto:jean.dupont@plomberie.example">écrivez</a>.</p>
<a href="tel:+33639981234" class="call">06 39 98 12 34</a><img src="https://img.plomberie.example/jean-4412.jpg" alt="Jean Dupont">
<a href="https://plomberie.example/annonces/jean-dupont-4412.html?user=jdupont&amp;ref=77">voir</a>
<p style="background:url(https://img.plomberie.example/bg-4412.png)">Pour toute question, jean.dupont@plomberie.example</p>
</div></body></html>`;

describe('stripPrivate', () => {
  const out = stripPrivate(AD);

  it('removes names, numbers, addresses, images and event handlers', () => {
    for (const word of ['Dupont', 'Jean', 'jean', 'jdupont', 'plombier', 'Lyon', '@', '4412', '39', '98', 'track'])
      expect(out).not.toContain(word);
    expect(out.replace(/<\/?h[1-6]\b/g, '')).not.toMatch(/[1-9]/); // heading tags aside
    expect(out).toContain('href=""'); // mailto: and tel: emptied
    expect(out).toContain('src="/placeholder.png"');
    expect(out).toContain('url(/placeholder.png)');
    expect(out).toContain('onload=""');
  });

  it('keeps tags, class, id and hosts, and text of the same length', () => {
    expect(out).toContain('<div id="ad-0000" class="listing listing--pro"');
    expect(out).toContain('<body class="ad-page"');
    expect(out).toContain('https://plomberie.example/');
    expect(out.match(/<[a-z!/][^>]*>/gi)?.map((t) => t.match(/^<\/?[!a-z0-9]+/i)?.[0])).toEqual(
      AD.match(/<[a-z!/][^>]*>/gi)?.map((t) => t.match(/^<\/?[!a-z0-9]+/i)?.[0]),
    );
    expect(stripPrivate('<p>Bonjour  à tous</p>')).toMatch(/^<p>\S{7} {2}\S \S{4}<\/p>$/);
  });

  it('gives the same layout tokens as the original', () => {
    const url = 'https://annonces.example/ad/1';
    expect(extractPage({ url, html: out }).layout).toEqual(extractPage({ url, html: AD }).layout);
  });

  it('neutralises link paths and queries but keeps scheme, host and character references', () => {
    expect(neutralUrl('https://www.site.example/user/jdupont-42?id=7&amp;p=2#c3')).toBe(
      'https://www.site.example/xxxx/xxxxxxx-00?xx=0&amp;x=0#x0',
    );
    expect(neutralUrl('tel:0639981234')).toBe('');
    expect(neutralUrl('MAILTO:a@b.example')).toBe('');
  });
});

describe('classified-ad and forum pages of the real-page set', () => {
  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { file: string; kind: string }[];
  const listed = manifest.filter((e) => e.kind === 'classified' || e.kind === 'forum');

  it('are stored neutralised', () => {
    expect(listed.length).toBeGreaterThanOrEqual(6);
    for (const e of listed) {
      const html = gunzipSync(readFileSync(join(DIR, 'pages', e.file))).toString('utf8');
      const body = html.replace(/<!DOCTYPE[^>]*>/i, '');
      expect(body, e.file).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
      expect(body, e.file).not.toMatch(/\b(mailto|tel):[^"]/i);
      expect(body, e.file).not.toMatch(/[1-9]\d{2,}/);
      expect(body.match(/<img\b[^>]*\bsrc="([^"]*)"/gi)?.every((t) => t.includes('/placeholder.png')) ?? true).toBe(
        true,
      );
    }
  });
});

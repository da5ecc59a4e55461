import murmur from 'murmurhash3js-revisited';
import { describe, expect, it } from 'vitest';
import {
  extractPage,
  isValidBitcoin,
  isValidEthereum,
  isValidIban,
  shodanFaviconHash,
} from '../../../detector/index.ts';
import { encodebytes } from '../../../detector/pivots/favicon.ts';
import { createRng, fictionIban } from '../../../sitegen/index.ts';

const pivotsOf = (html: string, extra: Partial<Parameters<typeof extractPage>[0]> = {}) =>
  extractPage({ url: 'http://site.test/', html, ...extra }).pivots.map((p) => `${p.kind}:${p.value}`);

describe('tracker pivots', () => {
  it('finds ids in <noscript> pixels and frames and in data- attributes, with no script on the page', () => {
    const html = `<html><body>
<noscript><img height="1" width="1" src="https://www.facebook.com/tr?id=123456789012345&amp;ev=PageView&amp;noscript=1"></noscript>
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-NS12345" height="0" width="0"></iframe></noscript>
<noscript><div><img src="https://mc.yandex.ru/watch/87654321" alt=""></div></noscript>
<div class="tracking" data-ga-id="G-DATA123456" data-ad-client="ca-pub-1234567890123456"></div>
<p>Annonces de services</p></body></html>`;
    const pivots = pivotsOf(html);
    expect(pivots).toContain('meta-pixel:123456789012345');
    expect(pivots).toContain('google-tag-manager:GTM-NS12345');
    expect(pivots).toContain('yandex-metrica:87654321');
    expect(pivots).toContain('google-analytics:G-DATA123456');
    expect(pivots).toContain('adsense:pub-1234567890123456');
  });

  it('ignores links and images outside <noscript> and attributes other than data-', () => {
    const html = `<html><body><img src="https://mc.yandex.ru/watch/87654321" title="G-TITLE12345"><p>rien</p></body></html>`;
    expect(pivotsOf(html)).toEqual([]);
  });

  it('finds Google Analytics, Tag Manager, AdSense, Meta pixel and Yandex Metrica ids', () => {
    const html = `<html><head>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-AB12CD34EF"></script>
<script>gtag('config', 'UA-1234567-2'); (function(w,d,s,l,i){})(window,document,'script','dataLayer','GTM-K9X2AB7');</script>
<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1234567890123456"></script>
<script>fbq('init', '123456789012345');</script>
<script>ym(87654321, "init", {clickmap:true});</script>
</head><body><p>Bonjour</p></body></html>`;
    expect(pivotsOf(html)).toEqual(
      expect.arrayContaining([
        'google-analytics:G-AB12CD34EF',
        'google-analytics:UA-1234567-2',
        'google-tag-manager:GTM-K9X2AB7',
        'adsense:pub-1234567890123456',
        'meta-pixel:123456789012345',
        'yandex-metrica:87654321',
      ]),
    );
  });

  it('keeps the site’s own hashed asset names and skips common libraries and third-party hosts', () => {
    const html = `<html><head><script src="/static/app.3f9a2c1b.js"></script><script src="/js/jquery.min.js"></script>
<script src="https://cdnjs.cloudflare.com/x/annonces.9ab3.js"></script><link rel="stylesheet" href="/css/theme-annonces.77ab.css"></head><body></body></html>`;
    const pivots = pivotsOf(html);
    expect(pivots).toContain('asset:app.3f9a2c1b.js');
    expect(pivots).toContain('asset:theme-annonces.77ab.css');
    expect(pivots.some((p) => p.includes('jquery'))).toBe(false);
    expect(pivots.some((p) => p.includes('annonces.9ab3'))).toBe(false);
  });
});

describe('favicon pivots', () => {
  it('lays out base64 like Python base64.encodebytes (76 characters a line, trailing newline)', () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    const text = encodebytes(Buffer.from(bytes).toString('base64'));
    expect(text.length).toBe(693);
    expect(text.split('\n').length - 1).toBe(9);
    expect(text.startsWith('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4\nOTo7')).toBe(
      true,
    );
  });

  it('hashes with signed MurmurHash3 x86 32 (mmh3.hash("foo") = -156908512)', () => {
    expect(murmur.x86.hash32(new TextEncoder().encode('foo'), 0) | 0).toBe(-156908512);
  });

  it('gives the Shodan hash and the SHA-256 of the favicon bytes', () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    const b64 = Buffer.from(bytes).toString('base64');
    const pivots = pivotsOf('<html><body></body></html>', { faviconBase64: b64 });
    const expected = murmur.x86.hash32(new TextEncoder().encode(encodebytes(b64)), 0) | 0;
    expect(pivots).toContain(`favicon-mmh3:${expected}`);
    expect(shodanFaviconHash(bytes)).toBe(expected);
    expect(pivots).toContain('favicon-sha256:110009dcee21620b166f3abfecb5eff7a873be729d1c2d53822e7acc5f34eb9b');
  });
});

describe('payment pivots', () => {
  it('accepts IBANs whose mod-97 checksum holds and rejects altered ones', () => {
    const iban = fictionIban(createRng('iban'));
    expect(isValidIban(iban)).toBe(true);
    const altered = iban.slice(0, -1) + String((Number(iban.at(-1)) + 1) % 10);
    expect(isValidIban(altered)).toBe(false);
    expect(isValidIban('FR7630006000011234567890189')).toBe(true);
    expect(pivotsOf(`<p>Virement : ${iban.replace(/(.{4})/g, '$1 ')}</p>`)).toContain(`iban:${iban}`);
    expect(pivotsOf(`<p>Virement : ${altered}</p>`).some((p) => p.startsWith('iban:'))).toBe(false);
  });

  it('checks Bitcoin base58check and bech32/bech32m addresses', () => {
    expect(isValidBitcoin('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toBe(true);
    expect(isValidBitcoin('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3')).toBe(false);
    expect(isValidBitcoin('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toBe(true);
    expect(isValidBitcoin('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toBe(false);
    expect(isValidBitcoin('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0')).toBe(true);
    expect(pivotsOf('<p>BTC : bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4</p>')).toContain(
      'bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    );
  });

  it('checks EIP-55 Ethereum checksums when the address is mixed case', () => {
    expect(isValidEthereum('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe(true);
    expect(isValidEthereum('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe(false);
    expect(isValidEthereum('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(true);
    expect(pivotsOf('<p>ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</p>')).toContain(
      'ethereum:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    );
  });

  it('finds PayPal.me and similar payment links', () => {
    const pivots = pivotsOf(
      '<p>Payez sur <a href="https://www.paypal.me/annonces12345">PayPal</a> ou revolut.me/menage75</p>',
    );
    expect(pivots).toContain('payment-link:paypal.me/annonces12345');
    expect(pivots).toContain('payment-link:revolut.me/menage75');
  });
});

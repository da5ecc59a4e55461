import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLanding } from '../../../screen/index.ts';

const DIR = join(import.meta.dirname, '../../fixtures/parking');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');

const EXPECTED: Record<string, [string, RegExp]> = {
  'sedo-brick.html': ['parked', /Sedo/],
  'godaddy-lander.html': ['parked', /GoDaddy/],
  'godaddy-redirect-stub.html': ['parked', /GoDaddy/],
  'godaddy-mcc-frame.html': ['parked', /GoDaddy/],
  'parkingcrew-sale.html': ['parked', /ParkingCrew/],
  'bodis.html': ['parked', /Bodis/],
  'afd-registrar-frameset.html': ['parked', /AdSense/],
  'dan-for-sale.html': ['for-sale', /marketplace|for-sale/],
};

describe('landing-page classification on parking providers’ template markup', () => {
  it('has an expectation for every shipped fixture', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.html'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is %s', (file, [kind, reason]) => {
    const verdict = classifyLanding({ status: 200, html: fixture(file), contentType: 'text/html' });
    expect(verdict?.kind).toBe(kind);
    expect(verdict?.reason).toMatch(reason);
  });

  it('leaves a live home-services page alone, even one that speaks of offers and coming soon', () => {
    const html = `<html><head><title>Jardin Net</title></head><body><h1>Entretien de jardin à domicile</h1>
      <p>Tonte, taille de haies et ramassage des feuilles chaque semaine. Devis gratuit au 06 39 98 12 34.</p>
      <p>Nouveau service de nettoyage de vitres bientôt disponible : faites-nous une offre pour un contrat annuel.</p></body></html>`;
    expect(classifyLanding({ status: 200, html, contentType: 'text/html; charset=utf-8' })).toBeNull();
  });

  it('takes a page of pictures with little text for a page worth a look, not an empty one', () => {
    const thumbs = [1, 2, 3, 4].map((i) => `<a href="/photo/${i}"><img src="/galerie/${i}.jpg" width="160"></a>`);
    const gallery = `<html><body><h1>Nos réalisations</h1>${thumbs.join('')}</body></html>`;
    expect(classifyLanding({ status: 200, html: gallery })).toBeNull();
    expect(classifyLanding({ status: 200, html: gallery.replace(thumbs.slice(1).join(''), '') })?.kind).toBe('empty');
  });

  it('names empty pages, error statuses and non-HTML answers', () => {
    expect(classifyLanding({ status: 200, html: '<html><body><p>Bientôt</p></body></html>' })?.kind).toBe('empty');
    expect(classifyLanding({ status: 503, html: 'x'.repeat(500) })).toMatchObject({ kind: 'error', reason: /503/ });
    expect(classifyLanding({ status: 200, html: '{}', contentType: 'application/json' })?.kind).toBe('empty');
  });
});

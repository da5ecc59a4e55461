import { describe, expect, it } from 'vitest';
import { evidenceView } from '../../../review/pages/evidence-view.ts';

const sha = (c: string) => c.repeat(64);

describe('shared ad photos on the review page', () => {
  it('shows each pair side by side as images served from the evidence store, URLs as escaped text', () => {
    const page = evidenceView([
      {
        kind: 'shared-photo',
        distance: 4,
        specificity: 0.25,
        reference: { url: 'http://a.test/p/1.jpg"><script>x()</script>', sha256: sha('a') },
        candidate: { url: 'http://b.test/img/1.jpg', sha256: sha('b') },
      },
      { kind: 'shared-contact', contactKind: 'phone', values: ['+33639981234'], fromImages: ['+33639981234'] },
    ]).toString();
    expect(page).toContain('Shared ad photos (1)');
    expect(page).toContain(`<img src="/artifacts/${sha('a')}"`);
    expect(page).toContain(`<img src="/artifacts/${sha('b')}"`);
    expect(page).not.toContain('<script>');
    expect(page).toContain('distance 4 of 64');
    expect(page).toContain('weight 0.25');
    expect(page).toContain('+33639981234 (in a picture)');
  });

  it('never puts anything but a SHA-256 into an image URL: other photo evidence is shown as text', () => {
    const page = evidenceView([
      { kind: 'shared-photo', distance: 0, reference: { sha256: '../../etc/passwd' }, candidate: { sha256: sha('c') } },
    ]).toString();
    expect(page).not.toContain('<img');
    expect(page).toContain('Other evidence');
  });
});

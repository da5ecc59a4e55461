import { describe, expect, it } from 'vitest';
import { hammingDistance64 } from '../../../detector/index.ts';
import {
  createOperator,
  createPhoneAllocator,
  createRng,
  frenchPair,
  renderFavicon,
  renderSite,
  type SiteSpec,
  TEMPLATE_NAMES,
} from '../../../sitegen/index.ts';
import { buildProfiles, prepareUniverse } from '../../eval/evaluate.ts';

function spec(seed: string, template: SiteSpec['template'] = 'classic'): SiteSpec {
  const op = createOperator(createRng(seed), createPhoneAllocator(), { name: seed, advertisers: 6 });
  return { domain: `${seed}.test`, brand: `Annonces ${seed}`, template, ads: op.ads, trackers: op.trackers };
}

describe('fixture site generator', () => {
  it('is deterministic: same seed, same pages byte for byte', () => {
    expect([...renderSite(spec('a'))]).toEqual([...renderSite(spec('a'))]);
    expect([...renderSite(spec('a'))]).not.toEqual([...renderSite(spec('b'))]);
    expect(renderFavicon(spec('a'))).toEqual(renderFavicon(spec('b')));
    expect(renderFavicon({ ...spec('a'), faviconSeed: 'x' })).not.toEqual(renderFavicon(spec('a')));
  });

  it('uses only fiction-range phone numbers and reserved domains', () => {
    for (const template of TEMPLATE_NAMES) {
      for (const html of renderSite(spec('c', template)).values()) {
        for (const m of html.matchAll(/\+33\s?(\d)/g)) expect(['6', '1']).toContain(m[1]);
        for (const m of html.matchAll(/https?:\/\/([a-z0-9.-]+)/g)) {
          expect(m[1]).toMatch(/\.(test|example)$|googletagmanager\.com$|googlesyndication\.com$/);
        }
        for (const m of html.matchAll(/[\w.-]+@([\w-]+\.[a-z]+)/g)) expect(m[1]).toMatch(/\.(test|example)$/);
      }
    }
  });

  it('spells two-digit groups the way they are read aloud', () => {
    expect(frenchPair('09')).toBe('zéro neuf');
    expect(frenchPair('71')).toBe('soixante et onze');
    expect(frenchPair('80')).toBe('quatre-vingts');
    expect(frenchPair('98')).toBe('quatre-vingt-dix-huit');
    expect(frenchPair('21')).toBe('vingt et un');
  });

  it('builds templates with different DOM structures (layouts far apart), same template close', () => {
    const specs = TEMPLATE_NAMES.flatMap((t) => [spec(`x-${t}`, t), spec(`y-${t}`, t)]);
    const universe = {
      sites: specs.map((s) => ({ name: s.domain, spec: s, role: 'seed' as const, kind: 'seed' as const, of: null })),
      pairs: [],
    };
    const profiles = buildProfiles(prepareUniverse(universe));
    const layout = (name: string) => BigInt(`0x${profiles.get(name)!.layout.ad}`);
    for (const t of TEMPLATE_NAMES) {
      expect(hammingDistance64(layout(`x-${t}.test`), layout(`y-${t}.test`))).toBeLessThanOrEqual(12);
      for (const u of TEMPLATE_NAMES.filter((x) => x !== t)) {
        expect(hammingDistance64(layout(`x-${t}.test`), layout(`x-${u}.test`)), `${t} vs ${u}`).toBeGreaterThan(16);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { exampleConfig, parseConfig } from '../../../config/index.ts';
import { configProblems } from './config-problems.ts';

const problems = configProblems;

const site = (extra = '') =>
  `sites:\n  - name: annonces-maison\n    status: convicted\n    caseRef: CASE-1\n    domains: [annonces-maison.test]\n${extra}`;

describe('parseConfig', () => {
  it('accepts the example written by phenix init, with defaults filled in', () => {
    const config = parseConfig(exampleConfig);
    expect(config.sites.map((s) => s.name)).toEqual(['annonces-maison', 'services-domicile']);
    expect(config.crawler.allowPrivateTargets).toBe(false);
    expect(config.crawler.mode).toBe('browser');
    expect(config.evidence.dir).toBe('data/evidence');
    expect(config.sites[0].region).toBe('FR');
  });

  it('accepts an empty file as an empty config', () => {
    expect(parseConfig('').sites).toEqual([]);
  });

  it('normalises domains: lowercase, IDN to punycode, trailing dot removed', () => {
    const config = parseConfig(
      `sites:\n  - name: a\n    status: suspected\n    caseRef: C\n    domains: ["Annonces-Maison.TEST.", "ménage-à-domicile.test"]\n`,
    );
    expect(config.sites[0].domains).toEqual(['annonces-maison.test', 'xn--mnage--domicile-cjb1m.test']);
  });

  it('names the path of a URL where a hostname belongs', () => {
    expect(
      problems(
        `sites:\n  - name: a\n    status: suspected\n    caseRef: C\n    domains: [ok.test]\n  - name: b\n    status: suspected\n    caseRef: C\n    domains: [ok2.test]\n  - name: c\n    status: suspected\n    caseRef: C\n    domains: ["http://x.fr/path"]\n`,
      ),
    ).toEqual(['sites[2].domains[0] (line 13): "http://x.fr/path" is a URL; expected a hostname such as x.fr']);
  });

  it.each([
    ['a space', 'annonces maison.test', '"annonces maison.test" contains a space'],
    ['a port', 'annonces.test:8080', 'has a port; write the hostname alone, such as annonces.test'],
    ['an IP address', '192.0.2.10', 'is an IP address'],
    ['no dot', 'localhost', 'has no dot'],
    ['an email', 'contact@annonces.test', 'looks like an email address'],
    ['a bad label', 'annonces-.test', 'has an invalid part "annonces-"'],
  ])('refuses a domain with %s', (_label, domain, message) => {
    const [p] = problems(`sites:\n  - name: a\n    status: suspected\n    caseRef: C\n    domains: ["${domain}"]\n`);
    expect(p).toContain('sites[0].domains[0]');
    expect(p).toContain(message);
  });

  it('reports every problem of the file at once', () => {
    const list = problems(
      `sites:\n  - name: Bad_Name\n    status: convcted\n    caseRef: ''\n    domains: []\n    region: france\n    schedule: "99 * * * *"\n    domain: x\ncrawler:\n  mode: fast\n  concurrency: 0\n  hostMap: {"*.test": nope}\n  proxyUrl: ftp://x\nunknownSection: 1\n`,
    );
    expect(list).toEqual([
      expect.stringMatching(/^sites\[0\]\.name \(line 2\): "Bad_Name" must be a short name of lowercase letters/),
      'sites[0].status (line 3): "convcted" is not allowed; expected one of convicted, suspected, seized, cleared',
      expect.stringMatching(/^sites\[0\]\.caseRef \(line 4\): "" is empty; write the case reference/),
      'sites[0].domains (line 5): a list lists no domain; a monitored site needs at least one',
      'sites[0].region (line 6): "france" must be a two-letter country code in capitals, e.g. FR',
      expect.stringMatching(/^sites\[0\]\.schedule \(line 7\): "99 \* \* \* \*" is not a valid cron expression/),
      'sites[0] (line 8): unknown key "domain"; allowed keys are name, status, caseRef, domains, region, notes, schedule, crawl',
      'crawler.mode (line 10): "fast" is not allowed; expected one of browser, http, auto',
      'crawler.concurrency (line 11): 0 must be at least 1',
      expect.stringMatching(/^crawler\.proxyUrl \(line 13\): "ftp:\/\/x" must be a proxy URL/),
      'crawler.hostMap.*.test (line 12): "nope" must be host:port, e.g. 127.0.0.1:8080',
      expect.stringMatching(
        /^\(top level\) \(line 14\): unknown key "unknownSection"; allowed keys are sites, crawler/,
      ),
    ]);
  });

  it('refuses a domain listed under two sites and duplicate names', () => {
    const list = problems(
      `${site()}  - name: annonces-maison\n    status: suspected\n    caseRef: C2\n    domains: [ANNONCES-MAISON.test]\n`,
    );
    expect(list).toEqual([
      'sites[1].name (line 6): "annonces-maison" is already the name of sites[0]; site names must be unique',
      'sites[1].domains[0] (line 9): "annonces-maison.test" is already listed under site "annonces-maison"; a domain belongs to one site only',
    ]);
  });

  it('says when a required key is missing', () => {
    expect(problems('sites:\n  - name: a\n    status: seized\n')).toEqual([
      'sites[0].caseRef (line 2): is missing; it is required',
      'sites[0].domains (line 2): is missing; it is required',
    ]);
  });

  it('says when the file is not YAML, with the line', () => {
    const [p] = problems('sites: [\n  - a\n');
    expect(p).toMatch(/^line \d+, column \d+: .*\(the file is not valid YAML\)$/);
  });

  it('refuses a list or a scalar at the top', () => {
    expect(problems('- a\n- b\n')).toEqual([
      'the file must be a mapping of sections (sites:, crawler:, ...), not a list or a single value',
    ]);
  });

  it('refuses duplicate keys', () => {
    expect(problems('crawler:\n  mode: http\n  mode: browser\n')[0]).toMatch(/Map keys must be unique/);
  });

  it('lets DATABASE_URL win over database.url', () => {
    const config = parseConfig('database:\n  url: postgres://a@h/db\n', {
      env: { DATABASE_URL: 'postgres://b@h/db2' },
    });
    expect(config.database.url).toBe('postgres://b@h/db2');
    expect(parseConfig('database:\n  url: postgres://a@h/db\n', { env: {} }).database.url).toBe('postgres://a@h/db');
    expect(problems('database:\n  url: mysql://x\n')[0]).toBe(
      'database.url (line 2): "mysql://x" must be a postgres:// URL',
    );
  });

  it('validates per-site crawl limits and schedules', () => {
    const config = parseConfig(
      site('    schedule: "*/30 * * * *"\n    crawl:\n      maxPages: 10\n      include: ["/annonce/*"]\n'),
    );
    expect(config.sites[0].schedule).toBe('*/30 * * * *');
    expect(config.sites[0].crawl).toEqual({ maxPages: 10, include: ['/annonce/*'] });
    expect(problems(site('    crawl:\n      maxPage: 10\n'))[0]).toContain(
      'sites[0].crawl (line 7): unknown key "maxPage"; allowed keys are mode, maxPages',
    );
  });
  it('refuses detector thresholds that contradict each other, naming the key and its line', () => {
    expect(problems('detector:\n  relatedScore: 0.6\n')).toEqual([
      expect.stringMatching(
        /^detector\.relatedScore \(line 2\): relatedScore \(0\.6\) must be below cloneScore \(0\.55\)/,
      ),
    ]);
    expect(problems('detector:\n  cloneScore: 0.3\n  relatedScore: 0.3\n').join('\n')).toContain(
      'detector.relatedScore',
    );
    expect(problems('detector:\n  layoutZeroDistance: 0\n').join('\n')).toContain(
      'layoutZeroDistance must be at least 1 bit',
    );
    expect(problems('detector:\n  adCounterpartDistance: 8\n').join('\n')).toContain(
      'must be at least adMaxDistance (12)',
    );
    expect(problems('detector:\n  clonePhotoShare: 1\n').join('\n')).toContain('clonePhotoShare (1) must be below 1');
    expect(problems('detector:\n  layoutSketchExponent: 0\n').join('\n')).toContain('detector.layoutSketchExponent');
    expect(problems('detector:\n  corroboratedAdShare: 0.9\n').join('\n')).toContain(
      'corroboratedAdShare (0.9) must not exceed cloneAdShare (0.75)',
    );
    expect(problems('detector:\n  corroborationStrength: 0\n').join('\n')).toContain('detector.corroborationStrength');
    expect(parseConfig('detector:\n  templateReferenceShare: 0.5\n').detector).toEqual({ templateReferenceShare: 0.5 });
    expect(parseConfig('detector:\n  operatorContentShare: 0.5\n').detector).toEqual({ operatorContentShare: 0.5 });
    expect(problems('detector:\n  operatorContentShare: 0.7\n').join('\n')).toContain(
      'operatorContentShare (0.7) must not exceed corroboratedAdShare (0.6)',
    );
    expect(parseConfig('detector:\n  cloneAdShare: 1\n  relatedScore: 0.3\n').detector).toEqual({
      cloneAdShare: 1,
      relatedScore: 0.3,
    });
  });
  it('takes screen.probePages (default 2, 0 turns the second look off) and refuses what is not a small count', () => {
    expect(parseConfig('').screen.probePages).toBe(2);
    expect(parseConfig('screen:\n  probePages: 0\n').screen.probePages).toBe(0);
    expect(problems('screen:\n  probePages: 11\n')).toEqual([
      'screen.probePages (line 2): 11 is at most 10 linked pages per landing page',
    ]);
    expect(problems('screen:\n  probePages: -1\n')[0]).toContain('must be 0 (no second look) or more');
    expect(problems('screen:\n  probePages: 1.5\n')[0]).toContain('screen.probePages (line 2)');
  });
});

/**
 * `phenix compare` reads a candidate as a cycle reads it: with the unit's database, against every monitored site at
 * once, so a site rebuilt from two taken-down boards (about half of each) is a clone of each, by the merged-boards
 * rule, as the cycle finds it. Without the unit (no config), the same pair judged alone is only related.
 *
 * The boards are saved folders of neutral home-services ads (word sequences drawn from one vocabulary, so no two ads
 * are alike); the monitored boards get their stored profiles through the product's own path: `sites sync`,
 * `sites import-snapshot`, `reprocess`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../db/index.ts';
import { hashPassword } from '../../../review/security/passwords.ts';
import { mintCliToken, runPhenixHere, withToken } from '../../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

const VOCABULARY = (
  'tonte pelouse taille haies jardin potager arrosage massif allée gazon débroussaillage feuilles ménage vitres ' +
  'repassage sols cuisine salle bains peinture plafond murs enduit papier peint plomberie robinet fuite chauffe-eau ' +
  'carrelage joints parquet ponçage vernis volets portail clôture terrasse bois lasure nettoyage gouttières toiture ' +
  'mousse démoussage bricolage étagères meubles montage livraison courses aide repas garde enfants sortie école ' +
  'devoirs soutien cours anglais piano informatique ordinateur imprimante réseau déménagement cartons camion ' +
  'cave grenier débarras matinée après-midi samedi semaine soirée'
).split(' ');

/** A deterministic word stream (xorshift32). */
function words(seed: number): () => string {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return VOCABULARY[(x >>> 0) % VOCABULARY.length];
  };
}

interface Ad {
  title: string;
  text: string;
}

function ad(seed: number): Ad {
  const next = words(seed);
  const title = `Service ${next()} ${next()} ${next()}`;
  const text = Array.from({ length: 28 }, next).join(' ');
  return { title, text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` };
}

/** A board saved as a folder: a listing page and one page per ad. */
function saveBoard(dir: string, name: string, ads: Ad[]): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'annonce'), { recursive: true });
  const shell = (title: string, body: string) =>
    `<!doctype html><html lang="fr"><head><title>${title}</title></head><body><header><nav><a href="/">Accueil</a></nav></header><main>${body}</main><footer>Petites annonces de services</footer></body></html>`;
  writeFileSync(
    join(root, 'index.html'),
    shell(
      'Annonces',
      `<h1>Annonces</h1><ul>${ads.map((a, i) => `<li><a href="/annonce/${i}.html">${a.title}</a></li>`).join('')}</ul>`,
    ),
  );
  ads.forEach((a, i) => {
    writeFileSync(
      join(root, 'annonce', `${i}.html`),
      shell(a.title, `<article class="annonce"><h1>${a.title}</h1><p>${a.text}</p></article>`),
    );
  });
  return root;
}

const boardA = Array.from({ length: 20 }, (_, i) => ad(100 + i));
const boardB = Array.from({ length: 20 }, (_, i) => ad(200 + i));
// 12 of A's ads, 10 of B's and 2 new: about half of the site from each board, most of each board on it.
const merged = [...boardA.slice(0, 12), ...boardB.slice(0, 10), ad(300), ad(301)];
// A third monitored board that shares 12 of A's ads and has 12 of its own: related to A, and no board of its own making.
const sister = [...boardA.slice(8, 20), ...Array.from({ length: 12 }, (_, i) => ad(400 + i))];

interface Result {
  candidate: string;
  verdict: string;
}

describe('phenix compare with the unit: boards merged into one site', () => {
  let t: TestDatabase;
  let dir: string;
  let config: string;
  let token: string;
  const folders: Record<string, string> = {};

  const phenix = (args: string[]) => {
    process.env.DATABASE_URL = t.url;
    return withToken(token, () => runPhenixHere(['--config', config, ...args]));
  };

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    await createUser(t.handle.db, {
      name: 'analyste.roux',
      passwordHash: await hashPassword('correct horse battery'),
      by: 'test',
      role: 'analyst',
    });
    token = await mintCliToken(t.handle.db, 'analyste.roux');
    dir = mkdtempSync(join(tmpdir(), 'phenix-compare-merged-'));
    folders.a = saveBoard(dir, 'ancien-a', boardA);
    folders.b = saveBoard(dir, 'ancien-b', boardB);
    folders.merged = saveBoard(dir, 'fusion', merged);
    folders.sister = saveBoard(dir, 'soeur-c.test', sister);
    config = join(dir, 'phenix.yaml');
    writeFileSync(
      config,
      [
        'sites:',
        '  - name: ancien-a',
        '    status: convicted',
        '    caseRef: PJ-2026-031',
        '    domains: [ancien-a.test]',
        '  - name: ancien-b',
        '    status: convicted',
        '    caseRef: PJ-2026-032',
        '    domains: [ancien-b.test]',
        '  - name: soeur-c',
        '    status: convicted',
        '    caseRef: PJ-2026-033',
        '    domains: [soeur-c.test]',
        'database:',
        `  url: ${t.url}`,
        'crawler:',
        '  mode: http',
        '',
      ].join('\n'),
    );
    for (const args of [
      ['sites', 'sync'],
      ['sites', 'import-snapshot', 'ancien-a', folders.a, '--captured-at', '2026-09-14T08:30:00Z'],
      ['sites', 'import-snapshot', 'ancien-b', folders.b, '--captured-at', '2026-09-14T08:30:00Z'],
      ['sites', 'import-snapshot', 'soeur-c', folders.sister, '--captured-at', '2026-09-14T08:30:00Z'],
      ['reprocess', '--json'],
    ]) {
      const r = await phenix(args);
      expect(r.code, `${args.join(' ')}: ${r.err.slice(-1500)}`).toBe(0);
    }
  }, 240_000);
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await t?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('judges the merged site a clone of each board with the unit, naming the other board; alone, only related', async () => {
    const withUnit = await phenix(['compare', folders.a, folders.merged, '--json']);
    expect(withUnit.code, withUnit.err.slice(-1500)).toBe(0);
    expect((JSON.parse(withUnit.out) as Result[]).map((r) => r.verdict)).toEqual(['clone']);
    const text = await phenix(['compare', folders.b, folders.merged]);
    expect(text.code, text.err.slice(-1500)).toBe(0);
    expect(text.out).toMatch(/CLONE/);
    expect(text.out).toContain('ancien-a');
    // The same pair without the unit's database: nothing but the two folders is known.
    const alone = await runPhenixHere([
      '--config',
      join(dir, 'absent.yaml'),
      'compare',
      folders.a,
      folders.merged,
      '--json',
    ]);
    expect(alone.code, alone.err.slice(-1500)).toBe(0);
    expect((JSON.parse(alone.out) as Result[]).map((r) => r.verdict)).toEqual(['related']);
  }, 240_000);

  it('does not read a monitored site against its own stored copy: a folder named like its domain is that site', async () => {
    // Read against the stored profile of soeur-c as a board it was built from, soeur-c would be "merged" from itself
    // and A (all of it from the boards, 60 % of A on it, A half of it): a clone. It is one site: related to A only.
    const r = await phenix(['compare', folders.a, folders.sister, '--json']);
    expect(r.code, r.err.slice(-1500)).toBe(0);
    expect((JSON.parse(r.out) as Result[]).map((x) => x.verdict)).toEqual(['related']);
  }, 240_000);
});

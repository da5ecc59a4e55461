/**
 * `npx tsx test/eval/layout-families.ts`: which token families make the layout signal generalise (issue 18, item 4).
 * An experiment, not a goal: it exits 0 and changes nothing. Each variant is the detector's layout tokens of a family
 * choice, reported alone on the reporting halves of the 24 site splits; then the variant is chosen per split on the
 * fitting half (best AUC there) and reported on the other half. Results and what was kept: detector/README.md.
 *
 * Families. From the detector (extractPage, version 6): `p:` tag paths and `c:` child structures (version 5's tokens),
 * `m:` the same paths with class/id presence marks, `g:` the generator, `a:` style sheet and script paths. From this
 * file's own pass (never in the detector): `k:` class words (hashed, numbered and utility names dropped, digits
 * folded), `i:` id words, `ko:`/`io:` those outside `article`/`main`, `kh:` class words inside header/nav/footer/aside,
 * `kt:` class words of the outer skeleton (depth < 6), `q:` class-qualified parent>child pairs, `h:` tag paths inside
 * chrome (counted twice), `n:` child sequences with counts (`ul[li*7]`), `o:` tag paths outside `article`/`main`.
 */
import { Parser } from 'htmlparser2';
import { DROPPED } from '../../detector/extract/parse-html.ts';
import {
  detectorScorer,
  type KindedPage,
  LAYOUT_SPLITS,
  loadKindedPages,
  type PairScorer,
  runSplits,
  summarise,
} from './layout-splits.ts';
import { printTable } from './print.ts';
import { loadRealPages } from './real-pages.ts';

const CHROME = new Set(['nav', 'header', 'footer', 'aside']);

function normClass(w: string): string | null {
  if (w.length < 2 || w.length > 40) return null;
  if (/[:[\]/!@#%]/.test(w)) return null; // tailwind variants, arbitrary values
  if (/^(?:css|sc|jsx|svelte|emotion|styled|chakra|mui|makeStyles)-/i.test(w) && /\d|[A-Z]/.test(w.slice(3)))
    return null;
  // hashed: a run mixing letters and digits of ≥ 5 chars
  if (/(?:^|[-_])(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{5,}(?:$|[-_])/i.test(w)) return null;
  if (/^[a-z]{1,3}-?\d+$/i.test(w)) return null; // p-4, mt2, col6...
  return w.toLowerCase().replace(/\d+/g, '#');
}

interface Open {
  tag: string;
  kids: string[];
  chrome: boolean;
  content: number;
  cls: string;
}

/** Experimental token families of one page (prefixes in the header). */
function familyTokens(html: string): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (t: string) => {
    out[t] = (out[t] ?? 0) + 1;
  };
  const stack: Open[] = [];
  let drop = 0;
  let droppedTag = '';
  let inHead = 0;
  let chrome = 0;
  let content = 0;
  const p = new Parser(
    {
      onopentag(name, a) {
        if (drop > 0) {
          if (name === droppedTag) drop++;
          return;
        }
        if (name === 'head') inHead++;
        if (DROPPED.has(name)) {
          drop = 1;
          droppedTag = name;
          return;
        }
        if (inHead > 0) return;
        const classes = (a.class ?? '')
          .split(/\s+/)
          .map(normClass)
          .filter((x): x is string => !!x);
        const idn = a.id ? normClass(a.id) : null;
        const isChrome0 = CHROME.has(name);
        const isContent0 = name === 'article' || name === 'main' || (a.role ?? '') === 'main';
        for (const c of classes) {
          add(`k:${c}`);
          if (content === 0 && !isContent0) add(`ko:${c}`);
          if (chrome > 0 || isChrome0) add(`kh:${c}`);
          if (stack.length < 6) add(`kt:${c}`);
        }
        if (idn) {
          add(`i:${idn}`);
          if (content === 0 && !isContent0) add(`io:${idn}`);
        }
        const first = classes.length > 0 ? [...classes].sort()[0] : '';
        const n = stack.length;
        const parent = n > 0 ? stack[n - 1] : null;
        if (parent) parent.kids.push(name);
        const isChrome = CHROME.has(name);
        const isContent = name === 'article' || name === 'main' || (a.role ?? '') === 'main';
        const inChrome = chrome > 0 || isChrome;
        const path = stack
          .slice(Math.max(0, n - 3))
          .map((s) => s.tag)
          .concat(name)
          .join('>');
        if (inChrome) add(`h:${path}`);
        if (content === 0 && !isContent) add(`o:${path}`);
        // class-qualified path (parent.class > tag.class)
        if (first || parent?.cls) add(`q:${parent ? `${parent.tag}.${parent.cls}` : ''}>${name}.${first}`);
        stack.push({ tag: name, kids: [], chrome: isChrome, content: isContent ? 1 : 0, cls: first });
        if (isChrome) chrome++;
        if (isContent) content++;
      },
      onclosetag(name) {
        if (drop > 0) {
          if (name === droppedTag && --drop === 0) droppedTag = '';
          return;
        }
        if (name === 'head') {
          inHead = Math.max(0, inHead - 1);
          return;
        }
        if (inHead > 0) return;
        let i = stack.length - 1;
        while (i >= 0 && stack[i].tag !== name) i--;
        if (i < 0) return;
        while (stack.length > i) {
          const o = stack.pop()!;
          if (o.chrome) chrome--;
          if (o.content) content--;
          // exact child sequence with counts (chrome instances: a menu's item count)
          if (o.kids.length > 0) {
            const seq: string[] = [];
            let prev = '';
            let run = 0;
            for (const k of [...o.kids, '']) {
              if (k === prev) run++;
              else {
                if (prev) seq.push(run > 1 ? `${prev}*${run}` : prev);
                prev = k;
                run = 1;
              }
            }
            const tok = `n:${o.tag}[${seq.slice(0, 12).join(',')}]`;
            add(tok);
            if (chrome > 0 || o.chrome) add(`hn:${tok}`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  p.write(html);
  p.end();
  return out;
}

type Tokens = Record<string, number>;
const only = (f: Tokens, prefixes: string[]): Tokens =>
  Object.fromEntries(Object.entries(f).filter(([k]) => prefixes.includes(k.slice(0, k.indexOf(':')))));

/** Variant name → the families it keeps (detector tokens and this file's own, by prefix). */
const VARIANTS: Record<string, string[]> = {
  'tag paths (version 5)': ['p', 'c'],
  '+ class words': ['p', 'c', 'k'],
  '+ class and id words': ['p', 'c', 'k', 'i'],
  '+ class/id words outside article/main': ['p', 'c', 'ko', 'io'],
  '+ class words in chrome': ['p', 'c', 'kh'],
  '+ class words of the skeleton': ['p', 'c', 'kt'],
  '+ class-qualified pairs': ['p', 'c', 'q'],
  '+ chrome paths twice': ['p', 'c', 'h'],
  '+ counted child sequences': ['p', 'c', 'n'],
  'c + paths outside article/main': ['c', 'o'],
  '+ presence marks': ['p', 'c', 'm'],
  '+ generator': ['p', 'c', 'g'],
  '+ asset paths': ['p', 'c', 'a'],
  '+ marks + generator': ['p', 'c', 'm', 'g'],
  '+ marks + generator + assets (version 6)': ['p', 'c', 'm', 'g', 'a'],
  '+ skeleton classes + generator': ['p', 'c', 'kt', 'g'],
  '+ skeleton classes + generator + assets': ['p', 'c', 'kt', 'g', 'a'],
};
const CHOICES = [
  'tag paths (version 5)',
  '+ presence marks',
  '+ marks + generator',
  '+ marks + generator + assets (version 6)',
  '+ skeleton classes + generator',
  '+ skeleton classes + generator + assets',
];

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const t0 = performance.now();
const detector = loadKindedPages();
const own = loadRealPages().map((r) => familyTokens(r.html));
const index = new Map(detector.map((p, i) => [p, i]));
const pagesOf = new Map<string, KindedPage[]>();
for (const [name, families] of Object.entries(VARIANTS))
  pagesOf.set(
    name,
    detector.map((p, i) => ({
      ...p,
      features: { ...p.features, layout: only({ ...p.features.layout, ...own[i] }, families) },
    })),
  );
const scorerOf =
  (name: string): PairScorer =>
  (ps) =>
    detectorScorer()(ps.map((p) => pagesOf.get(name)![index.get(p)!]));
const line = (name: string, results: ReturnType<typeof runSplits>) => {
  const s = (k?: string) => summarise(results.map((r) => (k ? (r.report.byKind[k]?.auc ?? Number.NaN) : r.report.auc)));
  const [all, docs, news, recipe] = [s(), s('documentation'), s('news'), s('recipe')];
  return [
    name,
    f3(all.median),
    f3(all.p10),
    f3(all.min),
    f3(docs.median),
    f3(docs.p10),
    f3(news.median),
    f3(news.p10),
    f3(recipe.p10),
  ];
};
const rows = Object.keys(VARIANTS).map((name) => line(name, runSplits(detector, { [name]: scorerOf(name) })));
const chosen = runSplits(detector, Object.fromEntries(CHOICES.map((n) => [n, scorerOf(n)])));
rows.push(line('chosen on the fitting half', chosen));
console.log(`Layout token families, reporting halves of ${LAYOUT_SPLITS} site splits of the real-page set`);
printTable(
  ['variant', 'median', 'p10', 'min', 'docs median', 'docs p10', 'news median', 'news p10', 'recipe p10'],
  rows,
);
const counts = new Map<string, number>();
for (const r of chosen) counts.set(r.chosen, (counts.get(r.chosen) ?? 0) + 1);
console.log(`chosen per split: ${[...counts].map(([n, c]) => `${n} ×${c}`).join('; ')}`);
console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);

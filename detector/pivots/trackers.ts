/**
 * Analytics and advertising account ids: they belong to the operator, not to the template, so a shared id is strong
 * evidence. Looked for in inline scripts, script URLs and the raw HTML (noscript pixels, data attributes).
 */
import type { Pivot, PivotKind } from '../types.ts';

/**
 * Each rule starts with a literal: occurrences are found with indexOf (fast on large inline scripts) and the sticky
 * regex is tried only there. `word` rules need a non-word character (or nothing) before the literal.
 */
const RULES: { kind: PivotKind; hint: string; word: boolean; re: RegExp }[] = [
  { kind: 'google-analytics', hint: 'G-', word: true, re: /(G-[A-Z0-9]{8,12})\b/y },
  { kind: 'google-analytics', hint: 'UA-', word: true, re: /(UA-\d{4,10}-\d{1,4})\b/y },
  { kind: 'google-tag-manager', hint: 'GTM-', word: true, re: /(GTM-[A-Z0-9]{4,9})\b/y },
  { kind: 'adsense', hint: 'pub-', word: false, re: /(pub-\d{10,20})\b/y },
  { kind: 'meta-pixel', hint: 'fbq(', word: true, re: /fbq\(\s*['"]init['"]\s*,\s*['"](\d{10,20})['"]/y },
  {
    kind: 'meta-pixel',
    hint: 'facebook.com/tr',
    word: false,
    re: /facebook\.com\/tr\/?\?(?:[^"'\s]*?&(?:amp;)?)?id=(\d{10,20})/y,
  },
  { kind: 'yandex-metrica', hint: 'ym(', word: true, re: /ym\(\s*(\d{5,12})\s*,\s*['"]init['"]/y },
  { kind: 'yandex-metrica', hint: 'mc.yandex.', word: false, re: /mc\.yandex\.(?:ru|com)\/watch\/(\d{5,12})/y },
];

const WORD_CHAR = /[A-Za-z0-9_]/;

export function findTrackers(source: string): Pivot[] {
  const out: Pivot[] = [];
  for (const { kind, hint, word, re } of RULES) {
    for (let i = source.indexOf(hint); i >= 0; i = source.indexOf(hint, i + 1)) {
      if (word && i > 0 && WORD_CHAR.test(source[i - 1])) continue;
      re.lastIndex = i;
      const m = re.exec(source);
      if (m) out.push({ kind, value: m[1] });
    }
  }
  return out;
}

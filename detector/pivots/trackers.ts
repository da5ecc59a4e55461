/**
 * Analytics and advertising account ids: they belong to the operator, not to the template, so a shared id is strong
 * evidence. Looked for in inline scripts, script URLs and the raw HTML (noscript pixels, data attributes).
 */
import type { Pivot, PivotKind } from '../types.ts';

const RULES: { kind: PivotKind; re: RegExp; group?: number }[] = [
  { kind: 'google-analytics', re: /\b(G-[A-Z0-9]{8,12})\b/g },
  { kind: 'google-analytics', re: /\b(UA-\d{4,10}-\d{1,4})\b/g },
  { kind: 'google-tag-manager', re: /\b(GTM-[A-Z0-9]{4,9})\b/g },
  { kind: 'adsense', re: /\b(?:ca-)?(pub-\d{10,20})\b/g },
  { kind: 'meta-pixel', re: /fbq\(\s*['"]init['"]\s*,\s*['"](\d{10,20})['"]/g },
  { kind: 'meta-pixel', re: /facebook\.com\/tr\/?\?(?:[^"'\s]*?&(?:amp;)?)?id=(\d{10,20})/g },
  { kind: 'yandex-metrica', re: /\bym\(\s*(\d{5,12})\s*,\s*['"]init['"]/g },
  { kind: 'yandex-metrica', re: /mc\.yandex\.(?:ru|com)\/watch\/(\d{5,12})/g },
];

export function findTrackers(source: string): Pivot[] {
  const out: Pivot[] = [];
  for (const { kind, re } of RULES) for (const m of source.matchAll(re)) out.push({ kind, value: m[1] });
  return out;
}

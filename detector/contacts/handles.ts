/**
 * Messaging handles that follow an advertiser from site to site: Telegram (t.me links, @handle beside "telegram"),
 * Snapchat, Instagram and Signal usernames. Handles are lower-cased; a handle needs its network named next to it.
 */
import type { ContactKind } from '../types.ts';

export interface FoundHandle {
  kind: ContactKind;
  value: string;
  raw: string;
}

interface HandleRule {
  kind: ContactKind;
  re: RegExp;
}

const TG = '[a-z][a-z0-9_]{4,31}';
const RULES: HandleRule[] = [
  {
    kind: 'telegram',
    re: new RegExp(`(?:t\\.me|telegram\\.me|telegram\\.dog)/(?!joinchat|share|addstickers|s/)@?(${TG})`, 'gi'),
  },
  { kind: 'telegram', re: new RegExp(`(?:telegram|t[ée]l[ée]gram|\\btg\\b)[^@\\n]{0,30}(?<![\\w.])@(${TG})`, 'gi') },
  { kind: 'telegram', re: new RegExp(`(?<![\\w.])@(${TG})[^@\\n]{0,25}(?:telegram|t[ée]l[ée]gram)`, 'gi') },
  { kind: 'snapchat', re: /snapchat\.com\/add\/([a-z][\w.-]{2,14})/gi },
  { kind: 'snapchat', re: /(?:snapchat|\bsnap\b|👻)\s*(?::|-|=>|→)?\s*(?:[:@]\s*)([a-z][\w.-]{2,14})(?![\w@])/gi },
  {
    kind: 'instagram',
    re: /(?:instagram\.com|instagr\.am)\/(?!p\/|reel\/|explore\/|accounts\/)([a-z0-9_][\w.]{0,29})/gi,
  },
  { kind: 'instagram', re: /(?:instagram|\binsta\b|\big\b)\s*:?\s*@([a-z0-9_][\w.]{0,29})/gi },
  { kind: 'instagram', re: /(?:instagram|\binsta\b|\big\b)\s*:\s*([a-z0-9_][\w.]{2,29})(?![\w@])/gi },
  { kind: 'signal', re: /signal\s*(?::|-)?\s*@?([a-z][a-z0-9_]{2,31}\.\d{2,9})\b/gi },
];

/** Cheap pre-check: every rule needs one of these words in the text. */
const NETWORK_WORD = /t\.me|telegram|t[ée]l[ée]gram|\btg\b|snap|👻|insta|\big\b|signal/i;

export function findHandles(text: string): FoundHandle[] {
  const out: FoundHandle[] = [];
  if (!NETWORK_WORD.test(text)) return out;
  for (const { kind, re } of RULES) {
    for (const m of text.matchAll(re)) {
      const value = m[1].toLowerCase().replace(/\.+$/, '');
      out.push({ kind, value, raw: m[0] });
    }
  }
  return out;
}

/**
 * What a landing page is, before any comparison: parked (a parking provider's template), for sale, empty, or an
 * error. Pure: markup in, verdict out. Signatures are the providers' public template markers (see
 * test/fixtures/parking/PROVENANCE.md for where each was observed); phrases cover the generic for-sale pages.
 */

export type LandingKind = 'parked' | 'for-sale' | 'empty' | 'error';

export interface LandingVerdict {
  kind: LandingKind;
  /** In plain words, for `phenix candidates list`. */
  reason: string;
}

const PARKING_PROVIDERS: [RegExp, string][] = [
  [/img\.sedoparking\.com|sedoparking\.com|sedo\.com\/services\/parking/i, 'Sedo parking'],
  [/wsimg\.com\/parking-lander|LANDER_SYSTEM\s*=\s*["']PW["']|mcc\.godaddy\.com\/park/i, 'GoDaddy parking'],
  [/window\.location\.href\s*=\s*["']\/lander["']/i, 'GoDaddy parking (redirect to /lander)'],
  [/parkingcrew\.net/i, 'ParkingCrew'],
  [/bodis(?:cdn)?\.com|parking\.bodis/i, 'Bodis'],
  [/above\.com\/marketplace|trafficz\.com|parklogic\.com/i, 'a parking network'],
  [/google\.com\/adsense\/domains\/caf\.js|show_afd_ads\.js|registrar_frameset\(/i, 'AdSense for Domains parking'],
  [
    /domain (?:name )?(?:is )?parked (?:free|by|on)|parked free,? courtesy of|this domain is parked/i,
    'a parked-domain notice',
  ],
];

const FOR_SALE: [RegExp, string][] = [
  [
    /\bdan\.com\b|afternic\.com|hugedomains\.com|sav\.com\/|spaceship\.com\/domain|atom\.com\/name/i,
    'a domain marketplace page',
  ],
  [
    /this domain (?:name )?(?:is|may be) for sale|buy this domain|make an offer|domain (?:name )?for sale/i,
    'a for-sale notice',
  ],
  [/\bdomain\b[^.<>]{0,80}?\bis for sale\b/i, 'a for-sale notice'],
  [/ce (?:nom de )?domaine (?:est|peut être) à vendre|acheter ce (?:nom de )?domaine/i, 'a for-sale notice (French)'],
];

const MIN_TEXT_CHARS = 60;
/**
 * A page with this many pictures is not empty, however little text it has: a gallery of the reference's ad photos
 * (captions only) is a clone's whole content, and its pictures are what the next steps compare.
 */
const MIN_PICTURES = 3;

/** Visible text, roughly: scripts, styles and tags removed, whitespace collapsed. */
export function roughText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function classifyLanding(page: { status: number; html: string; contentType?: string }): LandingVerdict | null {
  if (page.status >= 400) return { kind: 'error', reason: `the landing page answered HTTP ${page.status}` };
  for (const [re, provider] of PARKING_PROVIDERS)
    if (re.test(page.html)) return { kind: 'parked', reason: `parked page (${provider})` };
  for (const [re, what] of FOR_SALE) if (re.test(page.html)) return { kind: 'for-sale', reason: `for sale (${what})` };
  const type = (page.contentType ?? '').toLowerCase();
  if (type !== '' && !type.includes('html') && !type.includes('text/plain'))
    return { kind: 'empty', reason: `the landing page is not a web page (${type.split(';')[0]})` };
  const text = roughText(page.html);
  if (text.length < MIN_TEXT_CHARS && (page.html.match(/<img\b/gi) ?? []).length < MIN_PICTURES)
    return { kind: 'empty', reason: `the landing page is empty or nearly so (${text.length} characters of text)` };
  return null;
}

/**
 * Recognises WAF/CDN challenge pages (Cloudflare's "Just a moment..." interstitial, Sucuri and DDoS-Guard block
 * pages, a page that is nothing but an hCaptcha / reCAPTCHA / Turnstile box). Such a page is what the firewall
 * showed the crawler, not the site: the capture is kept and named as a challenge, and profiles and packages never
 * use it as the site's content. Vendor markers are the ones their pages carry (script paths, headers, titles);
 * a captcha widget alone is not enough, since ordinary contact forms embed one: the page must also be an
 * interstitial (a refusal status, or almost no text of its own).
 */

export type ChallengeVendor = 'cloudflare' | 'sucuri' | 'ddos-guard' | 'hcaptcha' | 'recaptcha' | 'turnstile';

export interface ChallengeInput {
  status: number | null;
  /** Response headers, names lower-case. */
  headers: Record<string, string>;
  title: string | null;
  html: string;
  /** Visible text, when the mode has it (browser: innerText; http: extracted text). */
  text?: string;
}

const INTERSTITIAL_TEXT_CHARS = 600;

const STRONG: [ChallengeVendor, (p: ChallengeInput) => boolean][] = [
  [
    'cloudflare',
    (p) =>
      /\bchallenge\b/i.test(p.headers['cf-mitigated'] ?? '') ||
      /window\._cf_chl_opt|\/cdn-cgi\/challenge-platform\/|id="challenge-(form|running|stage)"|class="cf-browser-verification/i.test(
        p.html,
      ) ||
      /^\s*(just a moment\.\.\.|attention required! \| cloudflare|un instant\.\.\.)\s*$/i.test(p.title ?? ''),
  ],
  [
    'sucuri',
    (p) =>
      /sucuri_cloudproxy_js|cloudproxy\.sucuri\.net|sucuri website firewall/i.test(p.html) ||
      Boolean(p.headers['x-sucuri-block']) ||
      /sucuri website firewall/i.test(p.title ?? ''),
  ],
  [
    'ddos-guard',
    (p) =>
      /check\.ddos-guard\.net|ddos-guard\.net\/\S*js-challenge|id="ddg-/i.test(p.html) ||
      /^\s*ddos-guard\s*$/i.test(p.title ?? ''),
  ],
];

const WIDGETS: [ChallengeVendor, RegExp][] = [
  ['hcaptcha', /(?:js\.)?hcaptcha\.com\/1\/api\.js|class="h-captcha"/i],
  ['turnstile', /challenges\.cloudflare\.com\/turnstile\/|class="cf-turnstile"/i],
  ['recaptcha', /(?:www\.google\.com|www\.recaptcha\.net)\/recaptcha\/(?:api|enterprise)\.js|class="g-recaptcha"/i],
];

function visibleText(p: ChallengeInput): string {
  if (p.text !== undefined) return p.text;
  return p.html
    .replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The vendor of the challenge this page is, or null when it is the site's own page. */
export function detectChallenge(page: ChallengeInput): ChallengeVendor | null {
  for (const [vendor, test] of STRONG) if (test(page)) return vendor;
  const widget = WIDGETS.find(([, re]) => re.test(page.html));
  if (!widget) return null;
  const refused = page.status === 403 || page.status === 429 || page.status === 503;
  const bare = visibleText(page).replace(/\s+/g, ' ').trim().length < INTERSTITIAL_TEXT_CHARS;
  return refused || bare ? widget[0] : null;
}

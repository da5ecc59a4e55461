/**
 * Registrable domains that appear on almost every site (social networks, CDNs, analytics, mail
 * providers, standards bodies). A link or mention of them says nothing about where a site moved,
 * so discovery never proposes them as candidates.
 */
import { registrableDomain } from './hostname.ts';

export const WELL_KNOWN_THIRD_PARTIES: ReadonlySet<string> = new Set([
  // social networks and messaging
  'facebook.com',
  'fb.com',
  'fb.me',
  'instagram.com',
  'twitter.com',
  'x.com',
  't.co',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'linkedin.com',
  'pinterest.com',
  'snapchat.com',
  'whatsapp.com',
  'wa.me',
  'telegram.org',
  't.me',
  'discord.gg',
  'reddit.com',
  // search, CDNs, fonts, libraries
  'google.com',
  'google.fr',
  'googleapis.com',
  'gstatic.com',
  'cloudflare.com',
  'cloudflareinsights.com',
  'jsdelivr.net',
  'unpkg.com',
  'bootstrapcdn.com',
  'jquery.com',
  'fontawesome.com',
  'gravatar.com',
  'wp.com',
  'wordpress.com',
  'wordpress.org',
  'w.org',
  'akamaihd.net',
  'cloudfront.net',
  'bing.com',
  'apple.com',
  'microsoft.com',
  'mozilla.org',
  'wikipedia.org',
  // analytics and advertising
  'googletagmanager.com',
  'google-analytics.com',
  'doubleclick.net',
  'googlesyndication.com',
  'matomo.org',
  'hotjar.com',
  'criteo.com',
  'xiti.com',
  // payments
  'paypal.com',
  'paypal.me',
  'stripe.com',
  // mail providers (the domain of a contact address)
  'gmail.com',
  'hotmail.com',
  'hotmail.fr',
  'outlook.com',
  'outlook.fr',
  'live.fr',
  'yahoo.com',
  'yahoo.fr',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'protonmail.com',
  'proton.me',
  // standards and metadata vocabularies seen in markup
  'w3.org',
  'schema.org',
  'ogp.me',
  'creativecommons.org',
]);

/** True when the hostname belongs to a well-known third party or to one of `extra` (registrable domains). */
export function isWellKnownThirdParty(hostname: string, extra: ReadonlySet<string> = new Set()): boolean {
  const domain = registrableDomain(hostname) ?? hostname;
  return WELL_KNOWN_THIRD_PARTIES.has(domain) || extra.has(domain);
}

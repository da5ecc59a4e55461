/**
 * The detector's version, recorded with every capture's page features and every profile. Bump it whenever a change
 * to extraction, profiles or comparison makes stored features or profiles differ from what this code would compute:
 * the monitor then recomputes features from the stored HTML at the next cycle (or `phenix reprocess`), so profiles
 * of two versions are never compared with each other.
 *
 * 1: features and profiles stored before versions were recorded.
 * 2: issue 11 (specific and corroborated evidence, ad text in every script, related tier).
 * 3: layout sketches in profiles; the layout signal is their cosine, graded (issue 11, real-page layout).
 * 4: issue 18 (verdict rules with margins, containment per side, explanations from the evidence items).
 * 5: ad pages from shared single-ad markup (an article's own header, schema.org Offer/Product, single-ad class
 *    words): more pages are `ad`, their advertisers' contacts are scoped to the ads.
 * 6: listing excerpts kept beside full texts (`summaries`) and compared with excerpts; ads from ad pages only when
 *    three of them give an ad; the corroborated rules also take content both ways (the cosine √(c·r) of the shares).
 *    Layout tokens also mark which elements carry a class or an id (`m:` paths) and hold the page's generator and
 *    style sheet and script paths (`g:`, `a:`): layout sketches and SimHashes change.
 *    Contact extraction reads more disguises (Unicode dashes, invisible characters, dingbat digits, repeated marks,
 *    "(33) 6…", e-mail brackets and spaced dots) and the HTML as shown (hidden elements read apart, bidi-override
 *    text turned round; inline decoys drawn at no size or opacity read apart too, and then the HTML's own text read
 *    rather than the browser's innerText, which keeps them): stored pages may give other contacts.
 *    Ad text is what a reader sees (hidden labels left out, elements never glued), a field's label and value cells
 *    fingerprinted as one line, and the site's template labels inside blocks cut from the fingerprinted words.
 *    The photo rule takes the pictures carried both ways (√ of the candidate's and the reference's shares), so an
 *    advertiser's own small site that shares its few ads' photos with the reference is no longer a clone.
 * 7: service pages recognised on more routes (Sharetribe's `/infos/terms`, `terms_of_service`, `legal-notice`,
 *    `privacy_policy`, `about-us`…): a terms page with a heading and the operator's contacts is no ad page, so those
 *    contacts are the site's (identity), not an advertiser's. Ad photos count as content on each side, and a new rule
 *    takes content carried either way (max of the two shares) with the operator's own contacts or ids. Corpus
 *    statistics count an operator's contact by families (sites that also share ads or photos), not by sites.
 *    Later, without a bump: ad photos hashed with 48 windows (95 % and 90 % spans) instead of 15, compared window to
 *    window of the same size too, flat pictures without windows. Stored photos keep their 15 windows (the first 15
 *    of the 48, same geometry) and compare with new ones; recomputing features would not rehash them anyway.
 *    Later again, without a bump: the ladder (8 centred windows after the 48, down to the first flat one) for copies
 *    re-cropped deeper. A stored photo without it offers its whole picture as the ladder's step 0: it meets a newer
 *    photo that is a wider view of it, not one that is a deeper crop of it, until the site's pictures are hashed again
 *    (a new crawl; a taken-down site's stored pictures are not rehashed by `reprocess`).
 * 8: service pages on PascalCase routes too (ASP.NET MVC's `/Home/ContactUs`, `/Home/TermsOfService`): such a contact
 *    page holding the operator's phone was read as an ad page, so the phone counted as an advertiser's, not as the
 *    site's identity. Also `sign-in`, `log-in`, `cookie-policy` and `faqs` routes.
 * 9: a contact found on a service page that holds no ad (the legal notice, a contact page) is the site's whatever
 *    other page also shows it: Zikula's contact form reads as an ad page, and the operator's phone it shows was
 *    scoped to the ads although the legal notice names it. Profiles' contact scopes change.
 */
export const DETECTOR_VERSION = 9;

/**
 * Which public suffixes a re-opened site lands on, and how likely each is, as data: an operator who loses
 * `site.fr` first tries the same name on .com and the other big generic TLDs, then on the cheap new gTLDs
 * that abuse reports rank highest (cheap, anonymous, registered in bulk), the adult TLDs, the TLDs of France's
 * French-speaking neighbours and of Europe. Each group has a prior in [0, 1] and the reason an analyst reads
 * ("cheap TLD ranked high in abuse reports"). The priors are judgement, not fitted on any data: they only order
 * names under the per-seed cap (every TLD listed can still be checked with a larger cap).
 *
 * Sources of the groups: the abuse group follows the TLDs that recur at the top of public abuse rankings
 * (Spamhaus' "most abused TLDs", Interisle's phishing landscape, dnstwist's abused_tlds list: .xyz .top .buzz
 * .work .rest .fit .cyou .icu .sbs .cfd .bond .online .site…); the adult group is ICM's .xxx .sex .porn .adult and
 * the dating-themed gTLDs; the French overseas TLDs are AFNIC's (.re .pm .yt .wf .tf).
 */

/** A list written as words separated by spaces (the groups are long; one TLD per line made the file unreadable). */
const words = (text: string): readonly string[] => text.split(/\s+/).filter((w) => w !== '');

export interface TldGroup {
  name: string;
  prior: number;
  /** Why a name on this TLD is plausible, in the analyst's words. */
  reason: string;
  tlds: readonly string[];
}

export const TLD_GROUPS: readonly TldGroup[] = [
  { name: 'generic-top', prior: 0.95, reason: 'the most registered TLD', tlds: ['com'] },
  { name: 'france', prior: 0.9, reason: "France's own TLD", tlds: ['fr'] },
  { name: 'generic', prior: 0.85, reason: 'a large generic TLD', tlds: ['net', 'org'] },
  {
    name: 'near',
    prior: 0.8,
    reason: 'the EU or a French-speaking neighbour',
    tlds: words('eu be ch lu info mc'),
  },
  {
    name: 'abuse',
    prior: 0.75,
    reason: 'a cheap TLD ranked high in abuse reports',
    tlds: words(
      'xyz top online site club shop buzz work rest fit icu cyou cfd sbs bond live store fun space ' +
        'website click link vip quest monster life world today win bid wang ooo network',
    ),
  },
  {
    name: 'adult',
    prior: 0.7,
    reason: 'an adult or dating TLD',
    tlds: words('xxx sex porn adult sexy dating date love cam webcam chat fans social'),
  },
  {
    name: 'popular',
    prior: 0.65,
    reason: 'a popular generic TLD',
    tlds: words('biz me tv cc pro app mobi wiki io co ws to pw ai blog one'),
  },
  {
    name: 'francophone',
    prior: 0.6,
    reason: 'a French-speaking country',
    tlds: words('ca ma tn dz sn ci cm ht mg'),
  },
  {
    name: 'europe',
    prior: 0.55,
    reason: 'a European country code',
    tlds: words(
      'es de it nl pt co.uk uk at pl ie dk se no fi cz gr ro hu sk si hr bg lt lv ee li is mt cy ad sm ' +
        'rs ua md al ba me.uk org.uk gg je im',
    ),
  },
  {
    name: 'french-overseas',
    prior: 0.5,
    reason: 'a French overseas TLD',
    tlds: words('re pm yt wf tf gp mq gf nc pf'),
  },
  {
    name: 'other',
    prior: 0.3,
    reason: 'a TLD with no particular link to the trade',
    tlds: words(
      'ru su us in br mx ar cl pe au com.au nz jp cn hk tw kr sg my th vn ph id tr il ae za ng ke eg ir ' +
        'pk kz by ge am az uz fm nu la ly gl sh ac st tk ml ga cf gq asia cat tech media news agency ' +
        'studio design digital cloud host press zone city group plus red pink blue cash bet games party ' +
        'men moe art ink land pub run fyi lol tube video show photo photos pics gallery services ' +
        'solutions company global international email support help guide tips expert center house care ' +
        'bar cafe ltd gratis exchange market deals direct events community academy education stream movie ' +
        'film report wtf aero af africa ag amsterdam ao as audio bank bd beer bf bh bi bike bio bm bn bo ' +
        'bt bw bz bzh camp capital careers cd church cn.com co.in codes coffee cool coop cr cu cx de.com ' +
        'directory do earth ec energy et eu.com eus farm firm.in fj fo foundation fund gal gdn gen.in gh ' +
        'gi gs gt guru hn id.au ind.in iq jm jo jobs kg kh kim kw ky law lb lk loan ltd.uk marketing mk ' +
        'mm mn mo money moscow mr ms mu mv mw mz na net.au ni ninja np nyc om org.au org.in ovh pa pg ' +
        'photography plc.uk pr ps py qa restaurant reviews ru.com rw sa sc school science scot sd so ' +
        'software style sv swiss sy systems tc team technology tj tl tm tools trade training travel tt tz ' +
        'ug uk.com uk.net us.com us.org uy vc ve ventures watch wien works zm zw',
    ),
  },
];

export interface TldPrior {
  tld: string;
  prior: number;
  reason: string;
}

const PRIORS = new Map<string, TldPrior>();
for (const group of TLD_GROUPS) {
  for (const tld of group.tlds) {
    if (!PRIORS.has(tld)) PRIORS.set(tld, { tld, prior: group.prior, reason: group.reason });
  }
}

/** Every TLD of the groups, most plausible first (the default list of TLDs lookalikes are tried on). */
export const RANKED_TLDS: readonly string[] = [...PRIORS.values()].sort((a, b) => b.prior - a.prior).map((p) => p.tld);

const UNLISTED: Omit<TldPrior, 'tld'> = { prior: 0.3, reason: 'a TLD the unit listed' };

/** The prior of a public suffix; the seed's own suffix is the most plausible of all (the name alone changed). */
export function tldPrior(tld: string, ownSuffix: string): TldPrior {
  if (tld === ownSuffix) return { tld, prior: 1, reason: "the seed's own TLD" };
  return PRIORS.get(tld) ?? { tld, ...UNLISTED };
}

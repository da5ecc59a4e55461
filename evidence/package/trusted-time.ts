/**
 * Whether a package's time can be trusted: the RFC 3161 token of datapackage-digest.json and, after renewals, the
 * archive timestamp chain of phenix/evidence-record.json (renew.ts). Kept apart from the content checks because
 * the answer is not "intact or altered": a package can be intact and signed with no trusted time, and says so.
 *
 *  - the first token's imprint is the digest the unit signed (a token moved from another package names other bytes);
 *  - each renewal stamps the package digest and the token before it;
 *  - each token's CMS signature verifies, its certificate is a time-stamping one, valid at its own genTime;
 *  - with the court's TSA CA: the newest token chains to it today (the verifier's clock, injectable), each older
 *    one chained to it when the next one was made (RFC 4998: a link proves the one before was valid then);
 *  - without a CA: nothing says who the TSA is, so the time is "untrusted", never accepted silently.
 */
import { timestampGenTime, verifyTimestamp } from '../timestamp.ts';
import { type EvidenceRecord, renewalText, tokenDigest } from './renew.ts';
import type { DatapackageDigest } from './wacz.ts';

export type TimeState = 'trusted' | 'none' | 'untrusted';

export interface TimeLink {
  genTime: string;
  tsa: string | null;
  certificateNotAfter: string | null;
}

export interface TimeReport {
  state: TimeState;
  /** Why the time is not trusted (empty when trusted or absent). */
  problems: string[];
  /** The original timestamp, then each renewal, oldest first. */
  links: TimeLink[];
  chainChecked: boolean;
}

export interface TimeCheckOptions {
  tsaCaPem?: string;
  /** The verifier's clock (tests simulate a later date with it). */
  now?: Date;
}

interface Link {
  name: string;
  token: Buffer;
  data: Buffer;
}

export async function checkTrustedTime(
  digest: DatapackageDigest,
  datapackage: Buffer,
  record: EvidenceRecord | null,
  options: TimeCheckOptions,
): Promise<TimeReport> {
  const report: TimeReport = { state: 'none', problems: [], links: [], chainChecked: Boolean(options.tsaCaPem) };
  if (!digest.timestamp) {
    if (record) report.problems.push('phenix/evidence-record.json renews a timestamp the package does not carry');
    return record ? { ...report, state: 'untrusted' } : report;
  }
  const problems = report.problems;
  const first = Buffer.from(digest.timestamp.token ?? '', 'base64');
  const links: Link[] = [{ name: 'the timestamp', token: first, data: datapackage }];
  if (record) {
    if (record.packageHash !== digest.signedData?.hash) {
      problems.push('phenix/evidence-record.json renews the timestamp of another package (its packageHash differs)');
    }
    let previous = first;
    (record.renewals ?? []).forEach((r, i) => {
      const token = Buffer.from(r.token ?? '', 'base64');
      if (r.previousToken !== tokenDigest(previous)) {
        problems.push(`renewal ${i + 1} does not name the timestamp before it (previousToken)`);
      }
      links.push({
        name: `renewal ${i + 1}`,
        token,
        data: renewalText(digest.signedData?.hash ?? '', tokenDigest(previous)),
      });
      previous = token;
    });
  }
  const now = options.now ?? new Date();
  for (let i = 0; i < links.length; i++) {
    const link = links[i] as Link;
    const following = links[i + 1];
    const next = following ? timestampGenTime(following.token) : null;
    // The newest link must hold today; an older one only when the next was made, which the next one proves.
    const check = await verifyTimestamp(link.token, link.data, {
      trustedCaPem: options.tsaCaPem,
      checkDate: next ?? now,
    });
    if (i === 0 && check.imprint && `sha256:${check.imprint}` !== digest.signedData?.hash) {
      problems.push('the timestamp does not stamp the digest the unit signed');
    }
    // A renewal stamps the token before it, so it cannot be older; the same second is possible (TSAs stamp whole
    // seconds, and a renewal made right after the package shares its second).
    if (next && check.genTime && next < check.genTime) {
      problems.push(`${links[i + 1]?.name} is earlier than ${link.name}`);
    }
    for (const p of check.problems) {
      problems.push(`${link.name}: ${p.replace('datapackage.json', i === 0 ? 'datapackage.json' : 'the chain')}`);
    }
    if (check.genTime) {
      report.links.push({
        genTime: check.genTime.toISOString(),
        tsa: check.tsaSubject,
        certificateNotAfter: check.certificateNotAfter?.toISOString() ?? null,
      });
    }
  }
  if (!options.tsaCaPem) {
    problems.push(
      'no trusted TSA certificate given: who made the timestamp is not checked (--tsa-ca, or evidence.tsaCaCert)',
    );
  }
  report.state = problems.length === 0 ? 'trusted' : 'untrusted';
  return report;
}

/**
 * The alert's court package from the database: maps the alert review (both sides' captures) onto the evidence
 * room's package content, then builds, signs and timestamps the WACZ there. Review only gathers and offers it.
 */
import type { KeyObject } from 'node:crypto';
import { type Executor, getAlertReview } from '../db/index.ts';
import type { CaptureRow } from '../db/schema/index.ts';
import {
  buildPackageWarc,
  createEvidenceStore,
  type EvidenceManifest,
  type PackagedCapture,
  type PackageSide,
  sealWacz,
} from '../evidence/index.ts';

export interface BuildPackageOptions {
  db: Executor;
  evidenceDir: string;
  alertId: number;
  createdBy: string;
  /** The unit's Ed25519 private key (config `evidence.signingKey`). */
  signingKey: KeyObject;
  /** RFC 3161 TSA (config `evidence.tsaUrl`); the package is not written if it cannot be reached. */
  tsaUrl?: string;
  fetch?: typeof fetch;
  now?: Date;
}

export async function buildEvidencePackage(
  options: BuildPackageOptions,
): Promise<{ bytes: Buffer; manifest: EvidenceManifest; sha256: string; timestamped: boolean }> {
  const now = options.now ?? new Date();
  const review = await getAlertReview(options.db, options.alertId);
  const a = review.alert;
  const domainName = new Map([...review.reference.domains, review.candidate.domain].map((d) => [d.id, d.hostname]));
  const toPackaged = (side: PackageSide, c: CaptureRow): PackagedCapture => ({
    side,
    domain: domainName.get(c.domainId) ?? '',
    id: c.id,
    runId: c.runId,
    requestedUrl: c.requestedUrl,
    finalUrl: c.finalUrl,
    status: c.status,
    redirectChain: c.redirectChain,
    headers: c.headers,
    mode: c.mode,
    title: c.title,
    capturedAt: c.capturedAt,
    imported: c.imported,
    truncated: c.truncated,
    challenge: c.challenge,
    artifacts: c.artifacts,
  });
  const pkg = await buildPackageWarc(createEvidenceStore({ dir: options.evidenceDir }), {
    description: `alert ${a.id} (${a.candidate} against ${a.site})`,
    createdBy: options.createdBy,
    now,
    captures: [
      ...review.reference.captures.map((c) => toPackaged('monitored-site', c)),
      ...review.candidate.captures.map((c) => toPackaged('candidate', c)),
    ],
    alert: {
      id: a.id,
      site: a.site,
      caseRef: review.site.caseRef,
      seedDomains: review.reference.domains.map((d) => d.hostname),
      candidate: a.candidate,
      candidateFirstSeenAt: review.candidate.domain.firstSeenAt.toISOString(),
      candidateSource: review.candidate.domain.source,
      verdict: a.verdict,
      score: a.score,
      status: a.status,
      reviewer: a.reviewer,
      note: a.note,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      signals: a.signals,
      explanation: a.explanation,
      evidence: a.evidence,
    },
  });
  const sealed = await sealWacz(pkg, {
    privateKey: options.signingKey,
    tsaUrl: options.tsaUrl,
    fetch: options.fetch,
    title: `Phénix evidence: alert ${a.id}, ${a.candidate} against ${a.site}`,
    now,
  });
  return {
    bytes: sealed.bytes,
    manifest: pkg.manifest,
    sha256: sealed.sha256,
    timestamped: Boolean(sealed.digest.timestamp),
  };
}

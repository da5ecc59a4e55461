/**
 * GET /artifacts/:sha256 serves a stored capture file, only if a capture recorded it. Screenshots go out as
 * images only when their bytes really are that image type; HTML, text and headers always go out as
 * text/plain, so a crawled page is read as source and never rendered. Every response carries nosniff
 * and a sandbox CSP, and a file whose bytes no longer match its hash is refused.
 */
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { type Executor, findArtifact } from '../../db/index.ts';
import type { ArtifactRef } from '../../db/schema/index.ts';
import { createEvidenceStore, EvidenceNotFoundError, sha256Hex } from '../../evidence/index.ts';
import type { ReviewEnv } from '../env.ts';
import { ARTIFACT_CSP } from '../security/headers.ts';

const IMAGE_SIGNATURES: [string, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  [
    'image/webp',
    (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
  ['image/x-icon', (b) => b.subarray(0, 4).equals(Buffer.from([0, 0, 1, 0]))],
];
const TEXT_KINDS = new Set(['html', 'text', 'headers']);

/** The content type a stored artifact is served with: never one the browser would render as a document. */
export function safeContentType(artifact: ArtifactRef, bytes: Buffer): { type: string; attachment: boolean } {
  if (TEXT_KINDS.has(artifact.kind)) return { type: 'text/plain; charset=utf-8', attachment: false };
  const image = IMAGE_SIGNATURES.find(([, matches]) => matches(bytes));
  if (image) return { type: image[0], attachment: false };
  return { type: 'application/octet-stream', attachment: true };
}

export function registerArtifactRoutes(app: Hono<ReviewEnv>, o: { db: Executor; evidenceDir: string; log: Logger }) {
  const store = createEvidenceStore({ dir: o.evidenceDir });
  app.get('/artifacts/:sha256', async (c) => {
    const sha256 = c.req.param('sha256').toLowerCase();
    const notFound = () =>
      c.text('This file is not in the evidence store.', 404, { 'Content-Security-Policy': ARTIFACT_CSP });
    if (!/^[0-9a-f]{64}$/.test(sha256)) return notFound();
    const artifact = await findArtifact(o.db, sha256);
    if (!artifact) return notFound();
    let bytes: Buffer;
    try {
      bytes = await store.read(sha256);
    } catch (error) {
      if (error instanceof EvidenceNotFoundError) return notFound();
      throw error;
    }
    if (sha256Hex(bytes) !== sha256) {
      o.log.error({ sha256 }, 'evidence file does not match its hash');
      return c.text('This stored file no longer matches its recorded SHA-256: it may have been altered.', 409, {
        'Content-Security-Policy': ARTIFACT_CSP,
      });
    }
    const { type, attachment } = safeContentType(artifact, bytes);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': type,
      'Content-Security-Policy': ARTIFACT_CSP,
      'Content-Disposition': `${attachment ? 'attachment' : 'inline'}; filename="${artifact.kind}-${sha256.slice(0, 12)}"`,
      'Cache-Control': 'private, max-age=86400, immutable',
    });
  });
}

/**
 * GET /alerts/:id/evidence.wacz: the alert's court package, built, signed (and timestamped when a TSA is configured)
 * by the evidence room and downloaded; recorded in the audit log with the package's SHA-256. Without the unit's key
 * the page says how to make one rather than handing out an unsigned package.
 */
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { appendAudit, type Executor } from '../../db/index.ts';
import type { ReviewEnv, ReviewServerOptions } from '../env.ts';
import { buildEvidencePackage } from '../evidence-package.ts';

export function registerEvidenceRoutes(
  app: Hono<ReviewEnv>,
  o: {
    db: Executor;
    evidenceDir: string;
    signing: ReviewServerOptions['evidenceSigning'];
    log: Logger;
    cliCommand?: string;
  },
): void {
  app.get('/alerts/:id/evidence.wacz', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) return c.text('Unknown alert.', 404);
    if (!o.signing) {
      return c.text(
        `Evidence packages are signed with the unit key, and there is none yet: run "${o.cliCommand ?? 'npx phenix'} keys init".`,
        503,
      );
    }
    const by = c.get('user').name;
    const pkg = await buildEvidencePackage({
      db: o.db,
      evidenceDir: o.evidenceDir,
      alertId: id,
      createdBy: by,
      signingKey: o.signing.signingKey,
      tsaUrl: o.signing.tsaUrl,
    });
    await appendAudit(o.db, {
      actor: by,
      action: 'evidence.packaged',
      subjectType: 'alert',
      subjectId: id,
      details: { via: 'review', sha256: pkg.sha256, files: pkg.manifest.files.length, timestamped: pkg.timestamped },
    });
    o.log.info({ alertId: id, by, sha256: pkg.sha256 }, 'evidence package downloaded');
    return c.body(new Uint8Array(pkg.bytes), 200, {
      'Content-Type': 'application/wacz',
      'Content-Disposition': `attachment; filename="phenix-alert-${id}.wacz"`,
      'X-Content-SHA256': pkg.sha256,
    });
  });
}

/** Public surface of the review side: the web server, accounts, exports and evidence packages. */

export { type CaseReportOptions, renderCaseReport } from './case-report.ts';
export type { ReviewServerOptions } from './env.ts';
export { type BuildPackageOptions, buildEvidencePackage } from './evidence-package.ts';
export {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportResult,
  exportAlerts,
} from './export/index.ts';
export { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword, WeakPasswordError } from './security/passwords.ts';
export { PERMISSIONS, type Permission, roleAllows, rolesFor } from './security/permissions.ts';
export { newToken, tokenHash } from './security/tokens.ts';
export {
  createReviewServer,
  PUBLIC_ROUTES,
  type ReviewServer,
  type RunningReviewServer,
  startReviewServer,
} from './server.ts';
export { describeEvidence } from './text.ts';

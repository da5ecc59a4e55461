/**
 * Who may do what, in one table used by the review page and the CLI: `analyst` reviews; `supervisor` also manages
 * accounts, retention, the signing key and closes cases; `auditor` reads the journal only.
 */
import type { UserRole } from '../../db/index.ts';

export const PERMISSIONS = {
  /** The alert queue, an alert, its captured files. */
  'alerts.read': ['analyst', 'supervisor'],
  'alerts.decide': ['analyst', 'supervisor'],
  /** Exports and evidence packages. */
  'alerts.export': ['analyst', 'supervisor'],
  'journal.read': ['supervisor', 'auditor'],
  'users.manage': ['supervisor'],
  'retention.manage': ['supervisor'],
  'cases.close': ['supervisor'],
  /** Running the monitor and looking at its machinery: cycles, crawls, feeds, candidates, the services, their status. */
  'operations.run': ['analyst', 'supervisor'],
  /** The unit's evidence signing key (`phenix keys init`). */
  'keys.manage': ['supervisor'],
  /** Log out. */
  session: ['analyst', 'supervisor', 'auditor'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: UserRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}

export function rolesFor(permission: Permission): readonly UserRole[] {
  return PERMISSIONS[permission];
}

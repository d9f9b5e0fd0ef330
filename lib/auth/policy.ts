/**
 * Who may do what. A pure table, checked on the server by every page, action and route handler
 * (lib/auth/guard.ts); the UI only hides what the server would refuse anyway.
 */
import type { UserRole } from '@/db/schema';

export type Permission =
  /**
   * See cases, people and sources that are not restricted; download what one sees (CSV, XLSX,
   * JSON exports and the PDF report), so an export never shows more than the pages do.
   */
  | 'read'
  /** See restricted detentions and people's restricted notes. */
  | 'readRestricted'
  /** Create and edit detentions, people and sources. */
  | 'write'
  /** Soft-delete a detention, person or source. */
  | 'delete'
  /** Undo a soft delete and see deleted records. */
  | 'restore'
  /** Create users, set roles, disable accounts. */
  | 'manageUsers'
  /** Bulk-import detentions from a CSV file. */
  | 'import'
  /** Create and revoke the partner API's tokens. */
  | 'manageTokens'
  /** See who exported what (the export log). */
  | 'auditExports'
  /** Read and download the audit trail (lib/audit). */
  | 'audit'
  /** Add, rename and remove entries of the charge vocabulary (lib/vocab). */
  | 'manageVocabulary'
  /**
   * Decide whether two people are one (same / different / unsure), merge them, and withdraw such a
   * decision, which undoes its merge (lib/people/decisions.ts).
   */
  | 'mergePeople'
  /**
   * Re-check stored evidence (every hash and timestamp token of a source's captures) and see which
   * sources' live pages are gone or changed (lib/evidence). Capturing and uploading need 'write'.
   */
  | 'verifyEvidence';

export const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  admin: ['read', 'readRestricted', 'write', 'delete', 'restore', 'manageUsers', 'import', 'manageTokens', 'auditExports', 'audit', 'manageVocabulary', 'mergePeople', 'verifyEvidence'],
  monitor: ['read', 'readRestricted', 'write', 'delete', 'import', 'mergePeople'],
  researcher: ['read'],
};

export function can(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The acting user, as every query takes it to scope what it returns. */
export type Actor = { id: number; role: UserRole };

export function seesRestricted(actor: Actor): boolean {
  return can(actor.role, 'readRestricted');
}

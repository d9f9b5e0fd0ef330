/**
 * Writing to the audit trail. Every security-relevant act goes through recordAudit: sign-ins and
 * their failures, sign-outs, two-factor changes, views of restricted records, exports, reports and
 * API calls, admin actions, and each reading of the trail itself. The table is append-only in the
 * database (migration 0008); details never hold passwords, codes, tokens or search terms that
 * name people, only what an auditor needs (ids, counts, which filters were set).
 */
import { sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db';
import { auditEvents } from '@/db/schema';

export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_throttled',
  'sign_in_second_factor_failed',
  'sign_out',
  'sign_out_everywhere',
  'session_revoked',
  'two_factor_enabled',
  'two_factor_disabled',
  'two_factor_reset',
  'recovery_codes_regenerated',
  'recovery_code_used',
  'password_changed',
  'view_restricted_detention',
  'view_restricted_person',
  'export',
  'report',
  'api_call',
  'user_created',
  'user_updated',
  'role_policy_changed',
  'token_created',
  'token_revoked',
  'calendar_feed_created',
  'calendar_feed_revoked',
  'vocabulary_created',
  'vocabulary_updated',
  'vocabulary_deleted',
  'audit_viewed',
  'audit_exported',
  'audit_purged',
  'person_decision_recorded',
  'person_decision_withdrawn',
  'people_merged',
  'people_merge_undone',
  /** A monitor answered "same person" in the duplicate warning: the record was linked to them. */
  'person_chosen_from_warning',
  /** A source's page was fetched and archived (lib/evidence/capture.ts); details: capture id, outcome. */
  'source_captured',
  /** A monitor uploaded a saved copy of a source (lib/evidence/upload.ts); details: capture id, type, size. */
  'source_capture_uploaded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditInput = {
  action: AuditAction;
  /** The user who acted; null for an anonymous attempt (a failed sign-in for an unknown email). */
  actorId: number | null;
  targetKind?: 'user' | 'detention' | 'person' | 'source' | 'token' | 'session' | 'role' | 'audit' | 'calendar_feed' | 'charge' | null;
  targetId?: string | number | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/** Appends one event; pass the caller's transaction so the event and the change commit together. */
export async function recordAudit(event: AuditInput, executor: Db | Tx = db): Promise<void> {
  await executor.insert(auditEvents).values({
    action: event.action,
    actorId: event.actorId,
    targetKind: event.targetKind ?? null,
    targetId: event.targetId === undefined || event.targetId === null ? null : String(event.targetId),
    ip: event.ip ?? null,
    details: event.details ?? {},
  });
}

/** The shortest retention the database allows (see migration 0008); shorter settings are raised to it. */
export const MIN_RETENTION_DAYS = 30;

/**
 * Removes events older than `retentionDays` (never fewer than MIN_RETENTION_DAYS). The delete is
 * allowed only inside this transaction, by a flag the append-only trigger checks.
 */
export async function purgeAuditEvents(retentionDays: number): Promise<number> {
  const days = Math.max(MIN_RETENTION_DAYS, Math.floor(retentionDays));
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('case_tracker.audit_purge', 'on', true)`);
    const removed = await tx
      .delete(auditEvents)
      .where(sql`${auditEvents.at} < now() - make_interval(days => ${days})`)
      .returning({ id: auditEvents.id });
    return removed.length;
  });
}

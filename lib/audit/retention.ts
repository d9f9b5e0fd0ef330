/**
 * Retention of the audit trail: events older than AUDIT_RETENTION_DAYS (default 730, never under
 * 30) are removed, at most once a day. The clock is the trail itself (the last 'audit_purged'
 * event), so several app instances and restarts still purge about once a day, and every purge is
 * on record with its count.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { auditEvents } from '@/db/schema';
import { env } from '@/lib/env';
import { MIN_RETENTION_DAYS, purgeAuditEvents, recordAudit } from './log';

/** Purges unless a purge is on record within the last day; returns how many went, or null if not due. */
export async function purgeAuditIfDue(retentionDays = env.AUDIT_RETENTION_DAYS): Promise<number | null> {
  const [recent] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'audit_purged'), gt(auditEvents.at, sql`now() - interval '1 day'`)))
    .limit(1);
  return recent ? null : purgeAudit(retentionDays);
}

/** Purges now and records it (the trail keeps the last 30 days whatever is asked); returns how many went. */
export async function purgeAudit(retentionDays = env.AUDIT_RETENTION_DAYS): Promise<number> {
  const days = Math.max(MIN_RETENTION_DAYS, retentionDays);
  const removed = await purgeAuditEvents(days);
  await recordAudit({ action: 'audit_purged', actorId: null, targetKind: 'audit', details: { removed, retentionDays: days } });
  return removed;
}

const CHECK_EVERY_MS = 60 * 60 * 1000;
const state = globalThis as unknown as { auditPurgeTimer?: NodeJS.Timeout };

async function purgeQuietly() {
  try {
    await purgeAuditIfDue();
  } catch (error) {
    console.error('Audit purge failed:', error instanceof Error ? error.message : 'unknown error');
  }
}

/** At boot, then hourly (cheap when not due); the timer never keeps the process alive. */
export function scheduleAuditPurge() {
  if (state.auditPurgeTimer) return;
  void purgeQuietly();
  state.auditPurgeTimer = setInterval(purgeQuietly, CHECK_EVERY_MS);
  state.auditPurgeTimer.unref();
}

/**
 * Reading the audit trail: one page at a time for /admin/audit, or all of it, streamed, as CSV.
 * Every function takes the acting user and refuses anyone without the 'audit' permission, so a
 * page that forgot its guard still shows nothing.
 */
import 'server-only';
import { and, asc, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { auditEvents, users } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/policy';
import { CSV_BOM, csvLine } from '@/lib/exports/cells';
import { pullStream } from '@/lib/exports/stream';
import { parseDay, type AuditFilters } from './filters';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_BATCH_SIZE = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export class AuditAccessDenied extends Error {}

function assertAuditor(actor: Actor) {
  if (!can(actor.role, 'audit')) throw new AuditAccessDenied();
}

function conditions(filters: AuditFilters): SQL | undefined {
  const from = filters.from ? parseDay(filters.from) : null;
  const to = filters.to ? parseDay(filters.to) : null;
  return and(
    filters.actor !== undefined ? eq(auditEvents.actorId, filters.actor) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.targetKind ? eq(auditEvents.targetKind, filters.targetKind) : undefined,
    filters.targetId ? eq(auditEvents.targetId, filters.targetId) : undefined,
    from ? gte(auditEvents.at, from) : undefined,
    // `to` is a whole day, inclusive: everything before the next midnight UTC.
    to ? lt(auditEvents.at, new Date(to.getTime() + DAY_MS)) : undefined,
    filters.before !== undefined ? lt(auditEvents.id, filters.before) : undefined,
  );
}

const eventColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  actorId: auditEvents.actorId,
  actorName: users.name,
  actorEmail: users.email,
  action: auditEvents.action,
  targetKind: auditEvents.targetKind,
  targetId: auditEvents.targetId,
  ip: auditEvents.ip,
  details: auditEvents.details,
};

export type AuditRow = {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  targetKind: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

/**
 * Newest first, `limit` at a time, by id: ids only grow, so a page never skips or repeats an event
 * written while the auditor reads (`at` is the transaction's start and may tie or interleave).
 */
async function readAuditEvents(filters: AuditFilters, limit: number): Promise<AuditRow[]> {
  return db
    .select(eventColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(conditions(filters))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/** One page of events; `nextBefore` is the cursor of the next (older) page, null at the end. */
export async function listAuditEvents(
  actor: Actor,
  filters: AuditFilters,
  limit = AUDIT_PAGE_SIZE,
): Promise<{ events: AuditRow[]; nextBefore: number | null }> {
  assertAuditor(actor);
  const rows = await readAuditEvents(filters, limit + 1);
  const events = rows.slice(0, limit);
  return { events, nextBefore: rows.length > limit ? events[events.length - 1].id : null };
}

/** Everyone who can appear as an actor, for the filter's list. */
export async function listAuditActors(actor: Actor) {
  assertAuditor(actor);
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name), asc(users.id));
}

export const AUDIT_CSV_HEADER = ['id', 'at_utc', 'actor_id', 'actor_name', 'actor_email', 'action', 'target_kind', 'target_id', 'ip', 'details'];

/** One CSV line; names are neutralised like every exported cell (csvLine), details are JSON. */
export function auditCsvLine(row: AuditRow): string {
  return csvLine([
    row.id,
    row.at.toISOString(),
    row.actorId,
    row.actorName,
    row.actorEmail,
    row.action,
    row.targetKind,
    row.targetId,
    row.ip,
    JSON.stringify(row.details),
  ]);
}

/**
 * The whole filtered trail as CSV, newest first, read in keyset batches as the download proceeds
 * so memory stays flat. `onFinish` learns how many events went out and whether the download was
 * cut off, so the export itself can be recorded.
 */
export function streamAuditCsv(
  actor: Actor,
  filters: AuditFilters,
  onFinish: (rows: number, completed: boolean) => Promise<void>,
  batchSize = AUDIT_EXPORT_BATCH_SIZE,
): ReadableStream<Uint8Array> {
  assertAuditor(actor);
  async function* chunks(): AsyncGenerator<string> {
    let rows = 0;
    let completed = false;
    try {
      yield CSV_BOM + csvLine(AUDIT_CSV_HEADER);
      let before = filters.before;
      for (;;) {
        const batch = await readAuditEvents({ ...filters, before }, batchSize);
        rows += batch.length;
        if (batch.length > 0) yield batch.map(auditCsvLine).join('');
        if (batch.length < batchSize) break;
        before = batch[batch.length - 1].id;
      }
      completed = true;
    } finally {
      await onFinish(rows, completed);
    }
  }
  return pullStream(chunks());
}

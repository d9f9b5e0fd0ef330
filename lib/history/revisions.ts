/**
 * The record history. Every change to a detention, person or source writes one revision inside
 * the transaction that makes the change, so a change and its history are never apart.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { revisions, users, type RecordKind } from '@/db/schema';
import { bulkInsert } from '@/lib/transactions/bulk-insert';

type RevisionAction = 'create' | 'update' | 'delete' | 'restore';

/** Stands in for a change the viewer may not see (a person's restricted notes, for a researcher). */
export const HIDDEN_VALUE = '__hidden__';

export type RevisionInput = {
  kind: RecordKind;
  id: number;
  action: RevisionAction;
  version: number;
  userId: number | null;
  changes: Record<string, unknown>;
  reason?: string | null;
};

const revisionRow = (entry: RevisionInput) => ({
  recordKind: entry.kind,
  recordId: entry.id,
  action: entry.action,
  version: entry.version,
  userId: entry.userId,
  changes: entry.changes,
  reason: entry.reason ?? null,
});

export async function recordRevision(tx: Tx, entry: RevisionInput) {
  await tx.insert(revisions).values(revisionRow(entry));
}

/** Many revisions in one statement (bulk import). */
export async function recordRevisions(tx: Tx, entries: RevisionInput[]) {
  await bulkInsert(tx, revisions, entries.map(revisionRow));
}

/** The fields that differ, as { field: [before, after] }. */
export function diffRecords(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      out[key] = [before[key] ?? null, after[key] ?? null];
    }
  }
  return out;
}

export type RevisionEntry = {
  id: number;
  action: RevisionAction;
  version: number;
  at: Date;
  userName: string | null;
  changes: Record<string, unknown>;
  reason: string | null;
};

/**
 * The history of one record, oldest first. `hiddenFields` are removed from what is returned
 * (a researcher sees that notes changed on a person, never what they say).
 */
export async function listRevisions(
  tx: Pick<Tx, 'select'>,
  kind: RecordKind,
  id: number,
  hiddenFields: readonly string[] = [],
): Promise<RevisionEntry[]> {
  const rows = await tx
    .select({
      id: revisions.id,
      action: revisions.action,
      version: revisions.version,
      at: revisions.at,
      userName: users.name,
      changes: revisions.changes,
      reason: revisions.reason,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.userId))
    .where(and(eq(revisions.recordKind, kind), eq(revisions.recordId, id)))
    .orderBy(asc(revisions.id));
  return rows.map((row) => ({
    ...row,
    changes: Object.fromEntries(
      Object.entries(row.changes).map(([k, v]) => [k, hiddenFields.includes(k) ? HIDDEN_VALUE : v]),
    ),
  }));
}

/**
 * Soft delete and restore, shared by detentions, people and sources: the row stays (citations,
 * history and all), leaves every list and count, and an admin can bring it back. Each writes its
 * revision in the same transaction.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { detentions, people, sources, type RecordKind } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { recordRevision } from './revisions';

const TABLES = { detention: detentions, person: people, source: sources } as const;

export type SoftDeleteResult = { ok: true } | { ok: false; reason: 'notFound' | 'conflict' | 'inUse' };

type Row = { version: number; deleted: boolean };

async function lockRow(tx: Tx, kind: RecordKind, id: number): Promise<Row | undefined> {
  const table = TABLES[kind];
  const [row] = await tx
    .select({ version: table.version, deleted: sql<boolean>`${table.deletedAt} IS NOT NULL` })
    .from(table)
    .where(sql`${table.id} = ${id}`)
    .for('update');
  return row;
}

export async function softDelete(
  tx: Tx,
  kind: RecordKind,
  actor: Actor,
  id: number,
  version: number,
  reason: string | null,
  /** Refuses the delete when true, e.g. a person who still has detentions on record. */
  inUse: () => Promise<boolean> = async () => false,
): Promise<SoftDeleteResult> {
  const row = await lockRow(tx, kind, id);
  if (!row || row.deleted) return { ok: false, reason: 'notFound' };
  if (row.version !== version) return { ok: false, reason: 'conflict' };
  if (await inUse()) return { ok: false, reason: 'inUse' };
  const table = TABLES[kind];
  await tx.execute(
    sql`UPDATE ${table} SET deleted_at = now(), updated_at = now(), version = ${version + 1} WHERE ${table.id} = ${id}`,
  );
  await recordRevision(tx, { kind, id, action: 'delete', version: version + 1, userId: actor.id, changes: {}, reason });
  return { ok: true };
}

export async function restore(tx: Tx, kind: RecordKind, actor: Actor, id: number): Promise<SoftDeleteResult> {
  const row = await lockRow(tx, kind, id);
  if (!row || !row.deleted) return { ok: false, reason: 'notFound' };
  const table = TABLES[kind];
  await tx.execute(
    sql`UPDATE ${table} SET deleted_at = NULL, updated_at = now(), version = ${row.version + 1} WHERE ${table.id} = ${id}`,
  );
  await recordRevision(tx, { kind, id, action: 'restore', version: row.version + 1, userId: actor.id, changes: {} });
  return { ok: true };
}

import 'server-only';
/**
 * Each detention's export cells, kept between exports (the `export_csv_rows` and `export_json_rows` tables, db/schema.ts).
 *
 * Computing a row's cells costs the database about 37 µs at 1M (about 100 cells: dates printed,
 * text quoted and guarded, five tables joined), which held the CSV export near 33–50k rows/s. The
 * cells that do not depend on the export (everything but the id, the link, the custody columns and
 * the padding of the numbered groups) are therefore stored per detention, and an export joins
 * them to those few computed ones.
 *
 * Keeping them right:
 * - Triggers (migration 0023) clear a row's cells in the same transaction as any change of a value
 *   they show: the detention, its charges, penalties, events and citations, the person and their
 *   names, the city, the election, the charge's vocabulary entry, the source and its captures.
 * - An export reads each batch's stored cells; for the rows that have none it fills them
 *   (fillExportRows) and reads them again (readStored). The fill locks the rows (skipping rows a
 *   change holds), then computes their cells in a second statement, whose snapshot is taken after
 *   the lock. A change that has not committed by then cannot clear the row before the fill commits
 *   (the clear waits for the lock), so it clears the cells afterwards; a change that has committed
 *   is in the snapshot. Cells are never stored older than the data they show.
 * - A row still without cells (skipped, or cleared again meanwhile) is computed on the spot by the
 *   export's own query, as before the cells were stored.
 * - `format` is a hash of the SQL that computes the cells: a release that changes it treats every
 *   stored row as cleared.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { db, rawRowsOf, rowsOf } from '@/db';

/** One format's stored cells: its table, its cell columns and the SQL that computes them. */
export type CachedCells = {
  table: 'export_csv_rows' | 'export_json_rows';
  /** The cell columns, as named in the table and in the parts query's output. */
  columns: readonly string[];
  /** The cells of the detentions whose ids are `ids` (an int[] expression), one row each, with `detention_id`. */
  parts: (ids: SQL) => SQL;
};

const dialect = new PgDialect();

/** The hash stored with a format's cells: of the SQL text that computes them (any change of it is a new format). */
export function cellsFormat(cells: CachedCells): string {
  const text = dialect.sqlToQuery(cells.parts(sql.raw('$ids'))).sql;
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** An int[] literal of ids (numbers read from the database). */
export const idArray = (ids: readonly number[]) => sql`${`{${ids.map((id) => Number(id)).join(',')}}`}::int[]`;

/**
 * Computes and stores the cells of the detentions `ids` whose cells are stale. Rows another
 * transaction holds are skipped, never waited for: that change clears them anyway, and the read
 * computes them on the spot.
 */
export async function fillExportRows(
  cells: CachedCells,
  format: string,
  ids: readonly number[],
  /** Test hook: runs while the rows are locked, before their cells are computed. */
  whileLocked?: () => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const locked = rowsOf<{ detention_id: number }>(
      await tx.execute(sql`SELECT detention_id FROM ${sql.raw(cells.table)}
        WHERE detention_id = ANY(${idArray(ids)}) AND format IS DISTINCT FROM ${format}
        ORDER BY detention_id FOR UPDATE SKIP LOCKED`),
    );
    if (locked.length === 0) return;
    await whileLocked?.();
    // A statement of its own: its snapshot is taken after the rows are locked (see the top of this file).
    const assignments = cells.columns.map((column) => `${column} = p.${column}`).join(', ');
    await tx.execute(sql`UPDATE ${sql.raw(cells.table)} e SET format = ${format}, ${sql.raw(assignments)}
      FROM (${cells.parts(idArray(locked.map((r) => r.detention_id)))}) AS p
      WHERE e.detention_id = p.detention_id`);
  });
}

/** A batch's rows as read: `value` NULL where the stored cells could not serve. */
export type StoredRow<T> = { detention_id: number; value: T | null };

/**
 * A batch read from the stored cells (a query giving `detention_id` and `value`), each value as
 * the bytes the database sent (db/index.ts rawRowsOf): a file is written from them as they are.
 */
export async function storedRows(query: SQL): Promise<StoredRow<Buffer>[]> {
  return (await rawRowsOf(query)).map(([id, value]) => ({ detention_id: decimalOf(id!), value }));
}

/** An integer sent as its decimal text, read from the bytes (a string per row was 3% of the 1M JSON export's time). */
function decimalOf(bytes: Buffer): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) n = n * 10 + (bytes[i] - 48);
  return n;
}

/**
 * One batch of an export from the stored cells: read them (`stored`, rows in id order); store the
 * cells of the rows that had none (`fill`) and read those again; compute what is still missing on
 * the spot (`live`, given the ids). A warm batch is one query.
 */
export async function readStored<T>(
  stored: (only?: number[]) => Promise<StoredRow<T>[]>,
  fill: (ids: number[]) => Promise<void>,
  live: (ids: number[]) => Promise<StoredRow<T>[]>,
): Promise<T[]> {
  const rows = await stored();
  const missing = rows.filter((r) => r.value === null).map((r) => Number(r.detention_id));
  if (missing.length === 0) return rows.map((r) => r.value as T);
  await fill(missing);
  const found = new Map<number, T>();
  const again = await stored(missing);
  for (const r of again) if (r.value !== null) found.set(Number(r.detention_id), r.value);
  const still = missing.filter((id) => !found.has(id));
  if (still.length > 0) for (const r of await live(still)) if (r.value !== null) found.set(Number(r.detention_id), r.value);
  // A detention gone from the filter between the reads (deleted meanwhile) is left out.
  return rows.flatMap((r) => (r.value !== null ? [r.value] : found.has(Number(r.detention_id)) ? [found.get(Number(r.detention_id))!] : []));
}

/** How many rows hold current cells of the format (for tests). */
export async function freshRowCount(cells: CachedCells): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.raw(cells.table)} WHERE format = ${cellsFormat(cells)}`));
  return Number(row?.n ?? 0);
}

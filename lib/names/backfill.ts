/**
 * Fills person_names.match_key for names stored before the column existed (migration 0012) or
 * written by a bulk loader that leaves it out. Run right after the migrations (db/migrate.ts):
 * batched, idempotent, and one cheap query when nothing is missing.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { matchKeyOf } from './match';

const BATCH = 2000;

/** Returns how many names were given a key. */
export async function backfillMatchKeys(db: Pick<Db, 'execute'>, batch = BATCH): Promise<number> {
  let filled = 0;
  for (;;) {
    const result = await db.execute<{ id: number; name: string }>(
      sql`SELECT id, name FROM person_names WHERE match_key IS NULL ORDER BY id LIMIT ${batch}`,
    );
    // Written out rather than db/index's rowsOf: migrate.ts must not open the app's client on import.
    const rows = Array.isArray(result) ? (result as { id: number; name: string }[]) : (result as { rows: { id: number; name: string }[] }).rows;
    if (rows.length === 0) return filled;
    // A name with no word to key (only punctuation) gets '' so it is not read again on every start.
    const keyed = rows.map((r) => ({ id: Number(r.id), k: matchKeyOf(r.name) }));
    await db.execute(sql`
      UPDATE person_names pn SET match_key = v.k
      FROM jsonb_to_recordset(${JSON.stringify(keyed)}::jsonb) AS v(id int, k text)
      WHERE pn.id = v.id AND pn.match_key IS NULL`);
    filled += rows.length;
    if (rows.length < batch) return filled;
  }
}

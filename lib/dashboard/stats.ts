/**
 * Keeps the dashboard rollup (detention_stats) current. Every write path calls
 * `withStatsUpdate`, which takes the affected detentions out of the rollup before the change and
 * puts them back after it, inside the same transaction: the rollup can never disagree with the
 * records, and concurrent writers serialise on the rollup rows they share.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db';

const ARREST_DAYS = sql`CASE WHEN d.sentence_kind = 'administrative_arrest' AND d.sentence_unit = 'days' THEN d.sentence_amount END`;
const DELAY_BUCKET = sql`CASE
    WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
      CASE
        WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
        WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
        WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
        ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
      END
  END`;

/** The rollup's dimensions, computed from a detention row `d` joined to its person `p`. */
const DIMENSIONS = sql`d.detained_on, d.place_id, d.charge_id, d.sentence_kind, d.plea, d.election_id, p.role,
  d.review_status, d.confidentiality, ${ARREST_DAYS}, ${DELAY_BUCKET}`;

const COLUMNS = sql.raw(
  'detained_on, place_id, charge_id, sentence_kind, plea, election_id, person_role, review_status, confidentiality, arrest_days, delay_bucket',
);

/**
 * Every live detention as one row shaped like the rollup (each counting 1): the same aggregates
 * over this are the plain GROUP BY baseline the benchmark and the tests compare the rollup with.
 */
export const DETENTION_ROWS = sql`
  SELECT ${DIMENSIONS_AS_COLUMNS()},
    1 AS detentions,
    CASE WHEN d.sentence_kind = 'administrative_arrest' AND d.sentence_unit = 'days' THEN d.sentence_amount ELSE 0 END AS arrest_days_total,
    CASE WHEN d.sentence_kind = 'fine' AND d.sentence_unit = 'tenge' THEN 1 ELSE 0 END AS fines,
    CASE WHEN d.sentence_kind = 'fine' AND d.sentence_unit = 'tenge' THEN d.sentence_amount ELSE 0 END AS fine_total
  FROM detentions d JOIN people p ON p.id = d.person_id
  WHERE d.deleted_at IS NULL`;

function DIMENSIONS_AS_COLUMNS() {
  return sql`d.detained_on, d.place_id, d.charge_id, d.sentence_kind, d.plea, d.election_id, p.role AS person_role,
    d.review_status, d.confidentiality, ${ARREST_DAYS} AS arrest_days, ${DELAY_BUCKET} AS delay_bucket`;
}

/** Rows of a raw query, from either driver (PGlite returns { rows }, postgres.js an array). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Adds (sign 1) or removes (sign -1) the live detentions matching `where` to or from the rollup;
 * returns the ids of the rollup rows it touched.
 */
async function applyStats(tx: Pick<Tx, 'execute'>, where: SQL, sign: 1 | -1): Promise<number[]> {
  const result = await tx.execute(sql`
    INSERT INTO detention_stats AS s (${COLUMNS}, detentions, arrest_days_total, fines, fine_total)
    SELECT ${DIMENSIONS},
      ${sign} * count(*),
      ${sign} * coalesce(sum(CASE WHEN d.sentence_kind = 'administrative_arrest' AND d.sentence_unit = 'days' THEN d.sentence_amount END), 0),
      ${sign} * count(*) FILTER (WHERE d.sentence_kind = 'fine' AND d.sentence_unit = 'tenge'),
      ${sign} * coalesce(sum(CASE WHEN d.sentence_kind = 'fine' AND d.sentence_unit = 'tenge' THEN d.sentence_amount END), 0)
    FROM detentions d JOIN people p ON p.id = d.person_id
    WHERE d.deleted_at IS NULL AND (${where})
    GROUP BY ${DIMENSIONS}
    ON CONFLICT ON CONSTRAINT detention_stats_key DO UPDATE SET
      detentions = s.detentions + excluded.detentions,
      arrest_days_total = s.arrest_days_total + excluded.arrest_days_total,
      fines = s.fines + excluded.fines,
      fine_total = s.fine_total + excluded.fine_total
    RETURNING s.id`);
  return rowsOf<{ id: number | string }>(result).map((r) => Number(r.id));
}

/**
 * Runs `change` with the detentions matching `where` (e.g. one id, or all of a person's) taken out
 * of the rollup before and counted again after, whatever the change did to them.
 */
export async function withStatsUpdate<T>(tx: Tx, where: SQL, change: () => Promise<T>): Promise<T> {
  const touched = await applyStats(tx, where, -1);
  const result = await change();
  await applyStats(tx, where, 1);
  // Combinations no detention has any more would only grow the table.
  if (touched.length) {
    await tx.execute(sql`DELETE FROM detention_stats WHERE id IN (${sql.join(touched.map((id) => sql`${id}`), sql`, `)}) AND detentions = 0`);
  }
  return result;
}

/** Counts newly written detentions in the rollup. */
export async function addToStats(tx: Tx, where: SQL) {
  await applyStats(tx, where, 1);
}

export const detentionById = (id: number) => sql`d.id = ${id}`;
export const detentionsOfPerson = (personId: number) => sql`d.person_id = ${personId}`;

/** Rebuilds the whole rollup from the records (after a bulk load, or to check it). */
export async function rebuildStats(db: Pick<Db, 'transaction'>) {
  await db.transaction(async (tx) => {
    // Writers wait while the rollup is rebuilt, so none of their increments is lost or doubled.
    await tx.execute(sql`LOCK TABLE detention_stats IN EXCLUSIVE MODE`);
    await tx.execute(sql`DELETE FROM detention_stats`);
    await applyStats(tx, sql`true`, 1);
  });
}

/**
 * Keeps the dashboard rollup (detention_stats) current. Every write path calls
 * `withStatsUpdate`, which takes the affected detentions out of the rollup before the change and
 * puts them back after it, inside the same transaction: the rollup can never disagree with the
 * records, and concurrent writers serialise on the rollup rows they share.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '@/db';

/** Penalties of a detention's charges still in force (not replaced on appeal). */
const LIVE_PENALTIES = sql`penalties pn JOIN detention_charges dc ON dc.id = pn.detention_charge_id
  WHERE dc.detention_id = d.id AND pn.replaced_by_position IS NULL`;
const ARREST_DAYS = sql`(SELECT max(pn.amount)::int FROM ${LIVE_PENALTIES} AND pn.kind = 'administrative_arrest' AND pn.unit = 'days')`;
/** The detention's first charge's vocabulary entry. */
const CHARGE_ID = sql`(SELECT dc.charge_id FROM detention_charges dc WHERE dc.detention_id = d.id ORDER BY dc.position LIMIT 1)`;
/** The detention's sentence as one kind: its first live penalty, else its first charge's outcome. */
const SENTENCE_KIND = sql`coalesce(
  (SELECT CASE pn.kind WHEN 'probation' THEN 'suspended' WHEN 'activity_ban' THEN 'restricted_freedom'
      WHEN 'community_work' THEN 'restricted_freedom' ELSE pn.kind::text END
    FROM ${LIVE_PENALTIES} ORDER BY dc.position, pn.position LIMIT 1),
  (SELECT CASE dc.outcome WHEN 'acquitted' THEN 'acquitted' WHEN 'pending' THEN 'pending' ELSE 'unknown' END
    FROM detention_charges dc WHERE dc.detention_id = d.id ORDER BY dc.position LIMIT 1),
  'unknown')::sentence_kind`;
const KZT_FINES = sql`(SELECT count(*)::int FROM ${LIVE_PENALTIES} AND pn.kind = 'fine' AND pn.unit = 'KZT')`;
const KZT_FINE_TOTAL = sql`(SELECT coalesce(sum(pn.amount), 0)::bigint FROM ${LIVE_PENALTIES} AND pn.kind = 'fine' AND pn.unit = 'KZT')`;
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
const DIMENSIONS = sql`d.detained_on, d.place_id, ${CHARGE_ID}, ${SENTENCE_KIND}, d.plea, d.election_id, p.role,
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
    coalesce(${ARREST_DAYS}, 0) AS arrest_days_total,
    ${KZT_FINES} AS fines,
    ${KZT_FINE_TOTAL} AS fine_total
  FROM detentions d JOIN people p ON p.id = d.person_id
  WHERE d.deleted_at IS NULL`;

function DIMENSIONS_AS_COLUMNS() {
  return sql`d.detained_on, d.place_id, ${CHARGE_ID} AS charge_id, ${SENTENCE_KIND} AS sentence_kind, d.plea, d.election_id, p.role AS person_role,
    d.review_status, d.confidentiality, ${ARREST_DAYS} AS arrest_days, ${DELAY_BUCKET} AS delay_bucket`;
}

/** The aggregates of the rollup, summed over live detentions `d`. */
const AGGREGATES = sql`count(*)::int AS detentions,
  coalesce(sum(${ARREST_DAYS}), 0)::bigint AS arrest_days_total,
  sum(${KZT_FINES})::int AS fines,
  sum(${KZT_FINE_TOTAL})::bigint AS fine_total`;

/** The column list of a rollup row as jsonb_to_recordset reads it back. */
const RECORD_TYPE = sql.raw(`detained_on date, place_id int, charge_id int, sentence_kind sentence_kind, plea plea,
  election_id int, person_role person_role, review_status review_status, confidentiality confidentiality,
  arrest_days int, delay_bucket smallint, detentions int, arrest_days_total bigint, fines int, fine_total bigint`);

/** The rollup rows of the live detentions matching `where`, as they are now (a jsonb array). */
async function snapshot(tx: Pick<Tx, 'execute'>, where: SQL): Promise<unknown[]> {
  const result = await tx.execute(sql`
    SELECT coalesce(jsonb_agg(x), '[]'::jsonb) AS rows FROM (
      SELECT ${DIMENSIONS_AS_COLUMNS()}, ${AGGREGATES}
      FROM detentions d JOIN people p ON p.id = d.person_id
      WHERE d.deleted_at IS NULL AND (${where})
      GROUP BY ${DIMENSIONS}) x`);
  const [{ rows }] = rowsOf<{ rows: unknown[] | string }>(result);
  return typeof rows === 'string' ? JSON.parse(rows) : rows;
}

/**
 * Applies `after - before` to the rollup in ONE statement, one row per key, in key order.
 * Every writer thus locks the rollup rows it touches in the same (sorted) order, so two edits
 * moving detentions between two cities in opposite directions wait for each other instead of
 * deadlocking. Keys whose net change is zero are not touched at all.
 */
async function applyDelta(tx: Pick<Tx, 'execute'>, before: unknown[], after: unknown[]) {
  if (before.length === 0 && after.length === 0) return;
  const delta = JSON.stringify({ before, after });
  const result = await tx.execute(sql`
    WITH x AS (
      SELECT -1 AS sign, * FROM jsonb_to_recordset((${delta}::jsonb)->'before') AS r(${RECORD_TYPE})
      UNION ALL
      SELECT 1 AS sign, * FROM jsonb_to_recordset((${delta}::jsonb)->'after') AS r(${RECORD_TYPE}))
    INSERT INTO detention_stats AS s (${COLUMNS}, detentions, arrest_days_total, fines, fine_total)
    SELECT ${COLUMNS}, sum(sign * detentions), sum(sign * arrest_days_total), sum(sign * fines), sum(sign * fine_total)
    FROM x
    GROUP BY ${COLUMNS}
    HAVING sum(sign * detentions) <> 0 OR sum(sign * arrest_days_total) <> 0 OR sum(sign * fines) <> 0 OR sum(sign * fine_total) <> 0
    ORDER BY ${COLUMNS}
    ON CONFLICT ON CONSTRAINT detention_stats_key DO UPDATE SET
      detentions = s.detentions + excluded.detentions,
      arrest_days_total = s.arrest_days_total + excluded.arrest_days_total,
      fines = s.fines + excluded.fines,
      fine_total = s.fine_total + excluded.fine_total
    RETURNING s.id, s.detentions`);
  // Combinations no detention has any more would only grow the table (rows already locked above).
  const emptied = rowsOf<{ id: number | string; detentions: number }>(result).filter((r) => Number(r.detentions) === 0);
  if (emptied.length) {
    await tx.execute(sql`DELETE FROM detention_stats WHERE id IN (${sql.join(emptied.map((r) => sql`${Number(r.id)}`), sql`, `)}) AND detentions = 0`);
  }
}

/**
 * Runs `change` with the detentions matching `where` (e.g. one id, or all of a person's) taken out
 * of the rollup before and counted again after, whatever the change did to them.
 */
export async function withStatsUpdate<T>(tx: Tx, where: SQL, change: () => Promise<T>): Promise<T> {
  // Lock the records first (in id order), so "before" cannot go stale under a concurrent writer.
  await tx.execute(sql`SELECT d.id FROM detentions d WHERE ${where} ORDER BY d.id FOR UPDATE`);
  const before = await snapshot(tx, where);
  const result = await change();
  await applyDelta(tx, before, await snapshot(tx, where));
  return result;
}

/** Counts newly written detentions in the rollup (one statement, keys in sorted order). */
export async function addToStats(tx: Pick<Tx, 'execute'>, where: SQL) {
  await applyDelta(tx, [], await snapshot(tx, where));
}

export const detentionById = (id: number) => sql`d.id = ${id}`;
export const detentionsOfPerson = (personId: number) => sql`d.person_id = ${personId}`;

/** Rebuilds the whole rollup from the records (after a bulk load, or to check it). */
export async function rebuildStats(db: Pick<Db, 'transaction'>) {
  await db.transaction(async (tx) => {
    // Writers wait while the rollup is rebuilt, so none of their increments is lost or doubled.
    await tx.execute(sql`LOCK TABLE detention_stats IN EXCLUSIVE MODE`);
    await tx.execute(sql`DELETE FROM detention_stats`);
    await tx.execute(sql`
      INSERT INTO detention_stats (${COLUMNS}, detentions, arrest_days_total, fines, fine_total)
      SELECT ${DIMENSIONS}, ${AGGREGATES}
      FROM detentions d JOIN people p ON p.id = d.person_id
      WHERE d.deleted_at IS NULL
      GROUP BY ${DIMENSIONS}`);
  });
}

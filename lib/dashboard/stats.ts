/**
 * Keeps the dashboard rollup (detention_stats) current. Every write path calls
 * `withStatsUpdate`, which takes the affected detentions out of the rollup before the change and
 * puts them back after it, inside the same transaction: the rollup can never disagree with the
 * records, and concurrent writers serialise on the rollup rows they share.
 *
 * One rollup row per combination of a detention's dimensions. A detention's charges, outcomes and
 * penalty kinds are kept as sorted arrays, so "any charge under CoAO 488" is a filter on the rollup
 * while the detention still counts once; panels that count charges or penalties themselves read
 * detention_charges and penalties (lib/dashboard/queries.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '@/db';
import { DEFAULT_WINDOW } from '@/lib/filters/definition';
import { periodCondition, ROLLUP_TABLE } from '@/lib/filters/sql';

/** Penalties of a detention's charges still in force (not replaced on appeal). */
const LIVE_PENALTIES = sql`penalties pn JOIN detention_charges dc ON dc.id = pn.detention_charge_id
  WHERE dc.detention_id = d.id AND pn.replaced_by_position IS NULL`;
/** Days of administrative arrest in force, summed over the detention's charges (null: none). */
const ARREST_DAYS = sql`(SELECT round(sum(pn.amount))::bigint FROM ${LIVE_PENALTIES} AND pn.kind = 'administrative_arrest' AND pn.unit = 'days')`;
const CHARGE_IDS = sql`coalesce((SELECT array_agg(DISTINCT dc.charge_id ORDER BY dc.charge_id) FROM detention_charges dc
  WHERE dc.detention_id = d.id AND dc.charge_id IS NOT NULL), '{}')::int[]`;
const OUTCOMES = sql`coalesce((SELECT array_agg(DISTINCT dc.outcome ORDER BY dc.outcome) FROM detention_charges dc
  WHERE dc.detention_id = d.id), '{}')::charge_outcome[]`;
// Replaced penalties included: the case list's `penalty` filter finds them too, and a panel's link must agree.
const PENALTY_KINDS = sql`coalesce((SELECT array_agg(DISTINCT pn.kind ORDER BY pn.kind) FROM penalties pn
  JOIN detention_charges dc ON dc.id = pn.detention_charge_id WHERE dc.detention_id = d.id), '{}')::penalty_kind[]`;
/** The region a city lies in, else the region the source names alone. */
const REGION = sql`coalesce((SELECT pl.region FROM places pl WHERE pl.id = d.place_id), d.region)`;
const DELAY_BUCKET = sql`CASE
    WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
      CASE
        WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
        WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
        WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
        ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
      END
  END`;
// The bounds matter only to records not placed on a day (a period holds them when it holds the
// whole interval); for placed ones they would only multiply the rollup's rows.
const UNPLACED_EARLIEST = sql`CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END`;
const UNPLACED_LATEST = sql`CASE WHEN d.detained_on IS NULL THEN d.detained_latest END`;

/**
 * Custody as a rollup dimension (db/schema.ts rollupCustodyColumns): whether the record says the
 * person is held, and the day that custody ends as the record has it. The custody filters "held"
 * and "released" compare it with today (lib/filters/sql.ts ROLLUP_TABLE.custody), so they are
 * answered by the rollups although their meaning moves with the date.
 */
const CUSTODY_OPEN = sql`d.custody_status IN ('in_custody', 'whereabouts_unknown')`;
const CUSTODY_ENDS_ON = sql`CASE
    WHEN ${CUSTODY_OPEN} THEN coalesce(d.expected_release_on, 'infinity'::date)
    WHEN d.custody_status = 'released' THEN '-infinity'::date
    ELSE d.expected_release_on
  END`;

const COLUMNS = sql.raw(
  'detained_on, detained_earliest, detained_latest, sentenced_on, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, arrest_days, delay_bucket',
);

/** The rollup's dimensions, computed from a detention row `d` joined to its person `p`. */
function DIMENSIONS_AS_COLUMNS() {
  return sql`d.detained_on, ${UNPLACED_EARLIEST} AS detained_earliest, ${UNPLACED_LATEST} AS detained_latest, d.sentenced_on,
    d.place_id, ${REGION} AS region, ${CHARGE_IDS} AS charge_ids, ${OUTCOMES} AS outcomes, ${PENALTY_KINDS} AS penalty_kinds,
    d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality, ${CUSTODY_OPEN} AS custody_open, ${CUSTODY_ENDS_ON} AS custody_ends_on,
    ${ARREST_DAYS} AS arrest_days, ${DELAY_BUCKET} AS delay_bucket`;
}

/**
 * The year of the ruling, which sets the tenge value of a fine in MCI: the sentence date's year,
 * else the detention date's, when the interval lies within one calendar year; else null.
 */
export const rulingYear = (d: SQL) => sql`CASE
    WHEN date_part('year', ${d}.sentenced_earliest) = date_part('year', ${d}.sentenced_latest) THEN date_part('year', ${d}.sentenced_earliest)::int
    WHEN date_part('year', ${d}.detained_earliest) = date_part('year', ${d}.detained_latest) THEN date_part('year', ${d}.detained_earliest)::int
  END`;
const RULING_YEAR = rulingYear(sql`d`);

/**
 * Every live detention as one row shaped like the rollup (each counting 1): the same aggregates
 * over this are the plain GROUP BY baseline the benchmark and the tests compare the rollup with.
 * It also carries the detention's id, person and ruling year, by which the panels that read
 * charges, penalties and custody join it.
 */
export const DETENTION_ROWS = detentionRows(sql`true`);

/** DETENTION_ROWS of the live detentions `d` that also meet `where` (their dimensions computed for those only). */
export function detentionRows(where: SQL) {
  return sql`
  SELECT ${DIMENSIONS_AS_COLUMNS()},
    d.id AS detention_id,
    d.person_id,
    d.custody_status, d.custody_days, d.custody_from, d.expected_release_on, d.whereabouts_unknown_since, d.next_hearing_on,
    ${RULING_YEAR} AS ruling_year,
    1 AS detentions,
    coalesce(${ARREST_DAYS}, 0) AS arrest_days_total
  FROM detentions d JOIN people p ON p.id = d.person_id
  WHERE d.deleted_at IS NULL AND ${where}`;
}

/**
 * Each detention that `selected` (a SELECT of ids) picks, with its rollup dimensions (and id,
 * ruling year), computed once. Its charges, outcomes, penalty kinds and days of arrest are the
 * record's own columns (refreshDetailArrays: set before every count "after" a change, and kept
 * from the last change for the count "before" it), so no child table is read here.
 */
function facts(selected: SQL) {
  return sql`WITH sel AS (${selected}),
    x AS (SELECT d.id AS detention_id, d.detained_on, ${UNPLACED_EARLIEST} AS detained_earliest, ${UNPLACED_LATEST} AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality,
            ${CUSTODY_OPEN} AS custody_open, ${CUSTODY_ENDS_ON} AS custody_ends_on, d.arrest_days, ${DELAY_BUCKET} AS delay_bucket,
            ${RULING_YEAR} AS ruling_year,
            d.custody_status, d.custody_days, d.custody_from, d.expected_release_on, d.whereabouts_unknown_since, d.next_hearing_on,
            d.person_id
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          WHERE d.id IN (SELECT id FROM sel))`;
}

/**
 * DETENTION_ROWS's dimension columns (and detentions, arrest_days_total) for the detentions that
 * `parts` (disjoint conditions over the unaliased detentions table, live records only) select, by
 * joins: the dimensions of the others are never computed (a semi-join over DETENTION_ROWS would
 * compute them for every detention first). The ids are read straight from the table: wrapped as
 * `d.id IN (…)`, PostgreSQL hashed the whole table to join the two (180 ms of the custody view at
 * 1M). Each part is read on its own (UNION ALL), so each can be a range over an index; an OR of
 * them made a bitmap scan of nearly every page of the table.
 */
export function selectedDetentionRows(parts: SQL[]) {
  const ids = sql.join(
    parts.map((where) => sql`SELECT detentions.id FROM detentions WHERE ${where}`),
    sql` UNION ALL `,
  );
  return sql`${facts(ids)}
    SELECT x.*, 1 AS detentions, coalesce(x.arrest_days, 0) AS arrest_days_total FROM x`;
}

/** The dimensions every rollup has: those the dashboard's filters read (lib/filters/sql.ts ROLLUP_TABLE). */
const FILTER_COLUMNS =
  'detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on';
const FILTER_TYPES = `detained_on date, detained_earliest date, detained_latest date, place_id int, region text,
  charge_ids int[], outcomes charge_outcome[], penalty_kinds penalty_kind[], plea plea,
  election_id int, person_role person_role, review_status review_status, confidentiality confidentiality, custody_open boolean, custody_ends_on date`;

/**
 * A rollup table: its key columns (the unique constraint `<table>_key`), the counts it sums, the
 * jsonb_to_recordset type of a row, and the statement that counts the detentions matching `where`.
 */
type Rollup = { table: string; key: string; values: string[]; recordType: string; /** Counts the rows of `x` (facts()). */ body: SQL };
/** The ids of the live detentions `d` meeting `where`, as facts() selects them. */
const liveIds = (where: SQL) => sql`SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (${where})`;
const grouped = (rollup: Rollup, where: SQL) => sql`${facts(liveIds(where))} ${rollup.body}`;
/** Adds the rows being inserted to the rollup's existing rows with the same key (alias `s`). */
const addOnConflict = (rollup: Rollup) =>
  sql`ON CONFLICT ON CONSTRAINT ${sql.raw(`${rollup.table}_key`)} DO UPDATE SET ${sql.raw(rollup.values.map((v) => `${v} = s.${v} + excluded.${v}`).join(', '))}`;

/** Detentions by every dimension (the time, place, role, arrest-days and delay panels; totals). */
const DETENTION_ROLLUP: Rollup = {
  table: 'detention_stats',
  key: 'detained_on, detained_earliest, detained_latest, sentenced_on, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, arrest_days, delay_bucket',
  values: ['detentions', 'arrest_days_total'],
  recordType: `${FILTER_TYPES}, sentenced_on date, arrest_days bigint, delay_bucket smallint, detentions int, arrest_days_total bigint`,
  body: sql`SELECT ${COLUMNS}, count(*)::int AS detentions, coalesce(sum(arrest_days), 0)::bigint AS arrest_days_total
    FROM x GROUP BY ${COLUMNS}`,
};

/**
 * Charges by the filter dimensions of their detention and by what the charges panels show
 * (vocabulary entry, part as cited, text only, how the basis is known, outcome): the charge,
 * outcome and plea-against-outcome panels read this instead of joining every charge.
 */
const CHARGE_KEY = `${FILTER_COLUMNS}, charge_id, cited_part, text_only, basis_origin, outcome`;
const CHARGE_ROLLUP: Rollup = {
  table: 'charge_stats',
  key: CHARGE_KEY,
  values: ['charges'],
  recordType: `${FILTER_TYPES}, charge_id int, cited_part text, text_only boolean, basis_origin basis_origin, outcome charge_outcome, charges int`,
  body: sql`SELECT ${sql.raw(CHARGE_KEY)}, count(*)::int AS charges
    FROM (SELECT x.*, dc.charge_id, nullif(btrim(dc.part), '') AS cited_part,
            (dc.charge_id IS NULL AND nullif(btrim(dc.charge_text), '') IS NOT NULL) AS text_only, dc.basis_origin, dc.outcome
          FROM x JOIN detention_charges dc ON dc.detention_id = x.detention_id) c
    GROUP BY ${sql.raw(CHARGE_KEY)}`,
};

/**
 * Penalties in force (not replaced on appeal) by the filter dimensions of their detention, kind,
 * unit and the ruling's year (which sets the tenge value of an MCI fine): the penalty and money
 * panels read this.
 */
const PENALTY_KEY = `${FILTER_COLUMNS}, kind, unit, ruling_year`;
const PENALTY_ROLLUP: Rollup = {
  table: 'penalty_stats',
  key: PENALTY_KEY,
  values: ['penalties', 'with_amount', 'amount'],
  recordType: `${FILTER_TYPES}, kind penalty_kind, unit penalty_unit, ruling_year int, penalties int, with_amount int, amount numeric`,
  body: sql`SELECT ${sql.raw(PENALTY_KEY)}, count(*)::int AS penalties, count(amount)::int AS with_amount, coalesce(sum(amount), 0)::numeric AS amount
    FROM (SELECT x.*, pn.kind, pn.unit, pn.amount
          FROM x JOIN detention_charges dc ON dc.detention_id = x.detention_id
          JOIN penalties pn ON pn.detention_charge_id = dc.id AND pn.replaced_by_position IS NULL) c
    GROUP BY ${sql.raw(PENALTY_KEY)}`,
};

/**
 * The day rollups (db/schema.ts dayRollupColumns): the same counts for the views without a filter,
 * keyed by period and visibility only, and by what each panel shows (a GROUPING SETS per panel
 * family, its set in `panel` / `grouping_set`). The election is kept for records not placed on a
 * day only: a window counts those by it (lib/filters/sql.ts undatedInPeriod).
 */
const DAY_KEY = 'detained_on, detained_earliest, detained_latest, election_id, confidentiality';
const DAY_TYPES = 'detained_on date, detained_earliest date, detained_latest date, election_id int, confidentiality confidentiality';
/** The rows of `x` (facts()) with the day rollups' election (see DAY_KEY) and `more` columns. */
const dayFacts = (more: string) =>
  sql.raw(`(SELECT x.detained_on, x.detained_earliest, x.detained_latest, CASE WHEN x.detained_on IS NULL THEN x.election_id END AS election_id,
      x.confidentiality, ${more} FROM x) x`);

/** The detention-level panels' sets, in this order in GROUPING(): see DAY_PANEL in lib/dashboard/queries.ts. */
const DAY_PANEL_COLUMNS = 'place_id, region, person_role, arrest_days, delay_bucket, sentenced_on';
const DAY_DETENTION_ROLLUP: Rollup = {
  table: 'day_detention_stats',
  key: `${DAY_KEY}, panel, ${DAY_PANEL_COLUMNS}`,
  values: ['detentions', 'arrest_days_total'],
  recordType: `${DAY_TYPES}, panel smallint, place_id int, region text, person_role person_role, arrest_days bigint, delay_bucket smallint,
    sentenced_on date, detentions int, arrest_days_total bigint`,
  body: sql`SELECT ${sql.raw(DAY_KEY)}, GROUPING(${sql.raw(DAY_PANEL_COLUMNS)})::smallint AS panel, ${sql.raw(DAY_PANEL_COLUMNS)},
      count(*)::int AS detentions, coalesce(sum(arrest_days), 0)::bigint AS arrest_days_total
    FROM ${dayFacts('x.place_id, x.region, x.person_role, x.arrest_days, x.delay_bucket, x.sentenced_on')}
    GROUP BY ${sql.raw(DAY_KEY)}, GROUPING SETS ((place_id, region), (person_role), (arrest_days), (delay_bucket), (sentenced_on))`,
};

const DAY_CHARGE_COLUMNS = 'charge_id, cited_part, text_only, basis_origin, outcome, plea';
const DAY_CHARGE_ROLLUP: Rollup = {
  table: 'day_charge_stats',
  key: `${DAY_KEY}, grouping_set, ${DAY_CHARGE_COLUMNS}`,
  values: ['charges'],
  recordType: `${DAY_TYPES}, grouping_set smallint, charge_id int, cited_part text, text_only boolean, basis_origin basis_origin,
    outcome charge_outcome, plea plea, charges int`,
  // The sets and GROUPING() order of the charges panels' query (CHARGES_SQL in lib/dashboard/queries.ts).
  body: sql`SELECT ${sql.raw(DAY_KEY)}, GROUPING(${sql.raw(DAY_CHARGE_COLUMNS)})::smallint AS grouping_set, ${sql.raw(DAY_CHARGE_COLUMNS)},
      count(*)::int AS charges
    FROM (SELECT x.*, dc.charge_id, nullif(btrim(dc.part), '') AS cited_part,
            (dc.charge_id IS NULL AND nullif(btrim(dc.charge_text), '') IS NOT NULL) AS text_only, dc.basis_origin, dc.outcome
          FROM ${dayFacts('x.detention_id, x.plea')} JOIN detention_charges dc ON dc.detention_id = x.detention_id) x
    GROUP BY ${sql.raw(DAY_KEY)}, GROUPING SETS ((charge_id, cited_part, text_only, basis_origin), (outcome), (plea, outcome))`,
};

const DAY_PENALTY_ROLLUP: Rollup = {
  table: 'day_penalty_stats',
  key: `${DAY_KEY}, kind, unit, ruling_year`,
  values: ['penalties', 'with_amount', 'amount'],
  recordType: `${DAY_TYPES}, kind penalty_kind, unit penalty_unit, ruling_year int, penalties int, with_amount int, amount numeric`,
  body: sql`SELECT ${sql.raw(DAY_KEY)}, kind, unit, ruling_year, count(*)::int AS penalties, count(amount)::int AS with_amount, coalesce(sum(amount), 0)::numeric AS amount
    FROM (SELECT x.*, pn.kind, pn.unit, pn.amount
          FROM ${dayFacts('x.detention_id, x.ruling_year')} JOIN detention_charges dc ON dc.detention_id = x.detention_id
          JOIN penalties pn ON pn.detention_charge_id = dc.id AND pn.replaced_by_position IS NULL) x
    GROUP BY ${sql.raw(DAY_KEY)}, kind, unit, ruling_year`,
};

// Each column kept only for the statuses the custody panel reads it for (lib/dashboard/queries.ts custodySql).
const DAY_CUSTODY_COLUMNS = 'custody_status, custody_days, custody_from, expected_release_on, whereabouts_unknown_since, next_hearing_on';
const DAY_CUSTODY_ROLLUP: Rollup = {
  table: 'day_custody_stats',
  key: `${DAY_KEY}, ${DAY_CUSTODY_COLUMNS}`,
  values: ['detentions'],
  recordType: `${DAY_TYPES}, custody_status custody_status, custody_days int, custody_from date, expected_release_on date,
    whereabouts_unknown_since date, next_hearing_on date, detentions int`,
  body: sql`SELECT ${sql.raw(DAY_KEY)}, ${sql.raw(DAY_CUSTODY_COLUMNS)}, count(*)::int AS detentions
    FROM ${dayFacts(`x.custody_status,
        CASE WHEN x.custody_status = 'released' THEN x.custody_days END AS custody_days,
        CASE WHEN x.custody_status <> 'released' THEN x.custody_from END AS custody_from,
        CASE WHEN x.custody_status <> 'released' THEN x.expected_release_on END AS expected_release_on,
        CASE WHEN x.custody_status = 'whereabouts_unknown' THEN x.whereabouts_unknown_since END AS whereabouts_unknown_since,
        x.next_hearing_on`)}
    GROUP BY ${sql.raw(DAY_KEY)}, ${sql.raw(DAY_CUSTODY_COLUMNS)}`,
};

/**
 * Each person's detentions per election's default window and visibility (db/schema.ts windowPeople):
 * a detention counts in every window its period holds (lib/filters/sql.ts periodCondition, the
 * dashboard's own rule), for readers who see restricted records and, when shareable, for the others.
 */
/** Election `e`'s default window, as a period over a table aliased `t` (ROLLUP_TABLE's columns). */
export const ELECTION_DEFAULT_WINDOW = {
  from: sql`e.held_on - ${sql.raw(String(DEFAULT_WINDOW.before))}`,
  to: sql`e.held_on + ${sql.raw(String(DEFAULT_WINDOW.after))}`,
  undatedElectionId: sql`e.id`,
};

const WINDOW_PEOPLE_ROLLUP: Rollup = {
  table: 'window_people',
  key: 'election_id, with_restricted, person_id',
  values: ['detentions'],
  recordType: 'election_id int, with_restricted boolean, person_id int, detentions int',
  body: sql`SELECT e.id AS election_id, v.with_restricted, t.person_id, count(*)::int AS detentions
    FROM x t
    JOIN elections e ON ${periodCondition(ROLLUP_TABLE, ELECTION_DEFAULT_WINDOW)}
    JOIN (VALUES (true), (false)) AS v(with_restricted) ON v.with_restricted OR t.confidentiality = 'shareable'
    GROUP BY e.id, v.with_restricted, t.person_id`,
};

const ROLLUPS = [
  DETENTION_ROLLUP, CHARGE_ROLLUP, PENALTY_ROLLUP, DAY_DETENTION_ROLLUP, DAY_CHARGE_ROLLUP, DAY_PENALTY_ROLLUP, DAY_CUSTODY_ROLLUP, WINDOW_PEOPLE_ROLLUP,
];

/** Every rollup table, in the order writers lock them. */
export const ROLLUP_TABLES = ROLLUPS.map((r) => r.table);

/** A rollup's rows counted from the records now (its key and values, in key order): what the table must hold. */
export function recountStatement(table: string) {
  const rollup = ROLLUPS.find((r) => r.table === table)!;
  return sql`SELECT * FROM (${grouped(rollup, sql`true`)}) g ORDER BY ${sql.raw(rollup.key)}`;
}

/** The rollup's rows as stored, in the shape and order recountStatement gives. */
export function storedStatement(table: string) {
  const rollup = ROLLUPS.find((r) => r.table === table)!;
  return sql`SELECT ${sql.raw(rollup.key)}, ${sql.raw(rollup.values.join(', '))} FROM ${sql.raw(table)} ORDER BY ${sql.raw(rollup.key)}`;
}

/** The rows of every rollup for the live detentions matching `where`, as they are now (jsonb arrays, in ROLLUPS order). */
async function snapshot(tx: Pick<Tx, 'execute'>, where: SQL): Promise<unknown[][]> {
  // The detentions' dimensions computed once (x), counted by each rollup.
  const parts = ROLLUPS.map((r, i) => sql`(SELECT coalesce(jsonb_agg(g), '[]'::jsonb) FROM (${r.body}) g) AS ${sql.raw(`r${i}`)}`);
  const result = await tx.execute(sql`${facts(liveIds(where))} SELECT ${sql.join(parts, sql`, `)}`);
  const [row] = rowsOf<Record<string, unknown[] | string>>(result);
  return ROLLUPS.map((_, i) => {
    const rows = row[`r${i}`];
    return typeof rows === 'string' ? JSON.parse(rows) : rows;
  });
}

/**
 * Applies `after - before` to every rollup in ONE statement (a save pays a round trip per
 * statement, and there are eight rollups): per rollup one row per key, in key order, the rollups
 * always in the same order. Every writer thus locks the rollup rows it touches in the same (sorted)
 * order, so two edits moving detentions between two cities in opposite directions wait for each
 * other instead of deadlocking. Keys whose net change is zero are not touched at all; rows left at
 * zero are deleted by a second statement (a statement cannot change a row twice).
 */
async function applyDeltas(tx: Pick<Tx, 'execute'>, before: unknown[][], after: unknown[][]) {
  const changed = ROLLUPS.flatMap((rollup, i) => (before[i].length || after[i].length ? [{ rollup, i }] : []));
  if (changed.length === 0) return;
  const delta = JSON.stringify({ before, after });
  const upserts = changed.map(({ rollup, i }) => {
    const key = sql.raw(rollup.key);
    const type = sql.raw(rollup.recordType);
    const sums = sql.raw(rollup.values.map((v) => `sum(sign * ${v})`).join(', '));
    const nonZero = sql.raw(rollup.values.map((v) => `sum(sign * ${v}) <> 0`).join(' OR '));
    return sql`${sql.raw(`u${i}`)} AS (
      INSERT INTO ${sql.raw(rollup.table)} AS s (${key}, ${sql.raw(rollup.values.join(', '))})
      SELECT ${key}, ${sums}
      FROM (
        SELECT -1 AS sign, * FROM input, jsonb_to_recordset(input.j->'before'->${sql.raw(String(i))}) AS r(${type})
        UNION ALL
        SELECT 1 AS sign, * FROM input, jsonb_to_recordset(input.j->'after'->${sql.raw(String(i))}) AS r(${type})) x
      GROUP BY ${key}
      HAVING ${nonZero}
      ORDER BY ${key}
      ${addOnConflict(rollup)}
      RETURNING s.id, s.${sql.raw(rollup.values[0])} AS n)`;
  });
  const emptiedOf = changed.map(({ i }) => sql`SELECT ${i}::int AS rollup, id FROM ${sql.raw(`u${i}`)} WHERE n = 0`);
  const result = await tx.execute(sql`WITH input AS (SELECT ${delta}::jsonb AS j), ${sql.join(upserts, sql`, `)}
    ${sql.join(emptiedOf, sql` UNION ALL `)}`);
  // Combinations no detention has any more would only grow the tables (rows already locked above).
  const emptied = rowsOf<{ rollup: number; id: number | string }>(result);
  if (emptied.length === 0) return;
  const deletes = [...new Set(emptied.map((r) => Number(r.rollup)))].map((i) => {
    const ids = emptied.filter((r) => Number(r.rollup) === i).map((r) => sql`${Number(r.id)}`);
    return sql`${sql.raw(`d${i}`)} AS (DELETE FROM ${sql.raw(ROLLUPS[i].table)} WHERE id IN (${sql.join(ids, sql`, `)}) AND ${sql.raw(ROLLUPS[i].values[0])} = 0)`;
  });
  await tx.execute(sql`WITH ${sql.join(deletes, sql`, `)} SELECT 1`);
}

/**
 * Sets the charge, outcome and penalty-kind arrays and the days of arrest on the detentions matching `where` (deleted ones
 * too: the case list shows them to those who may restore them) from their charges and penalties as
 * they are now; the filters read these arrays (lib/filters/sql.ts DETENTIONS_TABLE). Grouped over
 * the whole set, as facts(), so a bulk import is one pass; rows already right are not rewritten.
 */
export async function refreshDetailArrays(tx: Pick<Tx, 'execute'>, where: SQL) {
  await tx.execute(sql`WITH sel AS (SELECT d.id FROM detentions d WHERE ${where}),
    ch AS (
      SELECT dc.detention_id,
        coalesce(array_agg(DISTINCT dc.charge_id ORDER BY dc.charge_id) FILTER (WHERE dc.charge_id IS NOT NULL), '{}')::int[] AS charge_ids,
        array_agg(DISTINCT dc.outcome ORDER BY dc.outcome)::charge_outcome[] AS outcomes
      FROM detention_charges dc WHERE dc.detention_id IN (SELECT id FROM sel) GROUP BY dc.detention_id),
    pe AS (
      SELECT dc.detention_id, array_agg(DISTINCT pn.kind ORDER BY pn.kind)::penalty_kind[] AS penalty_kinds,
        round(sum(pn.amount) FILTER (WHERE pn.replaced_by_position IS NULL AND pn.kind = 'administrative_arrest' AND pn.unit = 'days'))::bigint AS arrest_days
      FROM penalties pn JOIN detention_charges dc ON dc.id = pn.detention_charge_id
      WHERE dc.detention_id IN (SELECT id FROM sel) GROUP BY dc.detention_id),
    a AS (
      SELECT sel.id, coalesce(ch.charge_ids, '{}') AS charge_ids, coalesce(ch.outcomes, '{}') AS outcomes,
        coalesce(pe.penalty_kinds, '{}') AS penalty_kinds, pe.arrest_days
      FROM sel LEFT JOIN ch ON ch.detention_id = sel.id LEFT JOIN pe ON pe.detention_id = sel.id)
    UPDATE detentions d SET charge_ids = a.charge_ids, outcomes = a.outcomes, penalty_kinds = a.penalty_kinds, arrest_days = a.arrest_days
    FROM a
    WHERE d.id = a.id
      AND (d.charge_ids, d.outcomes, d.penalty_kinds, d.arrest_days) IS DISTINCT FROM (a.charge_ids, a.outcomes, a.penalty_kinds, a.arrest_days)`);
}

/**
 * Runs `change` with the detentions matching `where` (e.g. one id, or all of a person's) taken out
 * of the rollups before and counted again after, whatever the change did to them (its charges and
 * penalties included: they are written inside `change`).
 */
export async function withStatsUpdate<T>(tx: Tx, where: SQL, change: () => Promise<T>): Promise<T> {
  // Lock the records first (in id order), so "before" cannot go stale under a concurrent writer.
  await tx.execute(sql`SELECT d.id FROM detentions d WHERE ${where} ORDER BY d.id FOR UPDATE`);
  const before = await snapshot(tx, where);
  const result = await change();
  await refreshDetailArrays(tx, where);
  await applyDeltas(tx, before, await snapshot(tx, where));
  return result;
}

/**
 * Counts newly written detentions in the rollups, in ONE statement (a save pays a round trip per
 * statement): their dimensions computed once, each rollup's rows added in key order. Their arrays
 * were written with the rows (detailArraysOf, by the form's and the import's inserts; stats.test.ts
 * compares them with a recount), so they are not refreshed here.
 */
export async function addToStats(tx: Pick<Tx, 'execute'>, where: SQL) {
  const inserts = ROLLUPS.map(
    (r, i) => sql`${sql.raw(`add${i}`)} AS (
      INSERT INTO ${sql.raw(r.table)} AS s (${sql.raw(r.key)}, ${sql.raw(r.values.join(', '))})
      SELECT * FROM (${r.body}) g ORDER BY ${sql.raw(r.key)}
      ${addOnConflict(r)}
      RETURNING 1)`,
  );
  // Read in ROLLUPS order, so the rollups are written (and their rows locked) in that order, as
  // applyDeltas does: data-modifying WITH queries the outer query does not read run at its end,
  // the last written first, and a save that created a record then waited for an edit's rows
  // while holding those the edit waited for (a deadlock, retried).
  const inOrder = sql.join(ROLLUPS.map((_, i) => sql`SELECT 1 FROM ${sql.raw(`add${i}`)}`), sql` UNION ALL `);
  await tx.execute(sql`${facts(liveIds(where))}, ${sql.join(inserts, sql`, `)} SELECT count(*) FROM (${inOrder}) rows`);
}

export const detentionById = (id: number) => sql`d.id = ${id}`;
export const detentionsOfPerson = (personId: number) => sql`d.person_id = ${personId}`;

/** The statements that fill the empty rollups from the records (also run by migrations 0011 and 0014). */
export const REBUILD_STATEMENTS = ROLLUPS.map(
  (r) => sql`INSERT INTO ${sql.raw(r.table)} (${sql.raw(r.key)}, ${sql.raw(r.values.join(', '))}) ${grouped(r, sql`true`)}`,
);
export const REBUILD_STATEMENT = REBUILD_STATEMENTS[0];

/** Rebuilds the whole rollup, and every detention's arrays, from the records (after a bulk load, or to check it). */
export async function rebuildStats(db: Pick<Db, 'transaction'>) {
  await db.transaction(async (tx) => {
    // Writers wait while the rollup is rebuilt, so none of their increments is lost or doubled.
    for (const r of ROLLUPS) await tx.execute(sql`LOCK TABLE ${sql.raw(r.table)} IN EXCLUSIVE MODE`);
    for (const r of ROLLUPS) await tx.execute(sql`DELETE FROM ${sql.raw(r.table)}`);
    await refreshDetailArrays(tx, sql`true`);
    for (const statement of REBUILD_STATEMENTS) await tx.execute(statement);
  });
}

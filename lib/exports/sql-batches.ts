import 'server-only';
/**
 * Every export reads the matching detentions in batches bounded by id, each batch ordinary
 * queries, the next one read while the last is sent: the files built by the database (csv-sql.ts,
 * json-sql.ts) and the records behind the XLSX (queries.ts exportBatches).
 *
 * Bounding a batch by ids (`after < id <= upTo`, not LIMIT) lets the query give the child tables
 * (charges, events, citations) the same id range when the batch is dense, as in an unfiltered
 * export: each is then one index range scan, and the planner neither hashes whole tables nor
 * guesses at an IN list. A sparse batch (a narrow filter) also bounds each child table by the
 * range, and picks its rows by their detentions.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { db, rowsOf } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { caseFilterConditions } from '@/lib/cases/queries';
import { idArray } from './export-rows';

/** A batch's ids: `after < id <= upTo`, holding `rows` matching detentions; `dense` when they fill at least half the range. */
export type BatchBound = { after: number; upTo: number; rows: number; dense: boolean };

/** The next batch after `after`: up to its `limit`-th matching detention, null when none is left. */
async function batchBound(actor: Actor, filters: Partial<CaseFilters>, after: number, limit: number): Promise<BatchBound | null> {
  const [row] = rowsOf<{ up_to: number | null; rows: number }>(
    await db.execute(sql`SELECT max(id) AS up_to, count(*)::int AS rows FROM (
      SELECT detentions.id FROM detentions WHERE ${caseFilterConditions(actor, filters)} AND detentions.id > ${after}
      ORDER BY detentions.id LIMIT ${limit}) AS batch`),
  );
  if (!row || row.up_to === null) return null;
  const upTo = Number(row.up_to);
  const rows = Number(row.rows);
  return { after, upTo, rows, dense: upTo - after <= 2 * rows };
}

/**
 * `detention_id` of `alias` within the batch's id range, as SQL text. In a sparse batch it only
 * bounds the scan, the join still picks the batch's rows: without it, PostgreSQL hashed a whole
 * child table for every batch of a filtered export (all 338,978 second custody events, 80 of a
 * batch's 264 ms, for an export of one election's window).
 */
export function inBatchRange(alias: string, bound: BatchBound | undefined): string {
  return bound ? ` AND ${alias}.detention_id > ${Number(bound.after)} AND ${alias}.detention_id <= ${Number(bound.upTo)}` : '';
}

/** Which rows of a child table a query reads (`alias` names the child table). */
export type ChildRows = (alias: string) => SQL;

/** The batch's matching detentions (`after < id <= upTo`), optionally only those in `only` (the rows stored cells could not serve). */
export function batchDetentions(actor: Actor, filters: Partial<CaseFilters>, bound: BatchBound, only?: readonly number[]): SQL {
  return sql`SELECT detentions.* FROM detentions WHERE ${caseFilterConditions(actor, filters)}
    AND detentions.id > ${bound.after} AND detentions.id <= ${bound.upTo}${only ? sql` AND detentions.id = ANY(${idArray(only)})` : sql``}`;
}

/**
 * Which rows of a child table (named `alias`) a batch computed from the records reads: in a dense
 * batch its id range, one index range scan; otherwise, within the range, those of the batch's
 * detentions (`matching`, from batchDetentions).
 */
export function batchChildRows(matching: SQL, bound: BatchBound, only?: readonly number[]): ChildRows {
  return (alias) => {
    const range = sql.raw(`true${inBatchRange(alias, bound)}`);
    return bound.dense && !only ? range : sql`${range} AND ${sql.raw(alias)}.detention_id IN (SELECT id FROM (${matching}) AS page)`;
  };
}

/**
 * Every batch of `read`'s rows, in id order. The next batch is read while the last one is turned
 * into text and sent: on the server's pool the two queries run on two connections, so the
 * database works on both cores while Node writes. A download cut off mid-way waits for the read in
 * flight before returning (the export is logged after).
 */
export async function* boundedBatches<T>(
  actor: Actor,
  filters: Partial<CaseFilters>,
  batchSize: number,
  read: (bound: BatchBound) => Promise<T[]>,
): AsyncGenerator<T[]> {
  const start = (bound: BatchBound) => {
    const rows = read(bound);
    rows.catch(() => undefined); // awaited below; this only keeps a failure meanwhile from being "unhandled"
    return rows;
  };
  let bound = await batchBound(actor, filters, 0, batchSize);
  let pending = bound ? start(bound) : null;
  try {
    while (bound && pending) {
      const next = bound.rows === batchSize ? await batchBound(actor, filters, bound.upTo, batchSize) : null;
      const following = next ? start(next) : null;
      const rows = await pending;
      bound = next;
      pending = following;
      yield rows;
    }
  } finally {
    await pending?.catch(() => undefined);
  }
}

// Placeholders in the query text for the values every row uses (the app's origin, the export's day).
export const ORIGIN_PARAMETER = '$origin';
export const TODAY_PARAMETER = '$today::date';

/**
 * lib/custody/timeline.ts custodyNow over the detention `d` as of the export's day, in SQL: held
 * past the expected release day counts as released (presumed); days run to the release, or to
 * the day while held.
 */
export const CUSTODY_NOW_SQL = {
  presumed: `(d.custody_status <> 'released' AND d.expected_release_on <= ${TODAY_PARAMETER})`,
  status: `CASE WHEN d.custody_status <> 'released' AND d.expected_release_on <= ${TODAY_PARAMETER} THEN 'released' ELSE d.custody_status::text END`,
  days: `CASE WHEN d.custody_status = 'released' THEN d.custody_days
        WHEN d.expected_release_on <= ${TODAY_PARAMETER} THEN d.expected_release_on - d.custody_from
        WHEN d.custody_from <= ${TODAY_PARAMETER} THEN ${TODAY_PARAMETER} - d.custody_from END`,
};

/** A source's publication day as typed (lib/dates/partial-date.ts formatPartialDate), NULL when unknown. */
export const publishedOnSql = (a: string) =>
  `CASE ${a}.published_precision WHEN 'unknown' THEN NULL WHEN 'year' THEN left(${a}.published_on::text, 4)
        WHEN 'month' THEN left(${a}.published_on::text, 7) ELSE ${a}.published_on::text END`;

/** A capture time as exports write it (columns.ts captureTimeCell): UTC to the second. */
export const captureTimeSql = (expression: string) => `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * The detention `d`'s person as `pp`, looked up by id row by row (OFFSET 0 keeps it a lookup): joined
 * as a table, PostgreSQL hashed all 250,000 people for every 5,000-row batch at 1M (about 7% of a
 * CSV batch's time).
 */
export const PERSON_SQL = `JOIN LATERAL (SELECT p.display_name, p.role, p.affiliation FROM people p WHERE p.id = d.person_id OFFSET 0) pp ON true`;

/** The source `source`'s first successful capture (lib/evidence/queries.ts firstCapturesOf, the same rule), as a LATERAL subquery named `as`. */
export const FIRST_CAPTURE_SQL = (source: string, as: string) => `LEFT JOIN LATERAL (SELECT sc.captured_at, sc.primary_sha256 FROM source_captures sc
        WHERE sc.source_id = ${source}.id AND sc.outcome = 'ok' AND sc.primary_sha256 IS NOT NULL
        ORDER BY sc.captured_at, sc.id LIMIT 1) ${as} ON true`;

const dialect = new PgDialect();

/** Drizzle's $1, $2… and the origin and day placeholders, found in one pass (a value never re-read). */
const PLACEHOLDER = /\$(\d+)\b|\$origin\b|\$today\b/g;

/** The query text and its values in order of appearance: origin and day join the filters' parameters. */
function resolved(query: SQL, origin: string, today: string): { parts: string[]; values: unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const parts: string[] = [];
  const values: unknown[] = [];
  let from = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(from, match.index));
    values.push(match[1] !== undefined ? params[Number(match[1]) - 1] : match[0] === '$origin' ? origin : today);
    from = match.index! + match[0].length;
  }
  parts.push(text.slice(from));
  return { parts, values };
}

/** The query with every value as a bind parameter. */
export function withParameters(query: SQL, origin: string, today: string): SQL {
  const { parts, values } = resolved(query, origin, today);
  return sql.join(parts.flatMap((part, i) => (i < values.length ? [sql.raw(part), sql`${values[i]}`] : [sql.raw(part)])), sql``);
}


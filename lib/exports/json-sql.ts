import 'server-only';
/**
 * The JSON export computed by the database: one SELECT gives each detention as the JSON object
 * columns.ts exportJson makes of its record (same keys in the same order, same values), so Node
 * only joins the rows. Read in id-bounded batches like the CSV (sql-batches.ts).
 *
 * PostgreSQL writes `json_build_object` with a space around each colon ("id" : 1): the same JSON
 * to any reader, a little longer than JSON.stringify's. json-sql.test.ts compares every record
 * with exportJson's after parsing both.
 *
 * Adding a field: add it to exportJson (columns.ts) and here in the same place; the test fails
 * until the two agree.
 */
import { sql, type SQL } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { caseFilterConditions } from '@/lib/cases/queries';
import { NOTES_COLUMN } from './columns';
import {
  boundedBatches,
  captureTimeSql,
  CUSTODY_NOW_SQL,
  FIRST_CAPTURE_SQL,
  inBatchRange,
  ORIGIN_PARAMETER,
  PERSON_SQL,
  publishedOnSql,
  withParameters,
  type BatchBound,
} from './sql-batches';

/** `json_build_object` over (key, SQL expression) pairs, in order. */
const object = (pairs: readonly (readonly [string, string])[]) => `json_build_object(${pairs.map(([key, value]) => `'${key}', ${value}`).join(', ')})`;
/** A date interval (lib/dates/interval.ts) from the columns `${prefix}earliest` …. */
const interval = (prefix: string) =>
  object([
    ['earliest', `${prefix}earliest`],
    ['latest', `${prefix}latest`],
    ['qualifier', `${prefix}qualifier`],
    ['as_reported', `${prefix}as_reported`],
  ]);
/** A list aggregated per detention: `[]` when it has no item. */
const list = (alias: string) => `coalesce(${alias}.list, '[]'::json)`;

/** Each charge (vocabulary entry `v`), with its penalties in position order. */
const CHARGE_JSON = object([
  ['legal_basis', 'v.legal_basis'],
  ['vocabulary', 'v.slug'],
  ['name', 'v.name'],
  ['code', 'v.code'],
  ['article', 'v.article'],
  ['part', 'dc.part'],
  ['basis_origin', 'dc.basis_origin'],
  ['text', 'dc.charge_text'],
  ['outcome', 'dc.outcome'],
  ['outcome_date', interval('dc.outcome_')],
  [
    'penalties',
    `coalesce((SELECT json_agg(${object([
      ['kind', 'p.kind'],
      // As JavaScript prints the amount: no trailing zeros.
      ['amount', 'trim_scale(p.amount)'],
      ['unit', 'p.unit'],
      ['as_reported', 'p.as_reported'],
      ['replaced_by', 'p.replaced_by_position'],
    ])} ORDER BY p.position) FROM penalties p WHERE p.detention_charge_id = dc.id), '[]'::json)`,
  ],
]);

/** Each custody event (its city `ep`, its source `es`). */
const EVENT_JSON = object([
  ['kind', 'e.kind'],
  ['date', interval('e.')],
  ['place', 'ep.name'],
  ['place_detail', 'e.place_detail'],
  ['note', 'e.note'],
  ['source_url', 'es.url'],
]);

/** Each citation `c` of the source `s`, its first capture `fc`. */
const SOURCE_JSON = object([
  ['url', 's.url'],
  ['title', 's.title'],
  ['publisher', 's.publisher'],
  ['published_on', publishedOnSql('s')],
  ['language', 's.language'],
  ['locator', 'c.locator'],
  ['supports', 'c.supports'],
  ['first_captured_at', captureTimeSql('fc.captured_at')],
  ['first_capture_sha256', 'fc.primary_sha256'],
]);

/** The record over the detention `d` (person `pp`, city `pl`, election `el`, Cyrillic name `cy`, lists `ch`, `ev`, `so`). */
function recordJson(includeNotes: boolean): string {
  return object([
    ['id', 'd.id'],
    ['link', `${ORIGIN_PARAMETER} || '/cases/' || d.id`],
    ['activist', 'pp.display_name'],
    ['activist_cyrillic', 'cy.name'],
    ['activist_role', 'pp.role'],
    ['affiliation', 'pp.affiliation'],
    ['place_precision', 'd.place_precision'],
    ['city', 'pl.name'],
    ['region', 'coalesce(pl.region, d.region)'],
    ['place_detail', 'd.place_detail'],
    ['detained', interval('d.detained_')],
    ['election', 'el.name'],
    ['court', 'd.court'],
    ['sentenced', interval('d.sentenced_')],
    ['plea', 'd.plea'],
    ['public_notes', 'd.public_notes'],
    ...(includeNotes ? [[NOTES_COLUMN, 'd.notes'] as const] : []),
    ['review_status', 'd.review_status'],
    ['confidentiality', 'd.confidentiality'],
    [
      'custody',
      object([
        ['status', CUSTODY_NOW_SQL.status],
        ['presumed', `coalesce(${CUSTODY_NOW_SQL.presumed}, false)`],
        ['from', 'd.custody_from'],
        ['released_on', 'd.released_on'],
        ['days', CUSTODY_NOW_SQL.days],
        ['whereabouts_unknown_since', 'd.whereabouts_unknown_since'],
        ['next_hearing_on', 'd.next_hearing_on'],
        ['expected_release_on', 'd.expected_release_on'],
      ]),
    ],
    ['charges', list('ch')],
    ['events', list('ev')],
    ['sources', list('so')],
  ]);
}

/** One batch: each matching detention as its JSON text, in id order (see sql-batches.ts). */
function jsonQuery(actor: Actor, filters: Partial<CaseFilters>, includeNotes: boolean, bound: BatchBound): SQL {
  const matching = sql`SELECT detentions.* FROM detentions WHERE ${caseFilterConditions(actor, filters)} AND detentions.id > ${bound.after} AND detentions.id <= ${bound.upTo}`;
  // The lists of a dense batch are read by one range scan per table, else for the batch's detentions
  // within its range.
  const ofBatch = (alias: string) => {
    const range = sql.raw(`true${inBatchRange(alias, bound)}`);
    return bound.dense ? range : sql`${range} AND ${sql.raw(alias)}.detention_id IN (SELECT id FROM (${matching}) AS page)`;
  };
  return sql`SELECT d.id AS detention_id, ${sql.raw(recordJson(includeNotes))}::text AS record
    FROM (${matching}) AS d
    ${sql.raw(PERSON_SQL)}
    LEFT JOIN LATERAL (SELECT pn.name FROM person_names pn
      WHERE pn.person_id = d.person_id AND pn.script = 'cyrillic' AND pn.name <> pp.display_name
      ORDER BY pn.id LIMIT 1) AS cy ON true
    LEFT JOIN places pl ON pl.id = d.place_id
    LEFT JOIN elections el ON el.id = d.election_id
    LEFT JOIN (SELECT dc.detention_id, json_agg(${sql.raw(CHARGE_JSON)} ORDER BY dc.position) AS list
      FROM detention_charges dc LEFT JOIN charges v ON v.id = dc.charge_id
      WHERE ${ofBatch('dc')} GROUP BY dc.detention_id) AS ch ON ch.detention_id = d.id
    LEFT JOIN (SELECT e.detention_id, json_agg(${sql.raw(EVENT_JSON)} ORDER BY e.position) AS list
      FROM custody_events e LEFT JOIN places ep ON ep.id = e.place_id LEFT JOIN sources es ON es.id = e.source_id
      WHERE ${ofBatch('e')} GROUP BY e.detention_id) AS ev ON ev.detention_id = d.id
    LEFT JOIN (SELECT c.detention_id, json_agg(${sql.raw(SOURCE_JSON)} ORDER BY c.id) AS list
      FROM citations c JOIN sources s ON s.id = c.source_id
      ${sql.raw(FIRST_CAPTURE_SQL('s', 'fc'))}
      WHERE ${ofBatch('c')} GROUP BY c.detention_id) AS so ON so.detention_id = d.id
    ORDER BY d.id`;
}

/**
 * The JSON text of every matching detention, in id order, one array per batch; streamed: memory
 * stays flat. `onRows` is told how many records each batch held.
 */
export async function* jsonRecordBatches(
  actor: Actor,
  filters: Partial<CaseFilters>,
  includeNotes: boolean,
  { origin, today, batchSize = 5000 }: { origin: string; today: string; batchSize?: number },
): AsyncGenerator<string[]> {
  const read = async (bound: BatchBound) =>
    rowsOf<{ record: string }>(await db.execute(withParameters(jsonQuery(actor, filters, includeNotes, bound), origin, today))).map((r) => r.record);
  yield* boundedBatches(actor, filters, batchSize, read);
}

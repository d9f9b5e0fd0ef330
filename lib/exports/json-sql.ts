import 'server-only';
/**
 * The JSON export computed by the database: one SELECT gives each detention as the JSON object
 * columns.ts exportJson makes of its record (same keys in the same order, same values), so Node
 * only joins the rows. Read in id-bounded batches like the CSV (sql-batches.ts).
 *
 * The objects are written as text, compact as JSON.stringify writes them (`{"id":1,…}`), each value
 * by `to_json` (the conversion `json_build_object` uses): `json_build_object` puts a space around
 * every colon and after every comma, which made the file about 10% longer, and every one of those
 * bytes was read, sent and copied again by every export. csv-sql.test.ts compares every record with
 * exportJson's, parsed and as text (JSON.stringify's).
 *
 * Adding a field: add it to exportJson (columns.ts) and here in the same place; the test fails
 * until the two agree.
 */
import { sql, type SQL } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { NOTES_COLUMN } from './columns';
import {
  batchChildRows,
  batchDetentions,
  boundedBatches,
  captureTimeSql,
  CUSTODY_NOW_SQL,
  FIRST_CAPTURE_SQL,
  ORIGIN_PARAMETER,
  PERSON_SQL,
  publishedOnSql,
  withParameters,
  type BatchBound,
  type ChildRows,
} from './sql-batches';
import { cellsFormat, fillExportRows, readStored, storedRows, type CachedCells } from './export-rows';

/** A member's value: an SQL expression converted by `to_json`, or (`{ json }`) one that already is JSON text. */
type Value = string | { json: string };
type Pairs = readonly (readonly [string, Value])[];
const valueText = (value: Value) => (typeof value === 'string' ? `coalesce(to_json(${value})::text, 'null')` : value.json);
/** The pairs' members as JSON text without braces (`"key":value,…`), in order; keys are this file's own names. */
const members = (pairs: Pairs) => `concat(${pairs.map(([key, value], i) => `'${i === 0 ? '' : ','}"${key}":', ${valueText(value)}`).join(', ')})`;
/** An object of (key, value) pairs as JSON text, in order. */
const object = (pairs: Pairs) => `concat('{', ${members(pairs)}, '}')`;
/** A JSON array of `item` (JSON text) over the rows of an aggregate, in `order`; NULL when there is no row. */
const array = (item: string, order: string) => `'[' || string_agg(${item}, ',' ORDER BY ${order}) || ']'`;
/** A date interval (lib/dates/interval.ts) from the columns `${prefix}earliest` …. */
const interval = (prefix: string): Value => ({
  json: object([
    ['earliest', `${prefix}earliest`],
    ['latest', `${prefix}latest`],
    ['qualifier', `${prefix}qualifier`],
    ['as_reported', `${prefix}as_reported`],
  ]),
});
/** A list aggregated per detention: `[]` when it has no item. */
const list = (alias: string): Value => ({ json: `coalesce(${alias}.list, '[]')` });

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
    { json: `coalesce((SELECT ${array(object([
      ['kind', 'p.kind'],
      // As JavaScript prints the amount: no trailing zeros.
      ['amount', 'trim_scale(p.amount)'],
      ['unit', 'p.unit'],
      ['as_reported', 'p.as_reported'],
      ['replaced_by', 'p.replaced_by_position'],
    ]), 'p.position')} FROM penalties p WHERE p.detention_charge_id = dc.id), '[]')` },
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

/** The record's members over the detention `d` (person `pp`, city `pl`, election `el`, Cyrillic name `cy`, lists `ch`, `ev`, `so`), in order. */
const LEAD_MEMBERS = [
  ['id', 'd.id'],
  ['link', `${ORIGIN_PARAMETER} || '/cases/' || d.id`],
] as const;
const HEAD_MEMBERS = [
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
] as const;
const NOTES_MEMBERS = [[NOTES_COLUMN, 'd.notes']] as const;
const MIDDLE_MEMBERS = [
  ['review_status', 'd.review_status'],
  ['confidentiality', 'd.confidentiality'],
] as const;
const CUSTODY_MEMBERS = [
  [
    'custody',
    { json: object([
      ['status', CUSTODY_NOW_SQL.status],
      ['presumed', `coalesce(${CUSTODY_NOW_SQL.presumed}, false)`],
      ['from', 'd.custody_from'],
      ['released_on', 'd.released_on'],
      ['days', CUSTODY_NOW_SQL.days],
      ['whereabouts_unknown_since', 'd.whereabouts_unknown_since'],
      ['next_hearing_on', 'd.next_hearing_on'],
      ['expected_release_on', 'd.expected_release_on'],
    ]) },
  ],
] as const;
const LIST_MEMBERS = [
  ['charges', list('ch')],
  ['events', list('ev')],
  ['sources', list('so')],
] as const;

/** The whole record as one JSON object. */
function recordJson(includeNotes: boolean): string {
  return object([...LEAD_MEMBERS, ...HEAD_MEMBERS, ...(includeNotes ? NOTES_MEMBERS : []), ...MIDDLE_MEMBERS, ...CUSTODY_MEMBERS, ...LIST_MEMBERS]);
}


/** The detentions `matching` with everything the record reads: `pp`, `cy`, `pl`, `el` and the lists `ch`, `ev`, `so`. */
function recordJoins(matching: SQL, childRows: ChildRows): SQL {
  return sql`(${matching}) AS d
    ${sql.raw(PERSON_SQL)}
    LEFT JOIN LATERAL (SELECT pn.name FROM person_names pn
      WHERE pn.person_id = d.person_id AND pn.script = 'cyrillic' AND pn.name <> pp.display_name
      ORDER BY pn.id LIMIT 1) AS cy ON true
    LEFT JOIN places pl ON pl.id = d.place_id
    LEFT JOIN elections el ON el.id = d.election_id
    LEFT JOIN (SELECT dc.detention_id, ${sql.raw(array(CHARGE_JSON, 'dc.position'))} AS list
      FROM detention_charges dc LEFT JOIN charges v ON v.id = dc.charge_id
      WHERE ${childRows('dc')} GROUP BY dc.detention_id) AS ch ON ch.detention_id = d.id
    LEFT JOIN (SELECT e.detention_id, ${sql.raw(array(EVENT_JSON, 'e.position'))} AS list
      FROM custody_events e LEFT JOIN places ep ON ep.id = e.place_id LEFT JOIN sources es ON es.id = e.source_id
      WHERE ${childRows('e')} GROUP BY e.detention_id) AS ev ON ev.detention_id = d.id
    LEFT JOIN (SELECT c.detention_id, ${sql.raw(array(SOURCE_JSON, 'c.id'))} AS list
      FROM citations c JOIN sources s ON s.id = c.source_id
      ${sql.raw(FIRST_CAPTURE_SQL('s', 'fc'))}
      WHERE ${childRows('c')} GROUP BY c.detention_id) AS so ON so.detention_id = d.id`;
}

/**
 * One batch computed from the records: each matching detention as its JSON text, in id order (see
 * sql-batches.ts). Used for the rows whose stored members (export-rows.ts) could not serve; `only`
 * names them.
 */
function jsonQuery(actor: Actor, filters: Partial<CaseFilters>, includeNotes: boolean, bound: BatchBound, only?: readonly number[]): SQL {
  const matching = batchDetentions(actor, filters, bound, only);
  // The lists of a dense batch are read by one range scan per table, else for the batch's detentions
  // within its range.
  const ofBatch = batchChildRows(matching, bound, only);
  return sql`SELECT d.id AS detention_id, ${sql.raw(recordJson(includeNotes))}::text AS record
    FROM ${recordJoins(matching, ofBatch)}
    ORDER BY d.id`;
}

/** The stored JSON members of the detentions `ids` (export-rows.ts): all but the id, the link and custody. */
export const JSON_CELLS: CachedCells = {
  table: 'export_json_rows',
  columns: ['head', 'notes', 'middle', 'lists'],
  parts: (ids) => sql`SELECT d.id AS detention_id, ${sql.raw(members(HEAD_MEMBERS))} AS head,
      ${sql.raw(members(NOTES_MEMBERS))} AS notes, ${sql.raw(members(MIDDLE_MEMBERS))} AS middle,
      ${sql.raw(members(LIST_MEMBERS))} AS lists
    FROM ${recordJoins(sql`SELECT detentions.* FROM detentions WHERE detentions.id = ANY(${ids})`, (alias) => sql`${sql.raw(alias)}.detention_id = ANY(${ids})`)}`,
};
/** The format of the stored JSON members this code writes and reads. */
export const JSON_FORMAT = cellsFormat(JSON_CELLS);

/** One batch from the stored members, NULL where they are stale; the id, link and custody computed here. */
function storedRecordsQuery(actor: Actor, filters: Partial<CaseFilters>, includeNotes: boolean, bound: BatchBound, only?: readonly number[]): SQL {
  const [[, custody]] = CUSTODY_MEMBERS;
  // One concat() copies the record's text once; a chain of || copied the growing text at every step.
  const parts = [
    `'{"id":'`,
    'd.id',
    `',"link":'`,
    `to_json(${ORIGIN_PARAMETER} || '/cases/' || d.id)`,
    `','`,
    'e.head',
    ...(includeNotes ? [`','`, 'e.notes'] : []),
    `','`,
    'e.middle',
    `',"custody":'`,
    valueText(custody),
    `','`,
    'e.lists',
    `'}'`,
  ];
  return sql`SELECT d.id AS detention_id, CASE WHEN e.format = ${JSON_FORMAT} THEN concat(${sql.raw(parts.join(', '))}) END AS value
    FROM (${batchDetentions(actor, filters, bound, only)}) AS d LEFT JOIN export_json_rows e ON e.detention_id = d.id
    ORDER BY d.id`;
}

/**
 * The JSON text of every matching detention as UTF-8, in id order, one array per batch; streamed:
 * memory stays flat. Each batch joins its rows' stored members, storing first those it finds
 * missing (export-rows.ts).
 */
export async function* jsonRecordBatches(
  actor: Actor,
  filters: Partial<CaseFilters>,
  includeNotes: boolean,
  // 2,500 records a batch, half the CSV's: a JSON record is three times a CSV line, and with 5,000
  // the 1M export peaked at 327–337 MB with V8's heap capped at 256 MB (2,500: 281 MB, 5% slower).
  { origin, today, batchSize = 2500, useStored = true }: { origin: string; today: string; batchSize?: number; useStored?: boolean },
): AsyncGenerator<Buffer[]> {
  const computed = async (bound: BatchBound, only?: number[]) =>
    rowsOf<{ detention_id: number; record: string }>(await db.execute(withParameters(jsonQuery(actor, filters, includeNotes, bound, only), origin, today))).map(
      (r) => ({ detention_id: r.detention_id, value: Buffer.from(r.record) }),
    );
  const read = async (bound: BatchBound): Promise<Buffer[]> => {
    if (!useStored) return (await computed(bound)).map((r) => r.value);
    return readStored(
      (only) => storedRows(withParameters(storedRecordsQuery(actor, filters, includeNotes, bound, only), origin, today)),
      (ids) => fillExportRows(JSON_CELLS, JSON_FORMAT, ids),
      (ids) => computed(bound, ids),
    );
  };
  yield* boundedBatches(actor, filters, batchSize, read);
}

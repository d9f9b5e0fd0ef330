import 'server-only';
/**
 * The CSV export computed by the database: one SELECT gives each detention's row already as its
 * cells, in exportHeader's order (lib/exports/columns.ts), with blanks as NULL and the formula
 * guard of lib/exports/cells.ts applied to every free-text cell, so Node only quotes the cells.
 * It is read in batches bounded by id, the next batch read while the last one is sent.
 *
 * The output is the row-by-row export's, byte for byte (csv-sql.test.ts compares the two). The
 * numbered groups are pivoted by position: charges, penalties and events are stored with
 * positions 0, 1, 2… (lib/cases/details.ts insertDetails), citations in id order.
 *
 * Adding a column: one line in the matching list below (name, SQL over that list's aliases), in
 * the same place as in columns.ts; the test fails until the two agree.
 */
import { sql, type SQL } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { caseFilterConditions } from '@/lib/cases/queries';
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
import {
  chargeColumn,
  eventColumn,
  NOTES_COLUMN,
  penaltyColumn,
  sourceColumn,
  SUPPORTS_SEPARATOR,
  type ExportShape,
} from './columns';

type CellSql = (alias: string) => SQL;
type SqlColumn = readonly [name: string, value: CellSql];

const raw = (text: string) => sql.raw(text);
/** Cells that may hold a quote, comma or line break: only these are checked for CSV quoting. */
const freeText = new WeakSet<SQL>();
/** A free-text cell: blank is NULL; a leading =, +, -, @, tab or carriage return gets a quote (neutraliseCell). */
const guarded = (expression: string) => {
  // ascii() is the first character's code (0 for ''): one call where left(nullif(…)) took three.
  const cell = raw(`CASE WHEN ascii(${expression}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${expression} ELSE nullif(${expression}, '') END`);
  freeText.add(cell);
  return cell;
};
/** A vocabulary value, date or number: never a formula, blank only when NULL. */
const plain = (expression: string) => raw(`(${expression})::text`);
const text = (column: string): CellSql => (a: string) => guarded(`${a}.${column}`);
const value = (column: string): CellSql => (a: string) => plain(`${a}.${column}`);
const interval = (prefix: string, of: string): SqlColumn[] => {
  const name = (field: string) => (prefix ? `${prefix}_${field}` : field);
  return [
    [name('earliest'), value(`${of}earliest`)],
    [name('latest'), value(`${of}latest`)],
    [name('qualifier'), value(`${of}qualifier`)],
    [name('as_reported'), text(`${of}as_reported`)],
  ];
};

/** RECORD_COLUMNS over the detention `d` (with `pp` its person, `pl` its city, `el` its election, `cy` the Cyrillic name). */
const RECORD_SQL: SqlColumn[] = [
  ['id', () => plain('d.id')],
  ['link', () => raw(`${ORIGIN_PARAMETER} || '/cases/' || d.id`)],
  ['activist', () => guarded('pp.display_name')],
  ['activist_cyrillic', () => guarded('cy.name')],
  ['activist_role', () => plain('pp.role')],
  ['affiliation', () => guarded('pp.affiliation')],
  ['place_precision', () => plain('d.place_precision')],
  ['city', () => guarded('pl.name')],
  ['region', () => guarded('coalesce(pl.region, d.region)')],
  ['place_detail', () => guarded('d.place_detail')],
  ...interval('detained', 'detained_').map(([n, v]) => [n, () => v('d')] as const),
  ['election', () => guarded('el.name')],
  ['court', () => guarded('d.court')],
  ...interval('sentenced', 'sentenced_').map(([n, v]) => [n, () => v('d')] as const),
  ['plea', () => plain('d.plea')],
  ['public_notes', () => guarded('d.public_notes')],
  ['review_status', () => plain('d.review_status')],
  ['confidentiality', () => plain('d.confidentiality')],
];

/** CUSTODY_COLUMNS: lib/custody/timeline.ts custodyNow as of the export's day (`today`). */
const CUSTODY_SQL: SqlColumn[] = [
  ['custody_status', () => raw(CUSTODY_NOW_SQL.status)],
  ['custody_presumed', () => raw(`CASE WHEN ${CUSTODY_NOW_SQL.presumed} THEN 'yes' ELSE 'no' END`)],
  ['custody_from', () => plain('d.custody_from')],
  ['released_on', () => plain('d.released_on')],
  ['custody_days', () => raw(`(${CUSTODY_NOW_SQL.days})::text`)],
  ['whereabouts_unknown_since', () => plain('d.whereabouts_unknown_since')],
  ['next_hearing_on', () => plain('d.next_hearing_on')],
  ['expected_release_on', () => plain('d.expected_release_on')],
];

/** CHARGE_FIELDS over the charge row `a` (its vocabulary entry `a_v`). */
const CHARGE_SQL: SqlColumn[] = [
  ['legal_basis', (a) => guarded(`${a}_v.legal_basis`)],
  ['vocabulary', (a) => guarded(`${a}_v.slug`)],
  ['name', (a) => guarded(`${a}_v.name`)],
  ['part', text('part')],
  ['basis_origin', value('basis_origin')],
  ['text', text('charge_text')],
  ['outcome', value('outcome')],
  ...interval('outcome', 'outcome_'),
];

/** PENALTY_FIELDS over the penalty row `a`; amounts as JavaScript prints them (no trailing zeros). */
const PENALTY_SQL: SqlColumn[] = [
  ['kind', value('kind')],
  ['amount', (a) => plain(`trim_scale(${a}.amount)`)],
  ['unit', value('unit')],
  ['as_reported', text('as_reported')],
  ['replaced_by', value('replaced_by_position')],
];

/** EVENT_FIELDS over the event row `a` (its city `a_p`, its source `a_s`). */
const EVENT_SQL: SqlColumn[] = [
  ['kind', value('kind')],
  ...interval('', ''),
  ['place', (a) => guarded(`${a}_p.name`)],
  ['place_detail', text('place_detail')],
  ['note', text('note')],
  ['source_url', (a) => guarded(`${a}_s.url`)],
];

/** SOURCE_FIELDS over the numbered citation row `a` (lib/dates/partial-date.ts formatPartialDate for the day). */
const SOURCE_SQL: SqlColumn[] = [
  ['url', text('url')],
  ['title', text('title')],
  ['publisher', text('publisher')],
  ['published_on', (a) => raw(publishedOnSql(a))],
  ['language', text('language')],
  ['locator', text('locator')],
  ['supports', (a) => guarded(`array_to_string(${a}.supports, '${SUPPORTS_SEPARATOR}')`)],
  ['first_captured_at', (a) => raw(captureTimeSql(`${a}.first_captured_at`))],
  ['first_capture_sha256', (a) => raw(`${a}.first_capture_sha256`)],
];

/** The columns and the joins of the numbered groups that `shape` asks for (`page`: a dense batch's id range, given to each child table). */
function layout(shape: ExportShape, page?: BatchBound) {
  const inRange = (alias: string) => inBatchRange(alias, page);
  const columns: [string, SQL][] = RECORD_SQL.map(([name, v]) => [name, v('d')]);
  if (shape.includeNotes) columns.push([NOTES_COLUMN, guarded('d.notes')]);
  columns.push(...CUSTODY_SQL.map(([name, v]) => [name, v('d')] as [string, SQL]));
  const joins: string[] = [];
  for (let n = 1; n <= shape.chargeCount; n++) {
    const c = `c${n}`;
    joins.push(`LEFT JOIN detention_charges ${c} ON ${c}.detention_id = d.id AND ${c}.position = ${n - 1}${inRange(c)}`, `LEFT JOIN charges ${c}_v ON ${c}_v.id = ${c}.charge_id`);
    columns.push(...CHARGE_SQL.map(([field, v]) => [chargeColumn(n, field), v(c)] as [string, SQL]));
    for (let m = 1; m <= shape.penaltyCount; m++) {
      const p = `${c}p${m}`;
      joins.push(`LEFT JOIN penalties ${p} ON ${p}.detention_charge_id = ${c}.id AND ${p}.position = ${m - 1}`);
      columns.push(...PENALTY_SQL.map(([field, v]) => [penaltyColumn(n, m, field), v(p)] as [string, SQL]));
    }
  }
  for (let n = 1; n <= shape.eventCount; n++) {
    const e = `e${n}`;
    joins.push(
      `LEFT JOIN custody_events ${e} ON ${e}.detention_id = d.id AND ${e}.position = ${n - 1}${inRange(e)}`,
      `LEFT JOIN places ${e}_p ON ${e}_p.id = ${e}.place_id`,
      `LEFT JOIN sources ${e}_s ON ${e}_s.id = ${e}.source_id`,
    );
    columns.push(...EVENT_SQL.map(([field, v]) => [eventColumn(n, field), v(e)] as [string, SQL]));
  }
  for (let n = 1; n <= shape.sourceCount; n++) {
    const s = `s${n}`;
    joins.push(`LEFT JOIN cited ${s} ON ${s}.detention_id = d.id AND ${s}.n = ${n}`);
    columns.push(...SOURCE_SQL.map(([field, v]) => [sourceColumn(n, field), v(s)] as [string, SQL]));
  }
  return { columns, joins };
}

/** The header names of the SQL's columns (checked against exportHeader by the tests). */
export function csvSqlHeader(shape: ExportShape): string[] {
  return layout(shape).columns.map(([name]) => name);
}

/**
 * One batch of the export: the matching detentions with `after < id <= upTo` (found by batchBound),
 * each as its cells in id order, with the detention's id first. Filters as the case list's
 * (lib/filters via caseFilterConditions); see sql-batches.ts for why batches are id ranges.
 */
function cellsQuery(actor: Actor, filters: Partial<CaseFilters>, shape: ExportShape, page: BatchBound): SQL {
  const { columns, joins } = layout(shape, page);
  const where = caseFilterConditions(actor, filters);
  const matching = sql`SELECT detentions.* FROM detentions WHERE ${where} AND detentions.id > ${page.after} AND detentions.id <= ${page.upTo}`;
  const inRange = sql`c.detention_id > ${page.after} AND c.detention_id <= ${page.upTo}`;
  const citedRows = page.dense ? inRange : sql`${inRange} AND c.detention_id IN (SELECT id FROM (${matching}) AS page)`;
  const cited = shape.sourceCount
    ? sql`WITH cited AS (SELECT c.detention_id, row_number() OVER (PARTITION BY c.detention_id ORDER BY c.id) AS n,
        s.url, s.title, s.publisher, s.published_on, s.published_precision, s.language, c.locator, c.supports,
        fc.captured_at AS first_captured_at, fc.primary_sha256 AS first_capture_sha256
      FROM citations c JOIN sources s ON s.id = c.source_id
      ${raw(FIRST_CAPTURE_SQL)}
      WHERE ${citedRows})`
    : sql``;
  return sql`${cited}
    SELECT detention_id, ${raw(csvLineSql(columns.map(([, v]) => freeText.has(v))))} AS line FROM (
    SELECT d.id AS detention_id, ${sql.join(columns.map(([, v], i) => sql`${v} AS ${raw(`c${i + 1}`)}`), sql`, `)}
    FROM (${matching}) AS d
    ${raw(PERSON_SQL)}
    -- The first Cyrillic name that is not the display name: one index probe per row.
    LEFT JOIN LATERAL (SELECT pn.name FROM person_names pn
      WHERE pn.person_id = d.person_id AND pn.script = 'cyrillic' AND pn.name <> pp.display_name
      ORDER BY pn.id LIMIT 1) AS cy ON true
    LEFT JOIN places pl ON pl.id = d.place_id
    LEFT JOIN elections el ON el.id = d.election_id
    ${raw(joins.join('\n    '))}
    -- OFFSET 0 keeps the cells computed once each: the line below reads each cell several times.
    OFFSET 0) AS cells
    ORDER BY detention_id`;
}

/**
 * The CSV record of the cells c1…cN, as csvQuotedLine writes it (RFC 4180: a cell holding a quote,
 * comma or line break is quoted, its quotes doubled; NULL is an empty cell), with its CRLF. Only
 * free-text cells are checked (`free`): dates, numbers and vocabulary values never need quotes.
 * LIKE, not a regular expression: PostgreSQL converts a string to wide characters for every regex
 * match (in a micro-benchmark over 500,000 titles: LIKE ×4 +3 ms, strpos ×4 +25 ms, regex +40 ms).
 */
function csvLineSql(free: readonly boolean[]): string {
  const quoted = (c: string) =>
    `CASE WHEN ${c} IS NULL THEN '' WHEN ${c} LIKE '%"%' OR ${c} LIKE '%,%' OR ${c} LIKE E'%\n%' OR ${c} LIKE E'%\r%' THEN '"' || replace(${c}, '"', '""') || '"' ELSE ${c} END`;
  // One array joined once: a chain of || copies the growing line at every cell (quadratic in its length).
  return `array_to_string(ARRAY[${free.map((isFree, i) => (isFree ? quoted(`c${i + 1}`) : `coalesce(c${i + 1}, '')`)).join(', ')}], ',') || E'\r\n'`;
}

type Options = { origin: string; today: string };

/**
 * The CSV rows (no header) of every matching detention, in id order, as text chunks with CRLF
 * line ends; `onRows` is told how many rows each chunk finished. Streamed: memory stays flat.
 */
export async function* csvRowChunks(
  actor: Actor,
  filters: Partial<CaseFilters>,
  shape: ExportShape,
  { origin, today, onRows, batchSize = 5000 }: Options & { onRows: (n: number) => void; batchSize?: number },
): AsyncGenerator<string> {
  const read = async (bound: BatchBound) =>
    rowsOf<{ line: string }>(await db.execute(withParameters(cellsQuery(actor, filters, shape, bound), origin, today)));
  for await (const rows of boundedBatches(actor, filters, batchSize, read)) {
    // Guarded and quoted in SQL: each row arrives as its CSV line.
    yield rows.map((r) => r.line).join('');
    onRows(rows.length);
  }
}

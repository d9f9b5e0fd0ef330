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
import {
  chargeColumn,
  eventColumn,
  NOTES_COLUMN,
  penaltyColumn,
  sourceColumn,
  SUPPORTS_SEPARATOR,
  type ExportShape,
} from './columns';
import { cellsFormat, fillExportRows, readStored, storedRows, type CachedCells } from './export-rows';

/** A cell as SQL text: `free` when it may hold a quote, comma or line break (only these are checked for CSV quoting). */
type Cell = { expression: string; free: boolean };
type CellSql = (alias: string) => Cell;
type SqlColumn = readonly [name: string, value: CellSql];

const raw = (text: string) => sql.raw(text);
/**
 * neutraliseCell's guard inside the text: a quote after a `;`, tab or line break (and spaces) that
 * a formula character or a quote follows. The regular expression runs only on text holding such a
 * break (strpos is a plain scan; most cells hold none).
 */
const guardedAfterBreaks = (e: string) =>
  `CASE WHEN strpos(${e}, ';') + strpos(${e}, chr(10)) + strpos(${e}, chr(9)) + strpos(${e}, chr(13)) > 0
    THEN regexp_replace(${e}, '([;' || chr(9) || chr(13) || chr(10) || '])( *)(?=[''=+@-])', '\\1\\2''', 'g') ELSE ${e} END`;

/** A free-text cell: blank is NULL; a leading =, +, -, @, tab or carriage return gets a quote, and a formula after a break too (neutraliseCell). */
const guarded = (expression: string): Cell => {
  const inner = guardedAfterBreaks(expression);
  return {
    // ascii() is the first character's code (0 for ''): one call where left(nullif(…)) took three.
    // The guard inside never changes the first character, so the test reads the text as it is.
    // A leading quote before a formula character or another quote gets one more (cells.ts GUARDED_START).
    expression: `CASE WHEN ascii(${expression}) IN (61, 43, 45, 64, 9, 13)
        OR (ascii(${expression}) = 39 AND ascii(substr(${expression}, 2, 1)) IN (61, 43, 45, 64, 9, 13, 39))
      THEN '''' || ${inner} ELSE nullif(${inner}, '') END`,
    free: true,
  };
};
/** A vocabulary value, date or number: never a formula, blank only when NULL. */
const plain = (expression: string): Cell => ({ expression: `(${expression})::text`, free: false });
/** Text the export computes, never holding a quote, comma or line break. */
const computed = (expression: string): Cell => ({ expression, free: false });
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
  ['link', () => computed(`${ORIGIN_PARAMETER} || '/cases/' || d.id`)],
  ['activist', () => guarded('pp.display_name')],
  ['activist_cyrillic', () => guarded('cy.name')],
  ['activist_role', () => plain('pp.role')],
  ['affiliation', () => guarded('pp.affiliation')],
  ['place_precision', () => plain('d.place_precision')],
  ['city', () => guarded('pl.name')],
  ['region', () => guarded('coalesce(pl.region, d.region)')],
  ['place_detail', () => guarded('d.place_detail')],
  ...interval('detained', 'detained_'),
  ['election', () => guarded('el.name')],
  ['court', () => guarded('d.court')],
  ...interval('sentenced', 'sentenced_'),
  ['plea', () => plain('d.plea')],
  ['public_notes', () => guarded('d.public_notes')],
  ['review_status', () => plain('d.review_status')],
  ['confidentiality', () => plain('d.confidentiality')],
];

/** The record's first cells, computed at export time (the link holds the app's origin); the rest are stored (export-rows.ts). */
const LEAD_SQL = RECORD_SQL.slice(0, 2);
const HEAD_SQL = RECORD_SQL.slice(2);

/** CUSTODY_COLUMNS: lib/custody/timeline.ts custodyNow as of the export's day (`today`). */
const CUSTODY_SQL: SqlColumn[] = [
  ['custody_status', () => computed(CUSTODY_NOW_SQL.status)],
  ['custody_presumed', () => computed(`CASE WHEN ${CUSTODY_NOW_SQL.presumed} THEN 'yes' ELSE 'no' END`)],
  ['custody_from', () => plain('d.custody_from')],
  ['released_on', () => plain('d.released_on')],
  ['custody_days', () => plain(CUSTODY_NOW_SQL.days)],
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

/** SOURCE_FIELDS over the citation `a` (its source `a_s`, the source's first capture `a_fc`; formatPartialDate for the day). */
const SOURCE_SQL: SqlColumn[] = [
  ['url', (a) => guarded(`${a}_s.url`)],
  ['title', (a) => guarded(`${a}_s.title`)],
  ['publisher', (a) => guarded(`${a}_s.publisher`)],
  ['published_on', (a) => computed(publishedOnSql(`${a}_s`))],
  ['language', (a) => guarded(`${a}_s.language`)],
  ['locator', text('locator')],
  ['supports', (a) => guarded(`array_to_string(${a}.supports, '${SUPPORTS_SEPARATOR}')`)],
  ['first_captured_at', (a) => computed(captureTimeSql(`${a}_fc.captured_at`))],
  ['first_capture_sha256', (a) => computed(`${a}_fc.primary_sha256`)],
];

/**
 * The CSV text of one cell, as csvQuotedLine writes it (RFC 4180): a free-text cell holding a
 * quote, comma or line break is quoted, its quotes doubled; NULL is an empty cell. LIKE, not a
 * regular expression: PostgreSQL converts a string to wide characters for every regex match (in
 * a micro-benchmark over 500,000 titles: LIKE ×4 +3 ms, strpos ×4 +25 ms, regex +40 ms).
 */
function csvCell(column: string, free: boolean): string {
  if (!free) return `coalesce(${column}, '')`;
  return `CASE WHEN ${column} IS NULL THEN '' WHEN ${column} LIKE '%"%' OR ${column} LIKE '%,%' OR ${column} LIKE E'%\\n%' OR ${column} LIKE E'%\\r%' THEN '"' || replace(${column}, '"', '""') || '"' ELSE ${column} END`;
}

/**
 * Cells as CSV text, computed once each: `columns` names them x1…xN for an inner SELECT (kept
 * apart by OFFSET 0), `text` joins them over it with `after` (further CSV text, such as a nested
 * group), since the quoting reads each cell several times.
 */
function csvCells(cells: readonly Cell[], after: readonly string[] = []): { columns: string; text: string } {
  return {
    columns: cells.map((c, i) => `${c.expression} AS x${i + 1}`).join(', '),
    // One array joined once: a chain of || copies the growing text at every cell (quadratic in its length).
    text: `array_to_string(ARRAY[${[...cells.map((c, i) => csvCell(`x${i + 1}`, c.free)), ...after].join(', ')}], ',')`,
  };
}

/**
 * A numbered group of `count` slots of `width` cells, from its items' CSV text in order (`items`,
 * NULL when there are none): the first `count` items, then an empty cell for each of the missing
 * slots' cells. An item beyond `count` (added after the file's shape was counted) has no columns
 * and is left out, as in the row-by-row export.
 */
function groupText(items: string, count: number, width: number): string {
  return `CASE WHEN ${items} IS NULL THEN '${','.repeat(count * width - 1)}'
      ELSE array_to_string(${items}[1:${count}], ',') || repeat(',', (${count} - least(cardinality(${items}), ${count})) * ${width}) END`;
}

/**
 * A child table's items as CSV text, gathered per parent in order: `SELECT key, items` from the
 * rows of `from` (the table aliased `alias`), grouped by `key`; `nested` adds a column and a group
 * after the item's own cells.
 */
function itemsOf(
  alias: string,
  fields: SqlColumn[],
  parts: { key: string; order: string; from: SQL; nested?: { column: string; text: string }; aggregates?: string },
): SQL {
  const { columns, text } = csvCells(
    fields.map(([, cell]) => cell(alias)),
    parts.nested ? [parts.nested.text] : [],
  );
  const nestedColumn = parts.nested ? `, ${parts.nested.column}` : '';
  const aggregates = parts.aggregates ? `, ${parts.aggregates}` : '';
  return sql`SELECT key, array_agg(${raw(text)} ORDER BY ord) AS items${raw(aggregates)} FROM (
      SELECT ${raw(parts.key)} AS key, ${raw(parts.order)} AS ord, ${raw(columns + nestedColumn)} FROM ${parts.from} OFFSET 0) AS cell
    GROUP BY key`;
}

/** Cells per item of each numbered group: a charge (with its penalty slots), an event, a source. */
function groupWidths(shape: ExportShape) {
  return { charge: CHARGE_SQL.length + shape.penaltyCount * PENALTY_SQL.length, event: EVENT_SQL.length, source: SOURCE_SQL.length };
}

/** The cells of the detention `d` itself: the record, internal notes when included, custody. */
function recordCells(shape: ExportShape): Cell[] {
  return [...RECORD_SQL.map(([, v]) => v('d')), ...(shape.includeNotes ? [guarded('d.notes')] : []), ...CUSTODY_SQL.map(([, v]) => v('d'))];
}

/** The header names of the SQL's columns, in its order (checked against exportHeader by the tests). */
export function csvSqlHeader(shape: ExportShape): string[] {
  const names = RECORD_SQL.map(([name]) => name);
  if (shape.includeNotes) names.push(NOTES_COLUMN);
  names.push(...CUSTODY_SQL.map(([name]) => name));
  for (let n = 1; n <= shape.chargeCount; n++) {
    names.push(...CHARGE_SQL.map(([field]) => chargeColumn(n, field)));
    for (let m = 1; m <= shape.penaltyCount; m++) names.push(...PENALTY_SQL.map(([field]) => penaltyColumn(n, m, field)));
  }
  for (let n = 1; n <= shape.eventCount; n++) names.push(...EVENT_SQL.map(([field]) => eventColumn(n, field)));
  for (let n = 1; n <= shape.sourceCount; n++) names.push(...SOURCE_SQL.map(([field]) => sourceColumn(n, field)));
  return names;
}

/**
 * The detentions `matching` with everything their cells read: the person `pp`, the Cyrillic name
 * `cy`, the city `pl`, the election `el`, and each child table's items as CSV text (`ch.items`,
 * `ev.items`, `so.items`; `ch.counts`: penalties per charge). `penaltyText` turns a charge's
 * penalty items (`penalty_items`) into the text that follows the charge's own cells.
 *
 * Each child table (charges with their penalties, custody events, citations) is read once per
 * batch and gathered per detention into its items' CSV text, in position order (citations in id
 * order). The numbered columns used to be one join each (charge 1, charge 2…, with their
 * vocabulary, places and sources): about 130 of a dense batch's 180 ms at 1M.
 */
function recordJoins(matching: SQL, childRows: ChildRows, penaltyText: string): SQL {
  const penalties = itemsOf('p', PENALTY_SQL, { key: 'p.detention_charge_id', order: 'p.position', from: sql`penalties p WHERE p.detention_charge_id = c.id` });
  const charges = itemsOf('c', CHARGE_SQL, {
    key: 'c.detention_id',
    order: 'c.position',
    from: sql`detention_charges c LEFT JOIN charges c_v ON c_v.id = c.charge_id
      LEFT JOIN LATERAL (${penalties}) AS pe ON true WHERE ${childRows('c')}`,
    nested: { column: 'pe.items AS penalty_items', text: penaltyText },
    aggregates: 'array_agg(coalesce(cardinality(penalty_items), 0)::smallint ORDER BY ord) AS counts',
  });
  const events = itemsOf('e', EVENT_SQL, {
    key: 'e.detention_id',
    order: 'e.position',
    from: sql`custody_events e LEFT JOIN places e_p ON e_p.id = e.place_id LEFT JOIN sources e_s ON e_s.id = e.source_id WHERE ${childRows('e')}`,
  });
  const cited = itemsOf('c', SOURCE_SQL, {
    key: 'c.detention_id',
    order: 'c.id',
    from: sql`citations c JOIN sources c_s ON c_s.id = c.source_id
      ${raw(FIRST_CAPTURE_SQL('c_s', 'c_fc'))} WHERE ${childRows('c')}`,
  });
  return sql`(${matching}) AS d
    ${raw(PERSON_SQL)}
    -- The first Cyrillic name that is not the display name: one index probe per row.
    LEFT JOIN LATERAL (SELECT pn.name FROM person_names pn
      WHERE pn.person_id = d.person_id AND pn.script = 'cyrillic' AND pn.name <> pp.display_name
      ORDER BY pn.id LIMIT 1) AS cy ON true
    LEFT JOIN places pl ON pl.id = d.place_id
    LEFT JOIN elections el ON el.id = d.election_id
    LEFT JOIN (${charges}) AS ch ON ch.key = d.id
    LEFT JOIN (${events}) AS ev ON ev.key = d.id
    LEFT JOIN (${cited}) AS so ON so.key = d.id`;
}

/**
 * One batch of the export computed from the records: the matching detentions with
 * `after < id <= upTo` (found by batchBound), each as its CSV line in id order, with the
 * detention's id first. Filters as the case list's (lib/filters via caseFilterConditions); see
 * sql-batches.ts for why batches are id ranges. Used for the rows whose stored cells
 * (export-rows.ts) could not serve; `only` names them.
 */
function cellsQuery(actor: Actor, filters: Partial<CaseFilters>, shape: ExportShape, page: BatchBound, only?: readonly number[]): SQL {
  const matching = batchDetentions(actor, filters, page, only);
  const ofBatch = batchChildRows(matching, page, only);
  const width = groupWidths(shape);
  const record = csvCells(recordCells(shape), [
    groupText('charge_items', shape.chargeCount, width.charge),
    groupText('event_items', shape.eventCount, width.event),
    groupText('source_items', shape.sourceCount, width.source),
  ]);
  return sql`SELECT detention_id, ${raw(record.text)} || E'\r\n' AS line FROM (
    SELECT d.id AS detention_id, ${raw(record.columns)}, ch.items AS charge_items, ev.items AS event_items, so.items AS source_items
    FROM ${recordJoins(matching, ofBatch, groupText('penalty_items', shape.penaltyCount, PENALTY_SQL.length))}
    -- OFFSET 0 keeps the cells computed once each: the line reads each cell several times.
    OFFSET 0) AS cells
    ORDER BY detention_id`;
}

/**
 * The stored CSV cells of the detentions `ids` (export-rows.ts): everything but the id, the link,
 * the custody columns and the padding of the numbered groups. A charge's text is its own cells
 * and then its penalties' (`penalty_counts` of them), unpadded.
 */
export const CSV_CELLS: CachedCells = {
  table: 'export_csv_rows',
  columns: ['head', 'notes', 'charges', 'penalty_counts', 'events', 'sources', 'charge_count', 'penalty_max', 'event_count', 'source_count'],
  parts: (ids) => {
    const head = csvCells([...HEAD_SQL.map(([, v]) => v('d')), guarded('d.notes')]);
    const notesColumn = `x${HEAD_SQL.length + 1}`;
    const headText = `array_to_string(ARRAY[${HEAD_SQL.map(([, v], i) => csvCell(`x${i + 1}`, v('d').free)).join(', ')}], ',')`;
    return sql`SELECT detention_id, ${raw(headText)} AS head, ${raw(csvCell(notesColumn, true))} AS notes,
        charge_items AS charges, penalty_counts, event_items AS events, source_items AS sources,
        coalesce(cardinality(charge_items), 0)::smallint AS charge_count,
        coalesce((SELECT max(n) FROM unnest(penalty_counts) AS n), 0)::smallint AS penalty_max,
        coalesce(cardinality(event_items), 0)::smallint AS event_count,
        coalesce(cardinality(source_items), 0)::smallint AS source_count FROM (
      SELECT d.id AS detention_id, ${raw(head.columns)}, ch.items AS charge_items, ch.counts AS penalty_counts, ev.items AS event_items, so.items AS source_items
      FROM ${recordJoins(sql`SELECT detentions.* FROM detentions WHERE detentions.id = ANY(${ids})`, (alias) => sql`${raw(alias)}.detention_id = ANY(${ids})`, "array_to_string(penalty_items, ',')")}
      OFFSET 0) AS cells`;
  },
};
/** The format of the stored CSV cells this code writes and reads. */
export const CSV_FORMAT = cellsFormat(CSV_CELLS);

/**
 * The numbered charge columns from the stored charges: the first `chargeCount`, each padded to
 * `penaltyCount` penalties, then empty slots. NULL when a charge holds more penalties than the
 * file has columns for (one added after the file's shape was counted): the row is then computed
 * as the row-by-row export writes it, without the extra penalty.
 */
function storedChargesText(shape: ExportShape, width: number): string {
  const { chargeCount: count, penaltyCount } = shape;
  const penaltyWidth = PENALTY_SQL.length;
  const first = `e.charges[1:${count}]`;
  const counts = `e.penalty_counts[1:${count}]`;
  return `CASE WHEN e.charges IS NULL THEN '${','.repeat(count * width - 1)}'
    WHEN NOT ${penaltyCount} >= ALL(${counts}) THEN NULL
    ELSE CASE
        -- Every charge has as many penalties as the file has columns for: nothing to pad (no subquery).
        WHEN ${penaltyCount} = ALL(${counts}) THEN array_to_string(${first}, ',')
        ELSE array_to_string(ARRAY(SELECT c || repeat(',', (${penaltyCount} - n) * ${penaltyWidth})
          FROM unnest(${first}, ${counts}) WITH ORDINALITY AS u(c, n, i) ORDER BY i), ',') END
      || repeat(',', (${count} - least(cardinality(e.charges), ${count})) * ${width}) END`;
}

/**
 * One batch from the stored cells: each matching detention's CSV line, NULL where its cells are
 * stale (the caller computes those with cellsQuery). The id, the link and the custody columns are
 * computed here, the numbered groups padded to the file's shape.
 */
function storedLinesQuery(actor: Actor, filters: Partial<CaseFilters>, shape: ExportShape, page: BatchBound, only?: readonly number[]): SQL {
  const width = groupWidths(shape);
  const lead = LEAD_SQL.map(([, v]) => {
    const cell = v('d');
    return csvCell(cell.expression, cell.free);
  });
  const custody = CUSTODY_SQL.map(([, v]) => csvCell(v('d').expression, false));
  const parts = [
    ...lead,
    'e.head',
    ...(shape.includeNotes ? ['e.notes'] : []),
    ...custody,
    storedChargesText(shape, width.charge),
    groupText('e.events', shape.eventCount, width.event),
    groupText('e.sources', shape.sourceCount, width.source),
  ];
  // Joined with ||, not array_to_string: a NULL part (charges over the shape) makes the line NULL.
  return sql`SELECT d.id AS detention_id,
      CASE WHEN e.format = ${CSV_FORMAT} THEN ${raw(parts.map((part) => `(${part})`).join(" || ',' || "))} || E'\r\n' END AS value
    FROM (${batchDetentions(actor, filters, page, only)}) AS d LEFT JOIN export_csv_rows e ON e.detention_id = d.id
    ORDER BY d.id`;
}

type Options = { origin: string; today: string };

/**
 * The CSV rows (no header) of every matching detention, in id order, as UTF-8 chunks with CRLF
 * line ends; `onRows` is told how many rows each chunk finished. Streamed: memory stays flat.
 * Each batch joins its rows' stored cells, storing first those it finds missing (export-rows.ts).
 */
export async function* csvRowChunks(
  actor: Actor,
  filters: Partial<CaseFilters>,
  shape: ExportShape,
  { origin, today, onRows, batchSize = 5000, useStored = true }: Options & { onRows: (n: number) => void; batchSize?: number; useStored?: boolean },
): AsyncGenerator<Buffer> {
  const computedLines = async (bound: BatchBound, only?: number[]) =>
    rowsOf<{ detention_id: number; line: string }>(await db.execute(withParameters(cellsQuery(actor, filters, shape, bound, only), origin, today))).map(
      (r) => ({ detention_id: r.detention_id, value: Buffer.from(r.line) }),
    );
  const read = async (bound: BatchBound): Promise<Buffer[]> => {
    if (!useStored) return (await computedLines(bound)).map((r) => r.value);
    return readStored(
      (only) => storedRows(withParameters(storedLinesQuery(actor, filters, shape, bound, only), origin, today)),
      (ids) => fillExportRows(CSV_CELLS, CSV_FORMAT, ids),
      (ids) => computedLines(bound, ids),
    );
  };
  for await (const lines of boundedBatches(actor, filters, batchSize, read)) {
    // Guarded and quoted in SQL: each row arrives as its CSV line, written as the bytes it came in.
    yield Buffer.concat(lines);
    onRows(lines.length);
  }
}

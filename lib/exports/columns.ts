/**
 * The columns of a case export, shared by the CSV and XLSX files, the JSON file, the partner API
 * and the bulk import (which reads the same columns back). Pure: no database here.
 * Documented column by column in docs/csv-columns.md: keep the two in step.
 *
 * One row per detention. Its lists are flattened into numbered column groups, as many as the
 * export needs (the most any exported record has, at least one):
 *   charge_N_*            each charge, N from 1, in the order recorded
 *   charge_N_penalty_M_*  each penalty of charge N, M from 1
 *   event_N_*             each custody event, in the order recorded
 *   source_N_*            each cited source
 * A group left blank is no item. The JSON form nests the same lists instead.
 */
import type { DateInterval } from '@/lib/dates/interval';
import type { Cell } from './cells';

/** One cited source as exported. */
export type ExportSource = {
  url: string;
  title: string;
  publisher: string | null;
  /** As typed: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or '' (unknown). */
  publishedOn: string;
  language: string | null;
  locator: string | null;
  supports: string[];
  /** The source's first successful capture (lib/evidence): when, in UTC ('YYYY-MM-DDTHH:MM:SSZ'), and the SHA-256 of the bytes received. */
  firstCapturedAt: string | null;
  firstCaptureSha256: string | null;
};

/** A capture time as exports write it: UTC to the second, the same in CSV, XLSX and JSON. */
export const captureTimeCell = (at: Date): string => `${at.toISOString().slice(0, 19)}Z`;

export type ExportPenalty = {
  kind: string;
  amount: number | null;
  unit: string | null;
  asReported: string | null;
  /** 1-based position of the penalty of the same charge that replaced this one on appeal. */
  replacedBy: number | null;
};

export type ExportCharge = {
  /** The vocabulary entry's legal basis without the part ("CoAO art. 488"), its slug and name. */
  legalBasis: string | null;
  vocabulary: string | null;
  name: string | null;
  /** The vocabulary's code and article number (JSON only). */
  code: string | null;
  article: string | null;
  part: string | null;
  /** 'stated' by the source or 'inferred' by the monitor; null when no legal basis is given. */
  basisOrigin: string | null;
  /** The charge as the source words it. */
  text: string | null;
  outcome: string;
  outcomeDate: DateInterval;
  penalties: ExportPenalty[];
};

export type ExportEvent = {
  kind: string;
  date: DateInterval;
  /** The gazetteer name of the event's city, if any. */
  place: string | null;
  placeDetail: string | null;
  note: string | null;
  /** URL of the detention's source that reports the event (one of `sources`). */
  sourceUrl: string | null;
};

/** Custody facts derived from the timeline, as of the export's day. Read-only: import ignores them. */
export type ExportCustody = {
  status: string;
  /** True when "released" is presumed because the expected release day has passed. */
  presumed: boolean;
  from: string | null;
  releasedOn: string | null;
  /** Days in custody: to the release, or to the export's day while held. */
  days: number | null;
  whereaboutsUnknownSince: string | null;
  nextHearingOn: string | null;
  expectedReleaseOn: string | null;
};

/** One detention as exported: what a researcher may read, plus internal notes only when asked and allowed. */
export type ExportRecord = {
  id: number;
  link: string;
  activist: string;
  activistCyrillic: string | null;
  activistRole: string;
  affiliation: string | null;
  placePrecision: string;
  /** The gazetteer city, null when the source names none. */
  city: string | null;
  /** The city's region, or the region the source names when it names no city. */
  region: string | null;
  placeDetail: string | null;
  detained: DateInterval;
  election: string | null;
  court: string | null;
  sentenced: DateInterval;
  plea: string;
  publicNotes: string | null;
  reviewStatus: string;
  confidentiality: string;
  /** Internal notes: present only in a monitor's or admin's export that opted in. */
  notes?: string | null;
  custody: ExportCustody;
  charges: ExportCharge[];
  events: ExportEvent[];
  sources: ExportSource[];
};

type Scalar = string | number | null;
type Column<T> = readonly [name: string, read: (item: T) => Scalar];

/** The four columns of a date interval, named `${prefix}_earliest` …; see lib/dates/interval.ts. */
function intervalCells<T>(prefix: string, of: (item: T) => DateInterval): Column<T>[] {
  const name = (field: string) => (prefix ? `${prefix}_${field}` : field);
  return [
    [name('earliest'), (x) => of(x).earliest],
    [name('latest'), (x) => of(x).latest],
    [name('qualifier'), (x) => of(x).qualifier],
    [name('as_reported'), (x) => of(x).asReported],
  ];
}

/** The detention's own columns in file order, before notes, custody and the numbered groups. */
export const RECORD_COLUMNS: readonly Column<ExportRecord>[] = [
  ['id', (r) => r.id],
  ['link', (r) => r.link],
  ['activist', (r) => r.activist],
  ['activist_cyrillic', (r) => r.activistCyrillic],
  ['activist_role', (r) => r.activistRole],
  ['affiliation', (r) => r.affiliation],
  ['place_precision', (r) => r.placePrecision],
  ['city', (r) => r.city],
  ['region', (r) => r.region],
  ['place_detail', (r) => r.placeDetail],
  ...intervalCells<ExportRecord>('detained', (r) => r.detained),
  ['election', (r) => r.election],
  ['court', (r) => r.court],
  ...intervalCells<ExportRecord>('sentenced', (r) => r.sentenced),
  ['plea', (r) => r.plea],
  ['public_notes', (r) => r.publicNotes],
  ['review_status', (r) => r.reviewStatus],
  ['confidentiality', (r) => r.confidentiality],
];

export const NOTES_COLUMN = 'internal_notes';

/** Derived custody facts: exported for readers, ignored by the import (recomputed from the events). */
export const CUSTODY_COLUMNS: readonly Column<ExportCustody>[] = [
  ['custody_status', (c) => c.status],
  ['custody_presumed', (c) => (c.presumed ? 'yes' : 'no')],
  ['custody_from', (c) => c.from],
  ['released_on', (c) => c.releasedOn],
  ['custody_days', (c) => c.days],
  ['whereabouts_unknown_since', (c) => c.whereaboutsUnknownSince],
  ['next_hearing_on', (c) => c.nextHearingOn],
  ['expected_release_on', (c) => c.expectedReleaseOn],
];

/** Each charge takes these columns, numbered from 1: charge_1_legal_basis, charge_1_vocabulary… */
export const CHARGE_FIELDS: readonly Column<ExportCharge>[] = [
  ['legal_basis', (c) => c.legalBasis],
  ['vocabulary', (c) => c.vocabulary],
  ['name', (c) => c.name],
  ['part', (c) => c.part],
  ['basis_origin', (c) => c.basisOrigin],
  ['text', (c) => c.text],
  ['outcome', (c) => c.outcome],
  ...intervalCells<ExportCharge>('outcome', (c) => c.outcomeDate),
];

/** Each penalty of a charge: charge_1_penalty_1_kind … */
export const PENALTY_FIELDS: readonly Column<ExportPenalty>[] = [
  ['kind', (p) => p.kind],
  ['amount', (p) => p.amount],
  ['unit', (p) => p.unit],
  ['as_reported', (p) => p.asReported],
  ['replaced_by', (p) => p.replacedBy],
];

/** Each custody event: event_1_kind, event_1_earliest … */
export const EVENT_FIELDS: readonly Column<ExportEvent>[] = [
  ['kind', (e) => e.kind],
  ...intervalCells<ExportEvent>('', (e) => e.date),
  ['place', (e) => e.place],
  ['place_detail', (e) => e.placeDetail],
  ['note', (e) => e.note],
  ['source_url', (e) => e.sourceUrl],
];

/** Facts a citation supports, in one cell: "person;place;date". */
export const SUPPORTS_SEPARATOR = ';';

/** Each cited source: source_1_url, source_1_title… */
export const SOURCE_FIELDS: readonly Column<ExportSource>[] = [
  ['url', (s) => s.url],
  ['title', (s) => s.title],
  ['publisher', (s) => s.publisher],
  ['published_on', (s) => s.publishedOn],
  ['language', (s) => s.language],
  ['locator', (s) => s.locator],
  ['supports', (s) => s.supports.join(SUPPORTS_SEPARATOR)],
  // Evidence, written by the app (an import ignores them): the first capture of the source.
  ['first_captured_at', (s) => s.firstCapturedAt],
  ['first_capture_sha256', (s) => s.firstCaptureSha256],
];

/** Source columns an export writes but an import does not read (the app computes them). */
export const SOURCE_EXPORT_ONLY_FIELDS: readonly string[] = ['first_captured_at', 'first_capture_sha256'];

export const chargeColumn = (n: number, field: string) => `charge_${n}_${field}`;
export const penaltyColumn = (n: number, m: number, field: string) => `charge_${n}_penalty_${m}_${field}`;
export const eventColumn = (n: number, field: string) => `event_${n}_${field}`;
export const sourceColumn = (n: number, field: string) => `source_${n}_${field}`;

/** How many numbered groups a file has (each at least 1, so a reader always sees the columns). */
export type ExportCounts = { chargeCount: number; penaltyCount: number; eventCount: number; sourceCount: number };
export type ExportShape = ExportCounts & { includeNotes: boolean };

/** The counts a set of records needs: the most charges, penalties (of any charge), events and sources. */
export function countsOf(records: readonly ExportRecord[]): ExportCounts {
  const most = (values: number[]) => Math.max(1, ...values);
  return {
    chargeCount: most(records.map((r) => r.charges.length)),
    penaltyCount: most(records.flatMap((r) => r.charges.map((c) => c.penalties.length))),
    eventCount: most(records.map((r) => r.events.length)),
    sourceCount: most(records.map((r) => r.sources.length)),
  };
}

/**
 * The header row: the detention's columns, internal notes when included, the derived custody
 * columns, then the charge (with their penalty), event and source groups.
 */
export function exportHeader(shape: ExportShape): string[] {
  const header = RECORD_COLUMNS.map(([name]) => name);
  if (shape.includeNotes) header.push(NOTES_COLUMN);
  header.push(...CUSTODY_COLUMNS.map(([name]) => name));
  for (let n = 1; n <= shape.chargeCount; n++) {
    for (const [field] of CHARGE_FIELDS) header.push(chargeColumn(n, field));
    for (let m = 1; m <= shape.penaltyCount; m++) for (const [field] of PENALTY_FIELDS) header.push(penaltyColumn(n, m, field));
  }
  for (let n = 1; n <= shape.eventCount; n++) for (const [field] of EVENT_FIELDS) header.push(eventColumn(n, field));
  for (let n = 1; n <= shape.sourceCount; n++) for (const [field] of SOURCE_FIELDS) header.push(sourceColumn(n, field));
  return header;
}

const blank = (v: Scalar | undefined): Cell => (v === undefined || v === '' ? null : v);

/** The cells of `count` numbered groups of `fields` over `items` (missing items: blank cells). */
function groupCells<T>(items: readonly T[], count: number, fields: readonly Column<T>[], after?: (item: T | undefined) => Cell[]): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[i];
    for (const [, read] of fields) cells.push(item === undefined ? null : blank(read(item)));
    if (after) cells.push(...after(item));
  }
  return cells;
}

/** One record as the cells of a row, aligned with exportHeader. Blank is null; numbers stay numbers. */
export function exportCells(record: ExportRecord, shape: ExportShape): Cell[] {
  const cells: Cell[] = RECORD_COLUMNS.map(([, read]) => blank(read(record)));
  if (shape.includeNotes) cells.push(blank(record.notes));
  cells.push(...CUSTODY_COLUMNS.map(([, read]) => blank(read(record.custody))));
  cells.push(
    ...groupCells(record.charges, shape.chargeCount, CHARGE_FIELDS, (charge) => groupCells(charge?.penalties ?? [], shape.penaltyCount, PENALTY_FIELDS)),
    ...groupCells(record.events, shape.eventCount, EVENT_FIELDS),
    ...groupCells(record.sources, shape.sourceCount, SOURCE_FIELDS),
  );
  return cells;
}

const intervalJson = (i: DateInterval) => ({ earliest: i.earliest, latest: i.latest, qualifier: i.qualifier, as_reported: i.asReported });

/**
 * One record as the JSON export and the partner API give it: snake_case, dates as intervals,
 * charges (with their penalties), events and sources nested. Internal notes only when included.
 */
export function exportJson(record: ExportRecord, { includeNotes }: Pick<ExportShape, 'includeNotes'>) {
  const c = record.custody;
  return {
    id: record.id,
    link: record.link,
    activist: record.activist,
    activist_cyrillic: record.activistCyrillic,
    activist_role: record.activistRole,
    affiliation: record.affiliation,
    place_precision: record.placePrecision,
    city: record.city,
    region: record.region,
    place_detail: record.placeDetail,
    detained: intervalJson(record.detained),
    election: record.election,
    court: record.court,
    sentenced: intervalJson(record.sentenced),
    plea: record.plea,
    public_notes: record.publicNotes,
    ...(includeNotes ? { [NOTES_COLUMN]: record.notes ?? null } : {}),
    review_status: record.reviewStatus,
    confidentiality: record.confidentiality,
    custody: {
      status: c.status,
      presumed: c.presumed,
      from: c.from,
      released_on: c.releasedOn,
      days: c.days,
      whereabouts_unknown_since: c.whereaboutsUnknownSince,
      next_hearing_on: c.nextHearingOn,
      expected_release_on: c.expectedReleaseOn,
    },
    charges: record.charges.map((ch) => ({
      legal_basis: ch.legalBasis,
      vocabulary: ch.vocabulary,
      name: ch.name,
      code: ch.code,
      article: ch.article,
      part: ch.part,
      basis_origin: ch.basisOrigin,
      text: ch.text,
      outcome: ch.outcome,
      outcome_date: intervalJson(ch.outcomeDate),
      penalties: ch.penalties.map((p) => ({ kind: p.kind, amount: p.amount, unit: p.unit, as_reported: p.asReported, replaced_by: p.replacedBy })),
    })),
    events: record.events.map((e) => ({
      kind: e.kind,
      date: intervalJson(e.date),
      place: e.place,
      place_detail: e.placeDetail,
      note: e.note,
      source_url: e.sourceUrl,
    })),
    sources: record.sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      published_on: s.publishedOn || null,
      language: s.language,
      locator: s.locator,
      supports: s.supports,
      first_captured_at: s.firstCapturedAt,
      first_capture_sha256: s.firstCaptureSha256,
    })),
  };
}

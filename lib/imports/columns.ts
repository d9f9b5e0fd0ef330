/**
 * How an import row becomes the detention form's fields, and how the form's errors point back to
 * the row's columns. The columns are those of the CSV export (lib/exports/columns.ts,
 * docs/csv-columns.md). Pure.
 */
import {
  CHARGE_FIELDS,
  CUSTODY_COLUMNS,
  EVENT_FIELDS,
  NOTES_COLUMN,
  PENALTY_FIELDS,
  RECORD_COLUMNS,
  SOURCE_EXPORT_ONLY_FIELDS,
  SOURCE_FIELDS,
  SUPPORTS_SEPARATOR,
  chargeColumn,
  eventColumn,
  exportHeader,
  penaltyColumn,
  sourceColumn,
} from '@/lib/exports/columns';
import { MAX_CHARGES, MAX_EVENTS, MAX_PENALTIES, MAX_SOURCES } from '@/lib/cases/schema';
import { calendarUnit } from '@/lib/dates/interval';
import { parseCalendarDay } from '@/lib/dates/partial-date';

/** Columns an import must have (the city's cell may be blank: the source may name no city). */
export const REQUIRED_COLUMNS = ['activist', 'city', sourceColumn(1, 'url')] as const;

/**
 * Columns of the export that an import reads past: the record is new, so are its id and link;
 * the custody facts are derived again from the events.
 */
export const IGNORED_COLUMNS: readonly string[] = ['id', 'link', ...CUSTODY_COLUMNS.map(([name]) => name)];

/**
 * Columns of the template before charges, penalties, date intervals and events (issue #8). A file
 * with any of them is refused as a whole, naming them: its dates and sentence would otherwise be
 * silently dropped.
 */
export const PREVIOUS_TEMPLATE_COLUMNS: readonly string[] = [
  'detained_on', 'detained_precision', 'sentenced_on', 'sentenced_precision', 'charge', 'legal_basis',
  'charge_as_reported', 'sentence_kind', 'sentence_amount', 'sentence_unit', 'status', 'notes',
];

/**
 * The template's header: the export's columns an import reads (not id, link or the derived custody
 * facts), with two of each numbered group so the numbering shows.
 */
export function templateHeader(): string[] {
  const header = exportHeader({ chargeCount: 2, penaltyCount: 2, eventCount: 2, sourceCount: 2, includeNotes: true });
  return header.filter((column) => !IGNORED_COLUMNS.includes(column) && !isExportOnlySourceColumn(column));
}

/** A numbered source column the export writes from the app's own data (its first capture). */
const isExportOnlySourceColumn = (column: string) => SOURCE_EXPORT_ONLY_FIELDS.some((field) => /^source_\d+_/.test(column) && column.endsWith(`_${field}`));

/** Every column an import understands (numbered groups up to the form's limits). */
export function knownColumns(): Set<string> {
  const known = new Set<string>([...RECORD_COLUMNS.map(([name]) => name), NOTES_COLUMN]);
  for (let n = 1; n <= MAX_CHARGES; n++) {
    for (const [field] of CHARGE_FIELDS) known.add(chargeColumn(n, field));
    for (let m = 1; m <= MAX_PENALTIES; m++) for (const [field] of PENALTY_FIELDS) known.add(penaltyColumn(n, m, field));
  }
  for (let n = 1; n <= MAX_EVENTS; n++) for (const [field] of EVENT_FIELDS) known.add(eventColumn(n, field));
  for (let n = 1; n <= MAX_SOURCES; n++) for (const [field] of SOURCE_FIELDS) known.add(sourceColumn(n, field));
  return known;
}

/**
 * The references a row names, once looked up in the database (null: blank or not found): the
 * person, the city, the election, each charge's vocabulary entry and each event's city, by index.
 * `region` is the gazetteer's spelling of a region-only place.
 */
export type ResolvedRefs = {
  personId: number | null;
  placeId: number | null;
  region?: string | null;
  electionId: number | null;
  chargeIds?: (number | null)[];
  eventPlaceIds?: (number | null)[];
};

/** `params` fill the message's placeholders (e.g. the places an ambiguous city could be). */
export type RowError = { column: string; message: string; params?: Record<string, string | number> };

/** An enum as a person may type it: "Administrative arrest" → administrative_arrest. */
export function enumValue(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const UNIT_WORDS: Record<string, string> = { kzt: 'KZT', tenge: 'KZT', usd: 'USD', eur: 'EUR', rub: 'RUB', mci: 'MCI', mrp: 'MCI', мрп: 'MCI' };

/** A penalty unit as typed: currencies in capitals ("usd" → USD, "tenge" → KZT), terms as enums. */
export function unitValue(text: string): string {
  return UNIT_WORDS[text.trim().toLowerCase()] ?? enumValue(text);
}

type Values = Record<string, string>;
const filled = (values: Values, columns: string[]) => columns.some((c) => (values[c] ?? '') !== '');

/**
 * How many numbered groups a row fills: the highest numbered group with any value, looking one
 * past the form's limit so that too many gets the form's message rather than being dropped.
 */
function groupCount(values: Values, max: number, columnsOf: (n: number) => string[]): number {
  let count = 0;
  for (let n = 1; n <= max + 1; n++) if (filled(values, columnsOf(n))) count = n;
  return count;
}

const chargeColumns = (n: number) => [
  ...CHARGE_FIELDS.map(([f]) => chargeColumn(n, f)),
  ...Array.from({ length: MAX_PENALTIES + 1 }, (_, m) => PENALTY_FIELDS.map(([f]) => penaltyColumn(n, m + 1, f))).flat(),
];

export const sourceCountOf = (values: Values) => groupCount(values, MAX_SOURCES, (n) => SOURCE_FIELDS.map(([f]) => sourceColumn(n, f)));
export const chargeCountOf = (values: Values) => groupCount(values, MAX_CHARGES, chargeColumns);
export const eventCountOf = (values: Values) => groupCount(values, MAX_EVENTS, (n) => EVENT_FIELDS.map(([f]) => eventColumn(n, f)));
const penaltyCountOf = (values: Values, n: number) => groupCount(values, MAX_PENALTIES, (m) => PENALTY_FIELDS.map(([f]) => penaltyColumn(n, m, f)));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM' or 'YYYY' when the two days are exactly that month or year (or the day itself). */
function unitOf(earliest: string, latest: string): string | null {
  if (earliest === latest) return earliest;
  if (!DAY.test(earliest) || !DAY.test(latest) || !parseCalendarDay(earliest) || !parseCalendarDay(latest)) return null;
  return calendarUnit(earliest, latest);
}

/** Where an interval's form fields come from: the columns of `on` and `to`. */
type IntervalColumns = { on: string; to: string; qualifier: string; asReported: string };

/**
 * An interval's four columns (`${prefix}earliest` …) as the form's fields: the inverse of the
 * export (lib/dates/interval.ts intervalFields). A blank qualifier means: no date → unknown; one
 * date, or exactly a day/month/year → exact; two other dates → between. The form's own checks then
 * apply (a second date only for "between", latest not before earliest…).
 */
function readInterval(values: Values, prefix: string): { fields: Record<string, string>; columns: IntervalColumns } {
  const column = (field: string) => `${prefix}${field}`;
  const earliest = values[column('earliest')] ?? '';
  const latest = values[column('latest')] ?? '';
  const asReported = values[column('as_reported')] ?? '';
  let qualifier = enumValue(values[column('qualifier')] ?? '');
  if (!qualifier) qualifier = !earliest && !latest ? 'unknown' : earliest && latest && !unitOf(earliest, latest) ? 'between' : 'exact';
  const plain = { qualifier: column('qualifier'), asReported: column('as_reported') };
  if (qualifier === 'on_or_before') {
    return { fields: { on: latest, to: earliest, qualifier, asReported }, columns: { on: column('latest'), to: column('earliest'), ...plain } };
  }
  if ((qualifier === 'exact' || qualifier === 'approximately') && (!earliest || !latest || unitOf(earliest, latest))) {
    const on = earliest && latest ? unitOf(earliest, latest)! : earliest || latest;
    return { fields: { on, to: '', qualifier, asReported }, columns: { on: column(earliest ? 'earliest' : 'latest'), to: column('latest'), ...plain } };
  }
  return { fields: { on: earliest, to: latest, qualifier, asReported }, columns: { on: column('earliest'), to: column('latest'), ...plain } };
}

/** The form's field names → import columns, for the fields that are not in a numbered group. */
const FIELD_COLUMNS: Record<string, string> = {
  personId: 'activist',
  personName: 'activist',
  personNameCyrillic: 'activist_cyrillic',
  personRole: 'activist_role',
  personAffiliation: 'affiliation',
  placePrecision: 'place_precision',
  placeId: 'city',
  region: 'region',
  placeDetail: 'place_detail',
  electionId: 'election',
  court: 'court',
  plea: 'plea',
  publicNotes: 'public_notes',
  notes: NOTES_COLUMN,
  confidentiality: 'confidentiality',
  reviewStatus: 'review_status',
  sources: sourceColumn(1, 'url'),
  charges: chargeColumn(MAX_CHARGES + 1, 'text'),
  events: eventColumn(MAX_EVENTS + 1, 'kind'),
  reason: 'reason',
};
/** Form field names of the numbered groups whose column differs (others: the same, snake_cased). */
const SOURCE_COLUMNS: Record<string, string> = { publishedOn: 'published_on' };
const CHARGE_COLUMNS: Record<string, string> = { chargeId: 'legal_basis', chargeText: 'text', basisOrigin: 'basis_origin' };
const PENALTY_COLUMNS: Record<string, string> = { asReported: 'as_reported', replacedBy: 'replaced_by' };
const EVENT_COLUMNS: Record<string, string> = { placeId: 'place', placeDetail: 'place_detail', source: 'source_url' };

export type RowForm = {
  /** The raw fields of the detention form (lib/cases/schema.ts caseInput). */
  form: Record<string, unknown>;
  /** The column of a form error's path: 'detained.on' → detained_earliest, 'charges.1.part' → charge_2_part. */
  columnOf: (path: string) => string;
  /** What the row says that the form cannot check (an event's source the row does not cite). */
  errors: RowError[];
};

/** One import row as the detention form's fields, with the way back from form errors to columns. */
export function rowToCaseForm(values: Values, refs: ResolvedRefs, reason: string): RowForm {
  const v = (column: string) => values[column] ?? '';
  const id = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  const errors: RowError[] = [];
  const intervals = new Map<string, IntervalColumns>();
  const interval = (path: string, prefix: string) => {
    const { fields, columns } = readInterval(values, prefix);
    intervals.set(path, columns);
    return fields;
  };

  const sources = Array.from({ length: sourceCountOf(values) }, (_, i) => {
    const n = i + 1;
    const supports = v(sourceColumn(n, 'supports'))
      .split(new RegExp(`[${SUPPORTS_SEPARATOR},\\s]+`))
      .map(enumValue)
      .filter(Boolean);
    return {
      sourceId: '',
      url: v(sourceColumn(n, 'url')),
      title: v(sourceColumn(n, 'title')),
      publisher: v(sourceColumn(n, 'publisher')),
      publishedOn: v(sourceColumn(n, 'published_on')),
      language: v(sourceColumn(n, 'language')),
      locator: v(sourceColumn(n, 'locator')),
      supports,
    };
  });
  const sourceUrls = sources.map((s) => s.url);

  const charges = Array.from({ length: chargeCountOf(values) }, (_, i) => {
    const n = i + 1;
    const c = (field: string) => v(chargeColumn(n, field));
    return {
      chargeId: id(refs.chargeIds?.[i]),
      part: c('part'),
      chargeText: c('text'),
      basisOrigin: enumValue(c('basis_origin')),
      outcome: enumValue(c('outcome')),
      outcomeDate: interval(`charges.${i}.outcomeDate`, chargeColumn(n, 'outcome_')),
      penalties: Array.from({ length: penaltyCountOf(values, n) }, (_, j) => {
        const p = (field: string) => v(penaltyColumn(n, j + 1, field));
        return { kind: enumValue(p('kind')), amount: p('amount'), unit: unitValue(p('unit')), asReported: p('as_reported'), replacedBy: p('replaced_by') };
      }),
    };
  });

  const events = Array.from({ length: eventCountOf(values) }, (_, i) => {
    const n = i + 1;
    const e = (field: string) => v(eventColumn(n, field));
    const sourceUrl = e('source_url');
    const source = sourceUrl ? sourceUrls.indexOf(sourceUrl) + 1 : 0;
    if (sourceUrl && source === 0) errors.push({ column: eventColumn(n, 'source_url'), message: 'imports.errors.eventSourceNotCited' });
    return {
      kind: enumValue(e('kind')),
      date: interval(`events.${i}.date`, eventColumn(n, '')),
      placeId: id(refs.eventPlaceIds?.[i]),
      placeDetail: e('place_detail'),
      note: e('note'),
      source: source ? String(source) : '',
    };
  });

  // The city, else the region alone, else not stated, when the file does not say which.
  const placePrecision = enumValue(v('place_precision')) || (v('city') ? 'city' : v('region') ? 'region' : 'not_stated');
  const form = {
    personId: id(refs.personId),
    personName: v('activist'),
    personNameCyrillic: v('activist_cyrillic'),
    personRole: enumValue(v('activist_role')),
    personAffiliation: v('affiliation'),
    placePrecision,
    placeId: id(refs.placeId),
    // A city's region (as exported beside the city) only tells cities apart: the record keeps a
    // region of its own only when the source names no city.
    region: placePrecision === 'region' ? (refs.region ?? v('region')) : '',
    placeDetail: v('place_detail'),
    detained: interval('detained', 'detained_'),
    electionId: id(refs.electionId),
    charges,
    court: v('court'),
    sentenced: interval('sentenced', 'sentenced_'),
    plea: enumValue(v('plea')),
    events,
    publicNotes: v('public_notes'),
    notes: v(NOTES_COLUMN),
    confidentiality: enumValue(v('confidentiality')),
    reviewStatus: enumValue(v('review_status')),
    sources,
    reason,
  };

  function columnOf(path: string): string {
    for (const [prefix, columns] of intervals) {
      if (path === prefix) return columns.on;
      if (path.startsWith(`${prefix}.`)) return columns[path.slice(prefix.length + 1).split('.')[0] as keyof IntervalColumns] ?? columns.on;
    }
    const [head, index, field, subIndex, subField] = path.split('.');
    const n = Number(index) + 1;
    if (head === 'sources' && field) return sourceColumn(n, SOURCE_COLUMNS[field] ?? field);
    if (head === 'events' && field) return eventColumn(n, EVENT_COLUMNS[field] ?? field);
    if (head === 'charges' && field === 'penalties') {
      return subField ? penaltyColumn(n, Number(subIndex) + 1, PENALTY_COLUMNS[subField] ?? subField) : penaltyColumn(n, MAX_PENALTIES + 1, 'kind');
    }
    if (head === 'charges' && field) return chargeColumn(n, CHARGE_COLUMNS[field] ?? field);
    return FIELD_COLUMNS[head] ?? head;
  }

  return { form, columnOf, errors };
}

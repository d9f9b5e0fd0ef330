/**
 * How an import row becomes the detention form's fields, and how the form's errors point back to
 * the row's columns. The columns are those of the CSV export (lib/exports/columns.ts). Pure.
 */
import { NOTES_COLUMN, RECORD_COLUMNS, SOURCE_FIELDS, SUPPORTS_SEPARATOR, sourceColumn } from '@/lib/exports/columns';
import { MAX_SOURCES } from '@/lib/cases/schema';

/** Columns an import must have. */
export const REQUIRED_COLUMNS = ['activist', 'city', sourceColumn(1, 'url')] as const;

/** Columns of the export that an import reads past: the record is new, so are its id and link. */
export const IGNORED_COLUMNS = ['id', 'link'] as const;

/** Every column an import understands (source groups up to the form's limit). */
export function knownColumns(): Set<string> {
  const known = new Set<string>([...RECORD_COLUMNS.map(([name]) => name), NOTES_COLUMN]);
  for (let n = 1; n <= MAX_SOURCES; n++) for (const [field] of SOURCE_FIELDS) known.add(sourceColumn(n, field));
  return known;
}

/** The references a row names, once looked up in the database (null: blank or not found). */
export type ResolvedRefs = { personId: number | null; placeId: number | null; chargeId: number | null; electionId: number | null };

/** An enum as a person may type it: "Administrative arrest" → administrative_arrest. */
export function enumValue(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** How many source groups a row fills (the highest numbered group with any value). */
export function sourceCountOf(values: Record<string, string>): number {
  let count = 0;
  for (let n = 1; n <= MAX_SOURCES + 1; n++) {
    if (SOURCE_FIELDS.some(([field]) => (values[sourceColumn(n, field)] ?? '') !== '')) count = n;
  }
  return count;
}

/** The raw fields of the detention form (lib/cases/schema.ts caseInput) for one import row. */
export function rowToCaseForm(values: Record<string, string>, refs: ResolvedRefs, reason: string): Record<string, unknown> {
  const v = (column: string) => values[column] ?? '';
  const id = (value: number | null) => (value === null ? '' : String(value));
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
  return {
    personId: id(refs.personId),
    personName: v('activist'),
    personNameCyrillic: v('activist_cyrillic'),
    personRole: enumValue(v('activist_role')),
    personAffiliation: v('affiliation'),
    placeId: id(refs.placeId),
    placeDetail: v('place_detail'),
    detainedOn: v('detained_on'),
    electionId: id(refs.electionId),
    chargeId: id(refs.chargeId),
    chargeText: v('charge_as_reported'),
    court: v('court'),
    sentencedOn: v('sentenced_on'),
    sentenceKind: enumValue(v('sentence_kind')),
    sentenceAmount: v('sentence_amount'),
    sentenceUnit: enumValue(v('sentence_unit')),
    plea: enumValue(v('plea')),
    status: enumValue(v('status')),
    notes: v(NOTES_COLUMN),
    confidentiality: enumValue(v('confidentiality')),
    reviewStatus: enumValue(v('review_status')),
    sources,
    reason,
  };
}

const FIELD_COLUMNS: Record<string, string> = {
  personId: 'activist',
  personName: 'activist',
  personNameCyrillic: 'activist_cyrillic',
  personRole: 'activist_role',
  personAffiliation: 'affiliation',
  placeId: 'city',
  placeDetail: 'place_detail',
  detainedOn: 'detained_on',
  electionId: 'election',
  chargeId: 'legal_basis',
  chargeText: 'charge_as_reported',
  court: 'court',
  sentencedOn: 'sentenced_on',
  sentenceKind: 'sentence_kind',
  sentenceAmount: 'sentence_amount',
  sentenceUnit: 'sentence_unit',
  plea: 'plea',
  status: 'status',
  notes: NOTES_COLUMN,
  confidentiality: 'confidentiality',
  reviewStatus: 'review_status',
  sources: sourceColumn(1, 'url'),
  reason: 'reason',
};

const SOURCE_FIELD_COLUMNS: Record<string, string> = Object.fromEntries(
  SOURCE_FIELDS.map(([column, key]) => [key, column]),
);

/** The CSV column of a form error's path: 'detainedOn' → detained_on, 'sources.1.url' → source_2_url. */
export function columnOf(path: string): string {
  const source = /^sources\.(\d+)\.(\w+)/.exec(path);
  if (source) return sourceColumn(Number(source[1]) + 1, SOURCE_FIELD_COLUMNS[source[2]] ?? source[2]);
  return FIELD_COLUMNS[path.split('.')[0]] ?? path;
}

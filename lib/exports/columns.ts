/**
 * The columns of a case export, shared by the CSV and XLSX files, the JSON file, the partner API
 * and the bulk import (which reads the same columns back). Pure: no database here.
 */
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
};

/** One detention as exported: what a researcher may read, plus notes only when asked and allowed. */
export type ExportRecord = {
  id: number;
  link: string;
  activist: string;
  activistCyrillic: string | null;
  activistRole: string;
  affiliation: string | null;
  city: string;
  region: string;
  placeDetail: string | null;
  detainedOn: string;
  detainedPrecision: string;
  election: string | null;
  charge: string | null;
  legalBasis: string | null;
  chargeAsReported: string | null;
  court: string | null;
  sentencedOn: string;
  sentencedPrecision: string;
  sentenceKind: string;
  sentenceAmount: number | null;
  sentenceUnit: string | null;
  plea: string;
  status: string;
  reviewStatus: string;
  confidentiality: string;
  /** Internal notes: present only in a monitor's or admin's export that opted in. */
  notes?: string | null;
  sources: ExportSource[];
};

type ScalarKey = Exclude<keyof ExportRecord, 'sources' | 'notes'>;

/** The detention's columns in file order: CSV header name → record field. */
export const RECORD_COLUMNS: readonly (readonly [string, ScalarKey])[] = [
  ['id', 'id'],
  ['link', 'link'],
  ['activist', 'activist'],
  ['activist_cyrillic', 'activistCyrillic'],
  ['activist_role', 'activistRole'],
  ['affiliation', 'affiliation'],
  ['city', 'city'],
  ['region', 'region'],
  ['place_detail', 'placeDetail'],
  ['detained_on', 'detainedOn'],
  ['detained_precision', 'detainedPrecision'],
  ['election', 'election'],
  ['charge', 'charge'],
  ['legal_basis', 'legalBasis'],
  ['charge_as_reported', 'chargeAsReported'],
  ['court', 'court'],
  ['sentenced_on', 'sentencedOn'],
  ['sentenced_precision', 'sentencedPrecision'],
  ['sentence_kind', 'sentenceKind'],
  ['sentence_amount', 'sentenceAmount'],
  ['sentence_unit', 'sentenceUnit'],
  ['plea', 'plea'],
  ['status', 'status'],
  ['review_status', 'reviewStatus'],
  ['confidentiality', 'confidentiality'],
] as const;

export const NOTES_COLUMN = 'notes';

/** Each cited source takes these columns, numbered from 1: source_1_url, source_1_title… */
export const SOURCE_FIELDS: readonly (readonly [string, keyof ExportSource])[] = [
  ['url', 'url'],
  ['title', 'title'],
  ['publisher', 'publisher'],
  ['published_on', 'publishedOn'],
  ['language', 'language'],
  ['locator', 'locator'],
  ['supports', 'supports'],
] as const;

export const sourceColumn = (n: number, field: string) => `source_${n}_${field}`;

/** Facts a citation supports, in one cell: "person;place;date". */
export const SUPPORTS_SEPARATOR = ';';

export type ExportShape = { sourceCount: number; includeNotes: boolean };

/** The header row: the detention's columns, notes when included, then `sourceCount` source groups. */
export function exportHeader({ sourceCount, includeNotes }: ExportShape): string[] {
  const header = RECORD_COLUMNS.map(([name]) => name);
  if (includeNotes) header.push(NOTES_COLUMN);
  for (let n = 1; n <= sourceCount; n++) for (const [field] of SOURCE_FIELDS) header.push(sourceColumn(n, field));
  return header;
}

/** One record as the cells of a row, aligned with exportHeader. Blank is null; numbers stay numbers. */
export function exportCells(record: ExportRecord, { sourceCount, includeNotes }: ExportShape): Cell[] {
  const blank = (v: string | number | null | undefined): Cell => (v === undefined || v === '' ? null : v);
  const cells: Cell[] = RECORD_COLUMNS.map(([, key]) => blank(record[key]));
  if (includeNotes) cells.push(blank(record.notes));
  for (let i = 0; i < sourceCount; i++) {
    const source = record.sources[i];
    for (const [, key] of SOURCE_FIELDS) {
      if (!source) cells.push(null);
      else if (key === 'supports') cells.push(blank(source.supports.join(SUPPORTS_SEPARATOR)));
      else cells.push(blank(source[key]));
    }
  }
  return cells;
}

/** One record as the JSON export and the partner API give it (snake_case, sources nested). */
export function exportJson(record: ExportRecord, { includeNotes }: Pick<ExportShape, 'includeNotes'>) {
  const out: Record<string, unknown> = {};
  for (const [name, key] of RECORD_COLUMNS) out[name] = record[key] === '' ? null : record[key];
  if (includeNotes) out[NOTES_COLUMN] = record.notes ?? null;
  out.sources = record.sources.map((s) => ({
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    published_on: s.publishedOn || null,
    language: s.language,
    locator: s.locator,
    supports: s.supports,
  }));
  return out;
}

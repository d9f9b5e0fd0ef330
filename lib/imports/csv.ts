/**
 * Reads an import file: CSV in UTF-8 (with or without a byte order mark), with the columns of the
 * CSV export. Pure. Rows are numbered as a spreadsheet numbers them: the header is row 1.
 */
import { parse } from 'csv-parse/sync';
import { restoreCell } from '@/lib/exports/cells';

/** Limits of one import file: 5 MB and 10,000 rows (the import page and README say so). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Kept at 2,000 so one import holds its transaction (and, on PGlite, every reader) for about a second or two. */
export const MAX_IMPORT_ROWS = 2_000;

export type CsvRow = { row: number; values: Record<string, string>; extraCells: boolean };
export type ParsedCsv = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; error: string };

/** Header names as written in the template, whatever the case or spacing in the file. */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function parseImportCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch {
    return { ok: false, error: 'imports.errors.notCsv' };
  }
  if (records.length === 0) return { ok: false, error: 'imports.errors.empty' };
  const header = records[0].map(normaliseHeader);
  const rows: CsvRow[] = [];
  records.slice(1).forEach((cells, i) => {
    // A blank line (or a row of empty cells, as spreadsheets save them) is not a record.
    if (cells.every((c) => c.trim() === '')) return;
    const values: Record<string, string> = {};
    header.forEach((name, j) => {
      if (name && !(name in values)) values[name] = restoreCell((cells[j] ?? '').trim());
    });
    rows.push({ row: i + 2, values, extraCells: cells.slice(header.length).some((c) => c.trim() !== '') });
  });
  if (rows.length === 0) return { ok: false, error: 'imports.errors.empty' };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, error: 'imports.errors.fileTooManyRows' };
  return { ok: true, header, rows };
}

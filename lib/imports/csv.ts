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

/**
 * Columns a header may have: the import reads under a thousand (a file exported by the app has as
 * many groups as its fullest record). Every row gets a value for each column, so the work is rows ×
 * columns: a 2 MB header of 341,000 names with 2,000 one-cell rows ran the server out of memory.
 */
export const MAX_IMPORT_COLUMNS = 2_000;

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
  if (records[0].length > MAX_IMPORT_COLUMNS) return { ok: false, error: 'imports.errors.fileTooManyColumns' };
  const header = records[0].map(normaliseHeader);
  const rows: CsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i];
    // A blank line (or a row of empty cells, as spreadsheets save them) is not a record.
    if (cells.every((c) => c.trim() === '')) continue;
    // Counted as the rows are read, so a file over the limit costs no more than the limit.
    if (rows.length === MAX_IMPORT_ROWS) return { ok: false, error: 'imports.errors.fileTooManyRows' };
    const values: Record<string, string> = {};
    header.forEach((name, j) => {
      if (name && !Object.hasOwn(values, name)) values[name] = restoreCell((cells[j] ?? '').trim());
    });
    rows.push({ row: i + 1, values, extraCells: cells.slice(header.length).some((c) => c.trim() !== '') });
  }
  if (rows.length === 0) return { ok: false, error: 'imports.errors.empty' };
  return { ok: true, header, rows };
}

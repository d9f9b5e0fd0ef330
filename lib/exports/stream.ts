import 'server-only';
import type { Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { latestToday } from '@/lib/dates/partial-date';
import { logError } from '@/lib/log';
import { CSV_BOM, csvLine, neutraliseCell, type Cell } from './cells';
import { csvRowChunks } from './csv-sql';
import { jsonRecordBatches } from './json-sql';
import { XlsxWriter } from './xlsx';
import { exportCells, exportHeader, type ExportRecord, type ExportShape } from './columns';
import {
  exportBatches,
  finishExportLog,
  loggedFilters,
  exportCounts,
  notesAllowed,
  startExportLog,
  type ExportOptions,
} from './queries';

export const FILE_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export type ExportFile = { body: ReadableStream<Uint8Array>; contentType: string; fileName: string; logId: number };

type Batches = AsyncIterable<ExportRecord[]>;

/** Column names as written in the file's first row: the stable names, or words (lib/exports/headers.ts). */
type HeaderText = (name: string) => string;
const stableHeader: HeaderText = (name) => name;

/** The CSV file row by row from the records (the reference the SQL-built rows are tested against). */
export async function* csvChunks(batches: Batches, shape: ExportShape, header: HeaderText): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(exportHeader(shape).map(header));
  for await (const batch of batches) yield batch.map((r) => csvLine(exportCells(r, shape))).join('');
}

/** The file's metadata (lib/reports/dataset.ts fileMetadata): dataset version, filters, rows, time, app version. */
export type ExportMeta = Record<string, string | number>;

const FIRST_RECORD = Buffer.from('\n');
const NEXT_RECORD = Buffer.from(',\n');

/** The JSON file around its records, each already JSON text as UTF-8 (lib/exports/json-sql.ts), written as it came. */
async function* jsonChunks(records: AsyncIterable<Buffer[]>, filters: Partial<CaseFilters>, now: Date, meta: ExportMeta | undefined, onRows: (n: number) => void): AsyncGenerator<string | Buffer> {
  yield `{${meta ? `"meta":${JSON.stringify(meta)},` : ''}"exported_at":${JSON.stringify(now.toISOString())},"filters":${JSON.stringify(loggedFilters(filters))},"detentions":[`;
  let count = 0;
  for await (const batch of records) {
    // One chunk per batch, copied once into a buffer of the right size.
    let size = 0;
    for (const record of batch) size += NEXT_RECORD.length + record.length;
    const chunk = Buffer.allocUnsafe(size);
    let at = 0;
    for (const record of batch) {
      at += (count++ === 0 ? FIRST_RECORD : NEXT_RECORD).copy(chunk, at);
      at += record.copy(chunk, at);
    }
    yield chunk.subarray(0, at);
    onRows(batch.length);
  }
  yield `\n],"count":${count}}\n`;
}

/** XLSX cells: text neutralised as in CSV (a copy pasted from the sheet stays inert), numbers as numbers. */
function xlsxCells(cells: Cell[]): (string | number | null)[] {
  return cells.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c));
}

/**
 * The XLSX file, zipped as it is written (lib/exports/xlsx.ts): after each batch the compressed
 * bytes made so far are handed on, and no further rows are read until the reader has taken them,
 * so a slow download holds one batch in memory, not the whole file.
 */
async function* xlsxChunks(batches: Batches, shape: ExportShape, header: HeaderText, meta?: ExportMeta): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failed: Error | null = null;
  const book = new XlsxWriter(meta ? ['Detentions', 'Metadata'] : ['Detentions'], (chunk) => ready.push(chunk), (error) => (failed = error));
  const take = function* () {
    if (failed) throw failed;
    while (ready.length) yield ready.shift()!;
  };
  book.row(exportHeader(shape).map(header));
  for await (const batch of batches) {
    for (const record of batch) book.row(xlsxCells(exportCells(record, shape)));
    book.flush();
    yield* take();
  }
  if (meta) {
    // A second sheet, so the first stays one header row and the records (as the CSV).
    book.nextSheet();
    for (const [key, value] of Object.entries(meta)) book.row([key, typeof value === 'string' ? neutraliseCell(value) : value]);
  }
  book.end();
  yield* take();
}

/** A web stream pulled from an async generator: the next chunk is made only when asked for. */
export function pullStream(chunks: AsyncGenerator<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
      } catch (error) {
        // The rows may name people: log only that it failed.
        logError('Export failed', error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export function exportFileName(format: FileFormat | 'pdf', now = new Date()): string {
  return `detentions-${now.toISOString().slice(0, 10)}.${format}`;
}

/**
 * Starts a streamed export of the detentions matching `filters` that `actor` may see, and logs it
 * (who, when, filters, format; rows when the last one is sent). Memory stays flat: rows are read
 * in keyset batches of EXPORT_BATCH_SIZE as the download proceeds.
 */
export async function startExport(
  actor: Actor,
  filters: Partial<CaseFilters>,
  format: FileFormat,
  options: ExportOptions & {
    now?: Date;
    onFinish?: (rows: number, completed: boolean) => Promise<void>;
    /** Header text per column (CSV and XLSX); default the stable names. JSON keys never change. */
    header?: HeaderText;
    /** Written as JSON `meta` and as the XLSX "Metadata" sheet; the CSV carries it in response headers only (its importer reads row one as the header). */
    meta?: ExportMeta;
  },
): Promise<ExportFile> {
  const now = options.now ?? new Date();
  const includeNotes = notesAllowed(actor, options.includeNotes);
  // JSON nests the lists, so only the spreadsheets need to know how many column groups to write.
  const counts = format === 'json' ? { chargeCount: 0, penaltyCount: 0, eventCount: 0, sourceCount: 0 } : await exportCounts(actor, filters);
  const shape: ExportShape = { includeNotes, ...counts };
  const logId = await startExportLog(actor, format, filters, includeNotes);

  let rows = 0;
  let completed = false;
  async function* counted(): AsyncGenerator<ExportRecord[]> {
    // One day for the whole file: custody days of every row are counted to the same day.
    for await (const batch of exportBatches(actor, filters, { ...options, includeNotes, today: options.today ?? latestToday(now) })) {
      rows += batch.length;
      yield batch;
    }
    completed = true;
  }
  // CSV: the rows come out of the database already as CSV (lib/exports/csv-sql.ts).
  async function* csvFile(): AsyncGenerator<string | Buffer> {
    yield CSV_BOM + csvLine(exportHeader(shape).map(options.header ?? stableHeader));
    const today = options.today ?? latestToday(now);
    yield* csvRowChunks(actor, filters, shape, { origin: options.origin, today, batchSize: options.batchSize, onRows: (n) => (rows += n) });
    completed = true;
  }
  // JSON: each record comes out of the database already as JSON (lib/exports/json-sql.ts).
  async function* jsonFile(): AsyncGenerator<string | Buffer> {
    const today = options.today ?? latestToday(now);
    const records = jsonRecordBatches(actor, filters, includeNotes, { origin: options.origin, today, batchSize: options.batchSize });
    yield* jsonChunks(records, filters, now, options.meta, (n) => (rows += n));
    completed = true;
  }
  async function* logged(): AsyncGenerator<string | Uint8Array> {
    try {
      if (format === 'csv') yield* csvFile();
      else if (format === 'json') yield* jsonFile();
      else yield* xlsxChunks(counted(), shape, options.header ?? stableHeader, options.meta);
    } finally {
      await finishExportLog(logId, rows, completed);
      await options.onFinish?.(rows, completed);
    }
  }
  return { body: pullStream(logged()), contentType: CONTENT_TYPES[format], fileName: exportFileName(format, now), logId };
}

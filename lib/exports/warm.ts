import 'server-only';
/**
 * Keeps the stored export cells (export-rows.ts) filled in the background, so the first export
 * after a change of many rows (an upgrade that changes the cells, a renamed charge or city) does
 * not compute them all while someone waits: at 1M rows an export takes about 50 seconds when no row
 * has its cells stored, 7 when every row has (docs/BENCHMARKS-exports.md). Every few minutes, and a little after the server starts, rows
 * without current cells are filled in small batches with pauses between them, so the embedded
 * database (one connection) keeps answering requests meanwhile. Several app instances may warm at
 * once: a row one of them is filling is skipped by the others (the fill's row lock).
 */
import { sql } from 'drizzle-orm';
import { db, dbDriver, rowsOf } from '@/db';
import { logError } from '@/lib/log';
import { CSV_CELLS, CSV_FORMAT } from './csv-sql';
import { fillExportRows, type CachedCells } from './export-rows';
import { JSON_CELLS, JSON_FORMAT } from './json-sql';

const FORMATS: [CachedCells, string][] = [
  [CSV_CELLS, CSV_FORMAT],
  [JSON_CELLS, JSON_FORMAT],
];

/**
 * Rows per fill: on the server about 40 ms of a connection; the embedded database has one
 * connection, which every request waits for meanwhile, and computes the cells about three times
 * slower, so its batches are smaller.
 */
const batchFor = () => (dbDriver() === 'pglite' ? 100 : 400);
const PAUSE_MS = 100;
const EVERY_MS = 5 * 60 * 1000;
const FIRST_AFTER_MS = 30 * 1000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fills stale rows, batch by batch, until none is left or `budgetMs` has passed; returns how many
 * were filled. Each format's stale rows are found off its (detention_id, format) index.
 */
export async function warmExportRows({ budgetMs = 60_000, batch = batchFor(), pauseMs = PAUSE_MS } = {}): Promise<number> {
  const until = Date.now() + budgetMs;
  let filled = 0;
  for (const [cells, format] of FORMATS) {
    let after = 0;
    while (Date.now() < until) {
      const stale = rowsOf<{ detention_id: number }>(
        await db.execute(sql`SELECT detention_id FROM ${sql.raw(cells.table)}
          WHERE detention_id > ${after} AND format IS DISTINCT FROM ${format} ORDER BY detention_id LIMIT ${batch}`),
      ).map((r) => Number(r.detention_id));
      if (stale.length === 0) break;
      await fillExportRows(cells, format, stale);
      filled += stale.length;
      after = stale[stale.length - 1];
      if (pauseMs > 0) await pause(pauseMs);
    }
  }
  return filled;
}

const state = globalThis as unknown as { exportWarmingTimer?: NodeJS.Timeout; exportWarming?: boolean };

async function warmQuietly() {
  if (state.exportWarming) return;
  state.exportWarming = true;
  try {
    await warmExportRows();
  } catch (error) {
    logError('Filling the stored export cells failed', error);
  } finally {
    state.exportWarming = false;
  }
}

/** Half a minute after boot, then every five minutes; the timers never keep the process alive. */
export function scheduleExportWarming() {
  if (state.exportWarmingTimer) return;
  state.exportWarmingTimer = setInterval(warmQuietly, EVERY_MS);
  state.exportWarmingTimer.unref();
  setTimeout(warmQuietly, FIRST_AFTER_MS).unref();
}

/**
 * Upkeep that a PostgreSQL server's autovacuum does by itself, for the embedded database. PGlite
 * runs PostgreSQL as one single-user process, where no autovacuum worker ever starts: without this,
 * an embedded database would never reclaim the rows its updates leave behind (the dashboard's
 * rollup rows change on every save), never refresh the planner's statistics as the records grow,
 * and never mark pages all-visible, which the dashboard's index-only scans need
 * (docs/PERFORMANCE.md). On the PostgreSQL server this does nothing: its autovacuum does it.
 */
import { sql } from 'drizzle-orm';
import { connection } from '@/db';

/** How often the embedded database is vacuumed and analyzed while the app runs. */
const EVERY_MS = 60 * 60 * 1000;
/** The first run, once the server has started answering. */
const FIRST_AFTER_MS = 60 * 1000;

const state = globalThis as unknown as { pgliteMaintenanceTimer?: NodeJS.Timeout };

/**
 * `VACUUM (ANALYZE)` of the whole embedded database (its one connection waits meanwhile: about a
 * second at 100,000 detentions). Returns false, doing nothing, on the PostgreSQL server.
 */
export async function vacuumEmbedded(): Promise<boolean> {
  const open = connection();
  if (open.driver !== 'pglite') return false;
  await open.db.execute(sql`VACUUM (ANALYZE)`);
  return true;
}

async function vacuumQuietly() {
  try {
    await vacuumEmbedded();
  } catch (error) {
    // The statement holds no personal data; its error message is kept short all the same.
    console.error('Embedded database maintenance failed:', error instanceof Error ? error.message : 'unknown error');
  }
}

/** A minute after boot, then hourly, on PGlite only; the timers never keep the process alive. */
export function scheduleEmbeddedMaintenance() {
  if (state.pgliteMaintenanceTimer || connection().driver !== 'pglite') return;
  state.pgliteMaintenanceTimer = setInterval(vacuumQuietly, EVERY_MS);
  state.pgliteMaintenanceTimer.unref();
  setTimeout(vacuumQuietly, FIRST_AFTER_MS).unref();
}

/**
 * The settings the app's PostgreSQL sessions run with (db/index.ts connect): JIT and parallel
 * workers off, each measured as a cost on this project's 2-core server (docs/PERFORMANCE.md).
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, dbDriver, rowsOf } from '@/db';
import { useTestDatabase } from '@/lib/test/database';

useTestDatabase();

describe.skipIf(dbDriver() !== 'postgres')("the app's PostgreSQL sessions", () => {
  it('run without JIT and without parallel workers, on every pooled connection', async () => {
    // Several at once, so more than one pooled connection answers.
    const settings = await Promise.all(
      Array.from({ length: 4 }, async () =>
        rowsOf<{ jit: string; workers: string }>(
          await db.execute(sql`SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers, pg_sleep(0.05)`),
        )[0],
      ),
    );
    for (const s of settings) expect({ jit: s.jit, workers: s.workers }).toEqual({ jit: 'off', workers: '0' });
  });
});

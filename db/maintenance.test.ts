import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, dbDriver, rowsOf } from '@/db';
import { useTestDatabase } from '@/lib/test/database';
import { vacuumEmbedded } from './maintenance';

useTestDatabase();

describe('upkeep of the embedded database', () => {
  it('vacuums and analyzes PGlite (no autovacuum runs there), and leaves the server to its autovacuum', async () => {
    const analyzed = async () =>
      rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM pg_stat_user_tables
        WHERE relname IN ('detentions', 'detention_stats') AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL`))[0].n;
    const before = await analyzed();
    const ran = await vacuumEmbedded();
    expect(ran).toBe(dbDriver() === 'pglite');
    if (ran) {
      expect(before).toBe(0);
      expect(await analyzed()).toBe(2);
    }
  });
});

import { afterAll, beforeAll } from 'vitest';
import { closeDb, connection, pgliteDir } from '@/db';
import { env } from '@/lib/env';
import { migrate } from '@/db/migrate';
import { seedReference } from '@/db/seed';

/**
 * Call at the top of an integration test file. On PGlite (in memory) the file gets a fresh,
 * migrated database of its own; on a PostgreSQL server global-setup.ts has prepared one already.
 */
export function useTestDatabase() {
  beforeAll(async () => {
    // On a server, or on PGlite started from global-setup's migrated template, there is nothing to do.
    if (env.DATABASE_URL || (env.PGLITE_TEMPLATE && pgliteDir().startsWith('memory://'))) return;
    const open = connection();
    await migrate(open);
    await seedReference(open.db);
  });
  afterAll(async () => {
    await closeDb();
  });
}

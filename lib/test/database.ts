import { afterAll, beforeAll } from 'vitest';
import { closeDb, connection } from '@/db';
import { migrate } from '@/db/migrate';
import { seedReference } from '@/db/seed';

/**
 * Call at the top of an integration test file. On PGlite (in memory) the file gets a fresh,
 * migrated database of its own; on a PostgreSQL server global-setup.ts has prepared one already.
 */
export function useTestDatabase() {
  beforeAll(async () => {
    if (process.env.DATABASE_URL) return;
    const open = connection();
    await migrate(open);
    await seedReference(open.db);
  });
  afterAll(async () => {
    await closeDb();
  });
}

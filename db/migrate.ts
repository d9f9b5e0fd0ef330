/**
 * Applies db/migrations to the configured database (PGlite or the server in DATABASE_URL).
 * Run as a step of its own (`npm run db:migrate`), never on import.
 */
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { backfillMatchKeys } from '../lib/names/backfill';
import type * as schema from './schema';
import type { Connection } from './index';

const migrationsFolder = path.join(process.cwd(), 'db/migrations');

export async function migrate({ db, driver }: Pick<Connection, 'db' | 'driver'>) {
  if (driver === 'pglite') await migratePglite(db as PgliteDatabase<typeof schema>, { migrationsFolder });
  else await migratePostgres(db as PostgresJsDatabase<typeof schema>, { migrationsFolder });
  // Data the migrations cannot compute in SQL (the name matcher's keys): filled here, once.
  await backfillMatchKeys(db);
}

async function main() {
  const { connection, closeDb } = await import('./index');
  const { db, driver: dbDriver } = connection();
  await migrate({ db, driver: dbDriver });
  await closeDb();
  console.log(`Migrated (${dbDriver}).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error) => {
    console.error('Migration failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

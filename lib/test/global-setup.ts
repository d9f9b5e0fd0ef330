import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshDatabaseUrl } from '../../scripts/test-database';
import type { TestProject } from 'vitest/node';
import { workerDatabaseUrl } from './workers';

/**
 * With DATABASE_URL set, the suite runs on a fresh database of its own inside that server,
 * migrated and seeded once here, then copied once per worker (worker-database.ts points each
 * worker at its copy; the files of one worker share it, so each test makes its own records).
 * On PGlite, each test file gets its own in-memory database; they all start from one migrated,
 * seeded dump made here (replaying every migration per file cost minutes).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  const { migrate } = await import('../../db/migrate');
  const { seedReference } = await import('../../db/seed');
  if (!serverUrl) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const { drizzle } = await import('drizzle-orm/pglite');
    const schema = await import('../../db/schema');
    const client = new PGlite('memory://', { extensions: { pg_trgm, unaccent } });
    const db = drizzle(client, { schema });
    await migrate({ db, driver: 'pglite' });
    await seedReference(db);
    const dump = await client.dumpDataDir('none');
    await client.close();
    const dir = path.resolve('.data/test-template');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `pglite-${process.pid}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env.PGLITE_TEMPLATE = file;
    return;
  }
  const url = await freshDatabaseUrl(serverUrl, process.env.TEST_DB_NAME ?? 'case_tracker_test');
  process.env.DATABASE_URL = url;
  const { connect } = await import('../../db/index');
  const connection = connect(url);
  await migrate(connection);
  await seedReference(connection.db);
  await connection.close();
  // CREATE DATABASE … TEMPLATE copies the files: much faster than migrating each copy.
  const template = new URL(url).pathname.slice(1);
  for (let worker = 1; worker <= project.config.maxWorkers; worker++) {
    await freshDatabaseUrl(serverUrl, new URL(workerDatabaseUrl(url, worker)).pathname.slice(1), template);
  }
  process.env.TEST_SHARED_DATABASE_URL = url;
}

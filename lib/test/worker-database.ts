/**
 * Runs before every test file. On a PostgreSQL server, global-setup.ts migrated and seeded one
 * database and copied it once per worker; here each worker points DATABASE_URL at its own copy,
 * so two files running at once never share records (the files of one worker still share theirs,
 * as they always did). On PGlite every file already has an in-memory database of its own.
 */
import { workerDatabaseUrl } from './workers';

const shared = process.env.TEST_SHARED_DATABASE_URL;
const worker = process.env.VITEST_POOL_ID;
if (shared && worker) process.env.DATABASE_URL = workerDatabaseUrl(shared, Number(worker));

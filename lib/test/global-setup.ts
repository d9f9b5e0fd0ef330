import { freshDatabaseUrl } from '../../scripts/test-database';

/**
 * With DATABASE_URL set, the suite runs on a fresh database of its own inside that server,
 * migrated and seeded once here (test files then share it, so each test makes its own records).
 */
export default async function setup() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return;
  const url = await freshDatabaseUrl(serverUrl, process.env.TEST_DB_NAME ?? 'case_tracker_test');
  process.env.DATABASE_URL = url;
  const { connect } = await import('../../db/index');
  const { migrate } = await import('../../db/migrate');
  const { seedReference } = await import('../../db/seed');
  const connection = connect(url);
  await migrate(connection);
  await seedReference(connection.db);
  await connection.close();
}

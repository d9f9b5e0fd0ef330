/**
 * How many test files run at once. Vitest's default on this project's 2-core machines is one
 * (cores − 1), and a test file mostly waits (on PGlite's WebAssembly, on Chromium, on the disk), so
 * two files side by side keep both cores busy. Each worker has a database of its own (see
 * worker-database.ts), so files never see each other's records.
 */
export const TEST_WORKERS = 2;

/** The database worker `worker` (1…TEST_WORKERS, Vitest's VITEST_POOL_ID) uses on a PostgreSQL server. */
export function workerDatabaseUrl(sharedUrl: string, worker: number): string {
  const url = new URL(sharedUrl);
  url.pathname = `${url.pathname}_w${worker}`;
  return url.toString();
}

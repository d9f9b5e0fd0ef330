/** The database worker `worker` (1…maxWorkers, Vitest's VITEST_POOL_ID) uses on a PostgreSQL server. */
export function workerDatabaseUrl(sharedUrl: string, worker: number): string {
  const url = new URL(sharedUrl);
  url.pathname = `${url.pathname}_w${worker}`;
  return url.toString();
}

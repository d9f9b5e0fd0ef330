import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Unit and integration tests (`*.test.ts` beside the code). Integration tests run on a fresh
 * in-memory PGlite per file, or, when DATABASE_URL is set, on a fresh database of their own inside
 * that PostgreSQL server (see global-setup.ts).
 */
export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // 'server-only' guards Next bundles; outside Next it's an empty module.
      { find: /^server-only$/, replacement: `${root}/lib/test/empty.ts` },
    ],
  },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts'],
    globalSetup: ['lib/test/global-setup.ts'],
    env: { PGLITE_DIR: 'memory://', NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Worker threads start a test file faster than forked processes (the whole PGlite suite, one run
    // each on 2 cores: 3.4 against 4.6 min); each file still gets its own module graph and its own database.
    pool: 'threads',
    // Vitest's default on a 2-core machine is one file at a time (cores − 1); a test file mostly
    // waits (PGlite's WebAssembly, Chromium, the disk), so two side by side keep both cores busy:
    // the PGlite suite 304 → 231 s. On a PostgreSQL server each worker has a database of its own
    // (global-setup.ts copies one per worker, worker-database.ts picks it).
    maxWorkers: 2,
    setupFiles: ['lib/test/worker-database.ts'],
    // The JSON report lets .ci/run add up the results of both databases.
    reporters: ['default', ['json', { outputFile: `${root}/.data/test-reports/vitest.json` }]],
  },
});

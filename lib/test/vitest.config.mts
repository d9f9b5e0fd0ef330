import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { TEST_WORKERS } from './workers';

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
    maxWorkers: TEST_WORKERS,
    setupFiles: ['lib/test/worker-database.ts'],
    // The JSON report lets .ci/run add up the results of both databases.
    reporters: ['default', ['json', { outputFile: `${root}/.data/test-reports/vitest.json` }]],
  },
});

/**
 * Playwright's web server: a throwaway database (fresh PGlite directory, or a fresh database in the
 * PostgreSQL server named by DATABASE_URL), migrated and seeded with the demo data, then the
 * production build on E2E_PORT.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { freshDatabaseUrl } from './test-database';

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: 'e2e-only-secret-0123456789abcdef0123456789',
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = await freshDatabaseUrl(process.env.DATABASE_URL, process.env.E2E_DB_NAME ?? 'case_tracker_e2e');
  } else {
    env.PGLITE_DIR = '.data/e2e-pglite';
    rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  }
  for (const args of [['tsx', 'db/migrate.ts'], ['tsx', '--conditions=react-server', 'db/seed.ts', '--demo']]) {
    const result = spawnSync('npx', args, { stdio: 'inherit', env });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  const server = spawn('npx', ['tsx', 'scripts/server.ts', process.env.E2E_PORT ?? '3100'], {
    stdio: 'inherit',
    env: { ...env, NODE_ENV: 'production' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main();

/**
 * Playwright's web server: a throwaway database (fresh PGlite directory, or a fresh database in the
 * PostgreSQL server named by DATABASE_URL), migrated and seeded with the demo data, then the
 * production build on E2E_PORT. On the PostgreSQL server a second instance of the same build runs
 * on E2E_SECOND_PORT (default E2E_PORT + 1) against the same database, as behind a load balancer
 * (e2e/two-instances.spec.ts); PGlite is one process per data directory, so there it runs alone.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { startFixtureSite } from '../lib/test/fixture-site';
import { startLocalTsa } from '../lib/test/local-tsa';
import { freshDatabaseUrl } from './test-database';

/**
 * Timestamps: a local RFC 3161 authority (OpenSSL) in this process, so captures made during the
 * e2e run are timestamped and verified against its root. Keys live in a temp dir removed on exit.
 * A TSA_URLS given from outside wins.
 */
async function timestampEnv(): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  if (process.env.TSA_URLS) return { env: {}, close: async () => {} };
  const tsa = await startLocalTsa('E2E Test TSA');
  return { env: { TSA_URLS: tsa.url, TSA_TRUST_FILE: tsa.trustFile }, close: tsa.close };
}

/**
 * The fixture web site source captures fetch (lib/test/fixture-site.ts), in this process. Its
 * origin reaches the app as E2E_FIXTURE_ORIGIN and the tests through .data/e2e-fixture.json
 * (Playwright's test process does not see this server's environment); the app may fetch from
 * 127.0.0.1 only because CAPTURE_ALLOW_HOSTS says so.
 */
async function startCaptureFixture(env: NodeJS.ProcessEnv) {
  const site = await startFixtureSite();
  env.E2E_FIXTURE_ORIGIN = site.origin;
  env.CAPTURE_ALLOW_HOSTS = '127.0.0.1';
  mkdirSync('.data', { recursive: true });
  writeFileSync('.data/e2e-fixture.json', JSON.stringify({ origin: site.origin }));
  return site;
}

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
    env.PGLITE_DIR = process.env.E2E_PGLITE_DIR ?? '.data/e2e-pglite';
    rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  }
  const fixture = await startCaptureFixture(env);
  for (const args of [['tsx', 'db/migrate.ts'], ['tsx', '--conditions=react-server', 'db/seed.ts', '--demo']]) {
    const result = spawnSync('npx', args, { stdio: 'inherit', env });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  const timestamps = await timestampEnv();
  const port = Number(process.env.E2E_PORT ?? 3100);
  const servers: ChildProcess[] = [];
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => servers.forEach((s) => s.kill(signal)));
  // One instance gone ends the run: the others are stopped and the helpers closed.
  let exiting = false;
  const start = (p: number) => {
    const server = spawn('npx', ['tsx', 'scripts/server.ts', String(p)], {
      stdio: 'inherit',
      env: { ...env, ...timestamps.env, NODE_ENV: 'production' },
    });
    servers.push(server);
    server.on('exit', (code) => {
      if (exiting) return;
      exiting = true;
      for (const other of servers) if (other !== server && other.exitCode === null) other.kill('SIGTERM');
      void fixture.close();
      void timestamps.close().finally(() => process.exit(code ?? 0));
    });
  };
  start(port);
  if (env.DATABASE_URL) {
    // The second instance starts once the first answers, so the two cold starts don't compete for
    // the CPU while Playwright waits for the first (two-instances.spec.ts waits for the second).
    await waitForHealth(port);
    if (!exiting) start(secondPort(port));
  }
}

async function waitForHealth(port: number) {
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The second instance's port (on the PostgreSQL server only); the spec computes the same. */
function secondPort(port: number): number {
  return Number(process.env.E2E_SECOND_PORT ?? port + 1);
}

main();

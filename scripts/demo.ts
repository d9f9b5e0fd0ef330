/**
 * `npm run demo`: build if needed, migrate, seed the reference and demo data, then serve on PORT
 * (3000 by default). Embedded PGlite under .data/ unless DATABASE_URL names a PostgreSQL server.
 * The demo's AUTH_SECRET is generated once and kept in .data/, so sessions survive a restart.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ensureBuild } from './ensure-build';

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function demoSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  mkdirSync('.data', { recursive: true });
  const file = '.data/demo-auth-secret';
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function waitUntilReady(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: process.env.PGLITE_DIR ?? '.data/pglite',
    AUTH_SECRET: demoSecret(),
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  ensureBuild();
  // Migrate and seed in their own processes, finished before the server opens the database:
  // PGlite allows one process per data directory.
  run('npx', ['tsx', 'db/migrate.ts'], env);
  run('npx', ['tsx', '--conditions=react-server', 'db/seed.ts', '--demo'], env);

  const port = process.env.PORT ?? '3000';
  const server = spawn('npx', ['tsx', 'scripts/server.ts', port], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));

  if (await waitUntilReady(`http://127.0.0.1:${port}/api/health`)) {
    console.log(`\nThe case tracker is ready at http://localhost:${port}`);
    console.log('Demo logins (see README): admin@example.org, monitor@example.org, researcher@example.org\n');
  }
}

main();

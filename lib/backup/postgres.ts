/**
 * The server's side: the payload is `pg_dump --format=custom`, restored with pg_restore. The
 * manifest and the dump read the same snapshot (pg_export_snapshot), so they agree even while
 * the app keeps writing.
 */
import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { computeManifest, migrationLevel, type Manifest, type RunSql } from './manifest';

type Dumped = { manifest: Manifest; migrations: number; payload: Buffer };

/**
 * pg_dump and pg_restore take the URL without its password, and the password through
 * PGPASSWORD: a password on the command line is readable by every user of the machine (ps).
 */
function libpqArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

/** Runs a PostgreSQL client tool; stdin is written in, stdout collected, stderr kept for the error. */
function runTool(command: string, args: string[], env: NodeJS.ProcessEnv, stdin?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${command} not found: install the PostgreSQL client (e.g. postgresql-client-15).`) : error),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${command} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`));
    });
    // A tool that exits early closes its stdin; the close handler above reports why.
    child.stdin.on('error', () => {});
    child.stdin.end(stdin);
  });
}

export async function dumpPostgres(url: string): Promise<Dumped> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin('isolation level repeatable read read only', async (tx) => {
      const [{ snapshot }] = await tx<{ snapshot: string }[]>`SELECT pg_export_snapshot() AS snapshot`;
      const run: RunSql = (statement) => tx.unsafe(statement);
      const manifest = await computeManifest(run);
      const migrations = await migrationLevel(run);
      const { dbname, env } = libpqArgs(url);
      // The transaction stays open until pg_dump is done: the snapshot lives only that long.
      const payload = await runTool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--dbname=${dbname}`], env);
      return { manifest, migrations, payload };
    });
  } finally {
    await sql.end();
  }
}

const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!DATABASE_NAME.test(name)) throw new Error(`Unsupported database name in the target URL: "${name}".`);
  return name;
}

/** Creates the target database; refuses if it exists, so --create can never land on live data. */
export async function createDatabase(url: string) {
  const name = databaseName(url);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (exists) throw new Error(`Refusing --create: database "${name}" already exists.`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** "Empty" means no tables, views or sequences outside the system schemas. */
export async function assertEmptyDatabase(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ objects }] = await sql<{ objects: number }[]>`
      SELECT count(*)::int AS objects FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;
    if (objects > 0) {
      throw new Error(`Refusing to restore into "${databaseName(url)}": it already holds ${objects} tables, views or sequences. Restore into an empty database (or a new one with --create).`);
    }
  } finally {
    await sql.end();
  }
}

async function readManifest(url: string): Promise<Manifest> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin('isolation level repeatable read read only', (tx) => computeManifest((statement) => tx.unsafe(statement)));
  } finally {
    await sql.end();
  }
}

/**
 * Loads a pg_dump archive into an empty database in one transaction (a failure leaves it empty).
 * pg_restore copies the data before it creates triggers, so audit_events' append-only triggers
 * (migration 0008) don't stand in the way. Owners are dropped: the restoring user owns everything.
 */
export async function loadPostgres(url: string, payload: Buffer): Promise<Manifest> {
  await assertEmptyDatabase(url);
  const { dbname, env } = libpqArgs(url);
  await runTool('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`], env, payload);
  return readManifest(url);
}

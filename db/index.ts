/**
 * The one database client. Embedded PGlite by default (zero set-up), a PostgreSQL server when
 * DATABASE_URL is set. Opening it has no side effects beyond the connection: migrations are an
 * explicit step (db/migrate.ts).
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '../lib/env';
import { durablePgliteOptions } from './pglite-durable';
import { keepPrivate } from './private-dir';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A query rendered for a driver: its text with $1, $2… and the values. */
type RenderedQuery = { sql: string; params: unknown[] };

export type Connection = {
  db: Db;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /** Rows as arrays of each column's bytes as the server sent them (text format), not decoded: postgres.js only. */
  rawRows?: (query: RenderedQuery) => Promise<(Buffer | null)[][]>;
};

/** Where the embedded database lives: PGLITE_DIR, `memory://` for a throwaway one, `.data/pglite` by default. */
export function pgliteDir(): string {
  return env.PGLITE_DIR || '.data/pglite';
}

export function connect(url = env.DATABASE_URL, dir = pgliteDir()): Connection {
  if (url) {
    // Small pool: more app instances scale out, one instance needs few connections.
    // JIT off for this app's sessions: its queries are interactive ones over indexed ranges, where
    // compiling costs more than it saves (an export batch of 5,000 rows: 218 of its 378 ms were
    // JIT; docs/BENCHMARKS-exports.md). A server-wide setting would also do; this needs no access.
    // No parallel workers by default (DATABASE_PARALLEL_WORKERS): on a 2-core server launching them
    // cost more than the work they shared. At 1M the case list's name search took 132 ms with them
    // and 20 without, the dashboard's default view 594 against 463, an outcome filter 725 against
    // 236 (docs/PERFORMANCE.md, session 24); the app's concurrent requests already use the cores.
    const sessionSettings = { jit: 'off', max_parallel_workers_per_gather: String(env.DATABASE_PARALLEL_WORKERS) };
    const client = postgres(url, { max: env.DATABASE_POOL_SIZE, onnotice: () => {}, connection: sessionSettings });
    return {
      db: drizzlePostgres(client, { schema }),
      driver: 'postgres',
      close: () => client.end(),
      rawRows: async ({ sql: text, params }) => (await client.unsafe(text, params as never[]).raw()) as unknown as (Buffer | null)[][],
    };
  }
  if (!dir.startsWith('memory://')) keepPrivate(dir);
  const extensions = { pg_trgm, unaccent };
  // On disk, every commit reaches the disk unless PGLITE_DURABLE=off (PGlite's own default is not durable).
  // A test template is a migrated, seeded dump: starting from it skips replaying the migrations.
  const loadDataDir =
    dir.startsWith('memory://') && env.PGLITE_TEMPLATE ? new Blob([readFileSync(env.PGLITE_TEMPLATE)]) : undefined;
  const client =
    dir.startsWith('memory://') || env.PGLITE_DURABLE === 'off'
      ? new PGlite(dir, { extensions, loadDataDir })
      : new PGlite({ ...durablePgliteOptions(dir), extensions });
  return { db: drizzlePglite(client, { schema }), driver: 'pglite', close: () => client.close() };
}

// One connection per process, opened on first use (never at import, so `next build` never opens
// the database) and kept across hot reloads.
const cache = globalThis as unknown as { caseTrackerDb?: Connection };

export function connection(): Connection {
  cache.caseTrackerDb ??= connect();
  return cache.caseTrackerDb;
}

/** The database, as every query module uses it; connects on the first query. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const real = connection().db;
    const value = Reflect.get(real, property, real);
    return typeof value === 'function' ? value.bind(real) : value;
  },
});

/** Rows of a raw query, from either driver (PGlite returns { rows }, postgres.js an array). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export const dbDriver = (): Connection['driver'] => (env.DATABASE_URL ? 'postgres' : 'pglite');

const dialect = new PgDialect();

/**
 * The rows of a query as arrays of each column's text, as UTF-8 bytes. On a PostgreSQL server they
 * are the bytes the server sent, never decoded into JavaScript strings and encoded again: an export
 * writes them to the file as they are (2.3 GB for a million JSON records). PGlite gives strings,
 * encoded here.
 */
export async function rawRowsOf(query: SQL): Promise<(Buffer | null)[][]> {
  const open = connection();
  if (open.rawRows) return open.rawRows(dialect.sqlToQuery(query));
  return rowsOf<Record<string, unknown>>(await open.db.execute(query)).map((row) =>
    Object.values(row).map((value) => (value === null || value === undefined ? null : Buffer.from(String(value)))),
  );
}

export async function closeDb() {
  const open = cache.caseTrackerDb;
  cache.caseTrackerDb = undefined;
  await open?.close();
}

/**
 * What a backup holds, computed in SQL on both drivers: per table the row count and a content
 * hash, per sequence its position. A restore recomputes it on the restored database and compares,
 * so "restored" means "the same rows", not "pg_restore exited 0".
 */
import { z } from 'zod';

/** Runs one SQL statement and returns its rows: the one thing the manifest needs of a driver. */
export type RunSql = (statement: string) => Promise<Record<string, unknown>[]>;

export const manifestSchema = z.object({
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative(), sha256: z.string() })),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Settings that change how a row prints as text, pinned so the hash depends on the data alone,
 * not on the session that reads it. Call inside a transaction (they are transaction-local).
 */
const PINNED_SETTINGS = [
  ['TimeZone', 'UTC'],
  ['DateStyle', 'ISO, YMD'],
  ['IntervalStyle', 'postgres'],
  ['extra_float_digits', '1'],
  ['bytea_output', 'hex'],
] as const;

/** Every user table (all schemas but the system ones, so drizzle's migration journal too). */
const TABLES_SQL = `
  SELECT n.nspname AS schema, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
  ORDER BY 1, 2`;

/**
 * The hash of a table is sha256 over the sorted md5s of its rows' text: independent of physical
 * order and of any primary key, and it holds 32 bytes per row in memory (the rows themselves
 * would hit PostgreSQL's 1 GB limit on a big table). md5 here only fingerprints rows; the file's
 * integrity rests on SHA-256 and AES-GCM.
 */
function tableHashSql(schema: string, name: string): string {
  return `
    SELECT count(*)::bigint AS rows,
           encode(sha256(convert_to(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), ''), 'UTF8')), 'hex') AS sha256
    FROM (SELECT md5(t::text) AS h FROM ${quote(schema)}.${quote(name)} t) rows`;
}

/** Must run inside a transaction: one snapshot, and the pinned settings stay local to it. */
export async function computeManifest(run: RunSql): Promise<Manifest> {
  for (const [name, value] of PINNED_SETTINGS) await run(`SELECT set_config('${name}', '${value}', true)`);
  const tables: Manifest['tables'] = [];
  for (const table of await run(TABLES_SQL)) {
    const [row] = await run(tableHashSql(String(table.schema), String(table.name)));
    tables.push({ name: `${table.schema}.${table.name}`, rows: Number(row.rows), sha256: String(row.sha256) });
  }
  const sequences = (
    await run(`SELECT schemaname || '.' || sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences ORDER BY 1`)
  ).map((row) => ({ name: String(row.name), lastValue: row.lastValue === null ? null : String(row.lastValue) }));
  return { tables, sequences };
}

export type ManifestDifference = { name: string; expected: string; actual: string };

/** Every table or sequence whose count, hash or position differs, or that is missing on one side. */
export function compareManifests(expected: Manifest, actual: Manifest): ManifestDifference[] {
  const describe = (m: Manifest) =>
    new Map([
      ...m.tables.map((t) => [t.name, `${t.rows} rows, sha256 ${t.sha256}`] as const),
      ...m.sequences.map((s) => [`sequence ${s.name}`, `at ${s.lastValue ?? 'start'}`] as const),
    ]);
  const want = describe(expected);
  const got = describe(actual);
  const names = [...new Set([...want.keys(), ...got.keys()])].sort();
  return names
    .map((name) => ({ name, expected: want.get(name) ?? 'missing', actual: got.get(name) ?? 'missing' }))
    .filter((d) => d.expected !== d.actual);
}

/** The table a restore prints: one line per table, the row counts side by side. */
export function formatComparison(expected: Manifest, actual: Manifest): string {
  const restored = new Map(actual.tables.map((t) => [t.name, t]));
  const width = Math.max(5, ...expected.tables.map((t) => t.name.length));
  const lines = [`${'table'.padEnd(width)}  ${'backup'.padStart(8)}  ${'restored'.padStart(8)}  check`];
  for (const table of expected.tables) {
    const other = restored.get(table.name);
    const ok = other && other.rows === table.rows && other.sha256 === table.sha256;
    lines.push(
      `${table.name.padEnd(width)}  ${String(table.rows).padStart(8)}  ${String(other?.rows ?? '-').padStart(8)}  ${ok ? 'ok' : 'MISMATCH'}`,
    );
  }
  return lines.join('\n');
}

/** How many migrations the database has applied (drizzle's journal); 0 for a database never migrated. */
export async function migrationLevel(run: RunSql): Promise<number> {
  const [row] = await run(
    `SELECT CASE WHEN to_regclass('drizzle.__drizzle_migrations') IS NULL THEN 0
            ELSE (SELECT count(*) FROM drizzle.__drizzle_migrations) END AS level`,
  );
  return Number(row.level);
}

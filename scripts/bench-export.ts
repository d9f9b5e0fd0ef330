/**
 * Benchmarks the streamed case export: rows per second and peak memory (RSS) for CSV, JSON and
 * XLSX over a large synthetic set, in a fresh database inside the PostgreSQL server (DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/test; the server's own databases are not touched).
 * Writes docs/BENCHMARKS-exports.md.
 *
 *   npm run bench:export                 # 1,000,000 detentions (reuses the database when it holds that many)
 *   npm run bench:export -- --rows 50000 --drop    # drop the database afterwards
 *
 * Each format runs in a child process of its own, so each peak RSS is that export's alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { writeReportKeepingHistory } from './bench-report';
import { freshDatabaseUrl } from './test-database';

const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const DB_NAME = 'ct_perf_export';
const FORMATS = ['csv', 'json', 'xlsx'] as const;
const CELLS_TEXT: Record<Cells, string> = {
  cleared: 'computed and stored (none stored before)',
  stored: 'stored',
  '': 'from the records',
};
type Result = { format: string; rows: number; bytes: number; seconds: number; baselineRssMb: number; peakRssMb: number; heapMb?: number; cells?: string };
/** What a run's CSV or JSON rows come from (lib/exports/export-rows.ts). */
type Cells = 'cleared' | 'stored' | '';

/** Runs statements one after another on a connection of their own (VACUUM cannot run in a transaction). */
async function runStatements(url: string, statements: string[]) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const statement of statements) await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}

/** Clears the stored export cells of a format, as a release changing them (or a fresh install) leaves them. */
const clearStoredCells = (url: string, format: 'csv' | 'json') =>
  runStatements(url, [`UPDATE export_${format}_rows SET format = NULL`, `VACUUM export_${format}_rows`]);

/** VACUUM ANALYZE of a format's stored cells. */
const vacuumStoredCells = (url: string, format: 'csv' | 'json') => runStatements(url, [`VACUUM ANALYZE export_${format}_rows`]);

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Fills the fresh database: people, sources, detentions and citations, set-based in SQL. */
async function fill(url: string, rows: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const peopleCount = Math.max(1, Math.floor(rows / 4));
    const sourceCount = Math.max(1, Math.floor(rows / 2));
    await sql`INSERT INTO users (email, name, password_hash, role) VALUES ('bench@example.org', 'Bench', 'x', 'admin')`;
    await sql`
      INSERT INTO people (display_name, role, notes)
      SELECT 'Synthetic Person ' || g, 'activist', CASE WHEN g % 10 = 0 THEN 'internal note ' || g END
      FROM generate_series(1, ${peopleCount}) g`;
    await sql`
      INSERT INTO person_names (person_id, name, script, search_key)
      SELECT id, display_name, 'latin'::name_script, lower(display_name) FROM people
      UNION ALL
      SELECT id, 'Синтетикалық Адам ' || id, 'cyrillic'::name_script, 'sintetikalik adam ' || id FROM people WHERE id % 2 = 0`;
    await sql`
      INSERT INTO sources (url, title, publisher, published_on, published_precision, language)
      SELECT 'https://news.example.org/bench/' || g, 'Report number ' || g || ', "quoted"', 'Bench Wire', '2021-01-01', 'month', 'en'
      FROM generate_series(1, ${sourceCount}) g`;
    // Every 23rd detention names no city, every 17th has no known day (counted as "date uncertain").
    await sql`
      WITH p AS (SELECT array_agg(id ORDER BY id) AS ids FROM places),
           e AS (SELECT min(id) AS id FROM elections),
           pe AS (SELECT min(id) AS first FROM people)
      INSERT INTO detentions (person_id, place_id, region, place_precision, place_detail,
                              detained_earliest, detained_latest, detained_qualifier, detained_as_reported, detained_on, detained_precision,
                              court, sentenced_qualifier, sentenced_precision, plea, custody_status, custody_from, expected_release_on,
                              election_id, notes, public_notes, confidentiality, review_status)
      SELECT pe.first + (g % ${peopleCount}),
             CASE WHEN g % 23 = 0 THEN NULL ELSE p.ids[1 + g % array_length(p.ids, 1)] END,
             CASE WHEN g % 23 = 0 THEN 'Almaty Region' END,
             CASE WHEN g % 23 = 0 THEN 'region'::place_precision ELSE 'city'::place_precision END,
             CASE WHEN g % 5 = 0 THEN 'Square, near the akimat' END,
             CASE WHEN g % 17 = 0 THEN NULL ELSE date '2021-01-01' + (g % 700) END,
             date '2021-01-01' + (g % 700),
             CASE WHEN g % 17 = 0 THEN 'on_or_before'::date_qualifier ELSE 'exact'::date_qualifier END,
             CASE WHEN g % 17 = 0 THEN 'became known that evening' END,
             CASE WHEN g % 17 = 0 THEN NULL ELSE date '2021-01-01' + (g % 700) END,
             CASE WHEN g % 17 = 0 THEN 'unknown'::date_precision ELSE 'day'::date_precision END,
             'Court ' || (g % 40), 'unknown', 'unknown', 'not_guilty',
             CASE WHEN g % 3 = 0 THEN 'released'::custody_status ELSE 'in_custody'::custody_status END,
             CASE WHEN g % 17 = 0 THEN NULL ELSE date '2021-01-01' + (g % 700) END,
             CASE WHEN g % 17 = 0 OR g % 3 = 0 THEN NULL ELSE date '2021-01-01' + (g % 700) + (1 + g % 15) END,
             e.id,
             CASE WHEN g % 7 = 0 THEN 'internal note ' || g END,
             CASE WHEN g % 11 = 0 THEN 'public note ' || g END,
             CASE WHEN g % 20 = 0 THEN 'restricted'::confidentiality ELSE 'shareable'::confidentiality END,
             'verified'
      FROM generate_series(1, ${rows}) g, p, e, pe`;
    // One charge each (a second on every 4th), one penalty per charge, a detention event each and a release on every 3rd.
    await sql`
      WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM charges)
      INSERT INTO detention_charges (detention_id, position, charge_id, part, charge_text, basis_origin, outcome,
                                     outcome_earliest, outcome_latest, outcome_qualifier)
      SELECT d.id, k.position, c.ids[1 + (d.id + k.position) % array_length(c.ids, 1)], CASE WHEN d.id % 2 = 0 THEN '3' END,
             CASE WHEN d.id % 50 = 0 THEN '=calling for protests' ELSE 'violating regulations for public events' END,
             'inferred', 'convicted', d.detained_latest + 1, d.detained_latest + 1, 'exact'
      FROM detentions d, c, (VALUES (0), (1)) AS k(position)
      WHERE k.position = 0 OR d.id % 4 = 0`;
    await sql`
      INSERT INTO penalties (detention_charge_id, position, kind, amount, unit, as_reported)
      SELECT dc.id, 0,
             CASE WHEN dc.id % 3 = 0 THEN 'fine'::penalty_kind ELSE 'administrative_arrest'::penalty_kind END,
             CASE WHEN dc.id % 3 = 0 THEN 50000 ELSE 1 + dc.id % 15 END,
             CASE WHEN dc.id % 3 = 0 THEN 'KZT'::penalty_unit ELSE 'days'::penalty_unit END,
             CASE WHEN dc.id % 9 = 0 THEN 'about 50,000 tenge' END
      FROM detention_charges dc`;
    await sql`
      INSERT INTO custody_events (detention_id, position, kind, earliest, latest, qualifier, place_detail)
      SELECT id, 0, 'detained'::custody_event_kind, detained_earliest, detained_latest, detained_qualifier, 'Police station no 2' FROM detentions
      UNION ALL
      SELECT id, 1, 'released'::custody_event_kind, detained_latest + 10, detained_latest + 10, 'exact'::date_qualifier, NULL FROM detentions WHERE id % 3 = 0`;
    await sql`
      INSERT INTO citations (detention_id, source_id, locator, supports)
      SELECT d.id, s.first + (d.id % ${sourceCount}), 'para ' || (d.id % 9), '{person,date}'::text[]
      FROM detentions d, (SELECT min(id) AS first FROM sources) s
      UNION ALL
      SELECT d.id, s.first + ((d.id + 1) % ${sourceCount}), NULL, '{}'::text[]
      FROM detentions d, (SELECT min(id) AS first FROM sources) s WHERE d.id % 3 = 0`;
    await sql`ANALYZE`;
    const [{ version }] = await sql`SELECT version()`;
    return String(version).split(' on ')[0];
  } finally {
    await sql.end();
  }
}

function existingUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The server's version when the bench database already holds exactly `rows` detentions from an
 * earlier run (filling a million takes minutes), else null.
 */
async function reusable(url: string, rows: number): Promise<string | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM detentions`;
    if (n !== rows) return null;
    const [{ version }] = await sql`SELECT version()`;
    return String(version).split(' on ')[0];
  } catch {
    return null;
  } finally {
    await sql.end();
  }
}

/** Resets the kernel's peak RSS of this process (Linux: /proc/self/clear_refs); false where it cannot. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return peakRss() > 0;
  } catch {
    return false;
  }
}

/** The process's peak RSS since the last reset, in bytes (VmHWM in /proc/self/status). */
function peakRss(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** Child process: one export of every row, read to the end; prints its measurements as JSON. */
async function runOne(format: (typeof FORMATS)[number], subset: boolean) {
  const { startExport } = await import('@/lib/exports/stream');
  const { db, closeDb } = await import('@/db');
  const { users } = await import('@/db/schema');
  const [user] = await db.select({ id: users.id }).from(users);
  global.gc?.();
  const baseline = process.memoryUsage.rss();
  // The peak is the kernel's high-water mark of the process's RSS (VmHWM), reset here: sampling
  // the RSS every 10 ms cost about 5% of the 1M JSON export's time and could miss a short peak.
  const peakWatched = resetPeakRss();
  let peak = baseline;
  const sampler = peakWatched ? null : setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const started = performance.now();
  // The subset: detentions of the first 70 of the data's 700 days, about a tenth of the rows.
  const filters = subset ? { from: '2021-01-01', to: '2021-03-11' } : {};
  const file = await startExport({ id: user.id, role: 'admin' }, filters, format, { origin: 'https://cases.example.org' });
  const reader = file.body.getReader();
  let bytes = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);
  peak = Math.max(peak, peakWatched ? peakRss() : process.memoryUsage.rss());
  const { exportLog } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const [logged] = await db.select({ rows: exportLog.rowCount }).from(exportLog).where(eq(exportLog.id, file.logId));
  await closeDb();
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  const result: Result = { format, rows: logged.rows ?? 0, bytes, seconds, baselineRssMb: mb(baseline), peakRssMb: mb(peak) };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

async function main() {
  const rows = Number(arg('rows') ?? 1_000_000);
  let url = existingUrl(SERVER_URL, DB_NAME);
  let pgVersion = await reusable(url, rows);
  if (pgVersion) console.log(`Reusing ${DB_NAME} (${rows.toLocaleString('en')} detentions).`);
  else {
    url = await freshDatabaseUrl(SERVER_URL, DB_NAME);
    const { connect } = await import('../db/index');
    const { migrate } = await import('../db/migrate');
    const { seedReference } = await import('../db/seed');
    const connection = connect(url);
    await migrate(connection);
    await seedReference(connection.db);
    await connection.close();

    console.log(`Filling ${rows.toLocaleString('en')} detentions…`);
    const fillStarted = performance.now();
    pgVersion = await fill(url, rows);
    console.log(`Filled in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s.`);
  }
  if (arg('fill-only') !== undefined || process.argv.includes('--fill-only')) return;

  const results: Result[] = [];
  // --formats csv,json: only these; --subset-only: only the tenth of the rows (the 1M runs of the row-by-row formats take minutes).
  const formats = (arg('formats')?.split(',') ?? [...FORMATS]) as (typeof FORMATS)[number][];
  const subsets = process.argv.includes('--subset-only') ? [true] : [true, false];
  // Each 1M run again with V8's heap capped (--max-old-space-size): shows how much memory the export needs, not how
  // much garbage V8 lets pile up before collecting on a machine with 24 GiB (its default cap is sized from RAM).
  const heapCap = Number(arg('heap-mb') ?? 256);
  // CSV and JSON: first with every row's stored cells cleared (the export computes and stores them),
  // then again reading them stored; XLSX is built from the records each time.
  type Run = { format: (typeof FORMATS)[number]; subset: boolean; heapMb: number; cells: Cells };
  const runs = formats.flatMap((format): Run[] => {
    const full = subsets.includes(false);
    if (format === 'xlsx') return [...subsets.map((subset) => ({ format, subset, heapMb: 0, cells: '' as Cells })), ...(full ? [{ format, subset: false, heapMb: heapCap, cells: '' as Cells }] : [])];
    return [
      { format, subset: !full, heapMb: 0, cells: 'cleared' as Cells },
      { format, subset: !full, heapMb: 0, cells: 'stored' as Cells },
      ...(full ? [{ format, subset: true, heapMb: 0, cells: 'stored' as Cells }, { format, subset: false, heapMb: heapCap, cells: 'stored' as Cells }] : []),
    ];
  });
  for (const { format, subset, heapMb, cells } of runs) {
    if (cells === 'cleared') await clearStoredCells(url, format as 'csv' | 'json');
    const child = spawnSync('npx', ['tsx', '--conditions=react-server', '--expose-gc', __filename, '--run', format, ...(subset ? ['--subset'] : [])], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', ...(heapMb ? { NODE_OPTIONS: `--max-old-space-size=${heapMb}` } : {}) },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (child.status !== 0 || !line) {
      console.error(child.stderr);
      throw new Error(`The ${format} export failed.`);
    }
    // The run that stored every row's cells left 1M dead row versions, which autovacuum would then
    // be reading through during the next runs (the JSON's 2 GB: 71k rows/s capped instead of 93k):
    // vacuumed here, as autovacuum leaves a live database, so "stored" is the steady state.
    if (cells === 'cleared') await vacuumStoredCells(url, format as 'csv' | 'json');
    const result = { ...(JSON.parse(line.slice('RESULT '.length)) as Result), heapMb, cells };
    console.log(`${format} (${cells || 'records'}): ${result.rows} rows in ${result.seconds.toFixed(1)} s, ${Math.round(result.rows / result.seconds)} rows/s, peak RSS ${result.peakRssMb} MB`);
    results.push(result);
  }

  const cpu = os.cpus();
  // Wall-clock rows/s depend on what else the machine runs: the load average says how busy it was.
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, ${pgVersion} on the same machine; load average ${os.loadavg()[0].toFixed(1)} at the end`;
  const table = results
    .map((r) => `| ${r.format.toUpperCase()} | ${CELLS_TEXT[(r.cells ?? '') as Cells]} | ${r.heapMb ? `${r.heapMb} MB` : 'default'} | ${r.rows.toLocaleString('en')} | ${(r.bytes / 2 ** 20).toFixed(1)} MiB | ${r.seconds.toFixed(1)} s | ${Math.round(r.rows / r.seconds).toLocaleString('en')} | ${r.baselineRssMb} MB | ${r.peakRssMb} MB |`)
    .join('\n');
  const doc = `# Export benchmarks

Measured by \`npm run bench:export\` (scripts/bench-export.ts) on ${new Date().toISOString().slice(0, 10)}.

- **Machine**: ${machine}.
- **Data**: ${rows.toLocaleString('en')} synthetic detentions (${Math.floor(rows / 4).toLocaleString('en')} people, half with a Cyrillic name; ${Math.floor(rows / 2).toLocaleString('en')} sources; one or two citations per detention; one charge each and a second on every fourth, one penalty per charge; one custody event each and a release on every third; a region only on every 23rd, an open detention date on every 17th; 5% restricted; some charges beginning with \`=\` to exercise the formula guard), in a fresh database inside the PostgreSQL server.
- **What runs**: an admin's export of every detention (\`startExport\` in lib/exports/stream.ts, the code behind \`/cases/export\`), read to the end as a download would be, each format in a process of its own. CSV and JSON rows are built by PostgreSQL (lib/exports/csv-sql.ts, json-sql.ts: each row arrives as its CSV line or JSON text) in batches of 5,000 bounded by id, the next batch read on a second pooled connection while the last is sent (lib/exports/sql-batches.ts). Each row's cells that do not depend on the export are stored (lib/exports/export-rows.ts): the *cells* column says whether the run found them cleared (the first export after a release that changes them, or after a change of every row: it computes and stores them) or stored (any later export: only the id, the link, the custody columns and the padding are computed; the table is vacuumed after the run that stored them, as autovacuum leaves it); XLSX is zipped as it is written (lib/exports/xlsx.ts, fflate's streaming deflate) from records read in keyset batches of 1,000.
- **Peak RSS** is the whole Node process (the kernel's high-water mark, VmHWM, reset as the export starts); *baseline* is its RSS just before the export started (the app's modules loaded). Each format runs on about a tenth of the rows (a date filter) and on all of them, then on all of them again with V8's heap capped at ${heapCap} MB (\`--max-old-space-size\`, as a deployment with a memory limit would run it): without a cap, V8 on this 24 GiB machine lets garbage grow to hundreds of MB before collecting. Streaming shows in two ways: the peak stays far below the file size (the whole file is never held), and ten times the rows adds only tens of MB (V8 letting its heap grow before collecting, not rows kept). The first run after the fill reads a cold cache.

| format | cells | V8 heap cap | rows | file size | time | rows/s | baseline RSS | peak RSS |
|---|---|---|---:|---:|---:|---:|---:|---:|
${table}
`;
  writeReportKeepingHistory(path.join(process.cwd(), 'docs/BENCHMARKS-exports.md'), doc);
  console.log('Wrote docs/BENCHMARKS-exports.md');

  if (process.argv.includes('--drop')) {
    const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.end();
  }
}

const runFormat = arg('run');
(runFormat ? runOne(runFormat as (typeof FORMATS)[number], process.argv.includes('--subset')) : main()).catch((error) => {
  console.error('Benchmark failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});

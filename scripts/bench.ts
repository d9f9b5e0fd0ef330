/**
 * `npm run bench`: fills a fresh database in the PostgreSQL server (DATABASE_URL, or the local
 * server) with a deterministic synthetic set, then times, through the app's own code:
 *   - the complete dashboard data (rollup) for the default view, single filters and three filters;
 *   - the same aggregates by a plain GROUP BY over the detentions (the baseline), checking that
 *     both give the same numbers;
 *   - the case list page query with filters and name search.
 * Then the same at a smaller size on embedded PGlite (in a child process: one database per
 * process). Prints a table and writes it to docs/BENCHMARKS.md.
 *
 *   npm run bench -- --detentions 1000000 --people 200000 --pglite 100000 --runs 30
 *
 * BENCH_DB_NAME names the server database it makes (dropped first; default case_tracker_bench), so
 * two runs on one server don't collide.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { freshDatabaseUrl } from './test-database';

type Args = { detentions: number; people: number; pglite: number; runs: number; child: boolean };

function parseArgs(): Args {
  const get = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  return {
    detentions: get('detentions', 1_000_000),
    people: get('people', 200_000),
    pglite: get('pglite', 100_000),
    runs: get('runs', 30),
    child: process.argv.includes('--child'),
  };
}

type Timing = { name: string; p50: number; p95: number; cachedP95?: number; baselineP50?: number; baselineP95?: number; same?: boolean };
type Report = { driver: string; detentions: number; people: number; server: string; loadSeconds: number; rollupRows: number; chargeRollupRows?: number; penaltyRollupRows?: number; dayRollupRows?: number; rollupSeconds: number; timings: Timing[] };

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(runs: number, work: () => Promise<unknown>) {
  await work(); // warm-up: plans cached, pages in memory, as on a live server
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function runOn(size: { detentions: number; people: number }, runs: number, driver: string): Promise<Report> {
  const { connection, rowsOf } = await import('@/db');
  const { migrate } = await import('@/db/migrate');
  const { seedReference } = await import('@/db/seed');
  const { generateSyntheticData } = await import('./bench-data');
  const { rebuildStats } = await import('@/lib/dashboard/stats');
  const { getDashboardData } = await import('@/lib/dashboard/queries');
  const { getDashboard } = await import('@/lib/dashboard/cache');
  const { parseDashboardParams } = await import('@/lib/dashboard/params');
  const { listCases } = await import('@/lib/cases/queries');
  const { parseCaseFilters } = await import('@/lib/cases/filters');

  const open = connection();
  const db = open.db;
  await migrate(open);
  await seedReference(db);
  const loadStart = performance.now();
  await generateSyntheticData(db, { ...size, sources: Math.max(1000, Math.round(size.detentions / 20)) });
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const rollupStart = performance.now();
  await rebuildStats(db);
  // The fill sets each detention's derived arrays (charges, outcomes, penalty kinds) with one UPDATE
  // of every row once its charges exist, which the app never does (it writes them with the row):
  // rewritten, the table and its indexes have the size they would have had (the record panels' index
  // 420 MB bloated, 156 MB rewritten, at 1M; the views about 10% faster).
  await db.execute(sql`VACUUM FULL detentions`);
  // VACUUM as autovacuum would have by now on a live database: it also marks pages all-visible,
  // which index-only scans (the dashboard's record panels) need.
  await db.execute(sql`VACUUM ANALYZE`);
  const rollupSeconds = (performance.now() - rollupStart) / 1000;
  const [{ n: rollupRows, charges: chargeRollupRows, penalties: penaltyRollupRows, days: dayRollupRows }] = rowsOf<{ n: number; charges: number; penalties: number; days: number }>(
    await db.execute(sql`SELECT (SELECT count(*)::int FROM detention_stats) AS n, (SELECT count(*)::int FROM charge_stats) AS charges,
      (SELECT count(*)::int FROM penalty_stats) AS penalties,
      (SELECT (SELECT count(*) FROM day_detention_stats) + (SELECT count(*) FROM day_charge_stats) + (SELECT count(*) FROM day_penalty_stats)
        + (SELECT count(*) FROM day_custody_stats))::int AS days`),
  );
  const server = rowsOf<{ v: string }>(await db.execute(sql`SELECT version() AS v`))[0].v.split(' on ')[0];

  const ids = async (table: string, column: string, value: string) =>
    rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM ${sql.raw(table)} WHERE ${sql.raw(column)} = ${value}`))[0].id;
  const almaty = await ids('places', 'name', 'Almaty');
  const coao488 = await ids('charges', 'slug', 'coao-488');
  const presidential2022 = await ids('elections', 'name', 'Presidential election 2022');

  // Researchers see everything but restricted records: the view most readers have.
  const researcher = { id: 0, role: 'researcher' as const };
  const views: [string, Record<string, string>][] = [
    ['default view (Mazhilis 2021, T−60…T+30)', {}],
    ['1 filter: city', { city: String(almaty) }],
    ['1 filter: region', { region: 'Aktobe Region' }],
    ['1 filter: charge', { charge: String(coao488) }],
    ['1 filter: penalty kind', { penalty: 'administrative_arrest' }],
    ['1 filter: charge outcome', { outcome: 'acquitted' }],
    ['1 filter: place not stated', { place: 'not_stated' }],
    ['1 filter: date uncertain (all dates)', { all: '1', dated: 'uncertain' }],
    ['1 filter: sentence-date axis', { axis: 'sentenced' }],
    ['1 filter: in custody now', { custody: 'held' }],
    ['1 filter: plea', { plea: 'not_guilty' }],
    ['1 filter: role', { role: 'journalist' }],
    ['1 filter: review status', { review: 'verified' }],
    ['1 filter: date range (2019–2023)', { from: '2019-01-01', to: '2023-12-31' }],
    ['1 filter: other election lens + overlay', { lens: String(presidential2022), compare: '1,2,4,5' }],
    ['3 filters: city + charge + plea', { city: String(almaty), charge: String(coao488), plea: 'not_guilty' }],
    ['3 filters: region + penalty + role', { region: 'Almaty', penalty: 'fine', role: 'activist' }],
    ['3 filters: date range + charge + review', { from: '2019-01-01', to: '2023-12-31', charge: String(coao488), review: 'verified' }],
  ];
  const timings: Timing[] = [];
  for (const [name, query] of views) {
    const params = parseDashboardParams(query);
    const app = await time(runs, () => getDashboardData(researcher, params, 'rollup'));
    const cached = await time(runs, () => getDashboard(researcher, params));
    const base = await time(Math.max(3, Math.round(runs / 5)), () => getDashboardData(researcher, params, 'detentions'));
    const same =
      JSON.stringify(await getDashboardData(researcher, params, 'rollup')) ===
      JSON.stringify(await getDashboardData(researcher, params, 'detentions'));
    timings.push({ name: `dashboard, ${name}`, ...app, cachedP95: cached.p95, baselineP50: base.p50, baselineP95: base.p95, same });
    console.log(`${driver} ${name}: p95 ${app.p95.toFixed(1)} ms (baseline ${base.p95.toFixed(1)} ms) ${same ? 'same numbers' : 'DIFFERENT NUMBERS'}`);
  }
  const lists: [string, Record<string, string>][] = [
    ['case list, no filter', {}],
    ['case list, city + date range', { city: String(almaty), from: '2020-11-01', to: '2021-01-31' }],
    ['case list, name search', { q: 'Serikbaev' }],
    ['case list, name search + city', { q: 'Toqin', city: String(almaty) }],
    ['case list, charge + plea + review, page 20', { charge: String(coao488), plea: 'not_guilty', review: 'verified', page: '20' }],
  ];
  for (const [name, query] of lists) {
    const filters = parseCaseFilters(query);
    const result = await time(runs, () => listCases(researcher, filters));
    timings.push({ name, ...result });
    console.log(`${driver} ${name}: p95 ${result.p95.toFixed(1)} ms`);
  }
  return { driver, ...size, server, loadSeconds, rollupRows, chargeRollupRows, penaltyRollupRows, dayRollupRows, rollupSeconds, timings };
}

/** The issue's targets against this run: met, or missed and by how much. */
function targets(report: Report) {
  const dash = report.timings.filter((t) => t.name.startsWith('dashboard, '));
  const groups: [string, Timing[], number][] = [
    ['dashboard, default view', dash.filter((t) => t.name.includes('default view')), 50],
    ['dashboard, any single filter', dash.filter((t) => t.name.includes('1 filter')), 50],
    ['dashboard, three filters', dash.filter((t) => t.name.includes('3 filters')), 150],
    ['case list', report.timings.filter((t) => t.name.startsWith('case list')), 50],
  ];
  const verdict = (worst: number, target: number) =>
    worst <= target ? `${worst.toFixed(1)} ms: met` : `${worst.toFixed(1)} ms: **missed by ${(worst / target).toFixed(worst < 2 * target ? 2 : 1)}×**`;
  return [
    '| target (p95) | computed: worst view | cached: worst view |',
    '|---|---|---|',
    ...groups.map(([name, list, target]) => {
      const computed = Math.max(...list.map((t) => t.p95));
      const cached = list.some((t) => t.cachedP95 !== undefined) ? Math.max(...list.map((t) => t.cachedP95 ?? t.p95)) : undefined;
      return `| ${name} ≤ ${target} ms | ${verdict(computed, target)} | ${cached === undefined ? '—' : verdict(cached, target)} |`;
    }),
  ].join('\n');
}

function table(report: Report) {
  const ms = (v?: number) => (v === undefined ? '' : v.toFixed(1));
  const lines = [
    `| query | computed p50 ms | computed p95 ms | cached p95 ms | plain GROUP BY p50 ms | plain GROUP BY p95 ms | rollup speed-up (p95) | same numbers |`,
    `|---|---:|---:|---:|---:|---:|---:|:---:|`,
    ...report.timings.map(
      (t) =>
        `| ${t.name} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.cachedP95)} | ${ms(t.baselineP50)} | ${ms(t.baselineP95)} | ${t.baselineP95 ? `${(t.baselineP95 / t.p95).toFixed(1)}×` : ''} | ${t.same === undefined ? '' : t.same ? 'yes' : '**no**'} |`,
    ),
  ];
  return lines.join('\n');
}

async function main() {
  const args = parseArgs();
  const loadAtStart = os.loadavg()[0];
  if (args.child) {
    // Embedded PGlite, in memory, in this process only.
    const report = await runOn({ detentions: args.pglite, people: Math.round(args.pglite / 5) }, args.runs, 'PGlite');
    process.stdout.write(`\nBENCH-REPORT ${JSON.stringify(report)}\n`);
    return;
  }

  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  process.env.DATABASE_URL = await freshDatabaseUrl(serverUrl, process.env.BENCH_DB_NAME || 'case_tracker_bench');
  const server = await runOn({ detentions: args.detentions, people: args.people }, args.runs, 'PostgreSQL');
  const { closeDb } = await import('@/db');
  await closeDb();

  let pglite: Report | null = null;
  if (args.pglite > 0) {
    const child = spawnSync(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/bench.ts', '--child', '--pglite', String(args.pglite), '--runs', String(Math.min(args.runs, 20))],
      { env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: 'memory://' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH-REPORT '));
    if (line) pglite = JSON.parse(line.slice('BENCH-REPORT '.length));
    else console.error('The PGlite run failed:', child.stdout.slice(-2000));
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const section = (r: Report) =>
    [
      `### ${r.driver}: ${r.detentions.toLocaleString('en')} detentions, ${r.people.toLocaleString('en')} people`,
      '',
      `${r.server}. Synthetic load ${r.loadSeconds.toFixed(1)} s; rollups rebuilt from scratch in ${r.rollupSeconds.toFixed(1)} s ` +
        `(${r.rollupRows.toLocaleString('en')} detention rollup rows, ${(r.detentions / Math.max(1, r.rollupRows)).toFixed(1)} detentions per row; ` +
        `${(r.chargeRollupRows ?? 0).toLocaleString('en')} charge rollup rows; ${(r.penaltyRollupRows ?? 0).toLocaleString('en')} penalty rollup rows; ` +
        `${(r.dayRollupRows ?? 0).toLocaleString('en')} day rollup rows in all four, read by the views without filters).`,
      '',
      targets(r),
      '',
      table(r),
    ].join('\n');
  const body = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${machine}; ` +
      `1-minute load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end.` +
      (process.env.BENCH_NOTE ? ` ${process.env.BENCH_NOTE}` : ''),
    '',
    'Each dashboard timing is the complete data of the `/dashboard` page (every panel: timelines, city and region',
    'ranking with place not stated, date uncertain, charges by article and part, outcomes per charge, penalties, money',
    'per currency, custody now, arrest days, detention-days, plea against outcome, time to sentence, roles, repeat',
    'detainees, reported totals) for a researcher, through `getDashboardData`, the code the page runs. "Plain GROUP BY"',
    'computes the detention-level aggregates straight from the detentions table instead of the rollup (the charge,',
    'penalty and custody panels read the records in both); "same numbers" compares the two results in full. The case',
    'list timings are `listCases` (the page of 50 rows and the total count).',
    '',
    '"Computed" is a request that computes the data (the first after any change to the records); "cached" is a',
    'repeated request for the same view while the records have not changed (lib/dashboard/cache.ts: one query reads',
    'the data generation, the result comes from the instance\'s memory).',
    '',
    section(server),
    '',
    pglite ? section(pglite) : '_The PGlite run did not complete._',
    '',
    'What these numbers mean against the targets, and why: [PERFORMANCE.md](PERFORMANCE.md). Export throughput and',
    'memory: [BENCHMARKS-exports.md](BENCHMARKS-exports.md) (`npm run bench:export`). JavaScript sent to the browser:',
    '[FIRST-LOAD-JS.md](FIRST-LOAD-JS.md) (`npm run bench:first-load`).',
    '',
  ].join('\n');
  writeFileSync('docs/BENCHMARKS.md', body);
  console.log(`\n${body}`);
  await import('@/db').then((m) => m.closeDb());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

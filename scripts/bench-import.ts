/**
 * How long a bulk import holds its transaction, and how long others wait meanwhile.
 * Makes a CSV of N rows (default 2,000: half new people, half repeats; two sources per row, some
 * shared), previews it, then commits it while a reader (a rollup count, as the dashboard reads)
 * and a writer (one case created through the form's code) run in a loop beside it. Prints a
 * table for embedded PGlite (in memory) and for the PostgreSQL server (a fresh database of its own,
 * in a child process: one database per process).
 *
 *   npx tsx --conditions=react-server scripts/bench-import.ts [--rows 2000] [--db case_tracker_bench_import]
 *   (server: DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; --no-server skips it)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { freshDatabaseUrl } from './test-database';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROWS = Number(arg('rows', '2000'));
const CITIES = ['Almaty', 'Astana', 'Shymkent', 'Aktobe', 'Karaganda', 'Taraz', 'Oral', 'Atyrau'];

type Result = { driver: string; rows: number; previewMs: number; commitMs: number; txMs: number; txCpuMs: number; readerMaxMs: number; readerP50Ms: number; writerMaxMs: number; writes: number };

/** Rows in the export's columns: a charge with a penalty and two custody events each, so every detail table is written. */
function csvOf(rows: number, tag: string) {
  const lines = [
    'activist,city,detained_earliest,sentenced_earliest,charge_1_legal_basis,charge_1_basis_origin,charge_1_text,charge_1_outcome,charge_1_penalty_1_kind,charge_1_penalty_1_amount,charge_1_penalty_1_unit,event_1_kind,event_1_earliest,event_2_kind,event_2_earliest,event_2_source_url,source_1_url,source_1_title,source_2_url,source_2_title',
  ];
  for (let i = 0; i < rows; i++) {
    const person = `Bench ${tag} Person ${i % Math.ceil(rows / 2)}`;
    const day = `2020-12-${String(1 + (i % 28)).padStart(2, '0')}`;
    const source = `https://news.example.org/${tag}/${i}`;
    lines.push(
      [person, CITIES[i % CITIES.length], day, day, 'CoAO art. 488', 'inferred', 'violating regulations for public events', 'convicted', 'administrative_arrest', String(1 + (i % 15)), 'days',
        'detained', day, 'hearing_held', day, source, source, `Report ${i}`, `https://news.example.org/${tag}/shared-${i % 50}`, `Shared ${i % 50}`].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

async function run(driver: string): Promise<Result> {
  const { connection } = await import('@/db');
  const { migrate } = await import('@/db/migrate');
  const { seedReference } = await import('@/db/seed');
  const { users, places } = await import('@/db/schema');
  const { commitImport, previewImport } = await import('@/lib/imports/queries');
  const { createCase } = await import('@/lib/cases/queries');
  const { rowsOf } = await import('@/db');
  const { caseInput } = await import('@/lib/cases/schema');
  const open = connection();
  const db = open.db;
  await migrate(open);
  await seedReference(db);
  const [user] = await db.insert(users).values({ email: `bench-${Date.now()}@example.org`, name: 'Bench', role: 'monitor', passwordHash: 'x' }).returning({ id: users.id });
  const actor = { id: user.id, role: 'monitor' as const };
  const [place] = await db.select({ id: places.id }).from(places).limit(1);

  // Time every transaction opened while measuring (the import's is the longest) from its first to
  // its last statement, in wall-clock time and in CPU time (this process, plus the server's backend
  // process read from /proc when the server runs on this machine): on a loaded machine the wall
  // clock says how long others waited, CPU time how much work the transaction is.
  const real = open.db.transaction.bind(open.db);
  const held: { ms: number; cpuMs: number }[] = [];
  let measuring = false;
  const backendCpuMs = (pid: number | null) => {
    if (pid === null) return 0;
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 1/100 s
    } catch {
      return 0;
    }
  };
  (open.db as { transaction: unknown }).transaction = async (work: (tx: Parameters<Parameters<typeof real>[0]>[0]) => Promise<unknown>, ...rest: unknown[]) =>
    real(async (tx) => {
      const pid = open.driver === 'postgres' ? Number(rowsOf<{ pid: number }>(await tx.execute(sql`SELECT pg_backend_pid() AS pid`))[0].pid) : null;
      const start = performance.now();
      const cpu = process.cpuUsage();
      const backend = backendCpuMs(pid);
      try {
        return await work(tx);
      } finally {
        const used = process.cpuUsage(cpu);
        if (measuring) held.push({ ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 + backendCpuMs(pid) - backend });
      }
    }, ...(rest as []));

  const tag = `b${Date.now().toString(36)}`;
  let start = performance.now();
  const preview = await previewImport(actor, 'bench.csv', csvOf(ROWS, tag));
  const previewMs = performance.now() - start;
  if (!preview.ok || preview.preview.errorCount) throw new Error(`preview: ${JSON.stringify(preview).slice(0, 500)}`);

  // On PGlite (one connection) every other query waits for the whole transaction by design, so
  // the reader and writer are measured on the server only.
  let done = open.driver === 'pglite';
  const reads: number[] = [];
  const writes: number[] = [];
  const reader = (async () => {
    while (!done) {
      const t = performance.now();
      await db.execute(sql`SELECT count(*), sum(detentions) FROM detention_stats`);
      reads.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  const writer = (async () => {
    let n = 0;
    while (!done) {
      const input = caseInput.parse({ personName: `Writer ${tag} ${n++}`, placeId: String(place.id), detained: { on: '2020-12-01' }, sources: [{ url: `https://news.example.org/${tag}/w${n}`, title: 'W' }] });
      const t = performance.now();
      await createCase(actor, input);
      writes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  await new Promise((r) => setTimeout(r, 50));
  measuring = true;
  start = performance.now();
  const result = await commitImport(actor, preview.preview.batchId, { skipInvalid: false });
  const commitMs = performance.now() - start;
  measuring = false;
  done = true;
  await Promise.all([reader, writer]);
  if (!result.ok) throw new Error(`commit: ${JSON.stringify(result).slice(0, 500)}`);
  await open.close();
  const sorted = [...reads].sort((a, b) => a - b);
  return {
    driver,
    rows: ROWS,
    previewMs,
    commitMs,
    // The writer's own transactions ran while measuring too: the import's is the longest.
    txMs: Math.max(...held.map((h) => h.ms)),
    txCpuMs: held.reduce((a, h) => (h.ms > a.ms ? h : a)).cpuMs,
    readerMaxMs: Math.max(0, ...reads),
    readerP50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
    writerMaxMs: Math.max(0, ...writes),
    writes: writes.length,
  };
}

function table(results: Result[]) {
  const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
  const lines = [
    `Bulk import of ${ROWS.toLocaleString('en')} rows (two sources each), with a reader and a writer running beside the commit`,
    '',
    '| database | preview (outside any transaction) | commit in all | transaction held (wall) | transaction CPU | reader: slowest / median | writer: slowest (cases created) |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) =>
      r.writes || r.readerMaxMs
        ? `| ${r.driver} | ${ms(r.previewMs)} | ${ms(r.commitMs)} | ${ms(r.txMs)} | ${ms(r.txCpuMs)} | ${ms(r.readerMaxMs)} / ${ms(r.readerP50Ms)} | ${ms(r.writerMaxMs)} (${r.writes}) |`
        : `| ${r.driver} | ${ms(r.previewMs)} | ${ms(r.commitMs)} | ${ms(r.txMs)} | ${ms(r.txCpuMs)} | the whole transaction (one connection) | the whole transaction |`,
    ),
    '',
    `Machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end.`,
  ];
  return lines.join('\n');
}

async function main() {
  if (process.argv.includes('--child')) {
    console.log(`RESULT ${JSON.stringify(await run('PostgreSQL server'))}`);
    return;
  }
  process.env.PGLITE_DIR = 'memory://';
  delete process.env.DATABASE_URL;
  const results = [await run('PGlite (in memory)')];
  if (!process.argv.includes('--no-server')) {
    const url = await freshDatabaseUrl(process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', arg('db', 'case_tracker_bench_import'));
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--child', '--rows', String(ROWS)], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    });
    const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`server run failed:\n${child.stdout}\n${child.stderr}`);
    results.push(JSON.parse(line.slice(7)));
  }
  console.log(table(results));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

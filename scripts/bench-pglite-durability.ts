/**
 * What durable commits cost on the embedded database: 1,000 single-row insert transactions on a
 * file-backed data directory, with PGlite's default (fsync off) and with db/pglite-durable.ts.
 * Run: npx tsx scripts/bench-pglite-durability.ts [rows] [data-parent-dir]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { durablePgliteOptions } from '../db/pglite-durable';

const rows = Number(process.argv[2] ?? 1000);
const parent = process.argv[3] ?? tmpdir();

async function run(durable: boolean): Promise<number> {
  const dir = mkdtempSync(path.join(parent, 'pglite-bench-'));
  try {
    const pg = durable ? new PGlite(durablePgliteOptions(dir)) : new PGlite(dir);
    await pg.exec('CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL)');
    const started = performance.now();
    for (let i = 0; i < rows; i++) await pg.query('INSERT INTO t VALUES ($1, $2)', [i, `row ${i}`]);
    const ms = performance.now() - started;
    await pg.close();
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  for (let round = 1; round <= 3; round++) {
    for (const durable of [false, true]) {
      const ms = await run(durable);
      const label = durable ? 'durable (fsync on)' : 'PGlite default (fsync off)';
      console.log(`round ${round} ${label}: ${rows} commits in ${ms.toFixed(0)} ms, ${(ms / rows).toFixed(2)} ms each, ${Math.round((rows / ms) * 1000)}/s`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

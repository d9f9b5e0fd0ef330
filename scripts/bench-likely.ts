/**
 * Times the duplicate warning's look-up (lib/people/likely.ts) on the synthetic data set
 * (scripts/bench-data.ts: 100k people sharing 875 names, the worst case for a trigram prefilter):
 * the match-key backfill, one name as the case form asks, and a 500-name import file.
 * `PGLITE_DIR=memory:// npx tsx --conditions=react-server scripts/bench-likely.ts [people]`
 */
import { sql } from 'drizzle-orm';

async function main() {
  const people = Number(process.argv[2] ?? 100_000);
  const { connection, rowsOf, closeDb } = await import('@/db');
  const { migrate } = await import('@/db/migrate');
  const { seedReference } = await import('@/db/seed');
  const { generateSyntheticData } = await import('./bench-data');
  const { backfillMatchKeys } = await import('@/lib/names/backfill');
  const { findLikelyPeople, findLikelyPeopleForNames } = await import('@/lib/people/likely');
  const open = connection();
  const db = open.db;
  await migrate(open);
  await seedReference(db);
  await generateSyntheticData(db, { people, detentions: people, sources: 1000 });
  let start = performance.now();
  const filled = await backfillMatchKeys(db);
  console.log(`backfill: ${filled} names in ${Math.round(performance.now() - start)} ms`);
  start = performance.now();
  await backfillMatchKeys(db);
  console.log(`backfill with nothing to do: ${Math.round(performance.now() - start)} ms`);
  await db.execute(sql`ANALYZE`);
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM people`));
  const monitor = { id: 0, role: 'monitor' as const };
  const queries = ['Serikbayev', 'Серикбаев', 'Ghadilbek Serikbayev', 'Серікбаев Ғаділбек', 'Nurzhan Toqin', 'Zhanbolat Kuanyshev', 'Unknown Stranger'];
  await findLikelyPeople(monitor, 'warm up');
  for (const q of queries) {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < 5; i++) {
      start = performance.now();
      found = (await findLikelyPeople(monitor, q)).length;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${n} people, "${q}": median ${Math.round(times[2])} ms (${found} proposed)`);
  }
  const FIRST = ['Aidos', 'Almas', 'Arman', 'Askar', 'Berik', 'Dauren', 'Erlan', 'Galym', 'Kairat', 'Marat', 'Nurlan', 'Olzhas', 'Rustam', 'Talgat', 'Timur'];
  const LAST = ['Abenov', 'Akhmetov', 'Bekov', 'Ermekov', 'Iskakov', 'Omarov', 'Sadykov', 'Serikbayev', 'Suleimenov', 'Tulegenov', 'Utepov', 'Novak', 'Smith', 'Ivanova', 'Petrenko'];
  const names = Array.from({ length: 500 }, (_, i) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i % 7 === 0 ? '-uly' : ''} ${i}`);
  start = performance.now();
  const lists = await findLikelyPeopleForNames(monitor, names, { limit: 3 });
  console.log(`import file of ${names.length} names: ${Math.round(performance.now() - start)} ms (${lists.filter((l) => l.length).length} with someone proposed)`);
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Times the review page's candidate search (lib/people/review.ts) over 10,000 synthetic people
 * (`tsx --conditions=react-server scripts/bench-review.ts`, in-memory PGlite unless DATABASE_URL is
 * set). Names are built like scripts/bench-names.ts builds them: common first names, surnames from
 * Kazakh stems, half of the people with a Cyrillic second name, so many pairs look alike.
 */
import { performance } from 'node:perf_hooks';
import { mulberry32 } from './random';

const PEOPLE = Number(process.argv[2] ?? 10_000);

function syntheticNames(): string[][] {
  const random = mulberry32(20210110);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const firstNames = ['Aigerim', 'Askar', 'Bekzat', 'Dana', 'Daulet', 'Erlan', 'Gulnara', 'Marat', 'Nurlan', 'Saule', 'Timur', 'Zhanna', 'Yerlan', 'Aliya', 'Bauyrzhan', 'Dinara', 'Kairat', 'Madina', 'Ruslan', 'Zarina'];
  const stems = ['Serik', 'Nur', 'Temir', 'Aman', 'Yerzhan', 'Bakyt', 'Zhan', 'Kair', 'Asyl', 'Dau', 'Ermek', 'Sultan',
    'Beken', 'Tokta', 'Zhaksy', 'Kuan', 'Orman', 'Baiter', 'Esen', 'Kasym', 'Abil', 'Mukhtar', 'Sary', 'Ak', 'Kara'];
  const middles = ['', 'bek', 'bay', 'gali', 'zhan', 'khan', 'baty', 'tai', 'bol', 'ul'];
  const endings: [string, string][] = [['ov', 'ova'], ['ev', 'eva'], ['uly', 'kyzy'], ['', '']];
  const cyr = (latin: string) => latin.replace(/zh/gi, 'ж').replace(/kh/g, 'х').replace(/sh/g, 'ш').replace(/ya/g, 'я')
    .replace(/[a-z]/gi, (c) => ({ a: 'а', b: 'б', d: 'д', e: 'е', g: 'г', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', r: 'р', s: 'с', t: 'т',
      u: 'у', y: 'ы', z: 'з', A: 'А', B: 'Б', D: 'Д', E: 'Е', G: 'Г', K: 'К', M: 'М', N: 'Н', R: 'Р', S: 'С', T: 'Т', Y: 'Е' } as Record<string, string>)[c] ?? c);
  const out: string[][] = [];
  for (let n = 0; n < PEOPLE; n++) {
    const female = random() < 0.4;
    const surname = pick(stems) + (random() < 0.6 ? pick(stems).toLowerCase() : '') + pick(middles) + pick(endings)[female ? 1 : 0];
    const latin = `${pick(firstNames)} ${surname}`;
    out.push(random() < 0.5 ? [latin, cyr(latin)] : [latin]);
  }
  return out;
}

async function main() {
  const { connection } = await import('@/db');
  const { migrate } = await import('@/db/migrate');
  const { seedReference } = await import('@/db/seed');
  const { people, personNames } = await import('@/db/schema');
  const { nameRows } = await import('@/lib/people/queries');
  const { likelyDuplicatesOf, reviewCandidates } = await import('@/lib/people/review');
  const open = connection();
  await migrate(open);
  await seedReference(open.db);
  const names = syntheticNames();
  for (let i = 0; i < names.length; i += 500) {
    const batch = names.slice(i, i + 500);
    const ids = await open.db.insert(people).values(batch.map((n) => ({ displayName: n[0] }))).returning({ id: people.id });
    await open.db.insert(personNames).values(ids.flatMap((row, j) => nameRows(row.id, batch[j])));
  }
  for (let run = 1; run <= 3; run++) {
    const started = performance.now();
    const result = await reviewCandidates(1);
    console.log(`run ${run}: ${(performance.now() - started).toFixed(0)} ms, ${result.total} likely pairs among ${PEOPLE} people`);
  }
  const times: number[] = [];
  for (let id = 1; id <= 20; id++) {
    const started = performance.now();
    await likelyDuplicatesOf(id * 397);
    times.push(performance.now() - started);
  }
  console.log(`one person's likely duplicates (person page): mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  await open.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * The CSV built by the database (csv-sql.ts: COPY on the server, keyset batches on PGlite) against
 * the row-by-row CSV built from the records (stream.ts csvChunks over exportBatches), byte for
 * byte, on records full of what quoting and the formula guard must handle.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, placeId, unique, validCase } from '@/lib/test/factories';
import { exportHeader } from './columns';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { env } from '@/lib/env';
import { copyChunks, csvSqlHeader } from './csv-sql';
import { exportBatches, exportCounts, notesAllowed } from './queries';
import { csvChunks, startExport } from './stream';

useTestDatabase();

const ORIGIN = 'https://cases.example.org';
const TODAY = '2021-01-09';
const tag = unique('Csvsql').replace(/\s+/g, ' ');
let monitor: Actor;
let researcher: Actor;

const NASTY = ['=1+2', '+7 701', '-minus', '@handle', '\tTabbed', '\rReturn', 'comma, "quoted"\nnext line', "'=already quoted", 'Қазақ тілі — «кавычки»', ' spaced '];

async function create(overrides: Record<string, unknown>) {
  const result = await createCase(monitor, await validCase({ personName: `${tag} ${unique('P')}`, ...overrides }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
  const coao = String(await chargeId('coao-488'));
  await create({
    personName: `${tag} ${NASTY[0]}`,
    personNameCyrillic: 'Тестов Тест',
    personAffiliation: NASTY[6],
    placeDetail: NASTY[1],
    notes: NASTY[2],
    publicNotes: NASTY[6],
    court: NASTY[3],
    detained: { on: '2021-01-04', asReported: NASTY[4] },
    charges: [
      {
        chargeId: coao,
        part: '2',
        basisOrigin: 'stated',
        chargeText: '=HYPERLINK("http://evil.example","click")',
        outcome: 'convicted',
        outcomeDate: { on: '2021-01-06' },
        penalties: [
          { kind: 'fine', amount: '30.5', unit: 'MCI', asReported: NASTY[5] },
          { kind: 'fine', amount: '135', unit: 'USD', asReported: 'about $135' },
        ],
      },
      { chargeText: NASTY[8], outcome: 'pending', penalties: [] },
    ],
    events: [
      { kind: 'detained', date: { on: '2021-01-04' }, placeId: String(await placeId('Aktobe')), placeDetail: NASTY[7], note: NASTY[9], source: '1' },
      { kind: 'hearing_held', date: { on: '2021-01-06' }, note: 'at the district court', source: '2' },
    ],
    sources: [
      { url: `https://news.example.org/${unique('s').replace(/\s+/g, '-')}`, title: NASTY[6], publisher: NASTY[0], publishedOn: '2021-01', locator: NASTY[3] },
      { url: `https://news.example.org/${unique('s').replace(/\s+/g, '-')}`, title: 'Two', publishedOn: '2021' },
      { url: `https://news.example.org/${unique('s').replace(/\s+/g, '-')}`, title: 'Three', publishedOn: '2021-01-05' },
    ],
  });
  // Region only, date known to the month, restricted, no charges (still held on TODAY).
  await create({
    placeId: '',
    region: 'Almaty Region',
    placePrecision: 'region',
    detained: { on: '2021-01' },
    sentenced: {},
    confidentiality: 'restricted',
    charges: [],
    notes: 'INTERNAL',
  });
  await create({ detained: { on: '2020-12-30' }, charges: [{ chargeId: coao, basisOrigin: 'inferred', outcome: 'convicted', penalties: [{ kind: 'administrative_arrest', amount: '15', unit: 'days' }] }] });
});

/** The file as the route sends it, and as the row-by-row writer makes it from the records. */
async function both(actor: Actor, query: Record<string, string>, includeNotes: boolean, batchSize = 2) {
  const filters = parseCaseFilters(query);
  const file = await startExport(actor, filters, 'csv', { origin: ORIGIN, includeNotes, today: TODAY, batchSize });
  const streamed = Buffer.from(await new Response(file.body).arrayBuffer()).toString('utf8');
  const shape = { includeNotes: notesAllowed(actor, includeNotes), ...(await exportCounts(actor, filters)) };
  let reference = '';
  for await (const chunk of csvChunks(exportBatches(actor, filters, { origin: ORIGIN, includeNotes, today: TODAY }), shape, (n) => n)) reference += chunk;
  return { streamed, reference, shape };
}

describe('the CSV built by the database', () => {
  it('equals the row-by-row CSV, for a monitor with notes, a researcher and a filter', async () => {
    for (const [actor, query, notes] of [
      [monitor, { q: tag }, true],
      [monitor, { q: tag }, false],
      [researcher, { q: tag }, true],
      [monitor, { q: tag, charge: String(await chargeId('coao-488')) }, true],
      // Not the whole database: on the server every test file shares it, and the reference is slow.
      [monitor, { q: tag, dated: 'uncertain' }, true],
    ] as const) {
      const { streamed, reference } = await both(actor, query, notes);
      expect(streamed.split('\r\n').length, JSON.stringify(query)).toBeGreaterThan(1);
      expect(streamed).toBe(reference);
    }
  });

  it('names its columns as exportHeader does, for any number of groups', async () => {
    for (const shape of [
      { includeNotes: false, chargeCount: 1, penaltyCount: 1, eventCount: 1, sourceCount: 1 },
      { includeNotes: true, chargeCount: 3, penaltyCount: 2, eventCount: 4, sourceCount: 5 },
    ]) {
      expect(csvSqlHeader(shape)).toEqual(exportHeader(shape));
    }
  });

  it('guards formulas and quotes cells in the streamed file', async () => {
    const { streamed } = await both(monitor, { q: tag }, true);
    expect(streamed).toContain(`'=HYPERLINK(""http://evil.example"",""click"")`);
    expect(streamed).toContain(`"comma, ""quoted""\nnext line"`);
    expect(streamed).toContain("'@handle");
    expect(streamed).toContain(',30.5,MCI,');
  });
});

/**
 * Regression: a CSV download cut off mid-COPY used to hand its connection back to the pool still in
 * COPY, so the pool's next queries failed ("cannot execute queries during copy") until restart:
 * any reader could break the app by cancelling downloads. (The server only: PGlite has no COPY here.)
 */
describe.runIf(Boolean(env.DATABASE_URL))('a cancelled COPY', () => {
  it('leaves every pooled connection usable', async () => {
    for (let attempt = 0; attempt <= env.DATABASE_POOL_SIZE; attempt++) {
      // Far more rows than the socket buffers hold, so the COPY is still running when the reader leaves.
      const chunks = copyChunks('SELECT g, repeat($$x$$, 200) FROM generate_series(1, 2000000) AS g', () => {});
      expect((await chunks.next()).done).toBe(false);
      await chunks.return(undefined);
    }
    for (let i = 0; i <= env.DATABASE_POOL_SIZE; i++) {
      const rows = await db.execute(sql`SELECT 1 AS one`);
      expect(rows).toBeTruthy();
    }
  });
});

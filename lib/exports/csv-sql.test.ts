/**
 * The files built by the database against the same files built from the records, on records full
 * of what quoting and the formula guard must handle: the CSV (csv-sql.ts) byte for byte against
 * stream.ts csvChunks over exportBatches, the JSON (json-sql.ts) record by record, keys in order,
 * against columns.ts exportJson.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, placeId, unique, validCase } from '@/lib/test/factories';
import { exportHeader, exportJson } from './columns';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { sources } from '@/db/schema';
import { insertTestCapture } from '@/lib/test/capture-rows';
import { csvRowChunks, csvSqlHeader } from './csv-sql';
import { exportBatches, exportCounts, notesAllowed } from './queries';
import { csvChunks, startExport } from './stream';

useTestDatabase();

const ORIGIN = 'https://cases.example.org';
const TODAY = '2021-01-09';
const tag = unique('Csvsql').replace(/\s+/g, ' ');
let monitor: Actor;
let researcher: Actor;

/** The first source of the first record: captured twice, so its first capture is the one exported. */
const CAPTURED_URL = `https://news.example.org/${unique('captured').replace(/\s+/g, '-')}`;
const FIRST_BODY = Buffer.from('<html><body><p>What the page said first.</p></body></html>');

const NASTY = ['=1+2', '+7 701', '-minus', '@handle', '\tTabbed', '\rReturn', 'comma, "quoted"\nnext line', "'=already quoted", 'Қазақ тілі — «кавычки»', ' spaced '];
/** Formulas after a break inside the text (session 25): read with `;` as the separator they begin a cell. */
const INNER = ['Almaty;=1+1;', 'see the report\n=HYPERLINK("http://evil.example");', "a; '@b;''=c", 'x;\t-1'];

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
      { kind: 'hearing_held', date: { on: '2021-01-06' }, note: INNER[1], source: '2' },
    ],
    sources: [
      { url: CAPTURED_URL, title: NASTY[6], publisher: NASTY[0], publishedOn: '2021-01', locator: NASTY[3] },
      { url: `https://news.example.org/${unique('s').replace(/\s+/g, '-')}`, title: INNER[0], publisher: INNER[2], publishedOn: '2021', locator: INNER[3] },
      { url: `https://news.example.org/${unique('s').replace(/\s+/g, '-')}`, title: 'Three', publishedOn: '2021-01-05' },
    ],
  });
  const [{ id: capturedSourceId }] = await db.select({ id: sources.id }).from(sources).where(eq(sources.url, CAPTURED_URL));
  await insertTestCapture(capturedSourceId, [{ role: 'response', bytes: Buffer.from('<p>edited later</p>'), contentType: 'text/html' }], { capturedAt: new Date('2021-01-09T10:00:00Z') });
  await insertTestCapture(capturedSourceId, [{ role: 'response', bytes: FIRST_BODY, contentType: 'text/html' }], { capturedAt: new Date('2021-01-08T09:15:00.789Z') });
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

/** Who exports what: a monitor with and without notes, a researcher asking for notes, and filters. */
async function exportsCompared(): Promise<[Actor, Record<string, string>, boolean][]> {
  return [
    [monitor, { q: tag }, true],
    [monitor, { q: tag }, false],
    [researcher, { q: tag }, true],
    [monitor, { q: tag, charge: String(await chargeId('coao-488')) }, true],
    // Not the whole database: on the server every test file shares it, and the reference is slow.
    [monitor, { q: tag, dated: 'uncertain' }, true],
  ];
}

describe('the CSV built by the database', () => {
  it('equals the row-by-row CSV, for a monitor with notes, a researcher and a filter', async () => {
    for (const [actor, query, notes] of await exportsCompared()) {
      const { streamed, reference } = await both(actor, query, notes);
      expect(streamed.split('\r\n').length, JSON.stringify(query)).toBeGreaterThan(1);
      expect(streamed).toBe(reference);
    }
  });

  it("carries each source's first capture, its time in UTC and its SHA-256, in CSV and JSON", async () => {
    const sha = createHash('sha256').update(FIRST_BODY).digest('hex');
    const { streamed, reference } = await both(monitor, { q: tag }, false);
    expect(streamed).toBe(reference);
    expect(streamed).toContain(`,2021-01-08T09:15:00Z,${sha}`);
    const json = await startExport(monitor, parseCaseFilters({ q: tag }), 'json', { origin: ORIGIN, today: TODAY });
    const parsed = JSON.parse(Buffer.from(await new Response(json.body).arrayBuffer()).toString('utf8'));
    const cited = parsed.detentions.flatMap((d: { sources: { url: string }[] }) => d.sources).find((s: { url: string }) => s.url === CAPTURED_URL);
    expect(cited).toMatchObject({ first_captured_at: '2021-01-08T09:15:00Z', first_capture_sha256: sha });
  });

  it('names its columns as exportHeader does, for any number of groups', async () => {
    for (const shape of [
      { includeNotes: false, chargeCount: 1, penaltyCount: 1, eventCount: 1, sourceCount: 1 },
      { includeNotes: true, chargeCount: 3, penaltyCount: 2, eventCount: 4, sourceCount: 5 },
    ]) {
      expect(csvSqlHeader(shape)).toEqual(exportHeader(shape));
    }
  });

  it('leaves out the items a narrower shape has no columns for, as the row-by-row CSV does', async () => {
    // A charge or source added after the file's shape was counted: the first record has two charges
    // (one with two penalties), two events and three sources.
    const filters = parseCaseFilters({ q: tag });
    const shape = { includeNotes: false, chargeCount: 1, penaltyCount: 1, eventCount: 1, sourceCount: 2 };
    let streamed = '';
    for await (const chunk of csvRowChunks(monitor, filters, shape, { origin: ORIGIN, today: TODAY, batchSize: 2, onRows: () => undefined })) streamed += chunk;
    let reference = '';
    for await (const chunk of csvChunks(exportBatches(monitor, filters, { origin: ORIGIN, includeNotes: false, today: TODAY }), shape, (n) => n)) reference += chunk;
    expect(streamed.split('\r\n').length).toBeGreaterThan(3);
    expect(reference.slice(reference.indexOf('\r\n') + 2)).toBe(streamed);
  });

  it('guards formulas and quotes cells in the streamed file', async () => {
    const { streamed } = await both(monitor, { q: tag }, true);
    expect(streamed).toContain(`'=HYPERLINK(""http://evil.example"",""click"")`);
    expect(streamed).toContain(`"comma, ""quoted""\nnext line"`);
    expect(streamed).toContain("'@handle");
    expect(streamed).toContain(',30.5,MCI,');
  });
});

describe('the JSON built by the database', () => {
  it('equals exportJson of every record, keys in order, for a monitor with notes, a researcher and filters', async () => {
    let compared = 0;
    for (const [actor, query, notes] of await exportsCompared()) {
      const filters = parseCaseFilters(query);
      // Batches of two: the id-bounded batches, the pipelining and the joins between batches all run.
      const file = await startExport(actor, filters, 'json', { origin: ORIGIN, includeNotes: notes, today: TODAY, batchSize: 2 });
      const text = Buffer.from(await new Response(file.body).arrayBuffer()).toString('utf8');
      const parsed = JSON.parse(text);
      const reference = [];
      for await (const batch of exportBatches(actor, filters, { origin: ORIGIN, includeNotes: notes, today: TODAY })) {
        reference.push(...batch.map((r) => exportJson(r, { includeNotes: notesAllowed(actor, notes) })));
      }
      compared += reference.length;
      expect(parsed.count).toBe(reference.length);
      expect(JSON.stringify(parsed.detentions)).toBe(JSON.stringify(reference));
      // Written as compactly as JSON.stringify writes it: record by record, the same text.
      const records = text.slice(text.indexOf('"detentions":[') + '"detentions":['.length, text.lastIndexOf('\n],"count":'));
      expect(records === '' ? [] : records.split(',\n').map((line) => line.replace(/^\n/, ''))).toEqual(reference.map((record) => JSON.stringify(record)));
    }
    expect(compared).toBeGreaterThan(8);
  });
});

import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { exportLog, people } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase, deleteCase, getCaseById } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, unique, validCase } from '@/lib/test/factories';
import { exportBatches, listExportLog } from './queries';
import { startExport, type FileFormat } from './stream';
import { fileMetadata } from '@/lib/reports/dataset';
import { getDatasetVersion } from '@/lib/reports/queries';

useTestDatabase();

let monitor: Actor;
let researcher: Actor;
const tag = unique('Exportee').replace(/\s+/g, ' ');
const ORIGIN = 'https://cases.example.org';
let shareableId: number;
let restrictedId: number;

async function create(overrides: Record<string, unknown>) {
  const result = await createCase(monitor, await validCase(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

async function download(actor: Actor, format: FileFormat, query: Record<string, string>, includeNotes = false) {
  const file = await startExport(actor, parseCaseFilters(query), format, { origin: ORIGIN, includeNotes });
  return { file, bytes: Buffer.from(await new Response(file.body).arrayBuffer()) };
}

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
  shareableId = await create({
    personName: `${tag} Open`,
    notes: 'INTERNAL-DETENTION-NOTE',
    publicNotes: 'PUBLIC-DETENTION-NOTE',
    charges: [
      {
        chargeId: String(await chargeId('coao-488')),
        basisOrigin: 'inferred',
        chargeText: '=HYPERLINK("http://evil.example","click")',
        outcome: 'convicted',
        penalties: [{ kind: 'administrative_arrest', amount: '7', unit: 'days' }],
      },
      { chargeText: 'disobeying the police', outcome: 'convicted', penalties: [{ kind: 'fine', amount: '135', unit: 'USD', asReported: 'about $135' }, { kind: 'fine', amount: '30', unit: 'MCI' }] },
    ],
    events: [{ kind: 'hearing_held', date: { on: '2021-01-06' }, note: 'at the district court', source: '2' }],
    sources: [
      { url: `https://news.example.org/${tag.replace(/\s+/g, '-')}/one`, title: 'One' },
      { url: `https://news.example.org/${tag.replace(/\s+/g, '-')}/two`, title: 'Two, "quoted"' },
    ],
  });
  restrictedId = await create({ personName: `${tag} Hidden`, confidentiality: 'restricted', notes: 'INTERNAL-RESTRICTED-NOTE' });
  const personId = (await getCaseById(monitor, shareableId))!.personId;
  await db.update(people).set({ notes: 'INTERNAL-PERSON-NOTE' }).where(eq(people.id, personId));
});

describe('redaction by role', () => {
  it("never puts a restricted detention or an internal note in a researcher's export, whatever is asked", async () => {
    for (const format of ['csv', 'json', 'xlsx'] as const) {
      const { bytes } = await download(researcher, format, { q: tag, confidentiality: 'restricted' }, true);
      const text = format === 'xlsx' ? await xlsxText(bytes) : bytes.toString('utf8');
      expect(text, format).toContain(`${tag} Open`);
      expect(text, format).not.toContain(`${tag} Hidden`);
      expect(text, format).not.toContain('INTERNAL-');
      expect(text, format).toContain('PUBLIC-DETENTION-NOTE');
      expect(text, format).not.toMatch(/(^|,|")internal_notes(,|"|$)/m);
    }
  });

  it('gives monitors restricted records, and internal notes only when they opt in', async () => {
    const plain = (await download(monitor, 'csv', { q: tag })).bytes.toString('utf8');
    expect(plain).toContain(`${tag} Hidden`);
    expect(plain).not.toContain('INTERNAL-');
    const withNotes = (await download(monitor, 'csv', { q: tag }, true)).bytes.toString('utf8');
    expect(withNotes).toContain('INTERNAL-DETENTION-NOTE');
    expect(withNotes).toContain('INTERNAL-RESTRICTED-NOTE');
    // A person's restricted notes are never exported, not even to monitors.
    expect(withNotes).not.toContain('INTERNAL-PERSON-NOTE');
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM, one row per detention with every source, and neutralises formulas', async () => {
    const { bytes, file } = await download(researcher, 'csv', { q: tag });
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    const header = lines[0].split(',');
    expect(header).toContain('source_2_url');
    expect(lines[1]).toContain(`${ORIGIN}/cases/${shareableId}`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(lines[1]).toContain('"Two, ""quoted"""');
    expect(lines[1]).toContain('/one');
  });

  it('logs who exported what, in which format, and how many rows', async () => {
    const query = { q: tag, penalty: 'administrative_arrest', outcome: 'convicted', custody: 'released', page: '3' };
    const { file, bytes } = await download(researcher, 'csv', query);
    expect(bytes.length).toBeGreaterThan(0);
    const [entry] = await db.select().from(exportLog).where(eq(exportLog.id, file.logId));
    expect(entry).toMatchObject({
      userId: researcher.id,
      format: 'csv',
      // The detention has no release recorded and its arrest ended long ago: presumed released.
      rowCount: 1,
      includesNotes: false,
      filters: { q: tag, penalty: 'administrative_arrest', outcome: 'convicted', custody: 'released' },
    });
    expect(entry.completedAt).toBeInstanceOf(Date);
    expect((await listExportLog()).map((e) => e.id)).toContain(file.logId);
  });

  it('records a download cut off before the end as incomplete', async () => {
    const file = await startExport(monitor, parseCaseFilters({ q: tag }), 'csv', { origin: ORIGIN, batchSize: 1 });
    const reader = file.body.getReader();
    await reader.read();
    await reader.cancel();
    const [entry] = await db.select().from(exportLog).where(eq(exportLog.id, file.logId));
    expect(entry.completedAt).toBeNull();
  });
});

describe('filters of the new model', () => {
  it('exports only what the place, date, outcome, penalty and custody filters match, and logs them', async () => {
    const other = await create({
      personName: `${tag} Nowhere`,
      placePrecision: 'not_stated',
      placeId: '',
      detained: { on: '2021' },
      charges: [{ chargeText: 'unknown charge', outcome: 'pending' }],
    });
    const ids = async (query: Record<string, string>) => {
      const { bytes, file } = await download(monitor, 'json', { q: tag, ...query });
      const [entry] = await db.select().from(exportLog).where(eq(exportLog.id, file.logId));
      expect(entry.filters).toEqual({ q: tag, ...query });
      return JSON.parse(bytes.toString('utf8')).detentions.map((d: { id: number }) => d.id);
    };
    try {
      expect(await ids({ place: 'not_stated' })).toEqual([other]);
      expect(await ids({ dated: 'uncertain' })).toEqual([other]);
      expect(await ids({ outcome: 'pending' })).toEqual([other]);
      expect(await ids({ penalty: 'fine' })).toEqual([shareableId]);
      expect(await ids({ custody: 'released', penalty: 'administrative_arrest' })).toEqual([shareableId, restrictedId]);
    } finally {
      // The other tests of this file count this tag's records. Deleted the app's way, so the
      // dashboard rollup (which other test files compare with the records) stays exact.
      await deleteCase(monitor, other, 1, null);
    }
  });
});

describe('JSON and XLSX exports', () => {
  it('JSON nests charges with their penalties, events and sources under each detention', async () => {
    const { bytes } = await download(monitor, 'json', { q: tag });
    const json = JSON.parse(bytes.toString('utf8'));
    expect(json.count).toBe(2);
    expect(json.filters).toEqual({ q: tag });
    const open = json.detentions.find((d: { id: number }) => d.id === shareableId);
    expect(open.sources.map((s: { title: string }) => s.title)).toEqual(['One', 'Two, "quoted"']);
    expect(open.place_precision).toBe('city');
    expect(open.public_notes).toBe('PUBLIC-DETENTION-NOTE');
    expect(open.detained).toEqual({ earliest: '2021-01-04', latest: '2021-01-04', qualifier: 'exact', as_reported: null });
    expect(open.charges.map((c: { legal_basis: string | null; vocabulary: string | null; basis_origin: string | null }) => [c.legal_basis, c.vocabulary, c.basis_origin])).toEqual([
      ['CoAO art. 488', 'coao-488', 'inferred'],
      [null, null, null],
    ]);
    expect(open.charges[1].penalties).toEqual([
      { kind: 'fine', amount: 135, unit: 'USD', as_reported: 'about $135', replaced_by: null },
      { kind: 'fine', amount: 30, unit: 'MCI', as_reported: null, replaced_by: null },
    ]);
    expect(open.events).toEqual([
      {
        kind: 'hearing_held',
        date: { earliest: '2021-01-06', latest: '2021-01-06', qualifier: 'exact', as_reported: null },
        place: null,
        place_detail: null,
        note: 'at the district court',
        source_url: open.sources[1].url,
      },
    ]);
    // Seven days of arrest from 4 January 2021: presumed released on the 11th, long before now.
    expect(open.custody).toMatchObject({ status: 'released', presumed: true, from: '2021-01-04', expected_release_on: '2021-01-11', days: 7 });
    expect(open.link).toBe(`${ORIGIN}/cases/${shareableId}`);
    expect(json.detentions.map((d: { id: number }) => d.id)).toEqual([shareableId, restrictedId]);
  });

  it('XLSX has the same columns, text neutralised and numbers as numbers', async () => {
    const { bytes } = await download(researcher, 'xlsx', { q: tag });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Detentions')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('id')).toBe(shareableId);
    expect(cell('charge_1_penalty_1_amount')).toBe(7);
    expect(cell('charge_1_penalty_1_unit')).toBe('days');
    expect(cell('charge_2_penalty_1_amount')).toBe(135);
    expect(cell('charge_2_penalty_2_unit')).toBe('MCI');
    expect(cell('custody_days')).toBe(7);
    expect(cell('event_1_kind')).toBe('hearing_held');
    expect(cell('charge_1_text')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cell('source_2_title')).toBe('Two, "quoted"');
    expect(sheet.rowCount).toBe(2);
  });
});

describe('streaming', () => {
  it('reads in keyset batches by id and misses no row', async () => {
    const ids: number[] = [];
    const sizes: number[] = [];
    for await (const batch of exportBatches(monitor, { q: tag }, { origin: ORIGIN, batchSize: 1 })) {
      sizes.push(batch.length);
      ids.push(...batch.map((r) => r.id));
    }
    expect(sizes).toEqual([1, 1]);
    expect(ids).toEqual([shareableId, restrictedId]);
  });
});

describe('export metadata (dataset version)', () => {
  it('puts the dataset version, filters, rows, time and app version in JSON meta and an XLSX Metadata sheet', async () => {
    const filters = parseCaseFilters({ q: tag });
    const version = await getDatasetVersion(researcher, filters);
    expect(version).toEqual(await getDatasetVersion(researcher, filters));
    const meta = fileMetadata(version, { filters: [['q', tag]], now: new Date('2026-11-26T00:00:00Z') });
    const json = JSON.parse(Buffer.from(await new Response((await startExport(researcher, filters, 'json', { origin: ORIGIN, meta })).body).arrayBuffer()).toString('utf8'));
    expect(json.meta).toMatchObject({ datasetSha256: version.sha256, datasetVersion: version.short, rows: json.count, filters: `q: ${tag}`, generatedUtc: '2026-11-26T00:00:00Z' });
    expect(json.meta.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    const bytes = Buffer.from(await new Response((await startExport(researcher, filters, 'xlsx', { origin: ORIGIN, meta })).body).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Detentions', 'Metadata']);
    const rows = new Map<string, unknown>();
    workbook.getWorksheet('Metadata')!.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('datasetSha256')).toBe(version.sha256);
  });
});

async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.getWorksheet('Detentions')!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join(',')));
  return lines.join('\n');
}

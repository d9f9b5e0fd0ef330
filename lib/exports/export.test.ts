import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { exportLog, people } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase, getCaseById } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';
import { exportBatches, listExportLog } from './queries';
import { startExport, type FileFormat } from './stream';

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
    chargeText: '=HYPERLINK("http://evil.example","click")',
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
      expect(text, format).not.toMatch(/(^|,|")notes(,|"|$)/m);
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
    const { file, bytes } = await download(researcher, 'csv', { q: tag, sentence: 'administrative_arrest', page: '3' });
    expect(bytes.length).toBeGreaterThan(0);
    const [entry] = await db.select().from(exportLog).where(eq(exportLog.id, file.logId));
    expect(entry).toMatchObject({ userId: researcher.id, format: 'csv', rowCount: 1, includesNotes: false, filters: { q: tag, sentence: 'administrative_arrest' } });
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

describe('JSON and XLSX exports', () => {
  it('JSON nests every source under its detention', async () => {
    const { bytes } = await download(monitor, 'json', { q: tag });
    const json = JSON.parse(bytes.toString('utf8'));
    expect(json.count).toBe(2);
    expect(json.filters).toEqual({ q: tag });
    const open = json.detentions.find((d: { id: number }) => d.id === shareableId);
    expect(open.sources.map((s: { title: string }) => s.title)).toEqual(['One', 'Two, "quoted"']);
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
    expect(cell('sentence_amount')).toBe(7);
    expect(cell('charge_as_reported')).toBe(`'=HYPERLINK("http://evil.example","click")`);
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

async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.getWorksheet('Detentions')!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join(',')));
  return lines.join('\n');
}

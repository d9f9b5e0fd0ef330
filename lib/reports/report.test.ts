import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { detentions, evidenceBlobs, exportLog, sourceCaptures, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase } from '@/lib/cases/queries';
import messages from '@/lib/i18n/messages/en';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, unique, validCase } from '@/lib/test/factories';
import { pdfText } from './pdf-text';
import { generateRecordReport, generateReport, type Translate } from './report';

useTestDatabase();

const t = createTranslator({ locale: 'en', messages }) as unknown as Translate;
const ids: Record<string, number> = {};
let monitor: Actor;
let researcher: Actor;
const tag = unique('Report').replace(/[^a-z0-9]/gi, '').toLowerCase();
const url = `https://news.example.org/report-${tag}`;

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
  const [c488, c489] = [String(await chargeId('coao-488')), String(await chargeId('coao-489'))];
  for (const overrides of [
    { personName: `Әлия Қасымқызы ${tag}`, reviewStatus: 'verified', sources: [{ url, title: 'Report source' }], notes: 'INTERNAL-NOTE-1', publicNotes: `Public note ${tag}` },
    { personName: `Hidden ${tag}`, reviewStatus: 'verified', confidentiality: 'restricted', notes: 'INTERNAL-NOTE' },
    { personName: `Unchecked ${tag}`, reviewStatus: 'draft' },
    // As the source says it: no city, an "on or before" date, two charges (one stated with its part,
    // one inferred) with different outcomes, a fine in dollars and one in MCI.
    {
      personName: `Region Only ${tag}`,
      reviewStatus: 'verified',
      placePrecision: 'region', placeId: '', region: 'Aktobe Region',
      detained: { on: '2021-01-05', qualifier: 'on_or_before', asReported: 'became known on 5 January' },
      sentenced: { on: '2021-01-08' },
      charges: [
        { chargeId: c488, part: '3', basisOrigin: 'stated', chargeText: 'calling for protests', outcome: 'convicted', penalties: [{ kind: 'fine', amount: '135', unit: 'USD', asReported: 'about $135' }, { kind: 'fine', amount: '30', unit: 'MCI' }] },
        { chargeId: c489, basisOrigin: 'inferred', outcome: 'dropped' },
      ],
    },
  ]) {
    const result = await createCase(monitor, await validCase(overrides));
    if (!result.ok) throw new Error(JSON.stringify(result));
    ids[overrides.personName.split(' ')[0]] = result.id;
  }
});

describe('observers’ PDF report', () => {
  it('lists names as written with their sources, key figures and method, only what the reader may see', async () => {
    const { bytes, rowCount } = await generateReport(researcher, parseCaseFilters({ q: tag }), { t, origin: 'https://cases.example.org' });
    expect(rowCount).toBe(2);
    // Table cells wrap: compare with line breaks read as spaces.
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(`Әлия Қасымқызы ${tag}`);
    expect(text).toContain(url);
    expect(text).toContain('Detentions: 2');
    expect(text).toContain('Days of administrative arrest (total): 7');
    expect(text).toContain(`Notes: Public note ${tag}`);
    // The region-only record: place with its precision, the date's words, charges with part and
    // origin, penalties in their currency; counted under "no city", never a guessed one.
    expect(text).toContain('Aktobe Region (Region only)');
    expect(text).toContain('on or before 2021-01-05');
    expect(text).toContain('became known on 5 January');
    expect(text).toContain('CoAO art. 488(3) (stated by the source): calling for protests — Convicted');
    expect(text).toContain('CoAO art. 489 (inferred by the monitor) — Dropped');
    expect(text).toContain('Fine, 135 USD (“about $135”); Fine, 30 MCI');
    expect(text).toContain('Place not stated (no city): 1');
    expect(text).toContain('Date uncertain (no day known): 1');
    expect(text).toContain('Charges: 3');
    expect(text).toContain('Fines (penalties in force): 2');
    expect(text).toContain('135 USD: 1');
    expect(text).toContain('30 MCI: 1');
    // 30 MCI at the 2021 value (2,917 tenge); the dollars are not converted.
    expect(text).toContain('Total in tenge (computed: KZT plus MCI at the ruling year\'s MCI value; USD, EUR and RUB apart): 87,510 KZT: 1');
    expect(text).not.toContain('INTERNAL-NOTE');
    expect(text).toContain(`Search by activist name: ${tag}`);
    expect(text).toContain('Method');
    expect(text).not.toContain('Hidden');
    expect(text).not.toContain('INTERNAL-NOTE');
  });

  it('holds only shareable, verified records by default, even for a monitor, and says so with its dataset version, filters and row count', async () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const { bytes, rowCount, version, fileName } = await generateReport(monitor, parseCaseFilters({ q: tag }), { t, origin: 'https://cases.example.org', now });
    expect(rowCount).toBe(2);
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).not.toContain(`Hidden ${tag}`);
    expect(text).not.toContain(`Unchecked ${tag}`);
    expect(text).not.toMatch(/RESTRICTED|DRAFT|NOT FOR SHARING/);
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(text).toContain(`Dataset version: ${version.short} (SHA-256 ${version.sha256})`);
    expect(text).toContain('Records: 2 matching (2 listed below)');
    expect(text).toContain(`Search by activist name: ${tag}`);
    expect(text).toContain('Records included: verified records only; shareable only');
    expect(text).toContain('Generated (UTC): 2026-11-26T12:00:00Z');
    expect(text).toMatch(/Application version: \d+\.\d+\.\d+/);
    expect(fileName).toMatch(/^detentions-2021-01-0\d_2021-01-0\d-generated-2026-11-26\.pdf$/);
  });

  it('includes drafts and restricted records when asked (a confirmed scope), stamping each row and the cover, and logs the download', async () => {
    const before = await db.select({ id: exportLog.id }).from(exportLog).where(eq(exportLog.userId, monitor.id));
    const { bytes, rowCount, stamped } = await generateReport(monitor, parseCaseFilters({ q: tag }), {
      t,
      origin: 'https://cases.example.org',
      scope: { drafts: true, restricted: true },
    });
    expect(rowCount).toBe(4);
    expect(stamped).toEqual({ restricted: 1, drafts: 1 });
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(`RESTRICTED Hidden ${tag}`);
    expect(text).toContain(`DRAFT Unchecked ${tag}`);
    expect(text).not.toContain(`RESTRICTED Әлия`);
    expect(text).toContain('NOT FOR SHARING: this file holds 1 restricted and 1 draft (unverified) records');
    expect(text).toContain('Records included: verified and draft (unverified) records; restricted records included');
    const after = await db.select().from(exportLog).where(eq(exportLog.userId, monitor.id));
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ format: 'pdf', rowCount: 4, filters: { q: tag } });
  });

  it('never gives a researcher restricted records, whatever scope is passed', async () => {
    const { bytes, rowCount } = await generateReport(researcher, parseCaseFilters({ q: tag }), { t, origin: 'https://cases.example.org', scope: { drafts: true, restricted: true } });
    expect(rowCount).toBe(3);
    expect((await pdfText(bytes)).replace(/\s+/g, ' ')).not.toContain('Hidden');
  });

  it('gives the same dataset version for the same filters and data, and another once a record changes', async () => {
    const filters = parseCaseFilters({ q: tag });
    const first = await generateReport(researcher, filters, { t, origin: 'https://a.example.org', now: new Date('2026-01-01T00:00:00Z') });
    const second = await generateReport(researcher, filters, { t, origin: 'https://b.example.org', now: new Date('2026-06-01T00:00:00Z') });
    expect(second.version).toEqual(first.version);
    await db.update(detentions).set({ version: sql`${detentions.version} + 1` }).where(eq(detentions.id, ids['Region']));
    const third = await generateReport(researcher, filters, { t, origin: 'https://a.example.org' });
    expect(third.version.sha256).not.toBe(first.version.sha256);
    expect(third.version.rows).toBe(first.version.rows);
  });
});

describe('one-record PDF', () => {
  const options = { t, origin: 'https://cases.example.org' };
  it('is not found for a reader the case page would refuse', async () => {
    expect(await generateRecordReport(researcher, ids['Hidden'], options)).toBeNull();
    expect(await generateRecordReport(researcher, 2_000_000_000, options)).toBeNull();
  });

  it('carries the record, stamped, with internal notes only when asked for and allowed', async () => {
    const plain = await generateRecordReport(monitor, ids['Hidden'], options);
    const plainText = (await pdfText(plain!.bytes)).replace(/\s+/g, ' ');
    expect(plainText).toContain(`Hidden ${tag}`);
    expect(plainText).toContain('RESTRICTED');
    expect(plainText).not.toContain('INTERNAL-NOTE');
    expect(plain!.fileName).toMatch(new RegExp(`^detention-record-${ids['Hidden']}-`));
    const withNotes = await generateRecordReport(monitor, ids['Hidden'], { ...options, internalNotes: true });
    expect((await pdfText(withNotes!.bytes)).replace(/\s+/g, ' ')).toContain('Internal notes (not for sharing): INTERNAL-NOTE');
    // A researcher asking for notes gets none.
    const researcherCopy = await generateRecordReport(researcher, ids['Әлия'], { ...options, internalNotes: true });
    const text = (await pdfText(researcherCopy!.bytes)).replace(/\s+/g, ' ');
    expect(text).not.toContain('INTERNAL-NOTE');
    expect(text).toContain(url);
    expect(text).toContain(`Public note ${tag}`);
    expect(text).toMatch(/published [^;]+; accessed/);
  });
});

describe('sources’ first captures in the report', () => {
  it('prints the first successful capture’s time and full SHA-256 under its source', async () => {
    const body = Buffer.from(`captured report ${tag}`);
    const sha256 = createHash('sha256').update(body).digest('hex');
    const [source] = await db.select({ id: sources.id }).from(sources).where(eq(sources.url, url));
    await db.insert(evidenceBlobs).values({ sha256, size: body.length, bytes: body }).onConflictDoNothing();
    const capturedAt = new Date('2026-05-02T08:15:30Z');
    await db.insert(sourceCaptures).values({
      sourceId: source.id, method: 'fetch', requestedAt: capturedAt, capturedAt, requestedUrl: url, finalUrl: url, httpStatus: 200,
      outcome: 'ok', primarySha256: sha256, manifest: 'm', manifestSha256: sha256,
    });
    const { bytes } = await generateReport(researcher, parseCaseFilters({ q: tag }), { t, origin: 'https://cases.example.org' });
    const text = (await pdfText(bytes)).replace(/\s+/g, '');
    expect(text).toContain(`Firstcaptured2026-05-0208:15:30UTC,SHA-256${sha256}`);
  });
});

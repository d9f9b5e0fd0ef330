import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { evidenceBlobs, exportLog, sourceCaptures, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase } from '@/lib/cases/queries';
import messages from '@/lib/i18n/messages/en';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, unique, validCase } from '@/lib/test/factories';
import { pdfText } from './pdf-text';
import { generateReport, type Translate } from './report';

useTestDatabase();

const t = createTranslator({ locale: 'en', messages }) as unknown as Translate;
let monitor: Actor;
let researcher: Actor;
const tag = unique('Report').replace(/[^a-z0-9]/gi, '').toLowerCase();
const url = `https://news.example.org/report-${tag}`;

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
  const [c488, c489] = [String(await chargeId('coao-488')), String(await chargeId('coao-489'))];
  for (const overrides of [
    { personName: `Әлия Қасымқызы ${tag}`, sources: [{ url, title: 'Report source' }], notes: 'INTERNAL-NOTE-1', publicNotes: `Public note ${tag}` },
    { personName: `Hidden ${tag}`, confidentiality: 'restricted', notes: 'INTERNAL-NOTE' },
    // As the source says it: no city, an "on or before" date, two charges (one stated with its part,
    // one inferred) with different outcomes, a fine in dollars and one in MCI.
    {
      personName: `Region Only ${tag}`,
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

  it('counts restricted records for monitors, and logs the download', async () => {
    const before = await db.select({ id: exportLog.id }).from(exportLog).where(eq(exportLog.userId, monitor.id));
    const { bytes } = await generateReport(monitor, parseCaseFilters({ q: tag }), { t, origin: 'https://cases.example.org' });
    expect((await pdfText(bytes)).replace(/\s+/g, ' ')).toContain(`Hidden ${tag}`);
    const after = await db.select().from(exportLog).where(eq(exportLog.userId, monitor.id));
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ format: 'pdf', rowCount: 3, filters: { q: tag } });
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

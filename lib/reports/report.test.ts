import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { exportLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase } from '@/lib/cases/queries';
import messages from '@/lib/i18n/messages/en.json';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';
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
  for (const overrides of [
    { personName: `Әлия Қасымқызы ${tag}`, sources: [{ url, title: 'Report source' }] },
    { personName: `Hidden ${tag}`, confidentiality: 'restricted', notes: 'INTERNAL-NOTE' },
  ]) {
    const result = await createCase(monitor, await validCase(overrides));
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
});

describe('observers’ PDF report', () => {
  it('lists names as written with their sources, key figures and method, only what the reader may see', async () => {
    const { bytes, rowCount } = await generateReport(researcher, parseCaseFilters({ q: tag }), { t, origin: 'https://cases.example.org' });
    expect(rowCount).toBe(1);
    // Table cells wrap: compare with line breaks read as spaces.
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(`Әлия Қасымқызы ${tag}`);
    expect(text).toContain(url);
    expect(text).toContain('Detentions: 1');
    expect(text).toContain('Days of administrative arrest (total): 7');
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
    expect(after.at(-1)).toMatchObject({ format: 'pdf', rowCount: 2, filters: { q: tag } });
  });
});

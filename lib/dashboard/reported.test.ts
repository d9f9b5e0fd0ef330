import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { elections, reportedCounts } from '@/db/schema';
import { fieldErrors } from '@/lib/forms';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, placeId } from '@/lib/test/factories';
import { parseDashboardParams } from './params';
import { getDashboardData } from './queries';
import { createReportedCount, reportedCountInput } from './reported';

useTestDatabase();

describe('numbers reported without names', () => {
  it('are refused without a count, a source, or with more identified than detained', () => {
    const errors = (input: Record<string, string>) => {
      const r = reportedCountInput.safeParse(input);
      return r.success ? {} : fieldErrors(r.error);
    };
    const ok = { description: 'detained at rallies in 9 cities', detainedCount: '350', identifiedCount: '109', sourceUrl: 'https://news.example.org/350' };
    expect(errors(ok)).toEqual({});
    expect(errors({ ...ok, detainedCount: '0', identifiedCount: '' })).toEqual({ detainedCount: ['errors.positiveNumber'] });
    expect(errors({ ...ok, identifiedCount: '400' })).toEqual({ identifiedCount: ['errors.identifiedTooMany'] });
    expect(errors({ ...ok, sourceUrl: 'javascript:alert(1)' })).toEqual({ sourceUrl: ['errors.urlScheme'] });
    expect(errors({ ...ok, reportedOn: '2999-01-01' })).toEqual({ reportedOn: ['errors.futureDate'] });
  });

  it('show on the dashboard of their election, with their source', async () => {
    const monitor = await createActor('monitor');
    const [election] = await db.select({ id: elections.id }).from(elections).where(eq(elections.name, 'Presidential election 2019'));
    const place = await placeId('Ekibastuz');
    const input = reportedCountInput.parse({
      electionId: String(election.id),
      placeId: String(place),
      description: 'detained on election day',
      detainedCount: '120',
      identifiedCount: '15',
      reportedOn: '2019-06-10',
      sourceUrl: 'https://news.example.org/ekibastuz-120',
      sourceTitle: 'Ekibastuz: 120 detained',
    });
    expect(await createReportedCount(monitor, input)).toEqual({ ok: true });
    const data = await getDashboardData(monitor, parseDashboardParams({ lens: String(election.id), city: String(place) }));
    expect(data.reported).toMatchObject({ detained: 120, identified: 15 });
    expect(data.reported.items[0]).toMatchObject({ place: 'Ekibastuz', url: 'https://news.example.org/ekibastuz-120', title: 'Ekibastuz: 120 detained' });
  });

  // Integrity regression (session 25): a forged place or election id failed on the foreign key as a 500.
  it('refuses a place or an election that does not exist with a field message, and stores nothing', async () => {
    const monitor = await createActor('monitor');
    const input = reportedCountInput.parse({
      electionId: '999999',
      placeId: '999998',
      description: 'forged ids',
      detainedCount: '3',
      sourceUrl: 'https://news.example.org/forged-ids',
    });
    expect(await createReportedCount(monitor, input)).toEqual({ ok: false, errors: { placeId: ['errors.unknownChoice'], electionId: ['errors.unknownChoice'] } });
    expect(await db.select({ id: reportedCounts.id }).from(reportedCounts).where(eq(reportedCounts.description, 'forged ids'))).toEqual([]);
  });
});

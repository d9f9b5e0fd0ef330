import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { detentions, mciValues } from '@/db/schema';
import { createCase, getCaseById, updateCase } from './queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, validCase } from '@/lib/test/factories';

useTestDatabase();

describe('the detention model', () => {
  it('saves and reads back charges, penalties, events and the derived custody facts', async () => {
    const monitor = await createActor('monitor');
    const input = await validCase({
      placePrecision: 'region',
      placeId: '',
      region: 'Aktobe Region',
      detained: { on: '2021-01-04', qualifier: 'on_or_before', asReported: 'became known on Monday 4 January' },
      events: [{ kind: 'hearing_scheduled', date: { on: '2021-01-06' } }, { kind: 'released', date: { on: '2021-01-11' } }],
    });
    const result = await createCase(monitor, input);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const stored = await getCaseById(monitor, result.id);
    expect(stored).toMatchObject({
      placeId: null,
      region: 'Aktobe Region',
      placePrecision: 'region',
      detainedEarliest: null,
      detainedLatest: '2021-01-04',
      detainedQualifier: 'on_or_before',
      detainedOn: null,
      detainedPrecision: 'unknown',
      custodyStatus: 'released',
      nextHearingOn: '2021-01-06',
    });
    expect(stored!.charges).toHaveLength(1);
    expect(stored!.charges[0].penalties).toEqual([{ kind: 'administrative_arrest', amount: 7, unit: 'days', asReported: null, replacedBy: null }]);
    expect(stored!.events.map((e) => e.kind)).toEqual(['hearing_scheduled', 'released']);
    const again = await updateCase(monitor, result.id, 1, input);
    expect(again).toEqual({ ok: true, id: result.id });
    const [row] = await db.select({ version: detentions.version }).from(detentions).where(eq(detentions.id, result.id));
    expect(row.version).toBe(2);
    expect((await db.select().from(mciValues)).length).toBeGreaterThan(0);
  });
});

import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { detentions, elections } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, placeId, unique, validCase } from '@/lib/test/factories';
import { parseDashboardParams } from './params';
import { getDashboardData } from './queries';

useTestDatabase();

// Dates in March 2023, around the Mazhilis election of 2023-03-19, in towns no other test uses.
let monitor: Actor;
let researcher: Actor;
let lens: number;
const TOWNS = ['Rudny', 'Kentau', 'Temirtau'];

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
  [{ id: lens }] = await db.select({ id: elections.id }).from(elections).where(eq(elections.name, 'Mazhilis election 2023'));
  const [rudny, kentau, temirtau] = await Promise.all(TOWNS.map(placeId));
  const person = unique('Repeat Person');
  const rows = [
    { placeId: String(rudny), detainedOn: '2023-03-10', sentencedOn: '2023-03-11', sentenceAmount: '10', plea: 'not_guilty', personName: person },
    { placeId: String(rudny), detainedOn: '2023-03-18', sentencedOn: '2023-03-18', sentenceAmount: '15', plea: 'not_guilty', personName: person },
    { placeId: String(kentau), detainedOn: '2023-03-19', sentencedOn: '2023-03-25', sentenceKind: 'fine', sentenceAmount: '69000', sentenceUnit: 'tenge', plea: 'guilty' },
    { placeId: String(kentau), detainedOn: '2023-03-19', sentencedOn: '', sentenceKind: 'acquitted', sentenceAmount: '', sentenceUnit: '', plea: 'not_guilty' },
    { placeId: String(temirtau), detainedOn: '2023-03-15', sentencedOn: '2023-03-16', sentenceAmount: '5', confidentiality: 'restricted' },
    { placeId: String(temirtau), detainedOn: '', sentencedOn: '', electionId: String(lens), sentenceKind: 'pending', sentenceAmount: '', sentenceUnit: '' },
    { placeId: String(temirtau), detainedOn: '2022-06-01', sentencedOn: '' }, // outside the window
  ];
  let personId: string | undefined;
  for (const row of rows) {
    const input = await validCase(row.personName && personId ? { ...row, personName: '', personId } : row);
    const result = await createCase(monitor, input);
    if (!result.ok) throw new Error(JSON.stringify(result));
    if (row.personName && !personId) {
      const [d] = await db.select({ personId: detentions.personId }).from(detentions).where(eq(detentions.id, result.id));
      personId = String(d.personId);
    }
  }
});

/** Counts straight from the records, for the dashboard's window around the 2023 election. */
async function directCount(placeName: string, restricted: boolean) {
  const id = await placeId(placeName);
  const [row] = await db
    .select({ n: count() })
    .from(detentions)
    .where(
      and(
        eq(detentions.placeId, id),
        isNull(detentions.deletedAt),
        restricted ? undefined : eq(detentions.confidentiality, 'shareable'),
        sql`((${detentions.detainedOn} BETWEEN '2023-01-18' AND '2023-04-18') OR (${detentions.detainedOn} IS NULL AND ${detentions.electionId} = ${lens}))`,
      ),
    );
  return row.n;
}

describe('dashboard numbers', () => {
  it('equal the counts of the records, restricted ones counted for monitors only', async () => {
    const params = parseDashboardParams({ lens: String(lens) });
    const [forMonitor, forResearcher] = await Promise.all([getDashboardData(monitor, params), getDashboardData(researcher, params)]);
    expect(forMonitor.scope).toEqual({ from: '2023-01-18', to: '2023-04-18', undatedElectionId: lens });
    for (const town of TOWNS) {
      const monitorCount = forMonitor.byPlace.find((p) => p.name === town)?.count ?? 0;
      const researcherCount = forResearcher.byPlace.find((p) => p.name === town)?.count ?? 0;
      expect(monitorCount, town).toBe(await directCount(town, true));
      expect(researcherCount, town).toBe(await directCount(town, false));
    }
    expect(forMonitor.byPlace.find((p) => p.name === 'Temirtau')?.count).toBe(2);
    expect(forResearcher.byPlace.find((p) => p.name === 'Temirtau')?.count).toBe(1);
  });

  it('computes the outcome panels from the records', async () => {
    const [rudny, kentau, temirtau] = await Promise.all(TOWNS.map(placeId));
    const view = async (city: number) => getDashboardData(researcher, parseDashboardParams({ lens: String(lens), city: String(city) }));
    const r = await view(rudny);
    expect(r.totals).toMatchObject({ detentions: 2, arrestDays: 25, fines: 0 });
    expect(r.arrestDays).toEqual([{ days: 10, count: 1 }, { days: 15, count: 1 }]);
    expect(r.delay).toEqual([{ bucket: 0, count: 1 }, { bucket: 1, count: 1 }]);
    expect(r.repeat.people).toBe(1);
    expect(r.repeat.top[0].count).toBe(2);

    const k = await view(kentau);
    expect(k.totals).toMatchObject({ detentions: 2, fines: 1, fineTotal: 69000, arrestDays: 0 });
    expect(k.pleaOutcome).toEqual(expect.arrayContaining([{ plea: 'not_guilty', kind: 'acquitted', count: 1 }, { plea: 'guilty', kind: 'fine', count: 1 }]));
    expect(k.delay).toEqual([{ bucket: 3, count: 1 }]);

    const timeline = k.timeline[0].days;
    expect(timeline).toHaveLength(91);
    expect(timeline.find((d) => d.offset === 0)).toEqual({ offset: 0, date: '2023-03-19', count: 2 });

    // The researcher sees Temirtau's undated, election-tagged record but not the restricted one.
    const t = await view(temirtau);
    expect(t.totals.detentions).toBe(1);
    expect(t.bySentence).toEqual([{ kind: 'pending', count: 1 }]);

    // Every date, unknown ones included: the record of June 2022 comes in too.
    const all = parseDashboardParams({ all: '1', city: String(temirtau) });
    expect((await getDashboardData(researcher, all)).totals.detentions).toBe(2);
    expect((await getDashboardData(monitor, all)).totals.detentions).toBe(3);
  });

  it('gives the same numbers from the rollup as from a plain GROUP BY over the detentions', async () => {
    for (const query of [{ lens: String(lens) }, { from: '2022-01-01', to: '2023-12-31', plea: 'not_guilty' }, { lens: String(lens), role: 'activist', review: 'draft' }]) {
      const params = parseDashboardParams(query);
      for (const actor of [monitor, researcher]) {
        expect(await getDashboardData(actor, params, 'rollup')).toEqual(await getDashboardData(actor, params, 'detentions'));
      }
    }
  });

  it('overlays other elections on the same relative axis', async () => {
    const all = await db.select({ id: elections.id }).from(elections);
    const data = await getDashboardData(researcher, parseDashboardParams({ lens: String(lens), compare: all.map((e) => String(e.id)) }));
    expect(data.timeline.map((e) => e.id)[0]).toBe(lens);
    expect(data.timeline).toHaveLength(all.length);
    for (const e of data.timeline) {
      expect(e.days.find((d) => d.offset === 0)?.date).toBe(e.heldOn);
    }
  });
});

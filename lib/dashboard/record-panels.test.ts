import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db';
import { detentions, elections } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, placeId, unique, validCase } from '@/lib/test/factories';
import { parseDashboardParams } from './params';
import { CUSTODY_BUCKETS, getDashboardData } from './queries';

useTestDatabase();

// The panels read from the records (repeat detainees, days in custody) against counts made here in
// JavaScript: more people detained more than once than the panel lists (ties at the cut), and
// arrests on every side of every bucket's bound. In a town no other test uses; "today" is pinned
// after every arrest has ended.
const TOWN = 'Stepnogorsk';
const TODAY = '2024-12-31';
const ARRESTS = [1, 2, 3, 4, 7, 8, 15, 16, 30, 31, 90, 91, 365, 366, 400];
/** Detentions per person: one detained four times, one three times, ten twice, one once. */
const TIMES = [4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1];

let researcher: Actor;
let lens: number;
let city: number;
const names: string[] = [];
const served: number[] = [];

beforeAll(async () => {
  const monitor = await createActor('monitor');
  researcher = await createActor('researcher');
  [{ id: lens }] = await db.select({ id: elections.id }).from(elections).where(eq(elections.name, 'Mazhilis election 2023'));
  city = await placeId(TOWN);
  const c488 = String(await chargeId('coao-488'));
  let k = 0;
  for (const [i, times] of TIMES.entries()) {
    // Names sort in the order of TIMES (the letter), whatever the unique suffix.
    const name = unique(`Panel ${String.fromCharCode(65 + i)}`);
    names.push(name);
    let personId: string | undefined;
    for (let n = 0; n < times; n++) {
      const days = ARRESTS[k % ARRESTS.length];
      served.push(days);
      const day = `2023-03-${String(1 + (k % 28)).padStart(2, '0')}`;
      k += 1;
      const input = await validCase({
        placeId: String(city),
        detained: { on: day },
        sentenced: { on: day },
        charges: [{ chargeId: c488, basisOrigin: 'inferred', outcome: 'convicted', penalties: [{ kind: 'administrative_arrest', amount: String(days), unit: 'days' }] }],
        ...(personId ? { personName: '', personId } : { personName: name }),
      });
      const result = await createCase(monitor, input);
      if (!result.ok) throw new Error(JSON.stringify(result));
      if (!personId) {
        const [d] = await db.select({ personId: detentions.personId }).from(detentions).where(eq(detentions.id, result.id));
        personId = String(d.personId);
      }
    }
  }
  // Three people detained on one day and held alike: one row of the custody day rollup counts them.
  for (let i = 0; i < 3; i++) {
    served.push(7);
    const input = await validCase({
      placeId: String(city),
      detained: { on: '2023-03-02' },
      sentenced: { on: '2023-03-02' },
      charges: [{ chargeId: c488, basisOrigin: 'inferred', outcome: 'convicted', penalties: [{ kind: 'administrative_arrest', amount: '7', unit: 'days' }] }],
      personName: unique(`Panel alike ${i}`),
    });
    const result = await createCase(monitor, input);
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
});

describe('the panels read from the records', () => {
  it('lists the ten people detained most often, ties by name, and counts all detained more than once', async () => {
    const data = await getDashboardData(researcher, parseDashboardParams({ lens: String(lens), city: String(city) }), 'rollup', TODAY);
    const repeated = TIMES.map((times, i) => ({ name: names[i], count: times })).filter((p) => p.count > 1);
    expect(data.repeat.people).toBe(repeated.length);
    const expected = [...repeated].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, 10);
    expect(data.repeat.top.map(({ name, count }) => ({ name, count }))).toEqual(expected);
  });

  it('puts each arrest served in its bucket of days, bounds included', async () => {
    const data = await getDashboardData(researcher, parseDashboardParams({ lens: String(lens), city: String(city) }), 'rollup', TODAY);
    const bounds = [...CUSTODY_BUCKETS, CUSTODY_BUCKETS.at(-1)! + 1];
    const counts = new Map<number, number>();
    for (const days of served) {
      const upTo = bounds.find((b) => days <= b) ?? bounds.at(-1)!;
      counts.set(upTo, (counts.get(upTo) ?? 0) + 1);
    }
    expect(data.custody.days).toEqual(bounds.filter((b) => counts.has(b)).map((upTo) => ({ upTo, count: counts.get(upTo) })));
    expect(data.custody).toMatchObject({ held: 0, released: served.length, withDays: served.length, totalDays: served.reduce((a, b) => a + b, 0) });
  });

  it('gives the same custody and repeat panels from the day rollups (a view without filters) as from the records', async () => {
    // Rows of day_custody_stats that count several detentions weigh each by its count.
    const [shared] = rowsOf<{ n: number }>(await db.execute(sql`SELECT max(detentions)::int AS n FROM day_custody_stats WHERE detained_on = '2023-03-02'`));
    expect(shared.n).toBeGreaterThanOrEqual(3);
    const params = parseDashboardParams({ lens: String(lens) });
    const fromDays = await getDashboardData(researcher, params, 'rollup', TODAY);
    const fromRecords = await getDashboardData(researcher, params, 'detentions', TODAY);
    expect(fromDays.custody.withDays).toBeGreaterThanOrEqual(served.length);
    expect(fromDays.custody).toEqual(fromRecords.custody);
    expect(fromDays.repeat).toEqual(fromRecords.repeat);
  });
});


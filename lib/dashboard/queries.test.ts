import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { detentions, elections } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase, deleteCase, listCases } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, placeId, unique, validCase } from '@/lib/test/factories';
import { parseDashboardParams } from './params';
import { getDashboardData, listElections, resolveLens } from './queries';

useTestDatabase();

// Dates in March 2023, around the Mazhilis election of 2023-03-19, in towns (and a region) no other
// test uses. "Today" is pinned for the custody panel.
let monitor: Actor;
let researcher: Actor;
let lens: number;
const TOWNS = ['Rudny', 'Kentau', 'Temirtau', 'Zhanaozen'];
const REGION = 'North Kazakhstan Region';
const TODAY = '2023-03-20';

const arrest = (days: string) => ({ kind: 'administrative_arrest', amount: days, unit: 'days' });

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
  [{ id: lens }] = await db.select({ id: elections.id }).from(elections).where(eq(elections.name, 'Mazhilis election 2023'));
  const [rudny, kentau, temirtau, zhanaozen] = (await Promise.all(TOWNS.map(placeId))).map(String);
  const [c488, c489] = [String(await chargeId('coao-488')), String(await chargeId('coao-489'))];
  const charge = (outcome: string, penalties: object[] = [], more: object = {}) => [{ chargeId: c488, basisOrigin: 'inferred', chargeText: 'unsanctioned rally', outcome, penalties, ...more }];
  const person = unique('Repeat Person');
  const rows: Record<string, unknown>[] = [
    { placeId: rudny, detained: { on: '2023-03-10' }, sentenced: { on: '2023-03-11' }, charges: charge('convicted', [arrest('10')]), plea: 'not_guilty', personName: person },
    { placeId: rudny, detained: { on: '2023-03-18' }, sentenced: { on: '2023-03-18' }, charges: charge('convicted', [arrest('15')]), plea: 'not_guilty', personName: person },
    { placeId: kentau, detained: { on: '2023-03-19' }, sentenced: { on: '2023-03-25' }, charges: charge('convicted', [{ kind: 'fine', amount: '69000', unit: 'KZT' }]), plea: 'guilty' },
    { placeId: kentau, detained: { on: '2023-03-19' }, sentenced: { on: '' }, charges: charge('acquitted'), plea: 'not_guilty' },
    { placeId: temirtau, detained: { on: '2023-03-15' }, sentenced: { on: '2023-03-16' }, charges: charge('convicted', [arrest('5')]), confidentiality: 'restricted' },
    { placeId: temirtau, detained: { on: '' }, sentenced: { on: '' }, electionId: String(lens), charges: charge('pending') },
    { placeId: temirtau, detained: { on: '2022-06-01' }, sentenced: { on: '' }, charges: charge('pending') }, // outside the window
    // No city, only the region; two charges with parts, one stated, one inferred, with different
    // outcomes; a fine in dollars and one in MCI (2023: 3,450 tenge each); held, a hearing ahead.
    {
      placePrecision: 'region', placeId: '', region: REGION,
      detained: { on: '2023-03-12' }, sentenced: { on: '2023-03-13' }, plea: 'not_guilty',
      charges: [
        { chargeId: c488, part: '3', basisOrigin: 'stated', outcome: 'convicted', penalties: [{ kind: 'fine', amount: '135', unit: 'USD' }, { kind: 'fine', amount: '30', unit: 'MCI' }] },
        { chargeId: c489, part: '1', basisOrigin: 'inferred', outcome: 'dropped' },
      ],
      events: [{ kind: 'location_confirmed', date: { on: '2023-03-12' } }, { kind: 'hearing_scheduled', date: { on: '2023-03-22' } }],
    },
    // Known only to the year, tied to the election: "date uncertain", in the window by its election.
    { placeId: zhanaozen, detained: { on: '2023' }, sentenced: { on: '2023-03-20' }, electionId: String(lens), charges: charge('convicted', [{ kind: 'fine', amount: '10', unit: 'MCI' }]) },
    // "Between 1 February and 31 March": not on a day, but wholly inside the window.
    { placeId: zhanaozen, detained: { on: '2023-02-01', to: '2023-03-31', qualifier: 'between' }, sentenced: { on: '' }, charges: [{ chargeText: 'insulting an official', outcome: 'pending' }] },
    // Known only to the year, not tied to the election: outside the window, inside "all dates".
    { placeId: zhanaozen, detained: { on: '2023' }, sentenced: { on: '' }, charges: charge('pending') },
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

const view = (actor: Actor, query: Record<string, string>) => getDashboardData(actor, parseDashboardParams({ lens: String(lens), ...query }), 'rollup', TODAY);

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
        sql`((${detentions.detainedOn} BETWEEN '2023-01-18' AND '2023-04-18')
          OR (${detentions.detainedOn} IS NULL AND ${detentions.detainedEarliest} >= '2023-01-18' AND ${detentions.detainedLatest} <= '2023-04-18')
          OR (${detentions.detainedOn} IS NULL AND ${detentions.electionId} = ${lens}))`,
      ),
    );
  return row.n;
}

describe('dashboard numbers', () => {
  it('equal the counts of the records, restricted ones counted for monitors only', async () => {
    const [forMonitor, forResearcher] = await Promise.all([view(monitor, {}), view(researcher, {})]);
    expect(forMonitor.scope).toEqual({ from: '2023-01-18', to: '2023-04-18', undatedElectionId: lens });
    for (const town of TOWNS) {
      const monitorCount = forMonitor.byPlace.find((p) => p.name === town)?.count ?? 0;
      const researcherCount = forResearcher.byPlace.find((p) => p.name === town)?.count ?? 0;
      expect(monitorCount, town).toBe(await directCount(town, true));
      expect(researcherCount, town).toBe(await directCount(town, false));
    }
    expect(forMonitor.byPlace.find((p) => p.name === 'Temirtau')?.count).toBe(2);
    expect(forResearcher.byPlace.find((p) => p.name === 'Temirtau')?.count).toBe(1);
    expect(forResearcher.byPlace.find((p) => p.name === 'Zhanaozen')?.count).toBe(2);
  });

  it('count a record naming only its region under that region, and as "place not stated" among cities, never in a city', async () => {
    const data = await view(researcher, { region: REGION });
    expect(data.totals.detentions).toBe(1);
    expect(data.byPlace).toEqual([]);
    expect(data.placeNotStated).toBe(1);
    expect(data.byRegion).toEqual([{ region: REGION, count: 1, regionOnly: 1 }]);
    expect(data.regionNotStated).toBe(0);
    // The case list behind the "place not stated" bar holds it.
    const list = await listCases(researcher, parseCaseFilters({ region: REGION, place: 'not_stated', lens: String(lens) }));
    expect(list.total).toBe(1);
  });

  it('count each charge of a detention: a detention with two charges is in both bars, by article and part, stated or inferred', async () => {
    const data = await view(researcher, { region: REGION });
    const [c488, c489] = [await chargeId('coao-488'), await chargeId('coao-489')];
    expect(data.totals).toMatchObject({ detentions: 1, charges: 2 });
    expect(data.byCharge).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ chargeId: c488, part: '3', stated: 1, inferred: 0, count: 1 }),
        expect.objectContaining({ chargeId: c489, part: '1', stated: 0, inferred: 1, count: 1 }),
      ]),
    );
    expect(data.byOutcome).toEqual([{ outcome: 'convicted', count: 1 }, { outcome: 'dropped', count: 1 }]);
    expect(data.pleaOutcome).toEqual([{ plea: 'not_guilty', outcome: 'convicted', count: 1 }, { plea: 'not_guilty', outcome: 'dropped', count: 1 }]);
    // Filtering by either charge finds the detention.
    expect((await view(researcher, { region: REGION, charge: String(c489) })).totals.detentions).toBe(1);
    // Charge and outcome together mean one charge with that outcome: 489 was dropped, not convicted.
    expect((await view(researcher, { region: REGION, charge: String(c489), outcome: 'convicted' })).totals.detentions).toBe(0);
    expect((await view(researcher, { region: REGION, charge: String(c489), outcome: 'dropped' })).totals.detentions).toBe(1);
    // A charge with words only and no article has its own bar.
    const z = await view(researcher, { city: String(await placeId('Zhanaozen')) });
    expect(z.byCharge).toEqual(expect.arrayContaining([expect.objectContaining({ chargeId: null, textOnly: true, count: 1 })]));
  });

  it('keeps fines per currency, converts MCI with the ruling year\'s value (computed), and counts fines one way everywhere', async () => {
    const data = await view(researcher, { region: REGION });
    expect(data.money.fines).toBe(2);
    expect(data.money.byCurrency).toEqual([{ unit: 'MCI', count: 1, total: 30 }, { unit: 'USD', count: 1, total: 135 }]);
    expect(data.money.tengeComputed).toBe(30 * 3450);
    expect(data.money.tengeComputedFrom).toEqual({ kzt: 0, mci: 1 });
    expect(data.byPenalty).toEqual([{ kind: 'fine', count: 2 }]);

    const window = await view(researcher, {});
    // KZT 69,000 + 30 MCI and 10 MCI in 2023 at 3,450; the dollars stay apart.
    expect(window.money.tengeComputed).toBe(69000 + 40 * 3450);
    expect(window.money.byCurrency.find((c) => c.unit === 'USD')).toEqual({ unit: 'USD', count: 1, total: 135 });
    expect(window.money.fines).toBe(window.money.byCurrency.reduce((a, c) => a + c.count, 0) + window.money.amountNotStated);
    expect(window.byPenalty.find((p) => p.kind === 'fine')?.count).toBe(window.money.fines);
  });

  it('counts records without a day in "date uncertain", and places them by the period rule', async () => {
    const z = await view(researcher, { city: String(await placeId('Zhanaozen')) });
    // The year-only record tied to the election and the "between" interval inside the window.
    expect(z.totals.detentions).toBe(2);
    expect(z.uncertain.detained).toBe(2);
    expect(z.timeline[0].days.reduce((a, d) => a + d.count, 0)).toBe(0);
    // On the sentence axis the year-only record has a day (2023-03-20); the other stays uncertain.
    const bySentence = await view(researcher, { city: String(await placeId('Zhanaozen')), axis: 'sentenced' });
    expect(bySentence.uncertain.sentenced).toBe(1);
    expect(bySentence.timeline[0].days.find((d) => d.date === '2023-03-20')?.count).toBe(1);
    const known = await view(researcher, { city: String(await placeId('Zhanaozen')), axis: 'known' });
    expect(known.uncertain.known).toBe(1);
    expect(known.timeline[0].days.find((d) => d.date === '2023-03-20')?.count).toBe(1);
    // The case list behind the "date uncertain" figure finds the same two.
    const list = await listCases(researcher, parseCaseFilters({ city: String(await placeId('Zhanaozen')), dated: 'uncertain', lens: String(lens) }));
    expect(list.total).toBe(2);
    // Every date: the year-only record not tied to the election comes in too.
    const all = await getDashboardData(researcher, parseDashboardParams({ all: '1', city: String(await placeId('Zhanaozen')) }), 'rollup', TODAY);
    expect(all.totals.detentions).toBe(3);
    expect(all.uncertain.detained).toBe(3);
  });

  it('computes the outcome and custody panels from the records', async () => {
    const [rudny, kentau, temirtau] = await Promise.all(TOWNS.slice(0, 3).map(placeId));
    const r = await view(researcher, { city: String(rudny) });
    expect(r.totals).toMatchObject({ detentions: 2, arrestDays: 25 });
    expect(r.money.fines).toBe(0);
    expect(r.arrestDays).toEqual([{ days: 10, count: 1 }, { days: 15, count: 1 }]);
    expect(r.delay).toEqual([{ bucket: 0, count: 1 }, { bucket: 1, count: 1 }]);
    expect(r.repeat.people).toBe(1);
    expect(r.repeat.top[0].count).toBe(2);
    // On 2023-03-20 the 10-day arrest (from 03-10) has ended; the 15-day one (from 03-18) has not.
    expect(r.custody).toMatchObject({ held: 1, released: 1, withDays: 1, totalDays: 10 });
    expect(r.custody.days).toEqual([{ upTo: 15, count: 1 }]);

    const k = await view(researcher, { city: String(kentau) });
    expect(k.money).toMatchObject({ fines: 1, byCurrency: [{ unit: 'KZT', count: 1, total: 69000 }], tengeComputed: 69000 });
    expect(k.pleaOutcome).toEqual(expect.arrayContaining([{ plea: 'not_guilty', outcome: 'acquitted', count: 1 }, { plea: 'guilty', outcome: 'convicted', count: 1 }]));
    expect(k.delay).toEqual([{ bucket: 3, count: 1 }]);
    const timeline = k.timeline[0].days;
    expect(timeline).toHaveLength(91);
    expect(timeline.find((d) => d.offset === 0)).toEqual({ offset: 0, date: '2023-03-19', count: 2 });

    // The hearing two days ahead, for the region-only record.
    const n = await view(researcher, { region: REGION });
    expect(n.custody).toMatchObject({ hearingSoon: 1, held: 1 });
    expect((await view(researcher, { region: REGION, custody: 'hearing_soon' })).totals.detentions).toBe(1);

    // The researcher sees Temirtau's undated, election-tagged record but not the restricted one.
    const t = await view(researcher, { city: String(temirtau) });
    expect(t.totals.detentions).toBe(1);
    expect(t.byOutcome).toEqual([{ outcome: 'pending', count: 1 }]);
    const all = parseDashboardParams({ all: '1', city: String(temirtau) });
    expect((await getDashboardData(researcher, all)).totals.detentions).toBe(2);
    expect((await getDashboardData(monitor, all)).totals.detentions).toBe(3);
  });

  it('gives the same numbers from the rollup as from a plain GROUP BY over the detentions', async () => {
    const c489 = String(await chargeId('coao-489'));
    for (const query of [
      { lens: String(lens) },
      { from: '2022-01-01', to: '2023-12-31', plea: 'not_guilty' },
      { lens: String(lens), role: 'activist', review: 'draft' },
      { lens: String(lens), place: 'not_stated' },
      { all: '1', dated: 'uncertain' },
      { lens: String(lens), charge: c489, axis: 'known' },
      { lens: String(lens), penalty: 'fine', outcome: 'convicted' },
      { to: '2023-03-31', axis: 'sentenced' },
      // Answered by the day rollups: the period and visibility only, other elections overlaid.
      { all: '1' },
      { lens: String(lens), confidentiality: 'restricted' },
      { lens: String(lens), compare: '1,2,3,4,5' },
      { from: '2020-06-01', to: '2022-12-31', compare: '1,2,3,4,5', axis: 'known' },
      // Custody held or released, from the wide rollups' custody columns.
      { lens: String(lens), custody: 'held' },
      { lens: String(lens), custody: 'released', axis: 'sentenced', compare: String(lens) },
      { lens: String(lens), custody: 'held', place: 'not_stated' },
      { all: '1', custody: 'released', plea: 'not_guilty' },
      // Read from the matched records (custody missing or a hearing soon; a charge and its outcome together).
      { all: '1', custody: 'hearing_soon' },
      { all: '1', custody: 'missing' },
      { lens: String(lens), charge: c489, outcome: 'dropped' },
    ]) {
      const params = parseDashboardParams(query);
      for (const actor of [monitor, researcher]) {
        // On the server, other test files write to the same database meanwhile: compare a pair read
        // while nothing changed (the rollup read before and after the baseline agree).
        let pair: unknown[] = [];
        for (let attempt = 0; attempt < 5; attempt++) {
          const before = await getDashboardData(actor, params, 'rollup', TODAY);
          const fromRecords = await getDashboardData(actor, params, 'detentions', TODAY);
          const after = await getDashboardData(actor, params, 'rollup', TODAY);
          pair = [after, fromRecords];
          if (JSON.stringify(before) === JSON.stringify(after)) break;
        }
        expect(pair[0], JSON.stringify(query)).toEqual(pair[1]);
      }
    }
  });

  it('counts who is held and who is released from the rollups as the records say, whatever the day', async () => {
    // The custody columns of the rollups hold dates, compared with today when read: the day an arrest
    // ends (Rudny's 10 days from 03-10: 03-20, the pinned today), the days around the 15 days from
    // 03-18, and a day long before any detention.
    const rudnyId = String(await placeId(TOWNS[0]));
    for (const today of ['2023-03-19', TODAY, '2023-04-01', '2023-04-02', '2023-04-03', '2019-01-01']) {
      for (const query of [
        { lens: String(lens), custody: 'held' },
        { lens: String(lens), custody: 'released' },
        { all: '1', custody: 'held', city: rudnyId },
        { all: '1', custody: 'released', city: rudnyId },
      ]) {
        const params = parseDashboardParams(query);
        const fromRollups = await getDashboardData(researcher, params, 'rollup', today);
        expect(fromRollups, `${today} ${JSON.stringify(query)}`).toEqual(await getDashboardData(researcher, params, 'detentions', today));
      }
    }
    const rudny = (custody: string, today: string) => getDashboardData(researcher, parseDashboardParams({ all: '1', custody, city: rudnyId }), 'rollup', today);
    expect((await rudny('held', '2023-03-19')).totals.detentions).toBe(2);
    expect((await rudny('held', TODAY)).totals.detentions).toBe(1);
    expect((await rudny('released', TODAY)).totals.detentions).toBe(1);
  });

  it('gives the lens the same timeline whether it is taken from the aggregates or counted', async () => {
    // The default view takes the lens's timeline from its detentions per day; with an explicit
    // date range the scope is not the window, so the timeline is counted by its own query.
    const [{ heldOn }] = await db.select({ heldOn: elections.heldOn }).from(elections).where(eq(elections.id, lens));
    const shift = (n: number) => new Date(Date.parse(`${heldOn}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    for (const actor of [monitor, researcher]) {
      const queries: Record<string, string>[] = [{}, { city: String(await placeId('Kentau')) }, { plea: 'not_guilty' }];
      for (const query of queries) {
        const fromDays = await view(actor, query);
        const counted = await view(actor, { ...query, from: shift(-60), to: shift(30) });
        expect(fromDays.timeline[0].days.some((d) => d.count > 0)).toBe(true);
        expect(fromDays.timeline[0]).toEqual(counted.timeline[0]);
      }
    }
  });

  it('overlays other elections on the same relative axis', async () => {
    const all = await db.select({ id: elections.id }).from(elections);
    const data = await view(researcher, { compare: all.map((e) => String(e.id)).join(',') });
    expect(data.timeline.map((e) => e.id)[0]).toBe(lens);
    expect(data.timeline).toHaveLength(all.length);
    for (const e of data.timeline) {
      expect(e.days.find((d) => d.offset === 0)?.date).toBe(e.heldOn);
    }
  });
});

// Security regression (session 25): the default view opens on the election most live detentions are
// tied to, and that count included restricted records for every reader, so the election a
// researcher's dashboard opened on could point at records they may not see.
describe('the default election', () => {
  it('is chosen from the detentions the reader may see', async () => {
    const poll = (name: string, heldOn: string) => db.insert(elections).values({ name: unique(name), kind: 'local', heldOn }).returning({ id: elections.id, name: elections.name, heldOn: elections.heldOn });
    const [[open], [hidden]] = await Promise.all([poll('Open poll', '2019-03-01'), poll('Hidden poll', '2019-06-01')]);
    const tied: { id: number; version: number }[] = [];
    for (const [election, confidentiality] of [[open, 'shareable'], [open, 'shareable'], [hidden, 'shareable'], [hidden, 'restricted'], [hidden, 'restricted'], [hidden, 'restricted']] as const) {
      const result = await createCase(monitor, await validCase({ electionId: String(election.id), confidentiality }));
      if (!result.ok) throw new Error(JSON.stringify(result));
      tied.push({ id: result.id, version: 1 });
    }
    try {
      const counts = async (actor: Actor) => {
        const all = (await listElections(actor)).filter((e) => e.id === open.id || e.id === hidden.id);
        return { open: all[0].tied, hidden: all[1].tied, lens: resolveLens(all, parseDashboardParams({})).lens?.id };
      };
      expect(await counts(researcher)).toEqual({ open: 2, hidden: 1, lens: open.id });
      expect(await counts(monitor)).toEqual({ open: 2, hidden: 4, lens: hidden.id });
    } finally {
      // Other tests of this database follow the default election: these must not become it.
      for (const { id, version } of tied) expect((await deleteCase(monitor, id, version, null)).ok).toBe(true);
    }
  });
});

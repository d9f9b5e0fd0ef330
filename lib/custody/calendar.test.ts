import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { caseInput } from '@/lib/cases/schema';
import { createCase, deleteCase } from '@/lib/cases/queries';
import { APP_TIME_ZONE } from '@/lib/i18n/time-zone';
import { useTestDatabase } from '@/lib/test/database';
import { caseForm, chargeId, createActor, unique } from '@/lib/test/factories';
import { addDays, groupByDay, listCalendar, listMissing, todayIn } from './calendar';

useTestDatabase();

describe('todayIn', () => {
  it('is the calendar day in the given zone, not in UTC', () => {
    // 19:30 UTC on 9 January 2021 was already 10 January in Almaty (then UTC+6).
    expect(todayIn('Asia/Almaty', new Date('2021-01-09T19:30:00Z'))).toBe('2021-01-10');
    expect(todayIn('UTC', new Date('2021-01-09T19:30:00Z'))).toBe('2021-01-09');
    // Since March 2024 Kazakhstan keeps UTC+5: 19:30 UTC is 00:30 the next day, 18:59 UTC is not.
    expect(todayIn('Asia/Almaty', new Date('2024-06-30T19:30:00Z'))).toBe('2024-07-01');
    expect(todayIn('Asia/Almaty', new Date('2024-06-30T18:59:00Z'))).toBe('2024-06-30');
    expect(todayIn('America/New_York', new Date('2021-01-01T03:00:00Z'))).toBe('2020-12-31');
  });

  it('moves days across months and years', () => {
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2021-01-10', -30)).toBe('2020-12-11');
  });

  it('groups items by day, in day order', () => {
    const groups = groupByDay([{ day: '2021-01-12', n: 1 }, { day: '2021-01-10', n: 2 }, { day: '2021-01-12', n: 3 }]);
    expect(groups).toEqual([
      { day: '2021-01-10', items: [{ day: '2021-01-10', n: 2 }] },
      { day: '2021-01-12', items: [{ day: '2021-01-12', n: 1 }, { day: '2021-01-12', n: 3 }] },
    ]);
  });
});

describe('scheduling a hearing', () => {
  it('accepts a hearing day ahead, and refuses any other event dated ahead', async () => {
    const ahead = addDays(todayIn(APP_TIME_ZONE), 20);
    const ok = caseInput.safeParse(await caseForm({ events: [{ kind: 'hearing_scheduled', date: { on: ahead } }] }));
    expect(ok.success).toBe(true);
    const released = caseInput.safeParse(await caseForm({ events: [{ kind: 'released', date: { on: ahead } }] }));
    expect(released.success).toBe(false);
    expect(released.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['events.0.date.on', 'errors.futureDate']]);
    const between = caseInput.safeParse(await caseForm({ events: [{ kind: 'hearing_held', date: { on: '2021-01-06', qualifier: 'between', to: ahead } }] }));
    expect(between.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['events.0.date.to', 'errors.futureDate']]);
  });
});

describe('the calendar', () => {
  const today = todayIn(APP_TIME_ZONE);
  const tag = unique('Cal').replace(/[^a-z0-9]/gi, '').toLowerCase();
  let monitor: Actor;
  let researcher: Actor;
  const ids: Record<string, number> = {};

  async function create(name: string, overrides: Record<string, unknown>) {
    const result = await createCase(monitor, caseInput.parse(await caseForm({ personName: `${tag} ${name}`, ...overrides })));
    if (!result.ok) throw new Error(JSON.stringify(result));
    ids[name] = result.id;
    return result.id;
  }
  const charge = { chargeText: 'picket', outcome: 'pending' };
  const recent = { detained: { on: addDays(today, -2) }, sentenced: {}, charges: [charge] };
  const hearing = (on: string, extra: Record<string, unknown> = {}) => ({ kind: 'hearing_scheduled', date: { on }, ...extra });

  beforeAll(async () => {
    monitor = await createActor('monitor');
    researcher = await createActor('researcher');
    const stated = { chargeId: String(await chargeId('coao-488')), part: '3', basisOrigin: 'stated', chargeText: 'unsanctioned rally', outcome: 'pending' };
    await create('Open', { ...recent, charges: [stated, charge], court: 'Specialised inter-district court', events: [hearing(addDays(today, 3), { placeDetail: 'Almaty city court, room 4' })] });
    await create('Hidden', { ...recent, confidentiality: 'restricted', events: [hearing(addDays(today, 5))] });
    await create('Gone', { ...recent, events: [hearing(addDays(today, 4))] });
    await create('Past', { ...recent, events: [hearing(addDays(today, -1))] });
    // "Between two days ago and in two days": still possibly ahead, so listed under today.
    await create('Fuzzy', { ...recent, events: [{ kind: 'hearing_scheduled', date: { on: addDays(today, -2), qualifier: 'between', to: addDays(today, 2) } }] });
    // 15 days of arrest from two days ago: expected release in 13 days (none already released).
    const arrest = (amount: string) => [
      { chargeText: 'picket', outcome: 'convicted', outcomeDate: { on: addDays(today, -1) }, penalties: [{ kind: 'administrative_arrest', amount, unit: 'days' }] },
    ];
    await create('Arrested', { ...recent, charges: arrest('15') });
    await create('Freed', { ...recent, charges: arrest('15'), events: [{ kind: 'released', date: { on: today } }] });
    await create('Missing', { ...recent, charges: [], sentenced: {}, events: [{ kind: 'whereabouts_unknown', date: { on: addDays(today, -2) } }] });
    await create('JustMissing', { detained: { on: today }, sentenced: {}, charges: [], events: [{ kind: 'whereabouts_unknown', date: { on: today } }] });
    const deleted = await deleteCase(monitor, ids.Gone, 1, null);
    expect(deleted.ok).toBe(true);
  });

  const mine = <T extends { person: string }>(items: T[]) => items.filter((i) => i.person.startsWith(tag));

  it('lists upcoming hearings and expected releases in day order, with venue and charges', async () => {
    const items = mine(await listCalendar(monitor, { from: today, to: addDays(today, 60) }));
    expect(items.map((i) => [i.kind, i.person.slice(tag.length + 1), i.day])).toEqual([
      ['hearing', 'Fuzzy', today],
      ['hearing', 'Open', addDays(today, 3)],
      ['hearing', 'Hidden', addDays(today, 5)],
      ['release', 'Arrested', addDays(today, 13)],
    ]);
    const open = items[1];
    expect(open).toMatchObject({ detentionId: ids.Open, venue: 'Almaty city court, room 4', court: 'Specialised inter-district court', place: { city: 'Aktobe' } });
    expect(open.date).toMatchObject({ earliest: addDays(today, 3), latest: addDays(today, 3), qualifier: 'exact' });
    expect(open.charges).toEqual([
      { basis: 'CoAO art. 488(3)', inferred: false, text: 'unsanctioned rally' },
      { basis: null, inferred: false, text: 'picket' },
    ]);
    expect(items[0].date).toMatchObject({ earliest: addDays(today, -2), latest: addDays(today, 2), qualifier: 'between' });
  });

  it('never shows a researcher a restricted or deleted record', async () => {
    const items = mine(await listCalendar(researcher, { from: today, to: addDays(today, 60) }));
    expect(items.map((i) => i.person.slice(tag.length + 1))).toEqual(['Fuzzy', 'Open', 'Arrested']);
  });

  it('includes past days when asked (the feed keeps the last 30 days)', async () => {
    const items = mine(await listCalendar(monitor, { from: addDays(today, -30), to: today }));
    expect(items.map((i) => i.person.slice(tag.length + 1))).toEqual(['Fuzzy', 'Past']);
  });

  it('lists people missing for more than 24 hours, not those missing since today', async () => {
    const missing = mine(await listMissing(monitor, today));
    expect(missing).toEqual([{ detentionId: ids.Missing, person: `${tag} Missing`, place: { city: 'Aktobe', region: expect.any(String), placePrecision: 'city' }, since: addDays(today, -2) }]);
  });
});

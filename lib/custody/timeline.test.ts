import { describe, expect, it } from 'vitest';
import type { CustodyEventKind } from '@/db/schema';
import { UNKNOWN_INTERVAL, type DateInterval } from '@/lib/dates/interval';
import { addTerm, custodyNow, dayOf, deriveCustody, orderEvents, type TimelineCharge } from './timeline';

const day = (d: string): DateInterval => ({ earliest: d, latest: d, qualifier: 'exact', asReported: null });
const between = (a: string, b: string): DateInterval => ({ earliest: a, latest: b, qualifier: 'between', asReported: null });
const ev = (kind: CustodyEventKind, date: DateInterval) => ({ kind, date });
const arrest = (amount: number, extra: Partial<TimelineCharge['penalties'][number]> = {}): TimelineCharge => ({
  outcome: 'convicted',
  penalties: [{ kind: 'administrative_arrest', amount, unit: 'days', replaced: false, ...extra }],
});

describe('dayOf and orderEvents', () => {
  it('gives the day of a one-day interval only', () => {
    expect(dayOf(day('2021-01-06'))).toBe('2021-01-06');
    expect(dayOf(between('2021-01-01', '2021-01-31'))).toBeNull();
    expect(dayOf(UNKNOWN_INTERVAL)).toBeNull();
  });

  it('orders by earliest possible day, keeps entry order on ties, puts undated events last', () => {
    const events = [
      ev('released', UNKNOWN_INTERVAL),
      ev('hearing_held', day('2021-01-06')),
      ev('detained', { earliest: null, latest: '2021-01-04', qualifier: 'on_or_before', asReported: null }),
      ev('sentenced', day('2021-01-06')),
    ];
    expect(orderEvents(events).map((e) => e.kind)).toEqual(['detained', 'hearing_held', 'sentenced', 'released']);
  });
});

describe('addTerm', () => {
  it('adds days, months and years to a calendar day', () => {
    expect(addTerm('2021-01-04', 7, 'days')).toBe('2021-01-11');
    expect(addTerm('2021-01-04', 2, 'months')).toBe('2021-03-04');
    expect(addTerm('2021-01-04', 1, 'years')).toBe('2022-01-04');
    expect(addTerm('2021-01-04', 5, 'hours')).toBeNull();
    expect(addTerm('2021-01-04', 5, 'KZT')).toBeNull();
  });

  it('ends a month or year term on the last day of a shorter month, never in the month after', () => {
    expect(addTerm('2021-01-31', 1, 'months')).toBe('2021-02-28');
    expect(addTerm('2020-01-31', 1, 'months')).toBe('2020-02-29');
    expect(addTerm('2021-03-31', 1, 'months')).toBe('2021-04-30');
    expect(addTerm('2020-02-29', 1, 'years')).toBe('2021-02-28');
  });

  it('reads a fractional term in a smaller unit instead of rounding it away', () => {
    // "Half a year of restricted freedom" is six months, not one year (Math.round(0.5) = 1).
    expect(addTerm('2021-01-04', 0.5, 'years')).toBe('2021-07-04');
    expect(addTerm('2021-01-04', 1.5, 'years')).toBe('2022-07-04');
    expect(addTerm('2021-01-04', 2.5, 'days')).toBe('2021-01-07');
  });
});

describe('deriveCustody', () => {
  const detained = day('2021-01-04');

  it('holds a person from the detention day and expects release when the arrest term ends', () => {
    expect(deriveCustody({ detained, events: [], charges: [arrest(7)] })).toEqual({
      custodyStatus: 'in_custody',
      custodyFrom: '2021-01-04',
      releasedOn: null,
      custodyDays: null,
      whereaboutsUnknownSince: null,
      nextHearingOn: null,
      expectedReleaseOn: '2021-01-11',
    });
  });

  it('counts the days in custody once released on a known day', () => {
    const facts = deriveCustody({ detained, events: [ev('released', day('2021-01-11'))], charges: [arrest(7)] });
    expect(facts).toMatchObject({ custodyStatus: 'released', releasedOn: '2021-01-11', custodyDays: 7, expectedReleaseOn: null });
  });

  it('keeps the release day unknown when the release is known only roughly', () => {
    const facts = deriveCustody({ detained, events: [ev('released', between('2021-01-10', '2021-01-15'))], charges: [] });
    expect(facts).toMatchObject({ custodyStatus: 'released', releasedOn: null, custodyDays: null });
  });

  it('tracks whereabouts unknown until the location is confirmed', () => {
    const missing = deriveCustody({ detained, events: [ev('whereabouts_unknown', day('2021-01-05'))], charges: [] });
    expect(missing).toMatchObject({ custodyStatus: 'whereabouts_unknown', whereaboutsUnknownSince: '2021-01-05' });
    const found = deriveCustody({
      detained,
      events: [ev('whereabouts_unknown', day('2021-01-05')), ev('location_confirmed', day('2021-01-07'))],
      charges: [],
    });
    expect(found).toMatchObject({ custodyStatus: 'in_custody', whereaboutsUnknownSince: null });
  });

  it('takes the last scheduled hearing as the next one until a hearing is held on or after it', () => {
    const scheduled = deriveCustody({
      detained,
      events: [ev('hearing_scheduled', day('2021-01-06')), ev('hearing_scheduled', day('2021-01-20'))],
      charges: [],
    });
    expect(scheduled.nextHearingOn).toBe('2021-01-20');
    const held = deriveCustody({
      detained,
      events: [ev('hearing_scheduled', day('2021-01-20')), ev('hearing_held', day('2021-01-20'))],
      charges: [],
    });
    expect(held.nextHearingOn).toBeNull();
  });

  it('expects release from custodial penalties only, of convicted or appealed charges, skipping replaced ones', () => {
    const fine: TimelineCharge = { outcome: 'convicted', penalties: [{ kind: 'fine', amount: 100, unit: 'MCI', replaced: false }] };
    expect(deriveCustody({ detained, events: [], charges: [fine] }).expectedReleaseOn).toBeNull();
    expect(deriveCustody({ detained, events: [], charges: [{ ...arrest(10), outcome: 'pending' }] }).expectedReleaseOn).toBeNull();
    expect(deriveCustody({ detained, events: [], charges: [{ ...arrest(10), outcome: 'on_appeal' }] }).expectedReleaseOn).toBe('2021-01-14');
    const replaced: TimelineCharge = {
      outcome: 'convicted',
      penalties: [
        { kind: 'administrative_arrest', amount: 15, unit: 'days', replaced: true },
        { kind: 'administrative_arrest', amount: 5, unit: 'days', replaced: false },
      ],
    };
    expect(deriveCustody({ detained, events: [], charges: [replaced] }).expectedReleaseOn).toBe('2021-01-09');
    // Two charges served at once: the longer term sets the release.
    expect(deriveCustody({ detained, events: [], charges: [arrest(5), arrest(10)] }).expectedReleaseOn).toBe('2021-01-14');
  });

  it('expects no release day when the detention day is not known exactly', () => {
    const facts = deriveCustody({ detained: between('2021-01-01', '2021-01-05'), events: [], charges: [arrest(7)] });
    expect(facts).toMatchObject({ custodyFrom: null, expectedReleaseOn: null });
  });
});

describe('custodyNow', () => {
  const held = { custodyStatus: 'in_custody' as const, custodyFrom: '2021-01-04', releasedOn: null, custodyDays: null, expectedReleaseOn: '2021-01-11', whereaboutsUnknownSince: null };

  it('counts days in custody up to today while held', () => {
    expect(custodyNow(held, '2021-01-08')).toEqual({ status: 'in_custody', presumed: false, days: 4, missingDays: null });
  });

  it('presumes release once the expected day has come, with the term as the days held', () => {
    expect(custodyNow(held, '2021-01-11')).toEqual({ status: 'released', presumed: true, days: 7, missingDays: null });
    expect(custodyNow(held, '2022-01-01')).toEqual({ status: 'released', presumed: true, days: 7, missingDays: null });
  });

  it('reports a recorded release as it is', () => {
    expect(custodyNow({ ...held, custodyStatus: 'released', releasedOn: '2021-01-10', custodyDays: 6 }, '2021-01-08')).toEqual({
      status: 'released',
      presumed: false,
      days: 6,
      missingDays: null,
    });
  });

  it('counts days missing, and never negative days for a future start', () => {
    const missing = { ...held, custodyStatus: 'whereabouts_unknown' as const, whereaboutsUnknownSince: '2021-01-05', expectedReleaseOn: null };
    expect(custodyNow(missing, '2021-01-07')).toMatchObject({ status: 'whereabouts_unknown', days: 3, missingDays: 2 });
    expect(custodyNow({ ...missing, custodyFrom: '2021-01-09', whereaboutsUnknownSince: '2021-01-09' }, '2021-01-07')).toMatchObject({ days: null, missingDays: null });
  });
});

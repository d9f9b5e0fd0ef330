/**
 * The custody timeline of one detention and what follows from it: where the person stands, since
 * when they are held, when they were (or are expected to be) released, the next hearing, and since
 * when nobody knows where they are. Derived on every save and stored on the detention, so lists,
 * filters and the calendar read columns instead of replaying events.
 *
 * Facts that depend on today (days in custody while held, "whereabouts unknown for more than 24 h",
 * "in custody now") are computed at read time from the stored days (custodyNow below), so they
 * never go stale between saves.
 */
import type { ChargeOutcome, CustodyEventKind, CustodyStatus, PenaltyKind, PenaltyUnit } from '@/db/schema';
import type { DateInterval } from '@/lib/dates/interval';
import { daysBetween } from '@/lib/dates/partial-date';

export type TimelineEvent = { kind: CustodyEventKind; date: DateInterval };
export type TimelinePenalty = { kind: PenaltyKind; amount: number | null; unit: PenaltyUnit | null; replaced: boolean };
export type TimelineCharge = { outcome: ChargeOutcome; penalties: TimelinePenalty[] };

export type CustodyFacts = {
  custodyStatus: CustodyStatus;
  custodyFrom: string | null;
  releasedOn: string | null;
  /** Days from detention to release, once released on a known day (running days: custodyNow). */
  custodyDays: number | null;
  whereaboutsUnknownSince: string | null;
  nextHearingOn: string | null;
  expectedReleaseOn: string | null;
};

/** Penalties served in custody: their term, from the first day held, gives the expected release. */
const CUSTODIAL: readonly PenaltyKind[] = ['administrative_arrest', 'imprisonment'];

/** The single day of an interval, or null when it is not exactly one day. */
export function dayOf(interval: Pick<DateInterval, 'earliest' | 'latest'>): string | null {
  return interval.earliest !== null && interval.earliest === interval.latest ? interval.earliest : null;
}

/** Sort key of an event: its earliest possible day, else its latest, undated events last. */
function sortKey(event: TimelineEvent): string {
  return event.date.earliest ?? event.date.latest ?? '9999-12-31';
}

/** Events in the order they happened (stable: same-day events keep the order they were entered). */
export function orderEvents<T extends TimelineEvent>(events: readonly T[]): T[] {
  return events.map((e, i) => [e, i] as const).sort(([a, i], [b, j]) => sortKey(a).localeCompare(sortKey(b)) || i - j).map(([e]) => e);
}

/** The day `months` calendar months after `day`, on the last day of the month when it is shorter (31 Jan + 1 month = 28 Feb). */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

function addWholeDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Adds a term to a calendar day. A fraction is read in the next smaller unit ("0.5 years" is six
 * months, "1.5 months" a month and 15 days), never rounded to a whole year or month.
 */
export function addTerm(day: string, amount: number, unit: PenaltyUnit): string | null {
  if (unit === 'days') return addWholeDays(day, Math.round(amount));
  if (unit !== 'months' && unit !== 'years') return null;
  const months = unit === 'years' ? amount * 12 : amount;
  const whole = Math.floor(months);
  const end = addMonths(day, whole);
  const restDays = Math.round((months - whole) * 30);
  return restDays > 0 ? addWholeDays(end, restDays) : end;
}

export function deriveCustody(input: { detained: DateInterval; events: readonly TimelineEvent[]; charges: readonly TimelineCharge[] }): CustodyFacts {
  const custodyFrom = dayOf(input.detained);
  // A detention record alone says the person was detained, not that they are still held: without
  // an event or a custodial sentence that says so, where they stand is unknown.
  let status: CustodyStatus = 'unknown';
  let releasedOn: string | null = null;
  let whereaboutsUnknownSince: string | null = null;
  let nextHearingOn: string | null = null;
  for (const event of orderEvents(input.events)) {
    const day = event.date.earliest ?? event.date.latest;
    switch (event.kind) {
      case 'detained':
        status = 'in_custody';
        releasedOn = null;
        break;
      case 'whereabouts_unknown':
        status = 'whereabouts_unknown';
        whereaboutsUnknownSince = day;
        break;
      case 'location_confirmed':
      case 'transferred':
        status = 'in_custody';
        whereaboutsUnknownSince = null;
        break;
      case 'hearing_held':
        // Brought before a court: no longer missing (but not proof of custody afterwards).
        if (status === 'whereabouts_unknown') status = 'in_custody';
        whereaboutsUnknownSince = null;
        break;
      case 'released':
        status = 'released';
        releasedOn = dayOf(event.date);
        whereaboutsUnknownSince = null;
        break;
      default:
        break;
    }
    if (event.kind === 'hearing_scheduled') nextHearingOn = day;
    // A hearing held on or after the scheduled day means that hearing is no longer upcoming.
    if (event.kind === 'hearing_held' && nextHearingOn !== null && day !== null && day >= nextHearingOn) nextHearingOn = null;
  }
  let expectedReleaseOn: string | null = null;
  if (status !== 'released' && custodyFrom !== null) {
    for (const charge of input.charges) {
      if (charge.outcome !== 'convicted' && charge.outcome !== 'on_appeal') continue;
      for (const p of charge.penalties) {
        if (p.replaced || !CUSTODIAL.includes(p.kind) || p.amount === null || p.unit === null) continue;
        const end = addTerm(custodyFrom, p.amount, p.unit);
        if (end !== null && (expectedReleaseOn === null || end > expectedReleaseOn)) expectedReleaseOn = end;
      }
    }
  }
  // Serving an arrest or prison term from the day of detention: held until its end.
  if (status === 'unknown' && expectedReleaseOn !== null) status = 'in_custody';
  return {
    custodyStatus: status,
    custodyFrom,
    releasedOn,
    custodyDays: custodyFrom !== null && releasedOn !== null && releasedOn >= custodyFrom ? daysBetween(custodyFrom, releasedOn) : null,
    whereaboutsUnknownSince: status === 'whereabouts_unknown' ? whereaboutsUnknownSince : null,
    nextHearingOn,
    expectedReleaseOn,
  };
}

/**
 * Where the person stands today: "released" once the release is recorded or the expected release
 * day has passed (marked `presumed`), days in custody counted to today while held.
 */
export function custodyNow(
  facts: Pick<CustodyFacts, 'custodyStatus' | 'custodyFrom' | 'releasedOn' | 'custodyDays' | 'expectedReleaseOn' | 'whereaboutsUnknownSince'>,
  today: string,
): { status: CustodyStatus; presumed: boolean; days: number | null; missingDays: number | null } {
  if (facts.custodyStatus === 'released') return { status: 'released', presumed: false, days: facts.custodyDays, missingDays: null };
  if (facts.expectedReleaseOn !== null && facts.expectedReleaseOn <= today) {
    return {
      status: 'released',
      presumed: true,
      days: facts.custodyFrom ? daysBetween(facts.custodyFrom, facts.expectedReleaseOn) : null,
      missingDays: null,
    };
  }
  return {
    status: facts.custodyStatus,
    presumed: false,
    days: facts.custodyFrom && facts.custodyFrom <= today ? daysBetween(facts.custodyFrom, today) : null,
    missingDays: facts.whereaboutsUnknownSince && facts.whereaboutsUnknownSince <= today ? daysBetween(facts.whereaboutsUnknownSince, today) : null,
  };
}

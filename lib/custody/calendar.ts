import 'server-only';
/**
 * The hearing calendar: scheduled hearings and expected releases over a span of days, and who has
 * been missing for more than a day. Read by the /calendar page and the .ics feed, both scoped by
 * visibleDetention, so a researcher's calendar never holds a restricted or deleted record.
 *
 * "Today" is the calendar day in the app's time zone (todayIn), not the furthest-ahead day that
 * date validation uses: a hearing in Almaty tomorrow is not "today" because it is already tomorrow
 * in Kiribati.
 */
import { and, asc, between, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import { custodyEvents, detentions, people, places, type PlacePrecision } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { chargesOf } from '@/lib/cases/details';
import { custodyCondition } from '@/lib/cases/queries';
import { visibleDetention } from '@/lib/cases/visibility';
import type { DateInterval } from '@/lib/dates/interval';
import { storedBasisText } from '@/lib/format';

/** The calendar day ('YYYY-MM-DD') it is now in a time zone (an IANA name such as 'Asia/Almaty'). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: 'year' | 'month' | 'day') => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A calendar day moved by whole days (UTC arithmetic on a date, so no time zone shifts it). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export type CalendarPlace = { city: string | null; region: string | null; placePrecision: PlacePrecision };
export type CalendarCharge = { basis: string | null; inferred: boolean; text: string | null };

export type CalendarItem = {
  kind: 'hearing' | 'release';
  /** A hearing: the custody event's id; a release: the detention's id. Stable, so feed UIDs are too. */
  id: number;
  detentionId: number;
  /** The day it is listed under: its first possible day, or the span's first day when that is later. */
  day: string;
  /** What the source says of the day (a release: the one computed day, exact). */
  date: DateInterval;
  person: string;
  place: CalendarPlace;
  /** Where the hearing is held (the event's place detail or place), else the detention's court. */
  venue: string | null;
  court: string | null;
  charges: CalendarCharge[];
};

export type MissingPerson = { detentionId: number; person: string; place: CalendarPlace; since: string };

/** The most items one list returns: a calendar longer than this is unreadable anyway. */
export const CALENDAR_LIMIT = 500;

const eventPlaces = alias(places, 'event_places');

const placeColumns = { city: places.name, region: sql<string | null>`coalesce(${detentions.region}, ${places.region})`, placePrecision: detentions.placePrecision };

/**
 * Scheduled hearings whose possible days meet [from, to], and expected releases within it of
 * people not recorded as released, in day order. An open interval ("on or after 3 May") counts
 * from its one known day.
 */
export async function listCalendar(actor: Actor, span: { from: string; to: string }): Promise<CalendarItem[]> {
  const start = sql<string>`coalesce(${custodyEvents.earliest}, ${custodyEvents.latest})`;
  const end = sql<string>`coalesce(${custodyEvents.latest}, ${custodyEvents.earliest})`;
  const [hearings, releases] = await Promise.all([
    db
      .select({
        id: custodyEvents.id,
        detentionId: detentions.id,
        earliest: custodyEvents.earliest,
        latest: custodyEvents.latest,
        qualifier: custodyEvents.qualifier,
        asReported: custodyEvents.asReported,
        // As text: a bare date expression could come back as a Date from the driver.
        start: sql<string>`${start}::text`,
        person: people.displayName,
        ...placeColumns,
        eventPlace: eventPlaces.name,
        placeDetail: custodyEvents.placeDetail,
        court: detentions.court,
      })
      .from(custodyEvents)
      .innerJoin(detentions, eq(detentions.id, custodyEvents.detentionId))
      .innerJoin(people, eq(people.id, detentions.personId))
      .leftJoin(places, eq(places.id, detentions.placeId))
      .leftJoin(eventPlaces, eq(eventPlaces.id, custodyEvents.placeId))
      .where(and(eq(custodyEvents.kind, 'hearing_scheduled'), visibleDetention(actor), sql`${end} >= ${span.from}`, sql`${start} <= ${span.to}`))
      .orderBy(asc(start), asc(custodyEvents.id))
      .limit(CALENDAR_LIMIT),
    db
      .select({
        detentionId: detentions.id,
        day: detentions.expectedReleaseOn,
        person: people.displayName,
        ...placeColumns,
        court: detentions.court,
      })
      .from(detentions)
      .innerJoin(people, eq(people.id, detentions.personId))
      .leftJoin(places, eq(places.id, detentions.placeId))
      .where(and(visibleDetention(actor), ne(detentions.custodyStatus, 'released'), between(detentions.expectedReleaseOn, span.from, span.to)))
      .orderBy(asc(detentions.expectedReleaseOn), asc(detentions.id))
      .limit(CALENDAR_LIMIT),
  ]);
  const charges = await chargesOf(db, [...new Set([...hearings.map((h) => h.detentionId), ...releases.map((r) => r.detentionId)])]);
  const chargeList = (detentionId: number): CalendarCharge[] =>
    (charges.get(detentionId) ?? []).map((c) => ({ basis: storedBasisText(c), inferred: c.basisOrigin === 'inferred', text: c.chargeText }));
  const items: CalendarItem[] = [
    ...hearings.map((h) => ({
      kind: 'hearing' as const,
      id: h.id,
      detentionId: h.detentionId,
      day: h.start < span.from ? span.from : h.start,
      date: { earliest: h.earliest, latest: h.latest, qualifier: h.qualifier, asReported: h.asReported },
      person: h.person,
      place: { city: h.city, region: h.region, placePrecision: h.placePrecision },
      venue: h.placeDetail ?? h.eventPlace ?? h.court,
      court: h.court,
      charges: chargeList(h.detentionId),
    })),
    ...releases.map((r) => ({
      kind: 'release' as const,
      id: r.detentionId,
      detentionId: r.detentionId,
      day: r.day!,
      date: { earliest: r.day, latest: r.day, qualifier: 'exact' as const, asReported: null },
      person: r.person,
      place: { city: r.city, region: r.region, placePrecision: r.placePrecision },
      venue: null,
      court: r.court,
      charges: chargeList(r.detentionId),
    })),
  ];
  // Hearings before releases on the same day: a hearing needs someone to be there.
  return items.sort((a, b) => a.day.localeCompare(b.day) || (a.kind === b.kind ? a.id - b.id : a.kind === 'hearing' ? -1 : 1));
}

/** Items grouped under their day, days in order. */
export function groupByDay<T extends { day: string }>(items: readonly T[]): { day: string; items: T[] }[] {
  const days = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.day.localeCompare(b.day))) {
    const list = days.get(item.day) ?? [];
    list.push(item);
    days.set(item.day, list);
  }
  return [...days].map(([day, list]) => ({ day, items: list }));
}

/** Whose whereabouts have been unknown for more than 24 hours (custodyCondition 'missing'), longest first. */
export async function listMissing(actor: Actor, today: string): Promise<MissingPerson[]> {
  const rows = await db
    .select({ detentionId: detentions.id, person: people.displayName, ...placeColumns, since: detentions.whereaboutsUnknownSince })
    .from(detentions)
    .innerJoin(people, eq(people.id, detentions.personId))
    .leftJoin(places, eq(places.id, detentions.placeId))
    .where(and(visibleDetention(actor), custodyCondition('missing', today)))
    .orderBy(asc(detentions.whereaboutsUnknownSince), asc(detentions.id))
    .limit(CALENDAR_LIMIT);
  return rows.map((r) => ({
    detentionId: r.detentionId,
    person: r.person,
    place: { city: r.city, region: r.region, placePrecision: r.placePrecision },
    since: r.since!,
  }));
}

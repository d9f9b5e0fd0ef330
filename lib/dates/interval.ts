/**
 * Dates as sources report them: an interval of possible calendar days plus how the source words
 * it. "On 6 January 2021" is the interval of one day; "in January 2021" is its month; "became
 * known on 18 March" is "on or before" (no earliest day); "about six months before" is
 * "approximately" over the days the monitor judges possible. Bounds are 'YYYY-MM-DD' strings,
 * never timestamps, so no time zone can move them. A null bound is open.
 *
 * From an interval we derive where a record is *placed*: on its first day when the interval is at
 * most a month long (timelines, period filters), otherwise nowhere: it is counted in the explicit
 * "date uncertain" bucket and can still be found by its interval.
 */
import type { DatePrecision, DateQualifier } from '@/db/schema';
import { daysBetween, partialDateRange, parsePartialDate, type PartialDate } from './partial-date';

export const DATE_QUALIFIERS = ['exact', 'on_or_before', 'on_or_after', 'between', 'approximately', 'unknown'] as const satisfies readonly DateQualifier[];

export type DateInterval = {
  earliest: string | null;
  latest: string | null;
  qualifier: DateQualifier;
  /** The words of the source ("the evening of Monday 18 March"), when the monitor kept them. */
  asReported: string | null;
};

export const UNKNOWN_INTERVAL: DateInterval = { earliest: null, latest: null, qualifier: 'unknown', asReported: null };

/** The longest interval still placed on a day of the timeline (a month). */
export const PLACEMENT_MAX_DAYS = 30;

/** The interval of a partial date taken as exact: its day, month or year. */
export function intervalOf(date: PartialDate, qualifier: DateQualifier = 'exact', asReported: string | null = null): DateInterval {
  const range = partialDateRange(date);
  if (!range) return { ...UNKNOWN_INTERVAL, asReported };
  return { earliest: range.first, latest: range.last, qualifier, asReported };
}

/**
 * Builds an interval from what a form or an import row says: a partial date (`on`), a qualifier,
 * and for "between" a second partial date (`to`). Returns an error key when they don't fit.
 */
export function buildInterval(
  on: PartialDate,
  qualifier: DateQualifier,
  to: PartialDate,
  asReported: string | null,
): { ok: true; interval: DateInterval } | { ok: false; field: 'on' | 'to' | 'qualifier'; error: string } {
  const a = partialDateRange(on);
  const b = partialDateRange(to);
  if (qualifier === 'unknown') {
    if (a || b) return { ok: false, field: 'qualifier', error: 'errors.qualifierNeedsNoDate' };
    return { ok: true, interval: { ...UNKNOWN_INTERVAL, asReported } };
  }
  if (!a) return { ok: false, field: 'on', error: 'errors.dateRequiredForQualifier' };
  if (qualifier === 'between') {
    if (!b) return { ok: false, field: 'to', error: 'errors.dateRequiredForQualifier' };
    if (b.last < a.first) return { ok: false, field: 'to', error: 'errors.intervalReversed' };
    return { ok: true, interval: { earliest: a.first, latest: b.last, qualifier, asReported } };
  }
  if (b) return { ok: false, field: 'to', error: 'errors.secondDateOnlyForBetween' };
  if (qualifier === 'on_or_before') return { ok: true, interval: { earliest: null, latest: a.last, qualifier, asReported } };
  if (qualifier === 'on_or_after') return { ok: true, interval: { earliest: a.first, latest: null, qualifier, asReported } };
  return { ok: true, interval: { earliest: a.first, latest: a.last, qualifier, asReported } };
}

/** The inverse of buildInterval: the form's fields for a stored interval. */
export function intervalFields(interval: DateInterval): { on: string; to: string; qualifier: DateQualifier; asReported: string } {
  const { earliest, latest, qualifier } = interval;
  const asReported = interval.asReported ?? '';
  if (qualifier === 'unknown' || (!earliest && !latest)) return { on: '', to: '', qualifier: 'unknown', asReported };
  if (qualifier === 'on_or_before') return { on: latest ?? '', to: '', qualifier, asReported };
  if (qualifier === 'on_or_after') return { on: earliest ?? '', to: '', qualifier, asReported };
  if (qualifier === 'between') return { on: earliest ?? '', to: latest ?? '', qualifier, asReported };
  return { on: compact(earliest!, latest!), to: '', qualifier, asReported };
}

/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' when the interval is exactly that day, month or year; else null. */
export function calendarUnit(earliest: string, latest: string): string | null {
  if (earliest === latest) return earliest;
  for (const text of [earliest.slice(0, 7), earliest.slice(0, 4)]) {
    const range = partialDateRange(parsePartialDate(text)!);
    if (range && range.first === earliest && range.last === latest) return text;
  }
  return null;
}

function compact(earliest: string, latest: string): string {
  return calendarUnit(earliest, latest) ?? earliest;
}

/** Length of a bounded interval in days (0 for one day); null when a bound is open. */
export function spanDays({ earliest, latest }: Pick<DateInterval, 'earliest' | 'latest'>): number | null {
  return earliest && latest ? daysBetween(earliest, latest) : null;
}

/**
 * Where a record with this interval is placed: its first day and a precision bucket. Day: one
 * day; month: at most PLACEMENT_MAX_DAYS; year: bounded within a year (not placed on a day);
 * unknown: open or longer. Only 'day' and 'month' carry a day.
 */
export function placement(interval: Pick<DateInterval, 'earliest' | 'latest'>): { on: string | null; precision: DatePrecision } {
  const span = spanDays(interval);
  if (span === null) return { on: null, precision: 'unknown' };
  if (span === 0) return { on: interval.earliest, precision: 'day' };
  if (span <= PLACEMENT_MAX_DAYS) return { on: interval.earliest, precision: 'month' };
  if (span <= 365) return { on: null, precision: 'year' };
  return { on: null, precision: 'unknown' };
}

/** True when the interval certainly ends before the other begins. */
export function endsBefore(a: Pick<DateInterval, 'latest'>, b: Pick<DateInterval, 'earliest'>): boolean {
  return a.latest !== null && b.earliest !== null && a.latest < b.earliest;
}

/** A short language-neutral rendering ("2021-01-06", "≤ 2019-03-18", "2021-01-04 – 2021-01-06", "≈ 2023-06"). */
export function formatInterval(interval: DateInterval): string {
  const { earliest, latest, qualifier } = interval;
  if (qualifier === 'unknown' || (!earliest && !latest)) return '';
  if (qualifier === 'on_or_before') return `≤ ${latest}`;
  if (qualifier === 'on_or_after') return `≥ ${earliest}`;
  if (!earliest || !latest) return earliest ?? latest ?? '';
  const unit = calendarUnit(earliest, latest);
  const core = unit ?? `${earliest} – ${latest}`;
  return qualifier === 'approximately' ? `≈ ${core}` : core;
}

/** The interval as one partial date when it is exactly a day, month or year (for old-style readers). */
export function asPartialDate(interval: DateInterval): PartialDate | null {
  if (interval.qualifier !== 'exact' || !interval.earliest || !interval.latest) return null;
  const unit = calendarUnit(interval.earliest, interval.latest);
  return unit ? parsePartialDate(unit) : null;
}

/**
 * Calendar dates with a precision, as monitors know them: "6 January 2021", "January 2021",
 * "2021", or not at all. Stored as a `date` (first day of the period) plus a precision; never a
 * timestamp, so no time zone can move a detention to another day.
 */
import type { DatePrecision } from '@/db/schema';

export type PartialDate = { date: string | null; precision: DatePrecision };

export const UNKNOWN_DATE: PartialDate = { date: null, precision: 'unknown' };

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Years a record or a filter may name. Postgres and Date.parse accept far more (year 0, 30 February
 * rolled into March), so every date typed or put in a URL goes through this file's parsers instead.
 * Forms refuse a future date with its own message, so only filters need MAX_YEAR.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Parses 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or '' into a PartialDate; null when malformed or not a real day. */
export function parsePartialDate(input: string): PartialDate | null {
  const text = input.trim();
  if (text === '') return UNKNOWN_DATE;
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  const y = Number(year);
  if (y < MIN_YEAR) return null;
  if (month === undefined) return { date: `${year}-01-01`, precision: 'year' };
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  if (day === undefined) return { date: `${year}-${month}-01`, precision: 'month' };
  const d = Number(day);
  if (d < 1 || d > daysInMonth(y, m)) return null;
  return { date: text, precision: 'day' };
}

/** Why a typed date is not one, so the form can say exactly what is wrong ("month 13 does not exist"). */
export type DateProblem =
  | { reason: 'format' }
  | { reason: 'yearTooEarly'; min: number }
  | { reason: 'noSuchMonth'; month: number }
  | { reason: 'dayZero' }
  | { reason: 'noSuchDay'; day: number; month: number; year: number; days: number };

/** The problem with a date parsePartialDate refuses (null when it accepts it). */
export function partialDateProblem(input: string): DateProblem | null {
  const text = input.trim();
  if (text === '') return null;
  const match = PATTERN.exec(text);
  if (!match) return { reason: 'format' };
  const [, year, month, day] = match;
  const y = Number(year);
  if (y < MIN_YEAR) return { reason: 'yearTooEarly', min: MIN_YEAR };
  if (month === undefined) return null;
  const m = Number(month);
  if (m < 1 || m > 12) return { reason: 'noSuchMonth', month: m };
  if (day === undefined) return null;
  const d = Number(day);
  if (d === 0) return { reason: 'dayZero' };
  const days = daysInMonth(y, m);
  if (d > days) return { reason: 'noSuchDay', day: d, month: m, year: y, days };
  return null;
}

/** A real calendar day 'YYYY-MM-DD' (leap years included, years MIN_YEAR–MAX_YEAR), else null. */
export function parseCalendarDay(input: string): string | null {
  const parsed = parsePartialDate(input);
  return parsed?.precision === 'day' && Number(parsed.date!.slice(0, 4)) <= MAX_YEAR ? parsed.date : null;
}

/** The form a user typed, given a stored date: the inverse of parsePartialDate. */
export function formatPartialDate({ date, precision }: PartialDate): string {
  if (!date || precision === 'unknown') return '';
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last calendar day a partial date may stand for, as 'YYYY-MM-DD'. */
export function partialDateRange({ date, precision }: PartialDate): { first: string; last: string } | null {
  if (!date || precision === 'unknown') return null;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (precision === 'year') return { first: `${y}-01-01`, last: `${y}-12-31` };
  if (precision === 'month') {
    const mm = String(m).padStart(2, '0');
    return { first: `${y}-${mm}-01`, last: `${y}-${mm}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
  }
  return { first: date, last: date };
}

/**
 * Today's date where the day is furthest ahead (UTC+14). A date counts as "in the future" only when
 * it has not begun anywhere on Earth, so a monitor in any time zone can record what happened today.
 */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** True when the period has not started anywhere yet. */
export function isInFuture(value: PartialDate, now = new Date()): boolean {
  const range = partialDateRange(value);
  return range !== null && range.first > latestToday(now);
}

/** True when `later` certainly ends before `earlier` begins (allowing for imprecise dates). */
export function isCertainlyBefore(later: PartialDate, earlier: PartialDate): boolean {
  const a = partialDateRange(later);
  const b = partialDateRange(earlier);
  return a !== null && b !== null && a.last < b.first;
}

/** Days between two calendar dates ('YYYY-MM-DD'), b - a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

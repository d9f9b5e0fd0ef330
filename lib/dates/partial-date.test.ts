import { describe, expect, it } from 'vitest';
import { formatPartialDate, isCertainlyBefore, isInFuture, latestToday, parseCalendarDay, parsePartialDate } from './partial-date';

describe('parsePartialDate', () => {
  it('reads a day, a month, a year and nothing', () => {
    expect(parsePartialDate('2021-01-06')).toEqual({ date: '2021-01-06', precision: 'day' });
    expect(parsePartialDate('2021-01')).toEqual({ date: '2021-01-01', precision: 'month' });
    expect(parsePartialDate('2021')).toEqual({ date: '2021-01-01', precision: 'year' });
    expect(parsePartialDate('  ')).toEqual({ date: null, precision: 'unknown' });
  });

  it('refuses impossible and malformed dates', () => {
    for (const bad of ['2021-02-30', '2021-13', '2021-00-10', '06.01.2021', '2021-1-6', 'yesterday', '1850']) {
      expect(parsePartialDate(bad), bad).toBeNull();
    }
    expect(parsePartialDate('2020-02-29')).not.toBeNull();
  });

  it('round-trips through formatPartialDate', () => {
    for (const text of ['2021-01-06', '2021-01', '2021', '']) expect(formatPartialDate(parsePartialDate(text)!)).toBe(text);
  });
});

describe('parseCalendarDay', () => {
  it('takes real days only, leap years included, within 1900-2100', () => {
    expect(parseCalendarDay('2020-02-29')).toBe('2020-02-29');
    expect(parseCalendarDay('2000-02-29')).toBe('2000-02-29');
    expect(parseCalendarDay('1900-01-01')).toBe('1900-01-01');
    for (const bad of ['2021-02-29', '1900-02-29', '2021-02-30', '2021-04-31', '0000-01-01', '2101-01-01', '2021-13-45', '2021-00-10', '2021-01', '2021', '', '2021-01-01T00:00'])
      expect(parseCalendarDay(bad), bad).toBeNull();
  });
});

describe('date comparisons with precision', () => {
  const now = new Date('2021-01-10T12:00:00Z');

  it('calls a date future only when it has begun nowhere on Earth', () => {
    expect(isInFuture(parsePartialDate('2021-01-11')!, now)).toBe(false); // already the 11th at UTC+14
    expect(isInFuture(parsePartialDate('2021-01-12')!, now)).toBe(true);
    expect(isInFuture(parsePartialDate('2021-02')!, now)).toBe(true);
    expect(isInFuture(parsePartialDate('2021')!, now)).toBe(false);
    expect(isInFuture(parsePartialDate('')!, now)).toBe(false);
    expect(latestToday(now)).toBe('2021-01-11');
  });

  it('calls a sentence early only when it certainly ends before the detention begins', () => {
    const d = (s: string) => parsePartialDate(s)!;
    expect(isCertainlyBefore(d('2021-01-03'), d('2021-01-04'))).toBe(true);
    expect(isCertainlyBefore(d('2021-01-04'), d('2021-01-04'))).toBe(false);
    expect(isCertainlyBefore(d('2021-01'), d('2021-01-20'))).toBe(false);
    expect(isCertainlyBefore(d('2020-12'), d('2021-01'))).toBe(true);
    expect(isCertainlyBefore(d(''), d('2021-01-04'))).toBe(false);
  });
});

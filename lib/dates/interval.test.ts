import { describe, expect, it } from 'vitest';
import { buildInterval, calendarUnit, endsBefore, formatInterval, intervalFields, placement } from './interval';
import { parsePartialDate } from './partial-date';

const d = (s: string) => parsePartialDate(s)!;
const build = (on: string, qualifier: Parameters<typeof buildInterval>[1], to = '') => buildInterval(d(on), qualifier, d(to), null);

describe('date intervals', () => {
  it('makes a day, a month or a year the interval of its days', () => {
    expect(build('2021-01-06', 'exact')).toEqual({ ok: true, interval: { earliest: '2021-01-06', latest: '2021-01-06', qualifier: 'exact', asReported: null } });
    expect(build('2024-02', 'exact')).toMatchObject({ interval: { earliest: '2024-02-01', latest: '2024-02-29' } });
    expect(build('2021', 'exact')).toMatchObject({ interval: { earliest: '2021-01-01', latest: '2021-12-31' } });
  });

  it('leaves the open side of "on or before" and "on or after" unbounded', () => {
    expect(build('2019-03-18', 'on_or_before')).toMatchObject({ interval: { earliest: null, latest: '2019-03-18' } });
    expect(build('2019-03', 'on_or_after')).toMatchObject({ interval: { earliest: '2019-03-01', latest: null } });
  });

  it('takes "between" from the first day of one date to the last of the other, and refuses it reversed', () => {
    expect(build('2021-01-04', 'between', '2021-01')).toMatchObject({ interval: { earliest: '2021-01-04', latest: '2021-01-31' } });
    expect(build('2021-02', 'between', '2021-01-31')).toEqual({ ok: false, field: 'to', error: 'errors.intervalReversed' });
    expect(build('2021-02', 'between')).toEqual({ ok: false, field: 'to', error: 'errors.dateRequiredForQualifier' });
  });

  it('refuses a qualifier without its date, a date with "not stated", and a second date unless "between"', () => {
    expect(build('', 'on_or_before')).toEqual({ ok: false, field: 'on', error: 'errors.dateRequiredForQualifier' });
    expect(build('2021', 'unknown')).toEqual({ ok: false, field: 'qualifier', error: 'errors.qualifierNeedsNoDate' });
    expect(build('2021', 'exact', '2022')).toEqual({ ok: false, field: 'to', error: 'errors.secondDateOnlyForBetween' });
  });

  it('gives back the fields a monitor typed', () => {
    for (const [on, q, to] of [['2021-01-06', 'exact', ''], ['2021-01', 'approximately', ''], ['2019-03-18', 'on_or_before', ''], ['2021-01-04', 'between', '2021-01-09']] as const) {
      const built = build(on, q, to);
      if (!built.ok) throw new Error('refused');
      expect(intervalFields(built.interval)).toEqual({ on, to, qualifier: q, asReported: '' });
    }
  });

  it('places a record on a day only when its interval is at most a month long', () => {
    expect(placement({ earliest: '2021-01-06', latest: '2021-01-06' })).toEqual({ on: '2021-01-06', precision: 'day' });
    expect(placement({ earliest: '2021-01-01', latest: '2021-01-31' })).toEqual({ on: '2021-01-01', precision: 'month' });
    expect(placement({ earliest: '2021-01-01', latest: '2021-12-31' })).toEqual({ on: null, precision: 'year' });
    expect(placement({ earliest: null, latest: '2021-01-31' })).toEqual({ on: null, precision: 'unknown' });
    expect(placement({ earliest: '2019-01-01', latest: '2021-12-31' })).toEqual({ on: null, precision: 'unknown' });
  });

  it('names calendar units and formats intervals without a time zone', () => {
    expect(calendarUnit('2021-01-01', '2021-01-31')).toBe('2021-01');
    expect(calendarUnit('2021-01-01', '2021-12-31')).toBe('2021');
    expect(calendarUnit('2021-01-02', '2021-01-31')).toBeNull();
    expect(formatInterval({ earliest: null, latest: '2019-03-18', qualifier: 'on_or_before', asReported: null })).toBe('≤ 2019-03-18');
    expect(formatInterval({ earliest: '2023-06-01', latest: '2023-06-30', qualifier: 'approximately', asReported: null })).toBe('≈ 2023-06');
  });

  it('says an interval ends before another only when certain', () => {
    expect(endsBefore({ latest: '2021-01-03' }, { earliest: '2021-01-04' })).toBe(true);
    expect(endsBefore({ latest: null }, { earliest: '2021-01-04' })).toBe(false);
    expect(endsBefore({ latest: '2021-01-05' }, { earliest: null })).toBe(false);
  });
});

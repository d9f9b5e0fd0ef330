import { describe, expect, it } from 'vitest';
import { splitMessage } from '@/lib/forms';
import { dateProblemMessage } from '@/lib/zod-helpers';
import { partialDateProblem } from './partial-date';

describe('what exactly is wrong with a typed date', () => {
  it('names the month or day that does not exist', () => {
    expect(partialDateProblem('2021-13-45')).toEqual({ reason: 'noSuchMonth', month: 13 });
    expect(partialDateProblem('2021-02-45')).toEqual({ reason: 'noSuchDay', day: 45, month: 2, year: 2021, days: 28 });
    expect(partialDateProblem('2020-02-30')).toEqual({ reason: 'noSuchDay', day: 30, month: 2, year: 2020, days: 29 });
    expect(partialDateProblem('2021-04-00')).toEqual({ reason: 'dayZero' });
    expect(partialDateProblem('1850')).toEqual({ reason: 'yearTooEarly', min: 1900 });
    expect(partialDateProblem('next week')).toEqual({ reason: 'format' });
  });

  it('finds nothing wrong with a date the parser accepts', () => {
    for (const ok of ['', '2021', '2021-02', '2020-02-29', ' 2021-01-10 ']) expect(partialDateProblem(ok)).toBeNull();
  });

  it('becomes a message key with the values its placeholders need', () => {
    expect(splitMessage(dateProblemMessage('2021-02-45'))).toEqual({ key: 'lists.dates.noSuchDay', params: { day: 45, month: 2, year: 2021, days: 28 } });
    expect(splitMessage(dateProblemMessage('2021-13'))).toEqual({ key: 'lists.dates.noSuchMonth', params: { month: 13 } });
    expect(dateProblemMessage('2021/01/01')).toBe('errors.date');
  });
});

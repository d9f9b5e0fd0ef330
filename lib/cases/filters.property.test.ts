import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDashboardParams } from '@/lib/dashboard/params';
import { isRealDay, nastyText, queryParams, rawQuery, SEED } from '@/lib/test/arbitraries';
import { filtersToQuery, parseCaseFilters } from './filters';

/** Next hands pages searchParams as a record: a repeated key becomes an array. */
function asRecord(pairs: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = out[k];
    out[k] = prev === undefined ? v : [prev, v].flat();
  }
  return out;
}

const withoutBlanks = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '')) as T;

const params = { seed: SEED, numRuns: 2000 };

describe('the /cases filters, from any URL', () => {
  it('never throw, whatever the query string', () => {
    fc.assert(
      fc.property(rawQuery, (query) => {
        parseCaseFilters(new URLSearchParams(query));
      }),
      params,
    );
    fc.assert(
      fc.property(queryParams, (pairs) => {
        parseCaseFilters(asRecord(pairs));
      }),
      params,
    );
  });

  it('keep only days that exist (the database refuses 2021-02-30 and year 0000)', () => {
    fc.assert(
      fc.property(rawQuery, (query) => {
        const { from, to } = parseCaseFilters(new URLSearchParams(query));
        for (const day of [from, to]) if (day !== undefined) expect(isRealDay(day), day).toBe(true);
      }),
      params,
    );
  });

  it('survive a round trip through a shared link', () => {
    fc.assert(
      fc.property(rawQuery, (query) => {
        // A blank value (q=%20) is no filter at all, so the link leaves it out.
        const filters = withoutBlanks(parseCaseFilters(new URLSearchParams(query)));
        expect(parseCaseFilters(new URLSearchParams(filtersToQuery(filters)))).toEqual(filters);
      }),
      params,
    );
  });
});

describe('the dashboard parameters, from any URL', () => {
  it('never throw, and keep the election window within bounds', () => {
    fc.assert(
      fc.property(fc.oneof(rawQuery.map((q) => new URLSearchParams(q)), queryParams.map(asRecord)), (input) => {
        const view = parseDashboardParams(input);
        expect(view.before).toBeGreaterThanOrEqual(0);
        expect(view.before).toBeLessThanOrEqual(365);
        expect(view.after).toBeGreaterThanOrEqual(0);
        expect(view.after).toBeLessThanOrEqual(365);
        expect(view.compare.length).toBeLessThanOrEqual(6);
        for (const day of [view.from, view.to]) if (day !== undefined) expect(isRealDay(day), day).toBe(true);
      }),
      params,
    );
  });

  it('never throw on a record with undefined and odd keys', () => {
    fc.assert(
      fc.property(fc.dictionary(nastyText, fc.option(fc.oneof(nastyText, fc.array(nastyText)), { nil: undefined })), (record) => {
        parseDashboardParams(record);
        parseCaseFilters(record);
      }),
      { ...params, numRuns: 500 },
    );
  });
});

describe('isRealDay, the oracle above', () => {
  it('knows the calendar', () => {
    for (const day of ['2021-02-28', '2020-02-29', '0099-01-01', '0001-01-01', '9999-12-31']) expect(isRealDay(day), day).toBe(true);
    for (const day of ['2021-02-29', '2021-02-30', '2021-04-31', '2021-13-01', '2021-00-10', '0000-01-01', '2021-01', '2021-1-05']) expect(isRealDay(day), day).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parseDashboardParams, readDashboardParams } from '@/lib/dashboard/params';
import { filtersToQuery, parseCaseFilters, readCaseFilters } from './filters';

describe('case filters in the URL', () => {
  it('reads valid filters', () => {
    const f = parseCaseFilters(new URLSearchParams('city=3&from=2021-01-01&to=2021-01-31&plea=not_guilty&q=Toqin&page=2'));
    expect(f).toMatchObject({ city: 3, from: '2021-01-01', to: '2021-01-31', plea: 'not_guilty', q: 'Toqin', page: 2 });
  });

  it('drops malformed parameters instead of failing', () => {
    const f = parseCaseFilters({ city: 'abc', from: '2021-13-45', plea: 'maybe', page: '-3', outcome: ['convicted', 'x'] });
    expect(f).toMatchObject({ page: 1, outcome: 'convicted' });
    expect(Object.values(f).filter((v) => v !== undefined)).toHaveLength(2);
  });

  it('drops days that do not exist, which Date.parse and Postgres would take or choke on, and names them', () => {
    for (const day of ['2021-02-30', '2021-02-29', '2021-04-31', '0000-01-01', '1899-12-31', '2101-01-01', '2021-13-45', '2021-1-5']) {
      const { filters, invalid } = readCaseFilters({ from: day, to: day, city: '3' });
      expect(filters, day).toEqual({ city: 3, page: 1 });
      expect(invalid, day).toEqual(['from', 'to']);
      expect(parseDashboardParams({ from: day }).from, day).toBeUndefined();
      expect(readDashboardParams({ from: day, city: 'x' }).invalid, day).toEqual(['city', 'from']);
    }
    expect(readCaseFilters({ from: '2020-02-29', to: '2100-12-31' })).toEqual({ filters: { from: '2020-02-29', to: '2100-12-31', page: 1 }, invalid: [] });
  });

  it('writes filters back to a shareable query string', () => {
    expect(filtersToQuery({ city: 3, q: 'Toqin', page: 1 }, { page: 2 })).toBe('?q=Toqin&city=3&page=2');
    expect(filtersToQuery({ page: 1 })).toBe('');
  });
});

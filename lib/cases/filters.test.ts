import { describe, expect, it } from 'vitest';
import { filtersToQuery, parseCaseFilters } from './filters';

describe('case filters in the URL', () => {
  it('reads valid filters', () => {
    const f = parseCaseFilters(new URLSearchParams('city=3&from=2021-01-01&to=2021-01-31&plea=not_guilty&q=Toqin&page=2'));
    expect(f).toMatchObject({ city: 3, from: '2021-01-01', to: '2021-01-31', plea: 'not_guilty', q: 'Toqin', page: 2 });
  });

  it('drops malformed parameters instead of failing', () => {
    const f = parseCaseFilters({ city: 'abc', from: '2021-13-45', plea: 'maybe', page: '-3', sentence: ['fine', 'x'] });
    expect(f).toEqual({ page: 1, sentence: 'fine' });
  });

  it('writes filters back to a shareable query string', () => {
    expect(filtersToQuery({ city: 3, q: 'Toqin', page: 1 }, { page: 2 })).toBe('?q=Toqin&city=3&page=2');
    expect(filtersToQuery({ page: 1 })).toBe('');
  });
});

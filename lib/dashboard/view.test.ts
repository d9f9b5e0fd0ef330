import { describe, expect, it } from 'vitest';
import { parseDashboardParams } from './params';
import { activeFilters, dashboardHref, dashboardQuery } from './view';

describe('dashboard view URLs and chips', () => {
  it('leaves settings at their default out of the URL', () => {
    expect(dashboardQuery(parseDashboardParams({}))).toBe('');
    expect(dashboardQuery(parseDashboardParams({ before: '60', after: '30', axis: 'detained' }))).toBe('');
  });

  it('gives each chip the same URL without that one setting, election lens kept', () => {
    const params = parseDashboardParams({ lens: '4', city: '12', role: 'journalist', axis: 'sentenced', compare: ['2', '3'], before: '20' });
    expect(activeFilters(params).map((f) => f.key)).toEqual(['city', 'role', 'before', 'axis', 'compare']);
    expect(activeFilters(params).filter((f) => f.narrows).map((f) => f.key)).toEqual(['city', 'role']);
    const city = new URLSearchParams(dashboardHref(params, 'city').split('?')[1]);
    expect(city.get('city')).toBeNull();
    expect(city.get('lens')).toBe('4');
    expect(city.get('role')).toBe('journalist');
    expect(city.getAll('compare')).toEqual(['2', '3']);
    expect(dashboardHref(params, 'compare')).not.toContain('compare');
    // The round trip gives back the same view.
    expect(parseDashboardParams(new URLSearchParams(dashboardQuery(params)))).toEqual(params);
  });

  it('drops a malformed filter rather than make a chip of it', () => {
    expect(activeFilters(parseDashboardParams({ from: '2021-13-45', city: 'x' }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { auditedAuditFilters, auditedCaseFilters, auditFiltersToQuery, parseAuditFilters, parseDay } from './filters';

describe('parseDay', () => {
  it('reads YYYY-MM-DD as midnight UTC', () => {
    expect(parseDay('2021-01-10')?.toISOString()).toBe('2021-01-10T00:00:00.000Z');
    expect(parseDay('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses days that do not exist, where JavaScript would roll over', () => {
    for (const s of ['2021-02-30', '2023-02-29', '2021-04-31', '2021-13-01', '2021-00-10', '2021-01-00']) expect(parseDay(s)).toBeNull();
  });

  it('refuses anything but the strict form', () => {
    for (const s of ['2021-1-10', '21-01-10', '2021/01/10', '2021-01-10T00:00', ' 2021-01-10', '10.01.2021', '', 'yesterday']) expect(parseDay(s)).toBeNull();
  });
});

describe('parseAuditFilters', () => {
  it('keeps valid filters and names the invalid ones instead of silently widening the view', () => {
    const { filters, invalid } = parseAuditFilters({ actor: '7', action: 'export', from: '2021-02-30', to: '2021-03-01', targetKind: 'detention', targetId: '42', before: 'x' });
    expect(filters).toEqual({ actor: 7, action: 'export', to: '2021-03-01', targetKind: 'detention', targetId: '42' });
    expect(invalid).toEqual(['from', 'before']);
  });

  it('refuses unknown actions and kinds, and target ids that are not ids', () => {
    const { filters, invalid } = parseAuditFilters(new URLSearchParams('action=drop_table&targetKind=planet&targetId=%3Cscript%3E&actor=-1'));
    expect(filters).toEqual({});
    expect(invalid.sort()).toEqual(['action', 'actor', 'targetId', 'targetKind']);
  });

  it('treats blanks as unset and round-trips through the query string', () => {
    const { filters, invalid } = parseAuditFilters({ actor: '', action: ' ', from: '2021-01-01' });
    expect(invalid).toEqual([]);
    expect(auditFiltersToQuery({ ...filters, before: 99 })).toBe('?from=2021-01-01&before=99');
    expect(auditFiltersToQuery({ ...filters, before: 99 }, { before: undefined })).toBe('?from=2021-01-01');
  });
});

describe('what the trail records about filters', () => {
  it('says a search was made without recording its text', () => {
    expect(auditedCaseFilters({ q: 'Serikbaev', city: 3, from: '2021-01-01', page: 2, region: undefined })).toEqual({ q: true, city: 3, from: '2021-01-01' });
  });

  it('drops the audit page cursor', () => {
    expect(auditedAuditFilters({ action: 'export', before: 10 })).toEqual({ action: 'export' });
  });
});

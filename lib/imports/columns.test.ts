import { describe, expect, it } from 'vitest';
import { caseInput } from '@/lib/cases/schema';
import { exportCells, exportHeader, type ExportRecord } from '@/lib/exports/columns';
import { csvLine } from '@/lib/exports/cells';
import { columnOf, rowToCaseForm } from './columns';
import { parseImportCsv } from './csv';

const refs = { personId: null, placeId: 3, chargeId: 5, electionId: 2 };

describe('import columns', () => {
  it('reads an exported row back into the detention form', () => {
    const record: ExportRecord = {
      id: 1, link: 'https://x.example/cases/1', activist: 'Әлия Қасымқызы', activistCyrillic: null, activistRole: 'journalist', affiliation: 'Vlast.kz',
      city: 'Astana', region: 'Astana', placeDetail: 'Square, near the akimat', detainedOn: '2021-01', detainedPrecision: 'month', election: 'Mazhilis election 2021',
      charge: 'x', legalBasis: 'CoAO art. 488', chargeAsReported: '-picketing', court: null, sentencedOn: '', sentencedPrecision: 'unknown',
      sentenceKind: 'fine', sentenceAmount: 42000, sentenceUnit: 'tenge', plea: 'guilty', status: 'sentenced', reviewStatus: 'verified', confidentiality: 'shareable',
      notes: 'line 1\nline 2',
      sources: [{ url: 'https://a.example/1', title: 'T "1"', publisher: 'P', publishedOn: '2021', language: 'ru', locator: 'p. 2', supports: ['person', 'sentence'] }],
    };
    const shape = { sourceCount: 2, includeNotes: true };
    const csv = csvLine(exportHeader(shape)) + csvLine(exportCells(record, shape));
    const parsed = parseImportCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error);
    const form = rowToCaseForm(parsed.rows[0].values, refs, 'import');
    expect(form).toMatchObject({
      personName: 'Әлия Қасымқызы',
      personRole: 'journalist',
      placeId: '3',
      chargeId: '5',
      electionId: '2',
      placeDetail: 'Square, near the akimat',
      detainedOn: '2021-01',
      chargeText: '-picketing',
      sentenceKind: 'fine',
      sentenceAmount: '42000',
      sentenceUnit: 'tenge',
      notes: 'line 1\nline 2',
    });
    const input = caseInput.parse(form);
    expect(input.detainedOn).toEqual({ date: '2021-01-01', precision: 'month' });
    expect(input.sources).toEqual([
      { sourceId: null, url: 'https://a.example/1', title: 'T "1"', publisher: 'P', publishedOn: { date: '2021-01-01', precision: 'year' }, language: 'ru', locator: 'p. 2', supports: ['person', 'sentence'] },
    ]);
  });

  it('accepts words as people type them for fixed choices', () => {
    const form = rowToCaseForm({ activist: 'A', sentence_kind: 'Administrative arrest', plea: 'Not guilty', source_1_url: 'https://a.example' }, refs, '');
    expect(form).toMatchObject({ sentenceKind: 'administrative_arrest', plea: 'not_guilty' });
  });

  it('names the column of each form error', () => {
    expect(columnOf('detainedOn')).toBe('detained_on');
    expect(columnOf('placeId')).toBe('city');
    expect(columnOf('personName')).toBe('activist');
    expect(columnOf('sources')).toBe('source_1_url');
    expect(columnOf('sources.0.title')).toBe('source_1_title');
    expect(columnOf('sources.1.publishedOn')).toBe('source_2_published_on');
  });

  it('numbers rows as a spreadsheet does, skips blank lines and flags stray cells', () => {
    const parsed = parseImportCsv('\uFEFFActivist,City\r\nA,Astana\r\n\r\n,\r\nB,Aktobe,extra\r\n');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.header).toEqual(['activist', 'city']);
    expect(parsed.rows.map((r) => [r.row, r.values.activist, r.extraCells])).toEqual([
      [2, 'A', false],
      [5, 'B', true],
    ]);
  });

  it('refuses what is not a CSV of rows', () => {
    expect(parseImportCsv('')).toEqual({ ok: false, error: 'imports.errors.empty' });
    expect(parseImportCsv('activist,city\r\n')).toEqual({ ok: false, error: 'imports.errors.empty' });
    expect(parseImportCsv('a,b\r\n"unclosed,1\r\n')).toEqual({ ok: false, error: 'imports.errors.notCsv' });
  });
});

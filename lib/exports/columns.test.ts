import { describe, expect, it } from 'vitest';
import { exportCells, exportHeader, exportJson, type ExportRecord } from './columns';

const record: ExportRecord = {
  id: 7,
  link: 'https://cases.example.org/cases/7',
  activist: 'Ghadilbek Serikbaev',
  activistCyrillic: 'Ғаділбек Серікбаев',
  activistRole: 'election_observer',
  affiliation: null,
  city: 'Astana',
  region: 'Astana',
  placeDetail: 'Medical clinic',
  detainedOn: '2021-01-06',
  detainedPrecision: 'day',
  election: 'Mazhilis election 2021',
  charge: 'Violating the procedure for organising and holding peaceful assemblies',
  legalBasis: 'CoAO art. 488',
  chargeAsReported: 'calling for illegal protests',
  court: 'Court in Nur-Sultan',
  sentencedOn: '2021-01',
  sentencedPrecision: 'month',
  sentenceKind: 'administrative_arrest',
  sentenceAmount: 15,
  sentenceUnit: 'days',
  plea: 'not_guilty',
  status: 'sentenced',
  reviewStatus: 'verified',
  confidentiality: 'shareable',
  notes: 'met his sister',
  sources: [
    { url: 'https://www.rferl.org/a/1.html', title: 'First', publisher: 'RFE/RL', publishedOn: '2021-01', language: 'en', locator: 'para 2', supports: ['person', 'date'] },
    { url: 'https://example.org/2', title: 'Second', publisher: null, publishedOn: '', language: null, locator: null, supports: [] },
  ],
};

describe('export columns', () => {
  it('names every column a reader needs, with one group per source', () => {
    const header = exportHeader({ sourceCount: 2, includeNotes: false });
    expect(header.slice(0, 5)).toEqual(['id', 'link', 'activist', 'activist_cyrillic', 'activist_role']);
    for (const column of ['city', 'region', 'detained_on', 'detained_precision', 'sentenced_on', 'sentenced_precision', 'charge', 'legal_basis', 'charge_as_reported', 'sentence_kind', 'sentence_amount', 'sentence_unit', 'plea', 'status', 'election', 'review_status'])
      expect(header).toContain(column);
    expect(header).not.toContain('notes');
    expect(header.slice(-14, -12)).toEqual(['source_1_url', 'source_1_title']);
    expect(header.slice(-7, -5)).toEqual(['source_2_url', 'source_2_title']);
  });

  it('puts each value under its own header', () => {
    const shape = { sourceCount: 3, includeNotes: false };
    const header = exportHeader(shape);
    const cells = exportCells(record, shape);
    expect(cells).toHaveLength(header.length);
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    expect(row).toMatchObject({
      id: 7,
      link: 'https://cases.example.org/cases/7',
      activist: 'Ghadilbek Serikbaev',
      activist_cyrillic: 'Ғаділбек Серікбаев',
      city: 'Astana',
      detained_on: '2021-01-06',
      detained_precision: 'day',
      sentenced_on: '2021-01',
      sentenced_precision: 'month',
      legal_basis: 'CoAO art. 488',
      charge_as_reported: 'calling for illegal protests',
      sentence_kind: 'administrative_arrest',
      sentence_amount: 15,
      sentence_unit: 'days',
      affiliation: null,
      source_1_url: 'https://www.rferl.org/a/1.html',
      source_1_title: 'First',
      source_1_published_on: '2021-01',
      source_1_supports: 'person;date',
      source_2_url: 'https://example.org/2',
      source_2_publisher: null,
      source_3_url: null,
    });
  });

  it('adds internal notes only when the export includes them', () => {
    const withNotes = { sourceCount: 1, includeNotes: true };
    const header = exportHeader(withNotes);
    expect(exportCells(record, withNotes)[header.indexOf('notes')]).toBe('met his sister');
    expect(exportJson(record, { includeNotes: false })).not.toHaveProperty('notes');
    expect(exportJson(record, { includeNotes: true })).toHaveProperty('notes', 'met his sister');
  });

  it('nests every source in the JSON form', () => {
    const json = exportJson(record, { includeNotes: false });
    expect(json).toMatchObject({ id: 7, activist: 'Ghadilbek Serikbaev', sentence_amount: 15 });
    expect(json.sources).toEqual([
      { url: 'https://www.rferl.org/a/1.html', title: 'First', publisher: 'RFE/RL', published_on: '2021-01', language: 'en', locator: 'para 2', supports: ['person', 'date'] },
      { url: 'https://example.org/2', title: 'Second', publisher: null, published_on: null, language: null, locator: null, supports: [] },
    ]);
  });
});

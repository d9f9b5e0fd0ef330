import { describe, expect, it } from 'vitest';
import { countsOf, exportCells, exportHeader, exportJson, type ExportRecord } from './columns';

const unknown = { earliest: null, latest: null, qualifier: 'unknown' as const, asReported: null };

const sampleRecord: ExportRecord = {
  id: 7,
  link: 'https://cases.example.org/cases/7',
  activist: 'Ghadilbek Serikbaev',
  activistCyrillic: 'Ғаділбек Серікбаев',
  activistRole: 'election_observer',
  affiliation: null,
  placePrecision: 'region',
  city: null,
  region: 'Almaty Region',
  placeDetail: 'Medical clinic',
  detained: { earliest: null, latest: '2019-03-18', qualifier: 'on_or_before', asReported: 'became known on the evening of Monday 18 March' },
  election: 'Mazhilis election 2021',
  court: 'Court in Nur-Sultan',
  sentenced: { earliest: '2019-03-01', latest: '2019-03-31', qualifier: 'exact', asReported: null },
  plea: 'not_guilty',
  publicNotes: 'Released after the hearing',
  reviewStatus: 'verified',
  confidentiality: 'shareable',
  notes: 'met his sister',
  custody: {
    status: 'released',
    presumed: false,
    from: null,
    releasedOn: '2019-04-02',
    days: null,
    whereaboutsUnknownSince: null,
    nextHearingOn: null,
    expectedReleaseOn: null,
  },
  charges: [
    {
      legalBasis: 'CoAO art. 488',
      vocabulary: 'coao-488',
      name: 'Violating the procedure for peaceful assemblies',
      code: 'administrative',
      article: '488',
      part: '3',
      basisOrigin: 'stated',
      text: 'calling for illegal protests',
      outcome: 'convicted',
      outcomeDate: { earliest: '2019-03-20', latest: '2019-03-20', qualifier: 'exact', asReported: null },
      penalties: [
        { kind: 'fine', amount: 135, unit: 'USD', asReported: 'about $135', replacedBy: 2 },
        { kind: 'fine', amount: 30, unit: 'MCI', asReported: null, replacedBy: null },
      ],
    },
    {
      legalBasis: null,
      vocabulary: null,
      name: null,
      code: null,
      article: null,
      part: null,
      basisOrigin: null,
      text: '-disobeying the police',
      outcome: 'dropped',
      outcomeDate: unknown,
      penalties: [],
    },
  ],
  events: [
    {
      kind: 'hearing_held',
      date: { earliest: '2019-03-20', latest: '2019-03-20', qualifier: 'exact', asReported: null },
      place: 'Almaty',
      placeDetail: 'Medeu district court',
      note: null,
      sourceUrl: 'https://www.rferl.org/a/1.html',
    },
  ],
  sources: [
    { url: 'https://www.rferl.org/a/1.html', title: 'First', publisher: 'RFE/RL', publishedOn: '2021-01', language: 'en', locator: 'para 2', supports: ['person', 'date'], firstCapturedAt: '2021-01-08T09:15:00Z', firstCaptureSha256: 'a'.repeat(64) },
    { url: 'https://example.org/2', title: 'Second', publisher: null, publishedOn: '', language: null, locator: null, supports: [], firstCapturedAt: null, firstCaptureSha256: null },
  ],
};

describe('export columns', () => {
  it('names every column a reader needs, numbering charges, their penalties, events and sources', () => {
    const header = exportHeader({ chargeCount: 2, penaltyCount: 2, eventCount: 1, sourceCount: 2, includeNotes: false });
    expect(header.slice(0, 5)).toEqual(['id', 'link', 'activist', 'activist_cyrillic', 'activist_role']);
    for (const column of [
      'place_precision', 'city', 'region', 'place_detail',
      'detained_earliest', 'detained_latest', 'detained_qualifier', 'detained_as_reported',
      'sentenced_earliest', 'sentenced_latest', 'sentenced_qualifier', 'sentenced_as_reported',
      'plea', 'election', 'court', 'public_notes', 'review_status', 'confidentiality',
      'custody_status', 'custody_from', 'released_on', 'custody_days', 'expected_release_on', 'next_hearing_on',
      'charge_1_legal_basis', 'charge_1_vocabulary', 'charge_1_part', 'charge_1_basis_origin', 'charge_1_text', 'charge_1_outcome',
      'charge_1_outcome_earliest', 'charge_1_outcome_latest', 'charge_1_outcome_qualifier', 'charge_1_outcome_as_reported',
      'charge_1_penalty_1_kind', 'charge_1_penalty_1_amount', 'charge_1_penalty_1_unit', 'charge_1_penalty_1_as_reported', 'charge_1_penalty_1_replaced_by',
      'charge_2_penalty_2_kind',
      'event_1_kind', 'event_1_earliest', 'event_1_latest', 'event_1_qualifier', 'event_1_as_reported', 'event_1_place', 'event_1_place_detail', 'event_1_note', 'event_1_source_url',
      'source_2_url',
    ])
      expect(header).toContain(column);
    for (const column of ['internal_notes', 'notes', 'detained_on', 'sentence_kind', 'status', 'charge_3_text', 'event_2_kind', 'source_3_url'])
      expect(header).not.toContain(column);
    // Groups in order: each charge then its penalties, then events, then sources.
    expect(header.indexOf('charge_1_penalty_2_replaced_by') + 1).toBe(header.indexOf('charge_2_legal_basis'));
    expect(header.indexOf('charge_2_penalty_2_replaced_by') + 1).toBe(header.indexOf('event_1_kind'));
    expect(header.at(-9)).toBe('source_2_url');
    expect(header.slice(-2)).toEqual(['source_2_first_captured_at', 'source_2_first_capture_sha256']);
    expect(new Set(header).size).toBe(header.length);
  });

  it('puts each value under its own header, blank for what a record does not have', () => {
    const shape = { ...countsOf([sampleRecord]), eventCount: 2, sourceCount: 3, includeNotes: false };
    expect(countsOf([sampleRecord])).toEqual({ chargeCount: 2, penaltyCount: 2, eventCount: 1, sourceCount: 2 });
    const header = exportHeader(shape);
    const cells = exportCells(sampleRecord, shape);
    expect(cells).toHaveLength(header.length);
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    expect(row).toMatchObject({
      id: 7,
      activist_cyrillic: 'Ғаділбек Серікбаев',
      place_precision: 'region',
      city: null,
      region: 'Almaty Region',
      detained_earliest: null,
      detained_latest: '2019-03-18',
      detained_qualifier: 'on_or_before',
      detained_as_reported: 'became known on the evening of Monday 18 March',
      sentenced_earliest: '2019-03-01',
      sentenced_latest: '2019-03-31',
      public_notes: 'Released after the hearing',
      custody_status: 'released',
      custody_presumed: 'no',
      released_on: '2019-04-02',
      custody_days: null,
      charge_1_legal_basis: 'CoAO art. 488',
      charge_1_vocabulary: 'coao-488',
      charge_1_part: '3',
      charge_1_basis_origin: 'stated',
      charge_1_outcome: 'convicted',
      charge_1_outcome_earliest: '2019-03-20',
      charge_1_penalty_1_amount: 135,
      charge_1_penalty_1_unit: 'USD',
      charge_1_penalty_1_as_reported: 'about $135',
      charge_1_penalty_1_replaced_by: 2,
      charge_1_penalty_2_unit: 'MCI',
      charge_2_legal_basis: null,
      charge_2_basis_origin: null,
      charge_2_text: '-disobeying the police',
      charge_2_outcome: 'dropped',
      charge_2_outcome_qualifier: 'unknown',
      charge_2_penalty_1_kind: null,
      event_1_kind: 'hearing_held',
      event_1_place: 'Almaty',
      event_1_source_url: 'https://www.rferl.org/a/1.html',
      event_2_kind: null,
      source_1_supports: 'person;date',
      source_2_publisher: null,
      source_3_url: null,
    });
  });

  it('adds internal notes only when the export includes them', () => {
    const withNotes = { ...countsOf([sampleRecord]), includeNotes: true };
    const header = exportHeader(withNotes);
    expect(exportCells(sampleRecord, withNotes)[header.indexOf('internal_notes')]).toBe('met his sister');
    expect(exportJson(sampleRecord, { includeNotes: false })).not.toHaveProperty('internal_notes');
    expect(exportJson(sampleRecord, { includeNotes: true })).toHaveProperty('internal_notes', 'met his sister');
  });

  it('nests charges with their penalties, events, sources and intervals in the JSON form', () => {
    const json = exportJson(sampleRecord, { includeNotes: false });
    expect(json).toMatchObject({
      id: 7,
      place_precision: 'region',
      city: null,
      region: 'Almaty Region',
      public_notes: 'Released after the hearing',
      detained: { earliest: null, latest: '2019-03-18', qualifier: 'on_or_before', as_reported: 'became known on the evening of Monday 18 March' },
      custody: { status: 'released', presumed: false, released_on: '2019-04-02', days: null },
    });
    expect(json.charges[0]).toEqual({
      legal_basis: 'CoAO art. 488',
      vocabulary: 'coao-488',
      name: 'Violating the procedure for peaceful assemblies',
      code: 'administrative',
      article: '488',
      part: '3',
      basis_origin: 'stated',
      text: 'calling for illegal protests',
      outcome: 'convicted',
      outcome_date: { earliest: '2019-03-20', latest: '2019-03-20', qualifier: 'exact', as_reported: null },
      penalties: [
        { kind: 'fine', amount: 135, unit: 'USD', as_reported: 'about $135', replaced_by: 2 },
        { kind: 'fine', amount: 30, unit: 'MCI', as_reported: null, replaced_by: null },
      ],
    });
    expect(json.events).toEqual([
      {
        kind: 'hearing_held',
        date: { earliest: '2019-03-20', latest: '2019-03-20', qualifier: 'exact', as_reported: null },
        place: 'Almaty',
        place_detail: 'Medeu district court',
        note: null,
        source_url: 'https://www.rferl.org/a/1.html',
      },
    ]);
    expect(json.sources).toEqual([
      { url: 'https://www.rferl.org/a/1.html', title: 'First', publisher: 'RFE/RL', published_on: '2021-01', language: 'en', locator: 'para 2', supports: ['person', 'date'], first_captured_at: '2021-01-08T09:15:00Z', first_capture_sha256: 'a'.repeat(64) },
      { url: 'https://example.org/2', title: 'Second', publisher: null, published_on: null, language: null, locator: null, supports: [], first_captured_at: null, first_capture_sha256: null },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { caseInput } from '@/lib/cases/schema';
import { countsOf, exportCells, exportHeader, type ExportRecord } from '@/lib/exports/columns';
import { csvLine } from '@/lib/exports/cells';
import { IGNORED_COLUMNS, knownColumns, rowToCaseForm, templateHeader, unitValue, type ResolvedRefs } from './columns';
import { parseImportCsv } from './csv';

const refs: ResolvedRefs = { personId: null, placeId: null, region: 'Almaty Region', electionId: 2, chargeIds: [5, null], eventPlaceIds: [9] };

const record: ExportRecord = {
  id: 1,
  link: 'https://x.example/cases/1',
  activist: 'Әлия Қасымқызы',
  activistCyrillic: null,
  activistRole: 'journalist',
  affiliation: 'Vlast.kz',
  placePrecision: 'region',
  city: null,
  region: 'Almaty Region',
  placeDetail: 'Square, near the akimat',
  detained: { earliest: null, latest: '2019-03-18', qualifier: 'on_or_before', asReported: 'became known on 18 March' },
  election: 'Mazhilis election 2021',
  court: null,
  sentenced: { earliest: '2019-03-01', latest: '2019-03-31', qualifier: 'approximately', asReported: null },
  plea: 'guilty',
  publicNotes: 'Public, "quoted"',
  reviewStatus: 'verified',
  confidentiality: 'shareable',
  notes: 'line 1\nline 2',
  custody: { status: 'in_custody', presumed: false, from: null, releasedOn: null, days: 12, whereaboutsUnknownSince: null, nextHearingOn: null, expectedReleaseOn: '2019-04-01' },
  charges: [
    {
      legalBasis: 'CoAO art. 488', vocabulary: 'coao-488', name: 'x', code: 'administrative', article: '488', part: '3', basisOrigin: 'stated',
      text: '-picketing', outcome: 'convicted', outcomeDate: { earliest: '2019-03-20', latest: '2019-03-22', qualifier: 'between', asReported: 'that week' },
      penalties: [
        { kind: 'fine', amount: 135.5, unit: 'USD', asReported: 'about $135', replacedBy: 2 },
        { kind: 'administrative_arrest', amount: 10, unit: 'days', asReported: null, replacedBy: null },
      ],
    },
    {
      legalBasis: null, vocabulary: null, name: null, code: null, article: null, part: null, basisOrigin: null,
      text: 'disobeying the police', outcome: 'pending', outcomeDate: { earliest: null, latest: null, qualifier: 'unknown', asReported: null }, penalties: [],
    },
  ],
  events: [
    { kind: 'hearing_held', date: { earliest: '2019-03-20', latest: null, qualifier: 'on_or_after', asReported: null }, place: 'Almaty', placeDetail: 'Court no 2', note: 'n', sourceUrl: 'https://a.example/2' },
  ],
  sources: [
    { url: 'https://a.example/1', title: 'T "1"', publisher: 'P', publishedOn: '2021', language: 'ru', locator: 'p. 2', supports: ['person', 'sentence'], firstCapturedAt: '2021-01-08T09:15:00Z', firstCaptureSha256: 'b'.repeat(64) },
    { url: 'https://a.example/2', title: 'Two', publisher: null, publishedOn: '', language: null, locator: null, supports: [], firstCapturedAt: null, firstCaptureSha256: null },
  ],
};

function csvOf(records: ExportRecord[]) {
  const shape = { ...countsOf(records), eventCount: 2, includeNotes: true };
  return csvLine(exportHeader(shape)) + records.map((r) => csvLine(exportCells(r, shape))).join('');
}

function formOf(values: Record<string, string>, extra: Partial<ResolvedRefs> = {}) {
  return rowToCaseForm({ activist: 'A', source_1_url: 'https://a.example', ...values }, { ...refs, ...extra }, '');
}

/** The columns the form's errors land in, for one row. */
function errorColumns(values: Record<string, string>, extra: Partial<ResolvedRefs> = {}) {
  const { form, columnOf, errors } = formOf(values, extra);
  const parsed = caseInput.safeParse(form);
  return [...errors.map((e) => [e.column, e.message]), ...(parsed.success ? [] : parsed.error.issues.map((i) => [columnOf(i.path.join('.')), i.message]))];
}

describe('import columns', () => {
  it('reads an exported row back into the detention form: intervals, charges, penalties, events and sources', () => {
    const parsed = parseImportCsv(csvOf([record]));
    if (!parsed.ok) throw new Error(parsed.error);
    const { form, errors } = rowToCaseForm(parsed.rows[0].values, refs, 'import');
    expect(errors).toEqual([]);
    const input = caseInput.parse(form);
    expect(input).toMatchObject({
      personName: 'Әлия Қасымқызы',
      personRole: 'journalist',
      placePrecision: 'region',
      placeId: null,
      region: 'Almaty Region',
      placeDetail: 'Square, near the akimat',
      detained: record.detained,
      sentenced: record.sentenced,
      electionId: 2,
      plea: 'guilty',
      publicNotes: 'Public, "quoted"',
      notes: 'line 1\nline 2',
    });
    expect(input.charges).toEqual([
      {
        chargeId: 5, part: '3', chargeText: '-picketing', basisOrigin: 'stated', outcome: 'convicted', outcomeDate: record.charges[0].outcomeDate,
        penalties: [
          { kind: 'fine', amount: 135.5, unit: 'USD', asReported: 'about $135', replacedBy: 2 },
          { kind: 'administrative_arrest', amount: 10, unit: 'days', asReported: null, replacedBy: null },
        ],
      },
      { chargeId: null, part: null, chargeText: 'disobeying the police', basisOrigin: null, outcome: 'pending', outcomeDate: record.charges[1].outcomeDate, penalties: [] },
    ]);
    // The event cites the row's second source, by position.
    expect(input.events).toEqual([{ kind: 'hearing_held', date: record.events[0].date, placeId: 9, placeDetail: 'Court no 2', note: 'n', source: 2 }]);
    expect(input.sources[0]).toEqual({
      sourceId: null, url: 'https://a.example/1', title: 'T "1"', publisher: 'P', publishedOn: { date: '2021-01-01', precision: 'year' }, language: 'ru', locator: 'p. 2', supports: ['person', 'sentence'],
    });
  });

  it('reads dates as the export writes them, and as people type them', () => {
    const detained = (values: Record<string, string>) => caseInput.parse(formOf(values).form).detained;
    expect(detained({})).toEqual({ earliest: null, latest: null, qualifier: 'unknown', asReported: null });
    expect(detained({ detained_earliest: '2021-01-06' })).toMatchObject({ earliest: '2021-01-06', latest: '2021-01-06', qualifier: 'exact' });
    expect(detained({ detained_earliest: '2021-01' })).toMatchObject({ earliest: '2021-01-01', latest: '2021-01-31', qualifier: 'exact' });
    expect(detained({ detained_earliest: '2021-01-01', detained_latest: '2021-12-31' })).toMatchObject({ earliest: '2021-01-01', latest: '2021-12-31', qualifier: 'exact' });
    expect(detained({ detained_earliest: '2021-01-04', detained_latest: '2021-01-06' })).toMatchObject({ earliest: '2021-01-04', latest: '2021-01-06', qualifier: 'between' });
    expect(detained({ detained_latest: '2019-03-18', detained_qualifier: 'On or before' })).toMatchObject({ earliest: null, latest: '2019-03-18', qualifier: 'on_or_before' });
    expect(detained({ detained_earliest: '2023-06', detained_qualifier: 'approximately' })).toMatchObject({ earliest: '2023-06-01', latest: '2023-06-30', qualifier: 'approximately' });
  });

  it('names the column of each form error, following the interval its qualifier reads', () => {
    expect(errorColumns({ detained_earliest: '2021-13-01' })).toEqual([['detained_earliest', 'lists.dates.noSuchMonth?month=13']]);
    // "On or before" reads the latest day: a lone earliest day is the second date it does not take.
    expect(errorColumns({ detained_earliest: '2019-01-01', detained_latest: '2019-03-18', detained_qualifier: 'on_or_before' })).toEqual([
      ['detained_earliest', 'errors.secondDateOnlyForBetween'],
    ]);
    expect(errorColumns({ detained_qualifier: 'on_or_before', detained_earliest: '2019-01-01' })).toEqual([['detained_latest', 'errors.dateRequiredForQualifier']]);
    expect(errorColumns({ detained_earliest: '2021-01-06', detained_latest: '2021-01-04', detained_qualifier: 'between' })).toEqual([['detained_latest', 'errors.intervalReversed']]);
    expect(errorColumns({ detained_earliest: '2021-01-04', detained_latest: '2021-01-06', detained_qualifier: 'exact' })).toEqual([['detained_latest', 'errors.secondDateOnlyForBetween']]);
    expect(errorColumns({ detained_qualifier: 'sometimes' })).toEqual([['detained_qualifier', 'errors.choose']]);
    expect(errorColumns({ sentenced_latest: '2020-12-31', detained_earliest: '2021-01-04' })).toEqual([['sentenced_latest', 'errors.sentenceBeforeDetention']]);
    expect(errorColumns({ charge_1_text: 'x', charge_1_outcome: 'acquitted', charge_1_penalty_1_kind: 'fine', charge_1_penalty_1_amount: '5', charge_1_penalty_1_unit: 'days' }, { chargeIds: [null] })).toEqual([
      ['charge_1_penalty_1_unit', 'errors.unitMismatch'],
      ['charge_1_outcome', 'errors.penaltyWithoutConviction'],
    ]);
    expect(errorColumns({ charge_1_text: 'x', charge_2_legal_basis: 'CoAO art. 488' }, { chargeIds: [null, 5] })).toEqual([['charge_2_basis_origin', 'errors.basisOriginRequired']]);
    expect(errorColumns({ charge_1_part: '3' }, { chargeIds: [null] })).toEqual([
      ['charge_1_part', 'errors.partWithoutArticle'],
      ['charge_1_text', 'errors.chargeRequired'],
    ]);
    expect(errorColumns({ charge_1_text: 'x', charge_1_outcome: 'convicted', charge_1_penalty_2_kind: 'warning' }, { chargeIds: [null] })).toEqual([['charge_1_penalty_1_kind', 'errors.choose']]);
    expect(errorColumns({ event_1_kind: 'released', event_1_earliest: '2021-01-02', event_1_source_url: 'https://elsewhere.example', detained_earliest: '2021-01-04' })).toEqual([
      ['event_1_source_url', 'imports.errors.eventSourceNotCited'],
      ['event_1_earliest', 'errors.eventBeforeDetention'],
    ]);
    expect(errorColumns({ region: 'Almaty Region', city: 'Almaty' }, { placeId: 3 })).toEqual([]);
    expect(errorColumns({ place_precision: 'region', city: 'Almaty' }, { placeId: 3 })).toEqual([['city', 'errors.cityWithoutCityPrecision']]);
    expect(errorColumns({ source_2_title: 'No URL' })).toEqual([['source_2_url', 'errors.required']]);
  });

  it('accepts words as people type them for fixed choices, units and place precision', () => {
    const { form } = formOf({ plea: 'Not guilty', city: 'Astana', charge_1_penalty_1_kind: 'Administrative arrest', charge_1_penalty_1_unit: 'Days', charge_1_penalty_2_unit: 'usd' });
    expect(form).toMatchObject({ plea: 'not_guilty', placePrecision: 'city', region: '' });
    expect((form.charges as { penalties: { kind: string; unit: string }[] }[])[0].penalties.map((p) => [p.kind, p.unit])).toEqual([
      ['administrative_arrest', 'days'],
      ['', 'USD'],
    ]);
    expect(['tenge', 'KZT', 'мрп', 'Months'].map(unitValue)).toEqual(['KZT', 'KZT', 'MCI', 'months']);
    expect(formOf({ region: 'Almaty Region' }).form).toMatchObject({ placePrecision: 'region', region: 'Almaty Region' });
    expect(formOf({}).form).toMatchObject({ placePrecision: 'not_stated' });
  });

  it('offers a template of the columns an import reads, all of them known', () => {
    const template = templateHeader();
    const known = knownColumns();
    expect(template.filter((c) => !known.has(c))).toEqual([]);
    for (const column of IGNORED_COLUMNS) expect(template).not.toContain(column);
    expect(template).toEqual(expect.arrayContaining(['charge_2_penalty_2_replaced_by', 'event_2_source_url', 'source_2_url', 'internal_notes', 'public_notes']));
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

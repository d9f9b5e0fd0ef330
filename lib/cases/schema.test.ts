import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/forms';
import { latestToday } from '@/lib/dates/partial-date';
import { caseInput, formFieldErrors, readCaseForm } from './schema';

/** A valid detention in caseInput's nested shape (as readCaseForm builds it from the form). */
const valid = {
  personName: 'Ghadilbek Serikbaev',
  placePrecision: 'city',
  placeId: '1',
  detained: { on: '2021-01-06' },
  sentenced: { on: '2021-01-06' },
  charges: [
    {
      chargeId: '3',
      part: '3',
      basisOrigin: 'stated',
      chargeText: 'taking part in an unsanctioned rally',
      outcome: 'convicted',
      outcomeDate: { on: '2021-01-06' },
      penalties: [{ kind: 'administrative_arrest', amount: '15', unit: 'days' }],
    },
  ],
  plea: 'not_guilty',
  sources: [{ url: 'https://www.rferl.org/a/31036601.html', title: 'Report' }],
};
type Charge = (typeof valid)['charges'][number];
const charge = (patch: Partial<Charge> & Record<string, unknown>) => ({ ...valid, charges: [{ ...valid.charges[0], ...patch }] });
const penalty = (patch: Record<string, string>) => charge({ penalties: [{ ...valid.charges[0].penalties[0], ...patch }] });

function errorsOf(input: Record<string, unknown>) {
  const result = caseInput.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

const future = `${Number(latestToday().slice(0, 4)) + 1}-03-01`;

describe('caseInput', () => {
  it('accepts a complete detention', () => {
    const parsed = caseInput.parse(valid);
    expect(parsed.detained).toEqual({ earliest: '2021-01-06', latest: '2021-01-06', qualifier: 'exact', asReported: null });
    expect(parsed.charges[0]).toMatchObject({ chargeId: 3, part: '3', basisOrigin: 'stated', outcome: 'convicted' });
    expect(parsed.charges[0].penalties).toEqual([{ kind: 'administrative_arrest', amount: 15, unit: 'days', asReported: null, replacedBy: null }]);
    expect(parsed.sources[0].url).toBe('https://www.rferl.org/a/31036601.html');
  });

  it('reads dates as intervals: a month, on or before, between, not stated', () => {
    const parse = (detained: Record<string, string>) => caseInput.parse({ ...valid, detained, sentenced: {}, charges: [] }).detained;
    expect(parse({ on: '2021-01' })).toMatchObject({ earliest: '2021-01-01', latest: '2021-01-31', qualifier: 'exact' });
    expect(parse({ on: '2019-03-18', qualifier: 'on_or_before', asReported: 'became known on the evening of 18 March' })).toEqual({
      earliest: null,
      latest: '2019-03-18',
      qualifier: 'on_or_before',
      asReported: 'became known on the evening of 18 March',
    });
    expect(parse({ on: '2021-01-04', to: '2021-01-06', qualifier: 'between' })).toMatchObject({ earliest: '2021-01-04', latest: '2021-01-06' });
    expect(parse({})).toMatchObject({ earliest: null, latest: null, qualifier: 'unknown' });
  });

  it('refuses a reversed interval and a second date that is not for "between"', () => {
    expect(errorsOf({ ...valid, detained: { on: '2021-01-06', to: '2021-01-04', qualifier: 'between' } })).toEqual({ 'detained.to': ['errors.intervalReversed'] });
    expect(errorsOf({ ...valid, detained: { on: '2021-01-06', to: '2021-01-07' } })).toEqual({ 'detained.to': ['errors.secondDateOnlyForBetween'] });
  });

  it('refuses a detention date in the future', () => {
    expect(errorsOf({ ...valid, detained: { on: '2999-01-01' }, sentenced: {}, charges: [] })).toEqual({ 'detained.on': ['errors.futureDate'] });
  });

  it('refuses a sentence date before the detention date, but not when imprecise dates may overlap', () => {
    expect(errorsOf({ ...valid, sentenced: { on: '2021-01-05' } })).toEqual({ 'sentenced.on': ['errors.sentenceBeforeDetention'] });
    expect(errorsOf({ ...valid, detained: { on: '2021-01' }, sentenced: { on: '2021-01-02' } })).toEqual({});
  });

  it('refuses impossible dates', () => {
    // Each says what is wrong: the day that does not exist in that month, the month that does not exist.
    expect(errorsOf({ ...valid, detained: { on: '2021-02-30' } })).toEqual({ 'detained.on': ['lists.dates.noSuchDay?day=30&month=2&year=2021&days=28'] });
    expect(errorsOf({ ...valid, detained: { on: '2021-13-45' } })).toEqual({ 'detained.on': ['lists.dates.noSuchMonth?month=13'] });
    expect(errorsOf({ ...valid, detained: { on: '2021/01/04' } })).toEqual({ 'detained.on': ['errors.date'] });
  });

  it('takes a place without a city: region only, or not stated; never a city with them', () => {
    expect(errorsOf({ ...valid, placePrecision: 'region', placeId: '', region: 'Almaty Region' })).toEqual({});
    expect(errorsOf({ ...valid, placePrecision: 'not_stated', placeId: '' })).toEqual({});
    expect(errorsOf({ ...valid, placePrecision: 'region', placeId: '' })).toEqual({ region: ['errors.regionRequired'] });
    expect(errorsOf({ ...valid, placePrecision: 'not_stated' })).toEqual({ placeId: ['errors.cityWithoutCityPrecision'] });
    expect(errorsOf({ ...valid, placeId: '' })).toEqual({ placeId: ['errors.choose'] });
    expect(errorsOf({ ...valid, placeId: "1' OR 1=1" })).toEqual({ placeId: ['errors.choose'] });
  });

  it('refuses a part without an article, and an article without "stated" or "inferred"', () => {
    expect(errorsOf(charge({ chargeId: '', basisOrigin: '' }))).toEqual({ 'charges.0.part': ['errors.partWithoutArticle'] });
    expect(errorsOf(charge({ basisOrigin: '' }))).toEqual({ 'charges.0.basisOrigin': ['errors.basisOriginRequired'] });
    expect(errorsOf(charge({ chargeId: '', part: '', basisOrigin: 'inferred' }))).toEqual({ 'charges.0.chargeId': ['errors.articleRequiredForBasis'] });
  });

  it('refuses an amount without a unit, a unit that does not fit, and a currency not on the list', () => {
    expect(errorsOf(penalty({ unit: '' }))).toEqual({ 'charges.0.penalties.0.unit': ['errors.unitRequired'] });
    expect(errorsOf(penalty({ kind: 'fine', unit: 'days' }))).toEqual({ 'charges.0.penalties.0.unit': ['errors.unitMismatch'] });
    expect(errorsOf(penalty({ kind: 'fine', unit: 'XYZ' }))).toEqual({ 'charges.0.penalties.0.unit': ['errors.unitUnknown'] });
    expect(errorsOf(penalty({ amount: '-3' }))).toEqual({ 'charges.0.penalties.0.amount': ['errors.positiveNumber'] });
    expect(caseInput.parse(penalty({ kind: 'fine', amount: '135', unit: 'USD', asReported: 'about $135' })).charges[0].penalties[0]).toMatchObject({
      amount: 135,
      unit: 'USD',
      asReported: 'about $135',
    });
  });

  it('refuses penalties on a charge that was not a conviction', () => {
    expect(errorsOf(charge({ outcome: 'dropped' }))).toEqual({ 'charges.0.outcome': ['errors.penaltyWithoutConviction'] });
  });

  it('refuses a hearing before the detention', () => {
    expect(errorsOf({ ...valid, events: [{ kind: 'hearing_held', date: { on: '2021-01-02' } }] })).toEqual({ 'events.0.date.on': ['errors.eventBeforeDetention'] });
  });

  it('takes a future date for a scheduled hearing only', () => {
    const scheduled = caseInput.parse({ ...valid, events: [{ kind: 'hearing_scheduled', date: { on: future } }] });
    expect(scheduled.events[0].date).toMatchObject({ earliest: future, latest: future, qualifier: 'exact' });
    expect(errorsOf({ ...valid, events: [{ kind: 'hearing_held', date: { on: future } }] })).toEqual({ 'events.0.date.on': ['errors.futureDate'] });
    expect(errorsOf({ ...valid, events: [{ kind: 'released', date: { on: '2021-01-01', to: future, qualifier: 'between' } }] })).toEqual({
      'events.0.date.to': ['errors.futureDate'],
    });
    // Still a real day, and no further ahead than any date may be.
    expect(errorsOf({ ...valid, events: [{ kind: 'hearing_scheduled', date: { on: '2200-01-01' } }] })).toEqual({ 'events.0.date.on': ['errors.date'] });
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,hi', 'ftp://example.org/file', 'file:///etc/passwd'])('refuses the source URL %s', (url) => {
    expect(errorsOf({ ...valid, sources: [{ url, title: 'x' }] })).toEqual({ 'sources.0.url': ['errors.urlScheme'] });
  });

  it('refuses a detention with no source, and the same source twice', () => {
    expect(errorsOf({ ...valid, sources: [] })).toEqual({ sources: ['errors.sourceRequired'] });
    const source = { url: 'https://example.org/a', title: 'A' };
    expect(errorsOf({ ...valid, sources: [source, source] })).toEqual({ 'sources.1.url': ['errors.duplicateSource'] });
  });

  it('refuses a detention with no person', () => {
    expect(errorsOf({ ...valid, personName: '  ' })).toEqual({ personName: ['errors.personRequired'] });
  });

  it('treats a missing field as blank rather than failing', () => {
    expect(errorsOf({ personName: 'X', placeId: '1', sources: [{ url: 'https://example.org' }] })).toEqual({});
  });

  it('refuses non-string junk with field errors, not exceptions', () => {
    expect(() => caseInput.safeParse({ ...valid, detained: { on: { $gt: 1 } }, sources: 'nope' })).not.toThrow();
    const errors = errorsOf({ ...valid, detained: { on: 42 }, sources: 'nope' });
    expect(Object.keys(errors).sort()).toEqual(['detained.on', 'sources']);
  });
});

describe('readCaseForm', () => {
  it('gathers the numbered source rows in order', () => {
    const raw = readCaseForm({
      personName: 'A',
      'sources.1.url': 'https://b.example',
      'sources.0.url': 'https://a.example',
      'sources.0.supports': ['date', 'place'],
      'sources.1.supports': 'plea',
    });
    expect(raw.sources).toEqual([
      { supports: ['date', 'place'], url: 'https://a.example' },
      { supports: ['plea'], url: 'https://b.example' },
    ]);
  });

  /** The empty rows the form shows without JavaScript: one charge with one penalty, one event. */
  const blankRows = {
    'charges.0.chargeId': '',
    'charges.0.part': '',
    'charges.0.chargeText': ' ',
    'charges.0.outcome': 'unknown',
    'charges.0.outcomeDate.on': '',
    'charges.0.outcomeDate.qualifier': '',
    'charges.0.outcomeDate.asReported': '',
    'charges.0.penalties.0.kind': '',
    'charges.0.penalties.0.amount': '',
    'charges.0.penalties.0.unit': '',
    'charges.0.penalties.0.replacedBy': '',
    'events.0.kind': '',
    'events.0.date.on': '',
    'events.0.date.qualifier': 'exact',
    'events.0.placeId': '',
    'events.0.source': '',
  };

  it('drops charge, penalty and event rows left blank, so an untouched empty row is no error', () => {
    const raw = readCaseForm({ personName: 'A', placeId: '1', 'sources.0.url': 'https://a.example', ...blankRows });
    expect(raw.charges).toEqual([]);
    expect(raw.events).toEqual([]);
    expect(caseInput.safeParse(raw).success).toBe(true);
  });

  it('keeps a row with anything typed in it, and drops only the blank penalty of a filled charge', () => {
    const raw = readCaseForm({ ...blankRows, 'charges.0.chargeText': 'hooliganism', 'events.0.note': 'seen at the court' });
    expect(raw.charges).toEqual([expect.objectContaining({ chargeText: 'hooliganism', penalties: [] })]);
    expect(raw.events).toEqual([expect.objectContaining({ note: 'seen at the court' })]);
    // A chosen outcome is something typed too: the charge row then needs its text or article.
    const outcomeOnly = readCaseForm({ personName: 'A', placeId: '1', 'sources.0.url': 'https://a.example', ...blankRows, 'charges.0.outcome': 'dropped' });
    expect(fieldErrors(caseInput.safeParse(outcomeOnly).error!)).toEqual({ 'charges.0.chargeText': ['errors.chargeRequired'] });
  });

  it('puts errors back next to the row as posted, after a blank row or a gap before it', () => {
    const values = {
      personName: 'A',
      placeId: '1',
      'sources.0.url': 'https://a.example',
      'charges.0.chargeText': '',
      'charges.2.chargeText': 'fine',
      'charges.2.outcome': 'convicted',
      'charges.2.penalties.0.kind': '',
      'charges.2.penalties.3.kind': 'fine',
      'charges.2.penalties.3.amount': '30',
      'events.0.kind': '',
      'events.4.kind': 'hearing_held',
      'events.4.date.on': '2020-12-01',
      'detained.on': '2021-01-04',
    };
    const raw = readCaseForm(values);
    const result = caseInput.safeParse(raw);
    expect(formFieldErrors(raw, fieldErrors(result.error!))).toEqual({
      'charges.2.penalties.3.unit': ['errors.unitRequired'],
      'events.4.date.on': ['errors.eventBeforeDetention'],
    });
    // Errors from the save (keyed by position among the rows kept) are renamed the same way.
    expect(formFieldErrors(raw, { 'charges.0.chargeId': ['errors.unknownChoice'], court: ['errors.tooLong'] })).toEqual({
      'charges.2.chargeId': ['errors.unknownChoice'],
      court: ['errors.tooLong'],
    });
  });
});

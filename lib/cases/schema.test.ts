import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/forms';
import { caseInput, readCaseForm } from './schema';

const valid = {
  personName: 'Ghadilbek Serikbaev',
  placeId: '1',
  detainedOn: '2021-01-06',
  sentencedOn: '2021-01-06',
  sentenceKind: 'administrative_arrest',
  sentenceAmount: '15',
  sentenceUnit: 'days',
  plea: 'not_guilty',
  sources: [{ url: 'https://www.rferl.org/a/31036601.html', title: 'Report' }],
};

function errorsOf(input: Record<string, unknown>) {
  const result = caseInput.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe('caseInput', () => {
  it('accepts a complete detention', () => {
    const parsed = caseInput.parse(valid);
    expect(parsed.detainedOn).toEqual({ date: '2021-01-06', precision: 'day' });
    expect(parsed.sentenceAmount).toBe(15);
    expect(parsed.sources[0].url).toBe('https://www.rferl.org/a/31036601.html');
  });

  it('refuses a detention date in the future', () => {
    expect(errorsOf({ ...valid, detainedOn: '2999-01-01', sentencedOn: '' })).toEqual({ detainedOn: ['errors.futureDate'] });
  });

  it('refuses a sentence date in the future', () => {
    expect(errorsOf({ ...valid, sentencedOn: '2999-01' })).toEqual({ sentencedOn: ['errors.futureDate'] });
  });

  it('refuses a sentence date before the detention date', () => {
    expect(errorsOf({ ...valid, sentencedOn: '2021-01-05' })).toEqual({ sentencedOn: ['errors.sentenceBeforeDetention'] });
    // …but not when imprecise dates may overlap.
    expect(errorsOf({ ...valid, detainedOn: '2021-01', sentencedOn: '2021-01-02' })).toEqual({});
  });

  it('refuses impossible dates', () => {
    expect(errorsOf({ ...valid, detainedOn: '2021-02-30' })).toEqual({ detainedOn: ['errors.date'] });
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,hi', 'ftp://example.org/file', 'file:///etc/passwd'])(
    'refuses the source URL %s',
    (url) => {
      expect(errorsOf({ ...valid, sources: [{ url, title: 'x' }] })).toEqual({ 'sources.0.url': ['errors.urlScheme'] });
    },
  );

  it('refuses a source URL that is not a URL', () => {
    expect(errorsOf({ ...valid, sources: [{ url: 'rferl article', title: 'x' }] })).toEqual({ 'sources.0.url': ['errors.url'] });
  });

  it('refuses a detention with no source', () => {
    expect(errorsOf({ ...valid, sources: [] })).toEqual({ sources: ['errors.sourceRequired'] });
    const { sources: _omitted, ...withoutSources } = valid;
    expect(errorsOf(withoutSources)).toEqual({ sources: ['errors.sourceRequired'] });
  });

  it('refuses the same source twice', () => {
    const source = { url: 'https://example.org/a', title: 'A' };
    expect(errorsOf({ ...valid, sources: [source, source] })).toEqual({ 'sources.1.url': ['errors.duplicateSource'] });
  });

  it('refuses a detention with no person', () => {
    expect(errorsOf({ ...valid, personName: '  ' })).toEqual({ personName: ['errors.personRequired'] });
  });

  it('refuses a missing or malformed city', () => {
    expect(errorsOf({ ...valid, placeId: '' })).toEqual({ placeId: ['errors.choose'] });
    expect(errorsOf({ ...valid, placeId: "1' OR 1=1" })).toEqual({ placeId: ['errors.choose'] });
  });

  it('refuses values outside the vocabularies', () => {
    expect(errorsOf({ ...valid, plea: 'maybe' })).toEqual({ plea: ['errors.choose'] });
    expect(errorsOf({ ...valid, sentenceKind: 'flogging' })).toEqual({ sentenceKind: ['errors.choose'] });
  });

  it('refuses an amount without a unit and a fine counted in days', () => {
    expect(errorsOf({ ...valid, sentenceUnit: '' })).toEqual({ sentenceUnit: ['errors.unitRequired'] });
    expect(errorsOf({ ...valid, sentenceKind: 'fine', sentenceUnit: 'days' })).toEqual({ sentenceUnit: ['errors.unitMismatch'] });
    expect(errorsOf({ ...valid, sentenceAmount: '-3' })).toEqual({ sentenceAmount: ['errors.positiveNumber'] });
  });

  it('treats a missing field as blank rather than failing', () => {
    expect(errorsOf({ personName: 'X', placeId: '1', sources: [{ url: 'https://example.org' }] })).toEqual({});
  });

  it('refuses non-string junk with field errors, not exceptions', () => {
    expect(() => caseInput.safeParse({ ...valid, detainedOn: { $gt: 1 }, sources: 'nope' })).not.toThrow();
    const errors = errorsOf({ ...valid, detainedOn: 42, sources: 'nope' });
    expect(Object.keys(errors).sort()).toEqual(['detainedOn', 'sources']);
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
});

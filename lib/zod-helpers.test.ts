import { describe, expect, it } from 'vitest';
import { caseInput } from '@/lib/cases/schema';
import { readCaseFilters } from '@/lib/cases/filters';
import { fieldErrors } from '@/lib/forms';
import { personInput } from '@/lib/people/schema';
import { sourceInput } from '@/lib/sources/schema';
import { columnsWithControlCharacters, hasControlCharacters, stripControlCharacters } from '@/lib/text/control';
import { optionalText, requiredText } from './zod-helpers';

const errorsOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? {} : fieldErrors(r.error as Parameters<typeof fieldErrors>[0]);
};

describe('invisible control characters', () => {
  it('are found and stripped, keeping tab, line feed and carriage return', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F']) expect(hasControlCharacters(`a${c}b`), JSON.stringify(c)).toBe(true);
    expect(hasControlCharacters('line one\r\n\tline two, Серікбаев')).toBe(false);
    expect(stripControlCharacters('Ser\u0000ik\u001Bbaev\n')).toBe('Serikbaev\n');
    expect(columnsWithControlCharacters({ activist: 'A\u0000', city: 'Aktobe', notes: 'one\ntwo' })).toEqual(['activist']);
  });

  it('are refused in every form field with a clear message, never passed on to the database', () => {
    expect(requiredText().safeParse('Ser\u0000ikbaev').error?.issues.map((i) => i.message)).toEqual(['errors.controlCharacters']);
    expect(optionalText().safeParse('\u0007').error?.issues.map((i) => i.message)).toEqual(['errors.controlCharacters']);
    expect(optionalText(10_000).parse('line one\r\n\tline two')).toBe('line one\r\n\tline two');
    expect(errorsOf(sourceInput, { url: 'https://news.example.org/a\u0000', title: 'T\u0000' })).toEqual({
      url: ['errors.controlCharacters'],
      title: ['errors.controlCharacters'],
    });
    expect(errorsOf(personInput, { displayName: 'A', role: 'activist', variants: 'B\u0000' })).toEqual({ variants: ['errors.controlCharacters'] });
  });

  it('are refused in the detention form, as a field error', async () => {
    const errors = errorsOf(caseInput, {
      personName: 'Test\u0000Activist',
      placeId: '1',
      notes: 'ok\u0000',
      sources: [{ url: 'https://news.example.org/x', title: 'X', locator: 'para\u00003' }],
    });
    expect(errors).toMatchObject({
      personName: ['errors.controlCharacters'],
      notes: ['errors.controlCharacters'],
      'sources.0.locator': ['errors.controlCharacters'],
    });
  });

  it('make a search filter malformed: dropped and named, never sent to the database', () => {
    expect(readCaseFilters({ q: 'Ser\u0000', region: 'Aqmola\u0001', city: '3' })).toEqual({ filters: { city: 3, page: 1 }, invalid: ['q', 'region'] });
  });
});

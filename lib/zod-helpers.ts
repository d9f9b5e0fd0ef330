/**
 * Field parsers shared by the domain schemas. Messages are i18n keys (lib/i18n/messages).
 * A field missing from a post counts as blank, so a forged or truncated post gets the same clear
 * field errors as an empty form, never a 500.
 */
import { z } from 'zod';
import { isInFuture, parsePartialDate, partialDateProblem, type PartialDate } from '@/lib/dates/partial-date';
import { messageWithParams } from '@/lib/forms';
import { CONTROL_CHARACTERS_ERROR, hasControlCharacters } from '@/lib/text/control';

/** Text without invisible control characters (NUL would make Postgres fail the save: a 500). */
export const plainString = () => z.string({ error: 'errors.invalid' }).refine((s) => !hasControlCharacters(s), { error: CONTROL_CHARACTERS_ERROR });

/** A form field's text: absent is blank, no control characters, surrounding spaces are dropped. */
const field = () =>
  plainString()
    .default('')
    .transform((s) => s.trim());

export const requiredText = (max = 500) =>
  field().pipe(z.string().min(1, { error: 'errors.required' }).max(max, { error: 'errors.tooLong' }));

/** Optional free text: blank becomes null. */
export const optionalText = (max = 500) =>
  field()
    .pipe(z.string().max(max, { error: 'errors.tooLong' }))
    .transform((s) => (s === '' ? null : s));

/** An optional id from a <select>: blank becomes null. */
export const optionalId = field()
  .pipe(z.string().regex(/^\d{0,9}$/, { error: 'errors.choose' }))
  .transform((s) => (s === '' ? null : Number(s)));

export const requiredId = field()
  .pipe(z.string().regex(/^\d{1,9}$/, { error: 'errors.choose' }))
  .transform(Number);

/**
 * 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' | blank → a PartialDate, refusing impossible dates. Future
 * dates pass: only what is planned (a scheduled hearing) may use it; everything else takes
 * partialDate below.
 */
export const plannedPartialDate = field()
  .pipe(z.string().max(20, { error: 'errors.date' }))
  .transform((s, ctx): PartialDate => {
    const parsed = parsePartialDate(s);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: dateProblemMessage(s) });
      return z.NEVER;
    }
    return parsed;
  });

/** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' | blank → a PartialDate, refusing impossible and future dates. */
export const partialDate = plannedPartialDate.refine((d) => !isInFuture(d), { error: 'errors.futureDate' });

/**
 * An http(s) URL, normalised (lower-case host, no fragment). Anything else — javascript:, data:,
 * file:, a bare word — is refused, so a stored link can never run script when clicked.
 */
export const httpUrl = field()
  .pipe(z.string().min(1, { error: 'errors.required' }).max(2000, { error: 'errors.tooLong' }))
  .transform((s, ctx) => {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'errors.url' });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'errors.urlScheme' });
      return z.NEVER;
    }
    url.hash = '';
    return url.href;
  });

/** One of a fixed set of values; blank or absent takes `fallback` when one is given. */
export function enumField<const T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]) {
  return field()
    .transform((s) => (s === '' && fallback !== undefined ? fallback : s))
    .pipe(z.enum(values, { error: 'errors.choose' }));
}

/** One of a fixed set of values, or null when blank. */
export function optionalEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return field()
    .pipe(z.union([z.literal(''), z.enum(values)], { error: 'errors.choose' }))
    .transform((s) => (s === '' ? null : (s as T[number])));
}

/** The message for a date parsePartialDate refused: what exactly is wrong, else the expected format. */
export function dateProblemMessage(text: string): string {
  const problem = partialDateProblem(text);
  switch (problem?.reason) {
    case 'noSuchMonth':
      return messageWithParams('lists.dates.noSuchMonth', { month: problem.month });
    case 'noSuchDay':
      return messageWithParams('lists.dates.noSuchDay', { day: problem.day, month: problem.month, year: problem.year, days: problem.days });
    case 'dayZero':
      return 'lists.dates.dayZero';
    case 'yearTooEarly':
      return messageWithParams('lists.dates.yearTooEarly', { min: problem.min });
    default:
      return 'errors.date';
  }
}

/**
 * The detention form, as the server validates it. Used by the create and edit actions and by
 * their tests; every refusal here has a test in schema.test.ts.
 */
import { z } from 'zod';
import {
  confidentiality,
  detentionStatus,
  personRole,
  plea,
  reviewStatus,
  sentenceKind,
  sentenceUnit,
} from '@/db/schema';
import { isCertainlyBefore } from '@/lib/dates/partial-date';
import type { FormValues } from '@/lib/forms';
import { enumField, httpUrl, optionalEnum, optionalId, optionalText, partialDate, requiredId } from '@/lib/zod-helpers';

/** Facts of a detention that a citation can say it supports. */
export const CITED_FACTS = ['person', 'place', 'date', 'charge', 'sentence', 'plea'] as const;
export type CitedFact = (typeof CITED_FACTS)[number];

export const MAX_SOURCES = 20;

export const sourceRowInput = z.object({
  sourceId: optionalId,
  url: httpUrl,
  title: optionalText(500),
  publisher: optionalText(200),
  publishedOn: partialDate,
  language: optionalText(35),
  locator: optionalText(2000),
  supports: z.array(z.enum(CITED_FACTS, { error: 'errors.choose' })).max(CITED_FACTS.length, { error: 'errors.tooMany' }).default([]),
});
export type SourceRowInput = z.infer<typeof sourceRowInput>;

const sentenceAmount = z
  .string({ error: 'errors.positiveNumber' })
  .default('')
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^\d{0,9}$/, { error: 'errors.positiveNumber' }))
  .transform((s) => (s === '' ? null : Number(s)))
  .refine((n) => n === null || n > 0, { error: 'errors.positiveNumber' });

export const caseInput = z
  .object({
    personId: optionalId,
    personName: optionalText(200),
    personNameCyrillic: optionalText(200),
    personRole: enumField(personRole.enumValues, 'activist'),
    personAffiliation: optionalText(200),
    placeId: requiredId,
    placeDetail: optionalText(300),
    detainedOn: partialDate,
    electionId: optionalId,
    chargeId: optionalId,
    chargeText: optionalText(500),
    court: optionalText(300),
    sentencedOn: partialDate,
    sentenceKind: enumField(sentenceKind.enumValues, 'unknown'),
    sentenceAmount,
    sentenceUnit: optionalEnum(sentenceUnit.enumValues),
    plea: enumField(plea.enumValues, 'unknown'),
    status: enumField(detentionStatus.enumValues, 'unknown'),
    notes: optionalText(10_000),
    confidentiality: enumField(confidentiality.enumValues, 'shareable'),
    reviewStatus: enumField(reviewStatus.enumValues, 'draft'),
    sources: z
      .array(sourceRowInput, { error: 'errors.sourceRequired' })
      .max(MAX_SOURCES, { error: 'errors.tooManySources' })
      .default([]),
    reason: optionalText(500),
  })
  .superRefine((input, ctx) => {
    if (input.personId === null && !input.personName) {
      ctx.addIssue({ code: 'custom', path: ['personName'], message: 'errors.personRequired' });
    }
    if (isCertainlyBefore(input.sentencedOn, input.detainedOn)) {
      ctx.addIssue({ code: 'custom', path: ['sentencedOn'], message: 'errors.sentenceBeforeDetention' });
    }
    if (input.sentenceAmount !== null && input.sentenceUnit === null) {
      ctx.addIssue({ code: 'custom', path: ['sentenceUnit'], message: 'errors.unitRequired' });
    }
    if (input.sentenceUnit === 'tenge' && input.sentenceKind !== 'fine') {
      ctx.addIssue({ code: 'custom', path: ['sentenceUnit'], message: 'errors.unitMismatch' });
    }
    if (input.sentenceKind === 'fine' && input.sentenceUnit !== null && input.sentenceUnit !== 'tenge') {
      ctx.addIssue({ code: 'custom', path: ['sentenceUnit'], message: 'errors.unitMismatch' });
    }
    if (input.sources.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'errors.sourceRequired' });
    }
    const seen = new Map<string, number>();
    input.sources.forEach((row, i) => {
      const first = seen.get(row.url);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'url'], message: 'errors.duplicateSource' });
      } else seen.set(row.url, i);
    });
  });

export type CaseInput = z.infer<typeof caseInput>;

/**
 * Reads the detention form's fields. Source rows are named `sources.N.field`, numbered from 0 in
 * the order shown, so an error on row N lands next to row N.
 */
export function readCaseForm(values: FormValues): Record<string, unknown> {
  const rows = new Map<number, Record<string, unknown>>();
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const match = /^sources\.(\d{1,2})\.(\w+)$/.exec(key);
    if (!match) {
      out[key] = value;
      continue;
    }
    const index = Number(match[1]);
    const row = rows.get(index) ?? {};
    row[match[2]] = match[2] === 'supports' ? [value].flat() : value;
    rows.set(index, row);
  }
  out.sources = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => ({ supports: [], ...row }));
  return out;
}

/** Version of the record the user started editing, for the stale-edit check. */
export const versionInput = z.coerce.number().int().positive();

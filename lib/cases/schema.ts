/**
 * The detention form, as the server validates it. Used by the create and edit actions and by
 * their tests; every refusal here has a test in schema.test.ts.
 */
import { z } from 'zod';
import {
  basisOrigin,
  chargeOutcome,
  confidentiality,
  custodyEventKind,
  penaltyKind,
  penaltyUnit,
  personRole,
  placePrecision,
  plea,
  reviewStatus,
  type CustodyEventKind,
  type PenaltyKind,
  type PenaltyUnit,
} from '@/db/schema';
import { buildInterval, DATE_QUALIFIERS, endsBefore, type DateInterval } from '@/lib/dates/interval';
import { isInFuture, UNKNOWN_DATE } from '@/lib/dates/partial-date';
import type { FormValues } from '@/lib/forms';
import { enumField, httpUrl, optionalEnum, optionalId, optionalText, partialDate, plainString, plannedPartialDate } from '@/lib/zod-helpers';

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

export const MAX_CHARGES = 10;
export const MAX_PENALTIES = 6;
export const MAX_EVENTS = 40;

/** Units of a money penalty (MCI: the monthly calculation index, converted with the year's value). */
export const MONEY_UNITS = ['KZT', 'USD', 'EUR', 'RUB', 'MCI'] as const satisfies readonly PenaltyUnit[];
export const TERM_UNITS = ['hours', 'days', 'months', 'years'] as const satisfies readonly PenaltyUnit[];
/** Which units each penalty kind is measured in (a warning has no amount). */
export const UNITS_OF_KIND: Record<PenaltyKind, readonly PenaltyUnit[]> = {
  administrative_arrest: ['days'],
  fine: MONEY_UNITS,
  restricted_freedom: ['days', 'months', 'years'],
  imprisonment: ['days', 'months', 'years'],
  probation: ['days', 'months', 'years'],
  activity_ban: ['days', 'months', 'years'],
  community_work: ['hours', 'days'],
  warning: [],
};

/** Events that are about the court, so they cannot come before the detention they follow. */
const AFTER_DETENTION: readonly CustodyEventKind[] = [
  'charged', 'hearing_scheduled', 'hearing_held', 'sentenced', 'appeal_filed', 'appeal_decided', 'released', 'transferred',
];

/** The form fields of one date: a partial date, a qualifier, a second date for "between", the words as reported. */
const intervalFieldsInput = (date: typeof partialDate) =>
  z
    .object({
      on: date,
      to: date,
      qualifier: optionalEnum(DATE_QUALIFIERS),
      asReported: optionalText(300),
    })
    .default({ on: UNKNOWN_DATE, to: UNKNOWN_DATE, qualifier: null, asReported: null });
type IntervalFields = z.infer<ReturnType<typeof intervalFieldsInput>>;

/** Blank qualifier means "exact" when a date is given, else "unknown". Issues land under `path`. */
function toInterval(input: IntervalFields, ctx: z.RefinementCtx, path: string[] = []): DateInterval {
  const qualifier = input.qualifier ?? (input.on.precision === 'unknown' ? 'unknown' : 'exact');
  const built = buildInterval(input.on, qualifier, input.to, input.asReported);
  if (!built.ok) {
    ctx.addIssue({ code: 'custom', path: [...path, built.field], message: built.error });
    return z.NEVER;
  }
  return built.interval;
}

/** A date as the form takes it (see intervalFieldsInput); days in the future are refused. */
export const intervalInput = intervalFieldsInput(partialDate).transform((input, ctx) => toInterval(input, ctx));

/** A decimal amount ("135", "87 500", "0.5"); blank is null. */
const amountInput = z
  .string({ error: 'errors.positiveNumber' })
  .default('')
  .transform((s) => s.trim().replace(/[\s\u00a0]/g, '').replace(',', '.'))
  .pipe(z.string().regex(/^(\d{1,12}(\.\d{1,2})?)?$/, { error: 'errors.positiveNumber' }))
  .transform((s) => (s === '' ? null : Number(s)))
  .refine((n) => n === null || n > 0, { error: 'errors.positiveNumber' });

const unitInput = plainString()
  .default('')
  .transform((s) => s.trim())
  .pipe(z.union([z.literal(''), z.enum(penaltyUnit.enumValues)], { error: 'errors.unitUnknown' }))
  .transform((s) => (s === '' ? null : (s as PenaltyUnit)));

export const penaltyInput = z
  .object({
    kind: enumField(penaltyKind.enumValues),
    amount: amountInput,
    unit: unitInput,
    asReported: optionalText(300),
    /** The position (1-based, as shown) of the penalty that replaced this one on appeal. */
    replacedBy: optionalId,
  })
  .superRefine((p, ctx) => {
    if (p.amount !== null && p.unit === null) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'errors.unitRequired' });
    if (p.unit !== null && !UNITS_OF_KIND[p.kind].includes(p.unit)) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'errors.unitMismatch' });
    }
    if (p.unit !== null && p.amount === null) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'errors.amountRequired' });
  });
export type PenaltyInput = z.infer<typeof penaltyInput>;

export const chargeRowInput = z
  .object({
    chargeId: optionalId,
    part: optionalText(20).refine((s) => s === null || /^[0-9A-Za-z.\-]+$/.test(s), { error: 'errors.part' }),
    chargeText: optionalText(500),
    basisOrigin: optionalEnum(basisOrigin.enumValues),
    outcome: enumField(chargeOutcome.enumValues, 'unknown'),
    outcomeDate: intervalInput,
    penalties: z.array(penaltyInput).max(MAX_PENALTIES, { error: 'errors.tooMany' }).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.chargeId === null && c.part !== null) ctx.addIssue({ code: 'custom', path: ['part'], message: 'errors.partWithoutArticle' });
    if (c.chargeId !== null && c.basisOrigin === null) ctx.addIssue({ code: 'custom', path: ['basisOrigin'], message: 'errors.basisOriginRequired' });
    if (c.chargeId === null && c.basisOrigin !== null) ctx.addIssue({ code: 'custom', path: ['chargeId'], message: 'errors.articleRequiredForBasis' });
    if (c.chargeId === null && c.chargeText === null) ctx.addIssue({ code: 'custom', path: ['chargeText'], message: 'errors.chargeRequired' });
    if (c.penalties.length > 0 && c.outcome !== 'convicted' && c.outcome !== 'on_appeal') {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'errors.penaltyWithoutConviction' });
    }
    c.penalties.forEach((p, i) => {
      if (p.replacedBy !== null && (p.replacedBy < 1 || p.replacedBy > c.penalties.length || p.replacedBy === i + 1)) {
        ctx.addIssue({ code: 'custom', path: ['penalties', i, 'replacedBy'], message: 'errors.choose' });
      }
    });
  });
export type ChargeRowInput = z.infer<typeof chargeRowInput>;

/** Events that are planned rather than reported as past, so their day may lie ahead. */
const PLANNED_EVENTS: readonly CustodyEventKind[] = ['hearing_scheduled'];

export const eventInput = z
  .object({
    kind: enumField(custodyEventKind.enumValues),
    // A scheduled hearing is usually ahead: the hearing calendar exists for exactly those.
    date: intervalFieldsInput(plannedPartialDate),
    placeId: optionalId,
    placeDetail: optionalText(300),
    note: optionalText(2000),
    /** Which of the detention's sources reports the event: its position (1-based) in the source list. */
    source: optionalId,
  })
  .transform((event, ctx) => {
    if (!PLANNED_EVENTS.includes(event.kind)) {
      let future = false;
      for (const field of ['on', 'to'] as const) {
        if (isInFuture(event.date[field])) {
          ctx.addIssue({ code: 'custom', path: ['date', field], message: 'errors.futureDate' });
          future = true;
        }
      }
      if (future) return z.NEVER;
    }
    return { ...event, date: toInterval(event.date, ctx, ['date']) };
  });
export type EventInput = z.infer<typeof eventInput>;

export const caseInput = z
  .object({
    personId: optionalId,
    personName: optionalText(200),
    personNameCyrillic: optionalText(200),
    personRole: enumField(personRole.enumValues, 'activist'),
    personAffiliation: optionalText(200),
    placePrecision: enumField(placePrecision.enumValues, 'city'),
    placeId: optionalId,
    region: optionalText(100),
    placeDetail: optionalText(300),
    detained: intervalInput,
    electionId: optionalId,
    charges: z.array(chargeRowInput).max(MAX_CHARGES, { error: 'errors.tooMany' }).default([]),
    court: optionalText(300),
    sentenced: intervalInput,
    plea: enumField(plea.enumValues, 'unknown'),
    events: z.array(eventInput).max(MAX_EVENTS, { error: 'errors.tooMany' }).default([]),
    publicNotes: optionalText(10_000),
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
    const cityKnown = input.placePrecision === 'city' || input.placePrecision === 'address';
    if (cityKnown && input.placeId === null) ctx.addIssue({ code: 'custom', path: ['placeId'], message: 'errors.choose' });
    if (!cityKnown && input.placeId !== null) ctx.addIssue({ code: 'custom', path: ['placeId'], message: 'errors.cityWithoutCityPrecision' });
    if (input.placePrecision === 'region' && input.region === null) ctx.addIssue({ code: 'custom', path: ['region'], message: 'errors.regionRequired' });
    if (input.placePrecision !== 'region' && input.region !== null) ctx.addIssue({ code: 'custom', path: ['region'], message: 'errors.regionOnlyForRegion' });
    if (endsBefore(input.sentenced, input.detained)) {
      ctx.addIssue({ code: 'custom', path: ['sentenced', 'on'], message: 'errors.sentenceBeforeDetention' });
    }
    input.charges.forEach((charge, i) => {
      if (endsBefore(charge.outcomeDate, input.detained)) {
        ctx.addIssue({ code: 'custom', path: ['charges', i, 'outcomeDate', 'on'], message: 'errors.outcomeBeforeDetention' });
      }
    });
    input.events.forEach((event, i) => {
      if (AFTER_DETENTION.includes(event.kind) && endsBefore(event.date, input.detained)) {
        ctx.addIssue({ code: 'custom', path: ['events', i, 'date', 'on'], message: 'errors.eventBeforeDetention' });
      }
      if (event.source !== null && (event.source < 1 || event.source > input.sources.length)) {
        ctx.addIssue({ code: 'custom', path: ['events', i, 'source'], message: 'errors.choose' });
      }
    });
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
 * Reads the detention form's fields into the nested shape caseInput expects. Inputs are named by
 * dotted paths: `detained.on`, `sources.0.url`, `charges.1.penalties.0.amount`, `events.2.date.on`.
 * Rows are numbered from 0 in the order shown, so an error on row N lands next to row N; numbers
 * may skip (a removed row), and rows keep their order.
 */
export function readCaseForm(values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = key.split('.');
    if (parts.length > 6 || parts.some((p) => !/^\w{1,40}$/.test(p))) continue;
    let node: Record<string, unknown> = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = node[parts[i]];
      if (next !== undefined && (typeof next !== 'object' || next === null || Array.isArray(next))) break;
      node = (node[parts[i]] ??= {}) as Record<string, unknown>;
    }
    const leaf = parts[parts.length - 1];
    if (typeof node[leaf] === 'object' && node[leaf] !== null && !Array.isArray(node[leaf])) continue;
    node[leaf] = leaf === 'supports' ? [value].flat() : value;
  }
  for (const list of ['sources', 'charges', 'events'] as const) out[list] = rowsOf(out[list]);
  if (Array.isArray(out.charges)) {
    for (const charge of out.charges as Record<string, unknown>[]) charge.penalties = rowsOf(charge.penalties);
  }
  if (Array.isArray(out.sources)) {
    out.sources = (out.sources as Record<string, unknown>[]).map((row) => ({ supports: [], ...row }));
  }
  return out;
}

/** `{ "0": {...}, "3": {...} }` → rows in numeric order; anything else (absent, forged) → []. */
function rowsOf(value: unknown): Record<string, unknown>[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value)
    .filter(([k, row]) => /^\d{1,2}$/.test(k) && typeof row === 'object' && row !== null && !Array.isArray(row))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, row]) => row as Record<string, unknown>);
}

/** Version of the record the user started editing, for the stale-edit check. */
export const versionInput = z.coerce.number().int().positive();

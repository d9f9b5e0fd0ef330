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
  type DateQualifier,
  type PenaltyUnit,
} from '@/db/schema';
import { buildInterval, DATE_QUALIFIERS, endsBefore, type DateInterval } from '@/lib/dates/interval';
import { isInFuture, MAX_YEAR, parsePartialDate, UNKNOWN_DATE, type PartialDate } from '@/lib/dates/partial-date';
import { isSafeKey, type FormValues } from '@/lib/forms';
import { dateProblemMessage, enumField, httpUrl, optionalEnum, optionalId, optionalText, partialDate, plainString } from '@/lib/zod-helpers';
import { CITED_FACTS, UNITS_OF_KIND } from './form-options';

export { CITED_FACTS, MONEY_UNITS, TERM_UNITS, UNITS_OF_KIND, type CitedFact } from './form-options';

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

/** Events that are about the court, so they cannot come before the detention they follow. */
const AFTER_DETENTION: readonly CustodyEventKind[] = [
  'charged', 'hearing_scheduled', 'hearing_held', 'sentenced', 'appeal_filed', 'appeal_decided', 'released', 'transferred',
];

/** A partial date that may lie in the future (a hearing set for next week); impossible dates refused. */
const anyDayDate = plainString()
  .default('')
  .transform((t) => t.trim())
  .pipe(z.string().max(20, { error: 'errors.date' }))
  .transform((t, ctx): PartialDate => {
    const parsed = parsePartialDate(t);
    if (!parsed || (parsed.date !== null && Number(parsed.date.slice(0, 4)) > MAX_YEAR)) {
      ctx.addIssue({ code: 'custom', message: parsed ? 'errors.date' : dateProblemMessage(t) });
      return z.NEVER;
    }
    return parsed;
  });

const intervalParts = <D extends z.ZodType<PartialDate>>(date: D) =>
  z
    .object({ on: date, to: date, qualifier: optionalEnum(DATE_QUALIFIERS), asReported: optionalText(300) })
    .default({ on: UNKNOWN_DATE, to: UNKNOWN_DATE, qualifier: null, asReported: null } as never);

type IntervalParts = { on: PartialDate; to: PartialDate; qualifier: DateQualifier | null; asReported: string | null };

/** Blank qualifier means "exact" when a date is given, else "unknown"; refusals land on `path` + field. */
function toInterval(input: IntervalParts, ctx: z.RefinementCtx, path: (string | number)[] = []): DateInterval {
  const qualifier = input.qualifier ?? (input.on.precision === 'unknown' ? 'unknown' : 'exact');
  const built = buildInterval(input.on, qualifier, input.to, input.asReported);
  if (!built.ok) {
    ctx.addIssue({ code: 'custom', path: [...path, built.field], message: built.error });
    return z.NEVER;
  }
  return built.interval;
}

/**
 * A date as the form takes it: a partial date, a qualifier, a second date for "between", and the
 * words as reported. Dates in the future are refused: what a source reports has happened.
 */
export const intervalInput = intervalParts(partialDate).transform((input, ctx) => toInterval(input, ctx));

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
    part: optionalText(20).refine((s) => s === null || /^[0-9A-Za-z.-]+$/.test(s), { error: 'errors.part' }),
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

/** The one kind of event a source may announce ahead: a hearing set for a later day. */
export const FUTURE_EVENT_KINDS: readonly CustodyEventKind[] = ['hearing_scheduled'];

export const eventInput = z
  .object({
    kind: enumField(custodyEventKind.enumValues),
    date: intervalParts(anyDayDate),
    placeId: optionalId,
    placeDetail: optionalText(300),
    note: optionalText(2000),
    /** Which of the detention's sources reports the event: its position (1-based) in the source list. */
    source: optionalId,
  })
  .superRefine((event, ctx) => {
    if (FUTURE_EVENT_KINDS.includes(event.kind)) return;
    for (const field of ['on', 'to'] as const) {
      if (isInFuture(event.date[field])) ctx.addIssue({ code: 'custom', path: ['date', field], message: 'errors.futureDate' });
    }
  })
  .transform((event, ctx) => ({ ...event, date: toInterval(event.date, ctx, ['date']) }));
export type EventInput = z.infer<typeof eventInput>;

/** At most this many "a different person" answers ride along with one save. */
export const MAX_DIFFERENT_FROM = 10;

/**
 * The people a monitor answered "a different person" for in the duplicate warning, posted as
 * "12,34" (a forged or malformed list is refused by name, next to the activist field).
 */
const differentFromInput = plainString()
  .default('')
  .transform((s) => s.trim())
  .pipe(z.string().regex(new RegExp(`^(\\d{1,9}(,\\d{1,9}){0,${MAX_DIFFERENT_FROM - 1}})?$`), { error: 'matching.errors.unknownPerson' }))
  .transform((s) => (s === '' ? [] : [...new Set(s.split(',').map(Number))]));

export const caseInput = z
  .object({
    personId: optionalId,
    /** "1" when the person was chosen through the duplicate warning's "same person" (audited). */
    personFromWarning: plainString().default('').transform((s) => s === '1'),
    differentFrom: differentFromInput,
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
 * Rows keep the order of their numbers; numbers may skip (a removed row). A charge, penalty or
 * event row left entirely blank (or at its defaults) is dropped: the form always offers one empty
 * row of each, so that it works without JavaScript. Each row remembers the number it was posted
 * under, so `rowFieldName` can put an error back next to the input it belongs to.
 */
export function readCaseForm(values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = key.split('.');
    // A `__proto__` or `constructor.prototype` path would write to Object.prototype (lib/forms.ts isSafeKey).
    if (parts.length > 6 || parts.some((p) => !/^\w{1,40}$/.test(p)) || !isSafeKey(key)) continue;
    let node: Record<string, unknown> = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = Object.hasOwn(node, parts[i]) ? node[parts[i]] : undefined;
      if (next !== undefined && (typeof next !== 'object' || next === null || Array.isArray(next))) break;
      // Own properties only: an inherited one (`toString`) is a function shared by every object.
      node = (next ?? (node[parts[i]] = {})) as Record<string, unknown>;
    }
    const leaf = parts[parts.length - 1];
    if (Object.hasOwn(node, leaf) && typeof node[leaf] === 'object' && node[leaf] !== null && !Array.isArray(node[leaf])) continue;
    node[leaf] = leaf === 'supports' ? [value].flat() : value;
  }
  out.sources = rowsOf(out.sources);
  const charges = rowsOf(out.charges);
  for (const charge of charges) charge.penalties = rowsOf(charge.penalties).filter((row) => !isBlankRow(row));
  out.charges = charges.filter((row) => !isBlankRow(row));
  out.events = rowsOf(out.events).filter((row) => !isBlankRow(row));
  (out.sources as Record<string, unknown>[]).forEach((row, i, all) => {
    all[i] = withRowName({ supports: [], ...row }, rowNameOf(row));
  });
  return out;
}

/** Where a row read by readCaseForm keeps the number it was posted under (invisible to zod and JSON). */
const ROW_NAME = Symbol('rowName');

function withRowName<T extends object>(row: T, name: string | undefined): T {
  if (name !== undefined) Object.defineProperty(row, ROW_NAME, { value: name, enumerable: false });
  return row;
}

function rowNameOf(row: object): string | undefined {
  return (row as { [ROW_NAME]?: string })[ROW_NAME];
}

/**
 * The input name of an error path over readCaseForm's output: `charges.0.penalties.1.unit` → the
 * name the form posted (`charges.2.penalties.1.unit` when a blank charge row 1 was dropped).
 * Paths outside the repeatable rows are returned as they are.
 */
export function rowFieldName(raw: Record<string, unknown>, key: string): string {
  const parts = key.split('.');
  let node: unknown = raw;
  return parts
    .map((part) => {
      if (Array.isArray(node) && /^\d+$/.test(part)) {
        const row: unknown = node[Number(part)];
        node = row;
        return (typeof row === 'object' && row !== null && rowNameOf(row)) || part;
      }
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
      return part;
    })
    .join('.');
}

/** Every key of a FieldErrors map renamed by rowFieldName. */
export function formFieldErrors(raw: Record<string, unknown>, errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) (out[rowFieldName(raw, key)] ??= []).push(...messages);
  return out;
}

/** Values a row's selects start at: a row holding only these (and blanks) was left untouched. */
const ROW_DEFAULTS: Record<string, readonly string[]> = { outcome: ['unknown'], qualifier: ['exact', 'unknown'] };

/** True when every value in the row (nested rows and dates included) is blank or a default. */
function isBlankRow(row: Record<string, unknown>): boolean {
  return Object.entries(row).every(([key, value]) => {
    if (Array.isArray(value)) return value.every((v) => (typeof v === 'object' && v !== null ? isBlankRow(v as Record<string, unknown>) : blankValue(key, v)));
    if (typeof value === 'object' && value !== null) return isBlankRow(value as Record<string, unknown>);
    return blankValue(key, value);
  });
}

function blankValue(key: string, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text === '' || (ROW_DEFAULTS[key]?.includes(text) ?? false);
}

/** `{ "0": {...}, "3": {...} }` → rows in numeric order, each remembering its number; anything else (absent, forged) → []. */
function rowsOf(value: unknown): Record<string, unknown>[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value)
    .filter(([k, row]) => /^\d{1,2}$/.test(k) && typeof row === 'object' && row !== null && !Array.isArray(row))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([k, row]) => withRowName(row as Record<string, unknown>, k));
}

/** Version of the record the user started editing, for the stale-edit check. */
export const versionInput = z.coerce.number().int().positive();

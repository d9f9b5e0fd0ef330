/**
 * The filters of the case list (and the dashboard, exports, report and API), read from the URL so
 * a filtered view can be shared. A malformed parameter is dropped, never a 500, and named in
 * `invalid` so pages can say so next to the field and the API can answer 400.
 */
import { z } from 'zod';
import { parseCalendarDay } from '@/lib/dates/partial-date';
import { hasControlCharacters } from '@/lib/text/control';
import {
  chargeOutcome,
  confidentiality,
  penaltyKind,
  personRole,
  plea,
  reviewStatus,
} from '@/db/schema';

/**
 * Where people stand today, from the custody timeline: held now, whereabouts unknown for more than
 * 24 hours, a hearing in the next 7 days, released (recorded, or the expected release day passed).
 */
export const CUSTODY_FILTERS = ['held', 'missing', 'hearing_soon', 'released'] as const;
export type CustodyFilter = (typeof CUSTODY_FILTERS)[number];

const id = z.coerce.number().int().positive().max(2_000_000_000).optional().catch(undefined);
// Strict: Date.parse takes 2021-02-30 and 0000-01-01, which Postgres then refuses (a 500).
const day = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseCalendarDay(s) !== null)
  .optional()
  .catch(undefined);
// NUL in a search term would reach Postgres (a 500): such a filter is malformed.
const text = z.string().trim().max(100).refine((s) => !hasControlCharacters(s)).optional().catch(undefined);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

export const caseFilters = z.object({
  q: text,
  city: id,
  region: text,
  from: day,
  to: day,
  /** 'not_stated': detentions whose source names no city (region only, country, or nothing). */
  place: z.literal('not_stated').optional().catch(undefined),
  /** 'uncertain': detentions whose date is not placed on a day (known only to the year, open, or unknown). */
  dated: z.literal('uncertain').optional().catch(undefined),
  charge: id,
  outcome: oneOf(chargeOutcome.enumValues),
  penalty: oneOf(penaltyKind.enumValues),
  plea: oneOf(plea.enumValues),
  election: id,
  custody: oneOf(CUSTODY_FILTERS),
  role: oneOf(personRole.enumValues),
  review: oneOf(reviewStatus.enumValues),
  confidentiality: oneOf(confidentiality.enumValues),
  deleted: z.literal('1').optional().catch(undefined),
  /**
   * The window around an election, as the dashboard counts it: `before` days before election day
   * to `after` days after, plus the detentions tied to the election whose day is unknown. Used
   * when no explicit date range is given.
   */
  lens: id,
  before: z.coerce.number().int().min(0).max(365).optional().catch(undefined),
  after: z.coerce.number().int().min(0).max(365).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type CaseFilters = z.infer<typeof caseFilters>;

export const FILTER_KEYS = Object.keys(caseFilters.shape) as (keyof CaseFilters)[];

/** Days before and after election day in an election's window, unless the URL says otherwise. */
export const DEFAULT_WINDOW = { before: 60, after: 30 } as const;

/** Keys that set the period (a date range, or an election's window): a view carries them together. */
export const PERIOD_KEYS = ['lens', 'before', 'after', 'from', 'to'] as const;

/**
 * The case list's filters for a dashboard view: its filters as they are (same names), and its
 * period as the dashboard resolved it: the election window (records of uncertain date tied to the
 * election included) or the explicit date range. Every panel's link starts from these.
 */
export function caseFiltersOfView(
  view: Partial<Record<keyof CaseFilters, unknown>> & { before: number; after: number; from?: string; to?: string },
  scope: { undatedElectionId: number | null },
): Partial<CaseFilters> {
  const filters = Object.fromEntries(
    FILTER_KEYS.filter((k) => k in view && !(PERIOD_KEYS as readonly string[]).includes(k)).map((k) => [k, view[k]]),
  ) as Partial<CaseFilters>;
  const period = scope.undatedElectionId
    ? { lens: scope.undatedElectionId, before: view.before, after: view.after }
    : { from: view.from, to: view.to };
  return { ...filters, ...period, page: 1 };
}

type SearchParams = Record<string, string | string[] | undefined>;

export function parseCaseFilters(params: SearchParams | URLSearchParams): CaseFilters {
  return readCaseFilters(params).filters;
}

/** The filters, and the names of those given but malformed (dropped from `filters`). */
export function readCaseFilters(params: SearchParams | URLSearchParams): { filters: CaseFilters; invalid: string[] } {
  const entries =
    params instanceof URLSearchParams
      ? Object.fromEntries(params.entries())
      : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const cleaned = Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== ''));
  const filters = caseFilters.parse(cleaned);
  return { filters, invalid: droppedKeys(caseFilters.shape, cleaned, filters) };
}

/** Parameters of `shape` that were given a value but parsed to nothing: malformed, hence dropped. */
export function droppedKeys(shape: object, given: Record<string, unknown>, parsed: Record<string, unknown>): string[] {
  return Object.keys(shape).filter((key) => given[key] !== undefined && parsed[key] === undefined);
}

/** The query string for these filters, with `overrides` applied (undefined removes a key). */
export function filtersToQuery(filters: Partial<CaseFilters>, overrides: Partial<Record<keyof CaseFilters, string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = key in overrides ? overrides[key] : filters[key];
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && Number(value) === 1) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The dashboard's view, read from the URL: the case list's filters (same names, so a view can be
 * opened as a case list) plus the election lens. A malformed parameter is dropped, never a 500.
 */
import { z } from 'zod';
import { caseFilters, DEFAULT_WINDOW, droppedKeys } from '@/lib/filters/definition';
import { isSafeKey } from '@/lib/forms';

export const DEFAULT_BEFORE = DEFAULT_WINDOW.before;
export const DEFAULT_AFTER = DEFAULT_WINDOW.after;

/**
 * Which date places a detention on the timelines: the detention's (default), the sentence's, or
 * any known one (the detention's, else the sentence's): many reports give only the ruling's day.
 */
export const DATE_AXES = ['detained', 'sentenced', 'known'] as const;
export type DateAxis = (typeof DATE_AXES)[number];

const electionIds = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [v].flat().flatMap((s) => s.split(',')))
  .pipe(z.array(z.string().regex(/^\d{1,9}$/).transform(Number)).max(6))
  .catch([]);

export const dashboardParams = caseFilters
  .omit({ page: true, q: true, deleted: true })
  .extend({
    /** The election whose window the dashboard looks at (default: the Mazhilis election of 2021). */
    lens: z.coerce.number().int().positive().max(2_000_000_000).optional().catch(undefined),
    /** Other elections overlaid on the same relative axis. */
    compare: electionIds,
    /** '1': count every date, unknown ones included, instead of the election window. */
    all: z.literal('1').optional().catch(undefined),
    before: z.coerce.number().int().min(0).max(365).catch(DEFAULT_BEFORE),
    after: z.coerce.number().int().min(0).max(365).catch(DEFAULT_AFTER),
    axis: z.enum(DATE_AXES).catch('detained'),
  });

export type DashboardParams = z.infer<typeof dashboardParams>;

type SearchParams = Record<string, string | string[] | undefined>;

export function parseDashboardParams(params: SearchParams | URLSearchParams): DashboardParams {
  return readDashboardParams(params).params;
}

/** The view, and the names of the parameters given but malformed (dropped from `params`). */
export function readDashboardParams(params: SearchParams | URLSearchParams): { params: DashboardParams; invalid: string[] } {
  const entries: Record<string, string | string[]> = {};
  const add = (key: string, value: string) => {
    if (value === '' || !isSafeKey(key)) return;
    const prev = entries[key];
    entries[key] = prev === undefined ? value : [prev, value].flat();
  };
  if (params instanceof URLSearchParams) params.forEach((value, key) => add(key, value));
  else for (const [key, value] of Object.entries(params)) for (const v of [value ?? []].flat()) add(key, v);
  // Only `compare` may repeat; every other parameter takes its first value.
  const single = Object.fromEntries(
    Object.entries(entries).map(([k, v]) => [k, k === 'compare' || !Array.isArray(v) ? v : v[0]]),
  );
  const parsed = dashboardParams.parse(single);
  return { params: parsed, invalid: droppedKeys(dashboardParams.shape, single, parsed) };
}

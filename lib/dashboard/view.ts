/**
 * A dashboard view as a URL, and the view's active filters as removable chips: each chip is the
 * same URL without that one setting. Pure (no database, no words), so it is tested on its own.
 */
import { DEFAULT_AFTER, DEFAULT_BEFORE, type DashboardParams } from './params';

/** Filters that narrow which detentions are counted, in the order the chips show them. */
export const NARROWING_KEYS = [
  'city', 'region', 'place', 'from', 'to', 'dated', 'charge', 'outcome', 'penalty', 'custody', 'plea', 'election', 'review', 'role', 'confidentiality',
] as const satisfies readonly (keyof DashboardParams)[];

/** Settings that change how the view counts or compares, not which detentions: chips too, after the filters. */
export const VIEW_KEYS = ['all', 'before', 'after', 'axis', 'compare'] as const satisfies readonly (keyof DashboardParams)[];

export type ChipKey = (typeof NARROWING_KEYS)[number] | (typeof VIEW_KEYS)[number];

/** Keys in the order of the URL; `lens` first so the chosen election survives every chip's removal. */
const URL_KEYS = ['lens', ...NARROWING_KEYS, ...VIEW_KEYS] as const;

function isDefault(key: (typeof URL_KEYS)[number], value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (key === 'before') return value === DEFAULT_BEFORE;
  if (key === 'after') return value === DEFAULT_AFTER;
  if (key === 'axis') return value === 'detained';
  if (key === 'compare') return Array.isArray(value) && value.length === 0;
  return false;
}

/** The dashboard's URL for this view ("/dashboard?city=3&axis=sentenced"), without `without`. */
export function dashboardHref(params: DashboardParams, without?: ChipKey, base = '/dashboard'): string {
  return `${base}${dashboardQuery(params, without)}`;
}

/** The view's query string ("?city=3"), or '' for the default view; settings at their default are left out. */
export function dashboardQuery(params: DashboardParams, without?: ChipKey): string {
  const query = new URLSearchParams();
  for (const key of URL_KEYS) {
    if (key === without) continue;
    const value = params[key];
    if (isDefault(key, value)) continue;
    if (key === 'compare') for (const id of params.compare) query.append('compare', String(id));
    else query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export type ActiveFilter = { key: ChipKey; value: string | number | number[]; narrows: boolean };

/** The view's settings that differ from the default view, filters first. */
export function activeFilters(params: DashboardParams): ActiveFilter[] {
  return [
    ...NARROWING_KEYS.filter((k) => !isDefault(k, params[k])).map((k) => ({ key: k, value: params[k] as string | number, narrows: true })),
    ...VIEW_KEYS.filter((k) => !isDefault(k, params[k])).map((k) => ({ key: k, value: params[k] as string | number | number[], narrows: false })),
  ];
}

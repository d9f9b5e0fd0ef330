/**
 * The audit trail's filters, read from the URL (so a view can be shared between auditors) and
 * what the trail records about other screens' filters. Pure.
 *
 * Unlike the case list, a malformed filter is reported, not just dropped: an auditor who typed
 * 2024-02-30 must not believe they are looking at February only.
 */
import { z } from 'zod';
import type { CaseFilters } from '@/lib/cases/filters';
import { AUDIT_ACTIONS, type AuditInput } from './log';

export const AUDIT_TARGET_KINDS = ['user', 'detention', 'person', 'source', 'token', 'session', 'role', 'audit', 'calendar_feed', 'charge'] as const satisfies readonly NonNullable<
  AuditInput['targetKind']
>[];

/**
 * A calendar day written YYYY-MM-DD, as midnight UTC; null for anything else. Strict: JavaScript
 * reads 2021-02-30 as 2 March, so the day must survive the round trip.
 */
export function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? date : null;
}

const day = z.string().refine((s) => parseDay(s) !== null);
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const auditFilters = z.object({
  actor: id.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: day.optional(),
  to: day.optional(),
  targetKind: z.enum(AUDIT_TARGET_KINDS).optional(),
  // Target ids are record ids, token ids or session ids: short and printable.
  targetId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).optional(),
  /** Keyset cursor: events with a smaller id than this (older ones), newest first. */
  before: id.optional(),
});

export type AuditFilters = z.infer<typeof auditFilters>;
export const AUDIT_FILTER_KEYS = Object.keys(auditFilters.shape) as (keyof AuditFilters)[];

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The filters that parsed, and the names of those that did not (shown to the auditor, then ignored). */
export function parseAuditFilters(params: SearchParams): { filters: AuditFilters; invalid: (keyof AuditFilters)[] } {
  const read = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first === null || first === undefined || first.trim() === '' ? undefined : first.trim();
  };
  const filters: Record<string, unknown> = {};
  const invalid: (keyof AuditFilters)[] = [];
  for (const key of AUDIT_FILTER_KEYS) {
    const raw = read(key);
    if (raw === undefined) continue;
    const parsed = auditFilters.shape[key].safeParse(raw);
    if (parsed.success) filters[key] = parsed.data;
    else invalid.push(key);
  }
  return { filters: filters as AuditFilters, invalid };
}

/** The query string for these filters, with `overrides` applied (undefined removes a key). */
export function auditFiltersToQuery(filters: AuditFilters, overrides: Partial<Record<keyof AuditFilters, string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = key in overrides ? overrides[key] : filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** What the trail records about a reading of itself: the filters set (ids, dates, kinds), no cursor. */
export function auditedAuditFilters(filters: AuditFilters): Record<string, unknown> {
  const { before: _cursor, ...rest } = filters;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/**
 * What the trail records about the case filters of an export, a report or an API call: which were
 * set, with ids, dates and vocabulary values, but never search text, which may name a person.
 */
export function auditedCaseFilters(filters: Partial<CaseFilters>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || key === 'page') continue;
    kept[key] = key === 'q' ? true : value;
  }
  return kept;
}

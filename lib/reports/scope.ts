/**
 * Which records a report (and its one-record sibling) may carry. By default only what may be
 * shared outside: shareable and verified. Drafts and restricted records come in only when the
 * reader asks for them by name (`include=draft`, `include=restricted`), confirms it (`confirm=1`),
 * and may see them (drafts: anyone who reads; restricted: 'readRestricted'). Checked on the server,
 * so a crafted URL gets no more than the form would. Pure: tested without a database.
 */
import { seesRestricted, type Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';

export type ReportScope = { drafts: boolean; restricted: boolean };
export const DEFAULT_SCOPE: ReportScope = { drafts: false, restricted: false };

export type ScopeResult =
  | { ok: true; scope: ReportScope; filters: Partial<CaseFilters> }
  /** confirm: asked without the confirmation; conflict: a filter asks for what is left out; forbidden: the role may not see it. */
  | { ok: false; error: 'confirm' | 'conflict' | 'forbidden' };

/** The scope asked for in a query string (or form), checked against the actor, and the filters narrowed to it. */
export function readReportScope(params: URLSearchParams, actor: Actor, filters: Partial<CaseFilters>): ScopeResult {
  const include = new Set(params.getAll('include'));
  const scope: ReportScope = { drafts: include.has('draft'), restricted: include.has('restricted') };
  if (scope.restricted && !seesRestricted(actor)) return { ok: false, error: 'forbidden' };
  if ((scope.drafts || scope.restricted) && params.get('confirm') !== '1') return { ok: false, error: 'confirm' };
  if ((!scope.drafts && filters.review === 'draft') || (!scope.restricted && filters.confidentiality === 'restricted')) return { ok: false, error: 'conflict' };
  return { ok: true, scope, filters: scopedFilters(filters, scope) };
}

/** The filters with the scope's defaults put in: verified unless drafts are included, shareable unless restricted are. */
export function scopedFilters(filters: Partial<CaseFilters>, scope: ReportScope): Partial<CaseFilters> {
  return {
    ...filters,
    ...(scope.drafts ? {} : { review: 'verified' as const }),
    ...(scope.restricted ? {} : { confidentiality: 'shareable' as const }),
  };
}

/** The stamp a row carries when it is not for sharing ("RESTRICTED", "DRAFT", or both), else null. */
export function rowStamps(row: { confidentiality: 'shareable' | 'restricted'; reviewStatus: 'draft' | 'verified' }): ('restricted' | 'draft')[] {
  return [...(row.confidentiality === 'restricted' ? ['restricted' as const] : []), ...(row.reviewStatus === 'draft' ? ['draft' as const] : [])];
}

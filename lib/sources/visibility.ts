import { and, isNull, or, sql, type SQL } from 'drizzle-orm';
import { citations, detentions, reportedCounts, sources } from '@/db/schema';
import { can, seesRestricted, type Actor } from '@/lib/auth/policy';
import { visibleDetention } from '@/lib/cases/visibility';

/**
 * The one rule for which sources an actor may see, put in the WHERE clause of every query that
 * reads sources by themselves (source page, edit page, picker, dashboard's reported numbers).
 * Ids are sequential, so a source must not tell a reader of a detention they may not see.
 *
 * - Researchers: a live source cited by a detention they may see (live, not restricted), or by a
 *   live reported count (those numbers are on every reader's dashboard).
 * - Monitors (readRestricted): every live source. They see every live detention anyway, and they
 *   must find a source no live detention cites any more (its cases deleted or re-sourced) to
 *   reuse or delete it.
 * - `includeDeleted`, for those who restore deleted records (admins): deleted sources too.
 *
 * Queries must read `sources` under its own name (no alias): the sub-queries refer to it.
 */
export function visibleSource(actor: Actor, { includeDeleted = false } = {}): SQL {
  if (includeDeleted && can(actor.role, 'restore')) return sql`true`;
  const live = isNull(sources.deletedAt);
  if (seesRestricted(actor)) return live;
  const citedByVisible = sql`EXISTS (SELECT 1 FROM ${citations} JOIN ${detentions} ON ${detentions.id} = ${citations.detentionId}
    WHERE ${citations.sourceId} = ${sources.id} AND ${visibleDetention(actor)})`;
  const reported = sql`EXISTS (SELECT 1 FROM ${reportedCounts} WHERE ${reportedCounts.sourceId} = ${sources.id} AND ${reportedCounts.deletedAt} IS NULL)`;
  return and(live, or(citedByVisible, reported))!;
}

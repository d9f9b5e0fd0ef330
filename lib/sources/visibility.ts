import { and, isNull, or, sql, type SQL } from 'drizzle-orm';
import { citations, detentions, reportedCounts, sources } from '@/db/schema';
import { can, seesRestricted, type Actor } from '@/lib/auth/policy';
import { visibleDetention } from '@/lib/cases/visibility';

/**
 * The one rule for which sources an actor may see, put in the WHERE clause of every query that
 * reads sources by themselves (source page, edit page, picker, dashboard's reported numbers).
 * Ids are sequential, so a source must not reveal a detention the reader may not see: a source is
 * visible when a detention the actor may see cites it, or a live reported count does (those are
 * shown to every reader on the dashboard).
 *
 * Monitors (readRestricted) also see sources no detention cites at all (left over when a case's
 * sources were edited), so they can reuse or delete them: such a source names no case they
 * couldn't open anyway. A source cited only by deleted detentions stays hidden from them, like the
 * deleted records themselves. `includeDeleted` is for those who restore deleted records (admins):
 * they see every source.
 *
 * Queries must read `sources` under its own name (no alias): the sub-queries refer to it.
 */
export function visibleSource(actor: Actor, { includeDeleted = false } = {}): SQL {
  if (includeDeleted && can(actor.role, 'restore')) return sql`true`;
  const citedByVisible = sql`EXISTS (SELECT 1 FROM ${citations} JOIN ${detentions} ON ${detentions.id} = ${citations.detentionId}
    WHERE ${citations.sourceId} = ${sources.id} AND ${visibleDetention(actor)})`;
  const reported = sql`EXISTS (SELECT 1 FROM ${reportedCounts} WHERE ${reportedCounts.sourceId} = ${sources.id} AND ${reportedCounts.deletedAt} IS NULL)`;
  const uncited = sql`NOT EXISTS (SELECT 1 FROM ${citations} WHERE ${citations.sourceId} = ${sources.id})`;
  return and(isNull(sources.deletedAt), or(citedByVisible, reported, seesRestricted(actor) ? uncited : undefined))!;
}

import 'server-only';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { detentions, people } from '@/db/schema';
import { seesRestricted, type Actor } from '@/lib/auth/policy';
import { visibleDetention } from '@/lib/cases/visibility';
import { foldName } from '@/lib/names/fold';
import { containsPattern } from '@/lib/text/like';

export const PEOPLE_PAGE_SIZE = 50;

/**
 * The people list (/people): live, unmerged people whose any name variant contains the query
 * (names folded as the matcher folds them, so "Serikbaev" finds "Серікбаев"), by name, with the
 * number of their detentions the actor may see. Researchers see a person only through a
 * detention they may see (as on the person page, lib/people/queries.ts getPersonById).
 */
export async function listPeople(actor: Actor, query: string, page = 1) {
  const visibleCounts = db
    .select({ personId: detentions.personId, detentionCount: count().as('detention_count') })
    .from(detentions)
    .where(visibleDetention(actor))
    .groupBy(detentions.personId)
    .as('visible_counts');
  const key = foldName(query.trim());
  const where = and(
    isNull(people.deletedAt),
    isNull(people.mergedIntoId),
    seesRestricted(actor) ? undefined : sql`${visibleCounts.detentionCount} > 0`,
    key ? sql`EXISTS (SELECT 1 FROM person_names pn WHERE pn.person_id = ${people.id} AND pn.search_key LIKE ${containsPattern(key)})` : undefined,
  );
  const [{ total }] = await db
    .select({ total: count() })
    .from(people)
    .leftJoin(visibleCounts, eq(visibleCounts.personId, people.id))
    .where(where);
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db
    .select({
      id: people.id,
      displayName: people.displayName,
      role: people.role,
      affiliation: people.affiliation,
      detentionCount: sql<number>`coalesce(${visibleCounts.detentionCount}, 0)::int`,
    })
    .from(people)
    .leftJoin(visibleCounts, eq(visibleCounts.personId, people.id))
    .where(where)
    .orderBy(asc(people.displayName), asc(people.id))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((current - 1) * PEOPLE_PAGE_SIZE);
  return { rows, total, page: current, pages };
}

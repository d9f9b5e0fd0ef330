import 'server-only';
import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { citations, detentions, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { visibleDetention } from '@/lib/cases/visibility';
import { containsPattern } from '@/lib/text/like';
import { visibleSource } from './visibility';

export const SOURCES_PAGE_SIZE = 50;

/**
 * The sources list (/sources): the sources the actor may see (visibility.ts) whose title,
 * publisher or web address contains the query, by title, with how many detentions the actor may
 * see cite each.
 */
export async function listSources(actor: Actor, query: string, page = 1) {
  const visibleCitations = db
    .select({ sourceId: citations.sourceId, citedBy: count().as('cited_by') })
    .from(citations)
    .innerJoin(detentions, eq(detentions.id, citations.detentionId))
    .where(visibleDetention(actor))
    .groupBy(citations.sourceId)
    .as('visible_citations');
  const text = query.trim().toLowerCase();
  const pattern = containsPattern(text);
  const where = and(
    visibleSource(actor),
    text
      ? or(sql`lower(${sources.title}) LIKE ${pattern}`, sql`lower(${sources.url}) LIKE ${pattern}`, sql`lower(coalesce(${sources.publisher}, '')) LIKE ${pattern}`)
      : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(sources).where(where);
  const pages = Math.max(1, Math.ceil(total / SOURCES_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db
    .select({
      id: sources.id,
      title: sources.title,
      url: sources.url,
      publisher: sources.publisher,
      publishedOn: sources.publishedOn,
      publishedPrecision: sources.publishedPrecision,
      citedBy: sql<number>`coalesce(${visibleCitations.citedBy}, 0)::int`,
    })
    .from(sources)
    .leftJoin(visibleCitations, eq(visibleCitations.sourceId, sources.id))
    .where(where)
    .orderBy(asc(sources.title), asc(sources.id))
    .limit(SOURCES_PAGE_SIZE)
    .offset((current - 1) * SOURCES_PAGE_SIZE);
  return { rows, total, page: current, pages };
}

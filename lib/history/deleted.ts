import 'server-only';
import { desc, eq, isNotNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { detentions, people, places, sources } from '@/db/schema';

/** Everything soft-deleted, newest first: where an admin undoes a delete. */
export async function listDeletedRecords(limit = 200) {
  const [cases, persons, sourceRows] = await Promise.all([
    db
      .select({ id: detentions.id, label: sql<string>`${people.displayName} || coalesce(', ' || coalesce(${places.name}, ${detentions.region}), '')`, deletedAt: detentions.deletedAt })
      .from(detentions)
      .innerJoin(people, eq(people.id, detentions.personId))
      .leftJoin(places, eq(places.id, detentions.placeId))
      .where(isNotNull(detentions.deletedAt))
      .orderBy(desc(detentions.deletedAt))
      .limit(limit),
    db
      .select({ id: people.id, label: people.displayName, deletedAt: people.deletedAt })
      .from(people)
      .where(isNotNull(people.deletedAt))
      .orderBy(desc(people.deletedAt))
      .limit(limit),
    db
      .select({ id: sources.id, label: sources.title, deletedAt: sources.deletedAt })
      .from(sources)
      .where(isNotNull(sources.deletedAt))
      .orderBy(desc(sources.deletedAt))
      .limit(limit),
  ]);
  return [
    ...cases.map((r) => ({ ...r, kind: 'detention' as const, href: `/cases/${r.id}` })),
    ...persons.map((r) => ({ ...r, kind: 'person' as const, href: `/people/${r.id}` })),
    ...sourceRows.map((r) => ({ ...r, kind: 'source' as const, href: `/sources/${r.id}` })),
  ].sort((a, b) => (b.deletedAt?.getTime() ?? 0) - (a.deletedAt?.getTime() ?? 0));
}

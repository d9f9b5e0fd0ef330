import 'server-only';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { citations, detentions, people, places, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import type { SourceRowInput } from '@/lib/cases/schema';
import { visibleDetention } from '@/lib/cases/visibility';
import type { FieldErrors } from '@/lib/forms';
import { enqueueCapture } from '@/lib/evidence/requests';
import { diffRecords, listRevisions, recordRevision } from '@/lib/history/revisions';
import { restore, softDelete } from '@/lib/history/soft-delete';
import { sqlState, withRetry } from '@/lib/transactions/retry';
import type { SourceInput } from './schema';
import { containsPattern } from '@/lib/text/like';
import { visibleSource } from './visibility';

const sourceColumns = {
  id: sources.id,
  url: sources.url,
  title: sources.title,
  publisher: sources.publisher,
  publishedOn: sources.publishedOn,
  publishedPrecision: sources.publishedPrecision,
  language: sources.language,
  accessedOn: sources.accessedOn,
  version: sources.version,
};

/** A new source's row, from a form or import row that names it (also the import's bulk insert). */
export function newSourceValues(actor: Actor, row: SourceRowInput) {
  return {
    url: row.url,
    title: row.title!,
    publisher: row.publisher,
    publishedOn: row.publishedOn.date,
    publishedPrecision: row.publishedOn.precision,
    language: row.language,
    accessedOn: new Date().toISOString().slice(0, 10),
    createdById: actor.id,
  };
}

/** What a source's create revision records. */
export function sourceCreated(row: SourceRowInput) {
  return { url: row.url, title: row.title, publisher: row.publisher, publishedOn: row.publishedOn.date, publishedPrecision: row.publishedOn.precision, language: row.language };
}

/**
 * The source of each form row: the one picked, else the one already known by that URL, else a new
 * one (which needs a title). One source supports many detentions, so a URL is stored once.
 */
export async function resolveSourceRows(
  tx: Tx,
  actor: Actor,
  rows: SourceRowInput[],
): Promise<{ ids: number[] } | { errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const ids: number[] = [];
  const urls = rows.map((r) => r.url);
  const picked = rows.map((r) => r.sourceId).filter((id): id is number => id !== null);
  const known = urls.length
    ? await tx
        .select({ id: sources.id, url: sources.url })
        .from(sources)
        .where(and(isNull(sources.deletedAt), or(inArray(sources.url, urls), picked.length ? inArray(sources.id, picked) : sql`false`)))
    : [];
  for (const [i, row] of rows.entries()) {
    // A picked source whose URL was then edited is a different source: go by the URL.
    const match = known.find((k) => k.url === row.url);
    if (match) {
      ids.push(match.id);
      continue;
    }
    if (!row.title) {
      errors[`sources.${i}.title`] = ['errors.sourceTitleRequired'];
      continue;
    }
    // Another monitor may add the same URL at the same moment: then use theirs.
    const [created] = await tx
      .insert(sources)
      .values(newSourceValues(actor, row))
      .onConflictDoNothing()
      .returning({ id: sources.id });
    if (!created) {
      const [existing] = await tx.select({ id: sources.id }).from(sources).where(and(eq(sources.url, row.url), isNull(sources.deletedAt)));
      if (!existing) {
        // The same URL exists only as a deleted source: an admin restores it rather than it being stored twice.
        errors[`sources.${i}.url`] = ['errors.sourceDeleted'];
        continue;
      }
      known.push({ id: existing.id, url: row.url });
      ids.push(existing.id);
      continue;
    }
    // Captured after the response (see lib/evidence/requests.ts); asked for in this transaction.
    // Both sent together (one round trip on the PostgreSQL server).
    await Promise.all([
      recordRevision(tx, { kind: 'source', id: created.id, action: 'create', version: 1, userId: actor.id, changes: sourceCreated(row) }),
      enqueueCapture(tx, created.id, actor.id),
    ]);
    known.push({ id: created.id, url: row.url });
    ids.push(created.id);
  }
  return Object.keys(errors).length ? { errors } : { ids };
}

/** Sources whose URL or title matches and that the actor may see, for the source picker. */
export async function searchSources(actor: Actor, query: string, limit = 8) {
  const text = query.trim().toLowerCase();
  if (text.length < 3) return [];
  const pattern = containsPattern(text);
  return db
    .select({ id: sources.id, url: sources.url, title: sources.title, publisher: sources.publisher })
    .from(sources)
    .where(
      and(
        visibleSource(actor),
        or(sql`lower(${sources.url}) LIKE ${pattern}`, sql`lower(${sources.title}) LIKE ${pattern}`),
      ),
    )
    .orderBy(asc(sources.title))
    .limit(limit);
}

/** A source the actor may see (see visibility.ts) and the detentions citing it that they may see. */
export async function getSourceById(actor: Actor, id: number) {
  const [source] = await db
    .select({ ...sourceColumns, deletedAt: sources.deletedAt })
    .from(sources)
    .where(and(eq(sources.id, id), visibleSource(actor, { includeDeleted: true })));
  if (!source) return null;
  const cases = await db
    .select({
      id: detentions.id,
      personId: people.id,
      personName: people.displayName,
      city: places.name,
      region: sql<string | null>`coalesce(${places.region}, ${detentions.region})`,
      placePrecision: detentions.placePrecision,
      detainedEarliest: detentions.detainedEarliest,
      detainedLatest: detentions.detainedLatest,
      detainedQualifier: detentions.detainedQualifier,
      locator: citations.locator,
    })
    .from(citations)
    .innerJoin(detentions, eq(detentions.id, citations.detentionId))
    .innerJoin(people, eq(people.id, detentions.personId))
    .leftJoin(places, eq(places.id, detentions.placeId))
    .where(and(eq(citations.sourceId, id), visibleDetention(actor)))
    .orderBy(asc(people.displayName));
  const history = await listRevisions(db, 'source', id);
  return { ...source, cases, history };
}

/** Whether the actor may see this live source, so an edit posted for one they can't see is refused. */
export async function isSourceVisible(actor: Actor, id: number): Promise<boolean> {
  const [row] = await db.select({ id: sources.id }).from(sources).where(and(eq(sources.id, id), visibleSource(actor)));
  return Boolean(row);
}

export async function updateSource(actor: Actor, id: number, version: number, input: SourceInput) {
  try {
    return await updateSourceOnce(actor, id, version, input);
  } catch (error) {
    // Two sources given the same new address at the same moment both pass the check below; the
    // unique index stops the second, which gets the check's answer instead of a 500.
    if (sqlState(error) === '23505') return { ok: false, reason: 'urlTaken' } as const;
    throw error;
  }
}

async function updateSourceOnce(actor: Actor, id: number, version: number, input: SourceInput) {
  return withRetry(() => db.transaction(async (tx) => {
    const [before] = await tx
      .select(sourceColumns)
      .from(sources)
      .where(and(eq(sources.id, id), isNull(sources.deletedAt)))
      .for('update');
    if (!before) return { ok: false, reason: 'notFound' } as const;
    if (before.version !== version) return { ok: false, reason: 'conflict' } as const;
    const [clash] = await tx
      .select({ id: sources.id })
      .from(sources)
      .where(and(eq(sources.url, input.url), sql`${sources.id} <> ${id}`));
    if (clash) return { ok: false, reason: 'urlTaken' } as const;
    const after = {
      url: input.url,
      title: input.title,
      publisher: input.publisher,
      publishedOn: input.publishedOn.date,
      publishedPrecision: input.publishedOn.precision,
      language: input.language,
      accessedOn: input.accessedOn.date,
    };
    await tx
      .update(sources)
      .set({ ...after, version: version + 1, updatedAt: new Date() })
      .where(eq(sources.id, id));
    // A new address is a new page to keep.
    if (before.url !== after.url) await enqueueCapture(tx, id, actor.id);
    await recordRevision(tx, {
      kind: 'source',
      id,
      action: 'update',
      version: version + 1,
      userId: actor.id,
      changes: diffRecords(before, after),
      reason: input.reason,
    });
    return { ok: true } as const;
  }));
}

/** A source can be deleted only once no detention on record cites it: every record keeps a source. */
export async function deleteSource(actor: Actor, id: number, version: number, reason: string | null) {
  return withRetry(() => db.transaction((tx) =>
    softDelete(tx, 'source', actor, id, version, reason, async () => {
      const [live] = await tx
        .select({ id: citations.id })
        .from(citations)
        .innerJoin(detentions, eq(detentions.id, citations.detentionId))
        .where(and(eq(citations.sourceId, id), isNull(detentions.deletedAt)))
        .limit(1);
      return Boolean(live);
    }),
  ));
}

export async function restoreSource(actor: Actor, id: number) {
  return withRetry(() => db.transaction((tx) => restore(tx, 'source', actor, id)));
}

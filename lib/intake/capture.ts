import 'server-only';
/**
 * Where an intake's article comes from when it is not pasted: a source already captured (its
 * latest successful capture's readable text), or a URL captured first through the evidence path
 * (safeFetch: its SSRF rules, size and time limits, redirects checked hop by hop). The drafts then
 * cite that source: an existing row is reused, never duplicated.
 *
 * A URL is fetched first and nothing is written until the page has been read and found to report
 * a detention: then its source (new, or the one already known by that URL) and the capture are
 * written in ONE transaction. A blocked, failed or unreadable page leaves nothing behind.
 */
import { and, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { sourceCaptures, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { prepareCapture, type PreparedCapture } from '@/lib/evidence/capture';
import { insertCapture } from '@/lib/evidence/persist';
import { recordRevision } from '@/lib/history/revisions';
import { visibleSource } from '@/lib/sources/visibility';
import { containsPattern } from '@/lib/text/like';
import { withRetry } from '@/lib/transactions/retry';
import { httpUrl } from '@/lib/zod-helpers';
import { readArticle, type ReadArticle } from './queries';
import { refuseArticle, type ArticleMeta, type ArticleRefusal } from './schema';

export type CaptureRefusal =
  | ArticleRefusal
  | 'intake.errors.badUrl'
  | 'intake.errors.captureBlocked'
  | 'intake.errors.captureTooLarge'
  | 'intake.errors.captureUnsupported'
  | 'intake.errors.captureFailed'
  | 'intake.errors.sourceDeleted'
  | 'intake.errors.noCapture'
  | 'intake.errors.noDetention';

/** An article read from a source: its text and its citation. `sourceId` is null until a fetched page is kept. */
export type SourcedArticle = { sourceId: number | null; url: string; text: string; meta: ArticleMeta };

/** A successful capture with readable text (what intake can read). */
const readableCapture = and(eq(sourceCaptures.outcome, 'ok'), isNotNull(sourceCaptures.readableText), sql`${sourceCaptures.readableText} <> ''`);

/** The citation date of a source as ArticleMeta writes it: as precise as the source says, no more. */
function publishedOf(on: string | null, precision: string): string | null {
  if (!on) return null;
  if (precision === 'day') return on.slice(0, 10);
  if (precision === 'month') return on.slice(0, 7);
  if (precision === 'year') return on.slice(0, 4);
  return null;
}

/**
 * Sources the actor may see that have a readable successful capture and whose title or URL
 * contains the query, for the intake's source picker.
 */
export async function searchCapturedSources(actor: Actor, query: string, limit = 8) {
  const text = query.trim().toLowerCase().slice(0, 200);
  if (text.length < 3) return [];
  const pattern = containsPattern(text);
  return db
    .select({ id: sources.id, url: sources.url, title: sources.title, publisher: sources.publisher, publishedOn: sources.publishedOn })
    .from(sources)
    .where(
      and(
        visibleSource(actor),
        or(sql`lower(${sources.url}) LIKE ${pattern}`, sql`lower(${sources.title}) LIKE ${pattern}`),
        sql`EXISTS (SELECT 1 FROM ${sourceCaptures} WHERE ${sourceCaptures.sourceId} = ${sources.id} AND ${readableCapture})`,
      ),
    )
    .orderBy(sources.title, sources.id)
    .limit(limit);
}

/** The article of a captured source the actor may see: its latest readable capture, cited as the source row says. */
export async function readCapturedSource(actor: Actor, sourceId: number): Promise<SourcedArticle | { refusal: CaptureRefusal }> {
  const [row] = await db
    .select({
      id: sources.id,
      url: sources.url,
      title: sources.title,
      publisher: sources.publisher,
      publishedOn: sources.publishedOn,
      publishedPrecision: sources.publishedPrecision,
      text: sourceCaptures.readableText,
    })
    .from(sources)
    .innerJoin(sourceCaptures, eq(sourceCaptures.sourceId, sources.id))
    .where(and(eq(sources.id, sourceId), visibleSource(actor), readableCapture))
    .orderBy(desc(sourceCaptures.capturedAt), desc(sourceCaptures.id))
    .limit(1);
  // Not visible, deleted, never captured or captured without readable text: all the same to the reader.
  if (!row?.text) return { refusal: 'intake.errors.noCapture' };
  const refusal = refuseArticle(row.text);
  if (refusal) return { refusal };
  return {
    sourceId: row.id,
    url: row.url,
    text: row.text,
    meta: { url: row.url, title: row.title, publisher: row.publisher, published: publishedOf(row.publishedOn, row.publishedPrecision) },
  };
}

/** Why a capture's outcome gives no article, as a message key. */
function outcomeRefusal(outcome: PreparedCapture['outcome']): CaptureRefusal {
  if (outcome === 'blocked') return 'intake.errors.captureBlocked';
  if (outcome === 'too_large') return 'intake.errors.captureTooLarge';
  if (outcome === 'unsupported_type') return 'intake.errors.captureUnsupported';
  return 'intake.errors.captureFailed';
}

export type FetchedArticle = SourcedArticle & { prepared: PreparedCapture; existingSourceId: number | null };

/**
 * Fetches a URL for intake, writing nothing: its readable text and the citation its page gives
 * (title, site name, publication date from the metadata), or why it can't be read.
 */
export async function fetchArticle(actor: Actor, rawUrl: string): Promise<FetchedArticle | { refusal: CaptureRefusal }> {
  // Normalised as the case form stores it, so the drafts' citation finds this very source.
  const parsed = httpUrl.safeParse(rawUrl);
  if (!parsed.success) return { refusal: 'intake.errors.badUrl' };
  const url = parsed.data;
  // URLs are unique among sources, deleted ones included: a deleted source is restored by an admin, not re-created.
  const [known] = await db
    .select({ id: sources.id, deletedAt: sources.deletedAt, title: sources.title, publisher: sources.publisher, publishedOn: sources.publishedOn, publishedPrecision: sources.publishedPrecision })
    .from(sources)
    .where(eq(sources.url, url));
  if (known?.deletedAt) return { refusal: 'intake.errors.sourceDeleted' };
  const prepared = await prepareCapture(url, actor);
  if (prepared.outcome !== 'ok') return { refusal: outcomeRefusal(prepared.outcome) };
  const text = prepared.readable?.text ?? '';
  if (!text.trim()) return { refusal: 'intake.errors.captureUnsupported' };
  const refusal = refuseArticle(text);
  if (refusal) return { refusal };
  const published = /^\d{4}-\d{2}-\d{2}/.exec(prepared.readable?.publishedTime ?? '')?.[0] ?? null;
  // A source already on record is cited as its record says (that is what the drafts will cite).
  const meta: ArticleMeta = known
    ? { url, title: known.title, publisher: known.publisher, published: publishedOf(known.publishedOn, known.publishedPrecision) ?? published }
    : { url, title: prepared.readable?.title.slice(0, 500) || null, publisher: prepared.readable?.siteName?.slice(0, 200) || null, published };
  return {
    sourceId: known?.id ?? null,
    existingSourceId: known?.id ?? null,
    url,
    text,
    prepared,
    meta,
  };
}

/**
 * Keeps a fetched article: its source (the one known by that URL, else a new one with the title,
 * publisher and date its page gave) and the capture, in one transaction. Returns the source and capture.
 */
export async function keepFetchedArticle(
  actor: Actor,
  article: FetchedArticle,
  language: string | null,
): Promise<{ sourceId: number; captureId: number } | { refusal: CaptureRefusal }> {
  return withRetry(() =>
    db.transaction(async (tx: Tx) => {
      const sourceId = await sourceFor(tx, actor, article, language);
      if (sourceId === null) return { refusal: 'intake.errors.sourceDeleted' as const };
      const captureId = await insertCapture(tx, { ...article.prepared.row, sourceId }, article.prepared.files, article.prepared.primaryRole, article.prepared.audit);
      return { sourceId, captureId };
    }),
  );
}

async function sourceFor(tx: Tx, actor: Actor, article: FetchedArticle, language: string | null): Promise<number | null> {
  const published = article.meta.published;
  const values = {
    url: article.url,
    title: article.meta.title ?? article.url.slice(0, 500),
    publisher: article.meta.publisher,
    publishedOn: published,
    publishedPrecision: published ? ('day' as const) : ('unknown' as const),
    language,
    accessedOn: new Date().toISOString().slice(0, 10),
    createdById: actor.id,
  };
  // Another monitor may add the same URL at the same moment: then theirs is used.
  const [created] = await tx.insert(sources).values(values).onConflictDoNothing().returning({ id: sources.id });
  if (created) {
    const { url, title, publisher, publishedOn, publishedPrecision } = values;
    await recordRevision(tx, { kind: 'source', id: created.id, action: 'create', version: 1, userId: actor.id, changes: { url, title, publisher, publishedOn, publishedPrecision, language } });
    return created.id;
  }
  const [existing] = await tx.select({ id: sources.id }).from(sources).where(and(eq(sources.url, article.url), isNull(sources.deletedAt)));
  return existing?.id ?? null;
}

/**
 * A URL read into drafts: fetched (nothing written), read, and only when it reports a detention
 * kept as a source with its capture, which the drafts then cite. The capture id is returned so the
 * caller can have it timestamped after the response.
 */
export async function readUrlForIntake(actor: Actor, rawUrl: string): Promise<{ article: ReadArticle; captureId: number } | { refusal: CaptureRefusal }> {
  const fetched = await fetchArticle(actor, rawUrl);
  if ('refusal' in fetched) return fetched;
  const article = await readArticle(actor, fetched.text, fetched.meta, fetched.existingSourceId);
  // A page that reports no detention is not kept: nothing is written.
  if (article.drafts.length === 0) return { refusal: 'intake.errors.noDetention' };
  const kept = await keepFetchedArticle(actor, fetched, article.language);
  if ('refusal' in kept) return kept;
  return { article: { ...article, sourceId: kept.sourceId }, captureId: kept.captureId };
}

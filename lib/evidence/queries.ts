import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { inIds } from '@/db/id-set';
import { captureFiles, captureTimestamps, citations, linkChecks, sourceCaptures, sources, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { visibleSource } from '@/lib/sources/visibility';

/**
 * Reading captures (lib/evidence/capture.ts and upload.ts write them). Every read of one source's
 * captures or files goes through the source's visibility (lib/sources/visibility.ts): a capture
 * tells what a source said, so whoever may not see the source may not see its captures.
 */

export type CaptureFileRole = (typeof captureFiles.$inferSelect)['role'];

/** Whether the actor may see this source, as the source page decides (admins see deleted ones too). */
async function sourceVisible(actor: Actor, sourceId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.id, sourceId), visibleSource(actor, { includeDeleted: true })));
  return Boolean(row);
}

/**
 * Every capture of a source the actor may see, newest first, with its files and timestamps; null
 * when the source is not visible to them. Tokens and certificate chains stay in the database
 * (verify-evidence reads them); the page shows what they say.
 */
export async function listSourceCaptures(actor: Actor, sourceId: number) {
  if (!(await sourceVisible(actor, sourceId))) return null;
  const captures = await db
    .select({
      id: sourceCaptures.id,
      method: sourceCaptures.method,
      requestedBy: users.name,
      requestedAt: sourceCaptures.requestedAt,
      capturedAt: sourceCaptures.capturedAt,
      requestedUrl: sourceCaptures.requestedUrl,
      finalUrl: sourceCaptures.finalUrl,
      httpStatus: sourceCaptures.httpStatus,
      outcome: sourceCaptures.outcome,
      detail: sourceCaptures.detail,
      contentType: sourceCaptures.contentType,
      primarySha256: sourceCaptures.primarySha256,
      uploadFilename: sourceCaptures.uploadFilename,
      readableTitle: sourceCaptures.readableTitle,
      readableText: sourceCaptures.readableText,
      renderNote: sourceCaptures.renderNote,
      manifestSha256: sourceCaptures.manifestSha256,
    })
    .from(sourceCaptures)
    .leftJoin(users, eq(users.id, sourceCaptures.requestedById))
    .where(eq(sourceCaptures.sourceId, sourceId))
    .orderBy(desc(sourceCaptures.capturedAt), desc(sourceCaptures.id));
  const ids = captures.map((c) => c.id);
  const [files, stamps] = ids.length
    ? await Promise.all([
        db
          .select({ captureId: captureFiles.captureId, role: captureFiles.role, sha256: captureFiles.sha256, size: captureFiles.size, contentType: captureFiles.contentType })
          .from(captureFiles)
          .where(inArray(captureFiles.captureId, ids))
          .orderBy(asc(captureFiles.role)),
        db
          .select({
            id: captureTimestamps.id,
            captureId: captureTimestamps.captureId,
            tsaUrl: captureTimestamps.tsaUrl,
            status: captureTimestamps.status,
            genTime: captureTimestamps.genTime,
            serialNumber: captureTimestamps.serialNumber,
            tsaName: captureTimestamps.tsaName,
            detail: captureTimestamps.detail,
          })
          .from(captureTimestamps)
          .where(inArray(captureTimestamps.captureId, ids))
          .orderBy(asc(captureTimestamps.id)),
      ])
    : [[], []];
  return captures.map((c) => ({
    ...c,
    files: files.filter((f) => f.captureId === c.id),
    timestamps: stamps.filter((s) => s.captureId === c.id),
  }));
}

export type SourceCaptureView = NonNullable<Awaited<ReturnType<typeof listSourceCaptures>>>[number];

/**
 * One stored file of a capture, for the download route: found only when the actor may see the
 * capture's source, so a guessed capture id tells nothing.
 */
export async function getCaptureFile(actor: Actor, captureId: number, role: CaptureFileRole) {
  const [file] = await db
    .select({
      captureId: captureFiles.captureId,
      sourceId: sourceCaptures.sourceId,
      role: captureFiles.role,
      sha256: captureFiles.sha256,
      size: captureFiles.size,
      contentType: captureFiles.contentType,
      uploadFilename: sourceCaptures.uploadFilename,
    })
    .from(captureFiles)
    .innerJoin(sourceCaptures, eq(sourceCaptures.id, captureFiles.captureId))
    .innerJoin(sources, eq(sources.id, sourceCaptures.sourceId))
    .where(and(eq(captureFiles.captureId, captureId), eq(captureFiles.role, role), visibleSource(actor, { includeDeleted: true })));
  return file ?? null;
}

export type FirstCapture = { captureId: number; capturedAt: Date; sha256: string };

/**
 * The first successful capture of each source (the earliest evidence of what it said), for the
 * case page's "archived copy" link, the partner API and the PDF report. The callers have already
 * limited the sources to those the reader may see.
 */
export async function firstCapturesOf(sourceIds: readonly number[]): Promise<Map<number, FirstCapture>> {
  if (sourceIds.length === 0) return new Map();
  const wanted = new Set(sourceIds);
  // inIds may read a range: keep only the sources asked for.
  return firstCapturesWhere(inIds(sourceCaptures.sourceId, [...wanted]), (id) => wanted.has(id));
}

/**
 * firstCapturesOf the sources a detention cites, without reading its citations first (the case
 * page asks for them beside the record itself: one round trip less).
 */
export async function firstCapturesCitedBy(detentionId: number): Promise<Map<number, FirstCapture>> {
  return firstCapturesWhere(sql`${sourceCaptures.sourceId} IN (SELECT ${citations.sourceId} FROM ${citations} WHERE ${citations.detentionId} = ${detentionId})`);
}

async function firstCapturesWhere(sourcesWanted: SQL, keep: (sourceId: number) => boolean = () => true): Promise<Map<number, FirstCapture>> {
  const found = new Map<number, FirstCapture>();
  const rows = await db
    .selectDistinctOn([sourceCaptures.sourceId], {
      sourceId: sourceCaptures.sourceId,
      captureId: sourceCaptures.id,
      capturedAt: sourceCaptures.capturedAt,
      sha256: sourceCaptures.primarySha256,
    })
    .from(sourceCaptures)
    .where(and(sourcesWanted, eq(sourceCaptures.outcome, 'ok'), sql`${sourceCaptures.primarySha256} IS NOT NULL`))
    .orderBy(sourceCaptures.sourceId, asc(sourceCaptures.capturedAt), asc(sourceCaptures.id));
  for (const r of rows) if (keep(r.sourceId)) found.set(r.sourceId, { captureId: r.captureId, capturedAt: r.capturedAt, sha256: r.sha256! });
  return found;
}

/**
 * The latest link check of every source whose live page is gone or has changed since its first
 * capture (npm run check-links writes them), worst first, for the admin panel.
 */
export async function listLinkProblems(limit = 500) {
  const latest = db
    .selectDistinctOn([linkChecks.sourceId], {
      sourceId: linkChecks.sourceId,
      checkedAt: linkChecks.checkedAt,
      outcome: linkChecks.outcome,
      httpStatus: linkChecks.httpStatus,
      finalUrl: linkChecks.finalUrl,
      gone: linkChecks.gone,
      changed: linkChecks.changed,
      detail: linkChecks.detail,
    })
    .from(linkChecks)
    .orderBy(linkChecks.sourceId, desc(linkChecks.checkedAt), desc(linkChecks.id))
    .as('latest');
  return db
    .select({
      sourceId: latest.sourceId,
      title: sources.title,
      url: sources.url,
      checkedAt: latest.checkedAt,
      outcome: latest.outcome,
      httpStatus: latest.httpStatus,
      finalUrl: latest.finalUrl,
      gone: latest.gone,
      changed: latest.changed,
      detail: latest.detail,
    })
    .from(latest)
    .innerJoin(sources, eq(sources.id, latest.sourceId))
    .where(sql`(${latest.gone} OR ${latest.changed}) AND ${sources.deletedAt} IS NULL`)
    .orderBy(desc(latest.gone), desc(latest.checkedAt))
    .limit(limit);
}

/** When links were last checked at all, so the panel can tell "nothing wrong" from "never checked". */
export async function lastLinkCheckAt(): Promise<Date | null> {
  const [row] = await db.select({ at: sql<Date | null>`max(${linkChecks.checkedAt})`.mapWith((v) => (v ? new Date(v) : null)) }).from(linkChecks);
  return row?.at ?? null;
}

/**
 * The first successful capture of each live source, by URL (live sources' URLs are unique): the
 * partner API's records name their sources by URL.
 */
export async function firstCapturesByUrl(urls: readonly string[]): Promise<Map<string, FirstCapture>> {
  const found = new Map<string, FirstCapture>();
  if (urls.length === 0) return found;
  const rows = await db
    .select({ id: sources.id, url: sources.url })
    .from(sources)
    .where(and(inArray(sources.url, [...new Set(urls)]), sql`${sources.deletedAt} IS NULL`));
  const first = await firstCapturesOf(rows.map((r) => r.id));
  for (const r of rows) {
    const capture = first.get(r.id);
    if (capture) found.set(r.url, capture);
  }
  return found;
}

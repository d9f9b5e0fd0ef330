import 'server-only';
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import {
  charges,
  citations,
  detentions,
  elections,
  exportLog,
  people,
  personNames,
  places,
  sources,
  users,
  type ExportFormat,
} from '@/db/schema';
import { seesRestricted, type Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { caseFilterConditions, citationColumns } from '@/lib/cases/queries';
import { formatPartialDate } from '@/lib/dates/partial-date';
import type { ExportRecord } from './columns';

/** Rows read per query: memory stays flat however many rows match. */
export const EXPORT_BATCH_SIZE = 1000;

export type ExportOptions = {
  /** The app's origin, for each record's absolute link (e.g. https://cases.example.org). */
  origin: string;
  /** Internal notes; honoured only for a role that may read them. */
  includeNotes?: boolean;
  batchSize?: number;
};

/** Whether this actor's export carries internal notes: only when asked and allowed. */
export function notesAllowed(actor: Actor, requested: boolean | undefined): boolean {
  return Boolean(requested) && seesRestricted(actor);
}

/**
 * The next `limit` detentions after `afterId` (keyset pagination by id) that match the filters,
 * within what the actor may see, with their sources. People's notes are never read here.
 */
export async function readExportBatch(
  actor: Actor,
  filters: Partial<CaseFilters>,
  { afterId, limit, origin, includeNotes }: { afterId: number; limit: number } & ExportOptions,
): Promise<ExportRecord[]> {
  const withNotes = notesAllowed(actor, includeNotes);
  const rows = await db
    .select({
      id: detentions.id,
      personId: detentions.personId,
      activist: people.displayName,
      activistRole: people.role,
      affiliation: people.affiliation,
      city: places.name,
      region: places.region,
      placeDetail: detentions.placeDetail,
      detainedOn: detentions.detainedOn,
      detainedPrecision: detentions.detainedPrecision,
      election: elections.name,
      charge: charges.name,
      legalBasis: charges.legalBasis,
      chargeAsReported: detentions.chargeText,
      court: detentions.court,
      sentencedOn: detentions.sentencedOn,
      sentencedPrecision: detentions.sentencedPrecision,
      sentenceKind: detentions.sentenceKind,
      sentenceAmount: detentions.sentenceAmount,
      sentenceUnit: detentions.sentenceUnit,
      plea: detentions.plea,
      status: detentions.status,
      reviewStatus: detentions.reviewStatus,
      confidentiality: detentions.confidentiality,
      // Selected only when allowed, so a researcher's export never even reads them.
      notes: withNotes ? detentions.notes : sql<string | null>`NULL`,
    })
    .from(detentions)
    .innerJoin(people, eq(people.id, detentions.personId))
    .innerJoin(places, eq(places.id, detentions.placeId))
    .leftJoin(charges, eq(charges.id, detentions.chargeId))
    .leftJoin(elections, eq(elections.id, detentions.electionId))
    .where(and(caseFilterConditions(actor, filters), gt(detentions.id, afterId)))
    .orderBy(asc(detentions.id))
    .limit(limit);
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const [cited, cyrillic] = await Promise.all([
    db
      .select({ detentionId: citations.detentionId, ...citationColumns })
      .from(citations)
      .innerJoin(sources, eq(sources.id, citations.sourceId))
      .where(inArray(citations.detentionId, ids))
      .orderBy(asc(citations.id)),
    db
      .select({ personId: personNames.personId, name: personNames.name })
      .from(personNames)
      .where(and(inArray(personNames.personId, personIds), eq(personNames.script, 'cyrillic')))
      .orderBy(asc(personNames.id)),
  ]);

  const sourcesOf = new Map<number, ExportRecord['sources']>();
  for (const c of cited) {
    const list = sourcesOf.get(c.detentionId) ?? [];
    list.push({
      url: c.url,
      title: c.title,
      publisher: c.publisher,
      publishedOn: formatPartialDate({ date: c.publishedOn, precision: c.publishedPrecision }),
      language: c.language,
      locator: c.locator,
      supports: c.supports,
    });
    sourcesOf.set(c.detentionId, list);
  }
  const displayNames = new Map(rows.map((r) => [r.personId, r.activist]));
  const cyrillicOf = new Map<number, string>();
  for (const n of cyrillic) {
    if (!cyrillicOf.has(n.personId) && n.name !== displayNames.get(n.personId)) cyrillicOf.set(n.personId, n.name);
  }

  return rows.map(({ personId, notes, detainedOn, sentencedOn, ...row }) => ({
    ...row,
    link: `${origin}/cases/${row.id}`,
    activistCyrillic: cyrillicOf.get(personId) ?? null,
    detainedOn: formatPartialDate({ date: detainedOn, precision: row.detainedPrecision }),
    sentencedOn: formatPartialDate({ date: sentencedOn, precision: row.sentencedPrecision }),
    ...(withNotes ? { notes } : {}),
    sources: sourcesOf.get(row.id) ?? [],
  }));
}

/** Every matching detention, one batch at a time, in id order. */
export async function* exportBatches(actor: Actor, filters: Partial<CaseFilters>, options: ExportOptions): AsyncGenerator<ExportRecord[]> {
  const limit = options.batchSize ?? EXPORT_BATCH_SIZE;
  let afterId = 0;
  for (;;) {
    const batch = await readExportBatch(actor, filters, { ...options, afterId, limit });
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < limit) return;
    afterId = batch[batch.length - 1].id;
  }
}

/** The most sources any matching detention cites (at least 1): the CSV's source column groups. */
export async function maxSourceCount(actor: Actor, filters: Partial<CaseFilters>): Promise<number> {
  const counts = db
    .select({ cited: sql<number>`count(*)`.as('cited') })
    .from(citations)
    .where(inArray(citations.detentionId, db.select({ id: detentions.id }).from(detentions).where(caseFilterConditions(actor, filters))))
    .groupBy(citations.detentionId)
    .as('counts');
  const [row] = await db.select({ n: sql<number>`coalesce(max(${counts.cited}), 0)::int` }).from(counts);
  return Math.max(1, Number(row?.n ?? 0));
}

/** The filters as logged: what was asked for, without the list's page or blanks. */
export function loggedFilters(filters: Partial<CaseFilters>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([key, value]) => key !== 'page' && value !== undefined && value !== ''));
}

/** Logs an export as it starts; finishExportLog adds how many rows went out. */
export async function startExportLog(actor: Actor, format: ExportFormat, filters: Partial<CaseFilters>, includesNotes: boolean): Promise<number> {
  const [row] = await db
    .insert(exportLog)
    .values({ userId: actor.id, format, filters: loggedFilters(filters), includesNotes })
    .returning({ id: exportLog.id });
  return row.id;
}

/** Rows sent; `completed` false when the download was cut off before the end. */
export async function finishExportLog(id: number, rowCount: number, completed: boolean) {
  await db
    .update(exportLog)
    .set({ rowCount, completedAt: completed ? new Date() : null })
    .where(eq(exportLog.id, id));
}

export const EXPORT_LOG_PAGE = 200;

/** The newest exports first, with who made them. For admins (see the page's guard). */
export async function listExportLog(limit = EXPORT_LOG_PAGE) {
  return db
    .select({
      id: exportLog.id,
      userName: users.name,
      userEmail: users.email,
      format: exportLog.format,
      filters: exportLog.filters,
      includesNotes: exportLog.includesNotes,
      rowCount: exportLog.rowCount,
      startedAt: exportLog.startedAt,
      completedAt: exportLog.completedAt,
    })
    .from(exportLog)
    .innerJoin(users, eq(users.id, exportLog.userId))
    .orderBy(desc(exportLog.id))
    .limit(limit);
}

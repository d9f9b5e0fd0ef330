import 'server-only';
import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { db, rowsOf, type Tx } from '@/db';
import { inIds } from '@/db/id-set';
import {
  charges,
  citations,
  custodyEvents,
  detentionCharges,
  detentions,
  elections,
  exportLog,
  penalties,
  people,
  personNames,
  places,
  sources,
  users,
  type ExportFormat,
} from '@/db/schema';
import { seesRestricted, type Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { chargesOf, eventsOf } from '@/lib/cases/details';
import { caseFilterConditions, citationColumns } from '@/lib/cases/queries';
import { custodyNow } from '@/lib/custody/timeline';
import { formatPartialDate, latestToday } from '@/lib/dates/partial-date';
import { firstCapturesOf } from '@/lib/evidence/queries';
import { captureTimeCell, type ExportCounts, type ExportRecord } from './columns';
import { CSV_FORMAT } from './csv-sql';
import { boundedBatches } from './sql-batches';

/** Rows read per query: memory stays flat however many rows match. */
export const EXPORT_BATCH_SIZE = 1000;

export type ExportOptions = {
  /** The app's origin, for each record's absolute link (e.g. https://cases.example.org). */
  origin: string;
  /** Internal notes; honoured only for a role that may read them. */
  includeNotes?: boolean;
  batchSize?: number;
  /** The day custody facts are computed for (days in custody while held); default: today. */
  today?: string;
};

/** Whether this actor's export carries internal notes: only when asked and allowed. */
export function notesAllowed(actor: Actor, requested: boolean | undefined): boolean {
  return Boolean(requested) && seesRestricted(actor);
}

/**
 * The next `limit` detentions after `afterId` (keyset pagination by id) that match the filters,
 * within what the actor may see, with their charges (and penalties), custody events and sources:
 * a handful of queries per batch, never one per row. People's notes are never read here.
 */
export async function readExportBatch(
  actor: Actor,
  filters: Partial<CaseFilters>,
  { afterId, limit, origin, includeNotes, today = latestToday() }: { afterId: number; limit: number } & ExportOptions,
): Promise<ExportRecord[]> {
  const withNotes = notesAllowed(actor, includeNotes);
  const rows = await db
    .select({
      id: detentions.id,
      personId: detentions.personId,
      activist: people.displayName,
      activistRole: people.role,
      affiliation: people.affiliation,
      placePrecision: detentions.placePrecision,
      city: places.name,
      region: sql<string | null>`coalesce(${places.region}, ${detentions.region})`,
      placeDetail: detentions.placeDetail,
      detainedEarliest: detentions.detainedEarliest,
      detainedLatest: detentions.detainedLatest,
      detainedQualifier: detentions.detainedQualifier,
      detainedAsReported: detentions.detainedAsReported,
      election: elections.name,
      court: detentions.court,
      sentencedEarliest: detentions.sentencedEarliest,
      sentencedLatest: detentions.sentencedLatest,
      sentencedQualifier: detentions.sentencedQualifier,
      sentencedAsReported: detentions.sentencedAsReported,
      plea: detentions.plea,
      publicNotes: detentions.publicNotes,
      reviewStatus: detentions.reviewStatus,
      confidentiality: detentions.confidentiality,
      custodyStatus: detentions.custodyStatus,
      custodyFrom: detentions.custodyFrom,
      releasedOn: detentions.releasedOn,
      custodyDays: detentions.custodyDays,
      whereaboutsUnknownSince: detentions.whereaboutsUnknownSince,
      nextHearingOn: detentions.nextHearingOn,
      expectedReleaseOn: detentions.expectedReleaseOn,
      // Selected only when allowed, so a researcher's export never even reads them.
      notes: withNotes ? detentions.notes : sql<string | null>`NULL`,
    })
    .from(detentions)
    .innerJoin(people, eq(people.id, detentions.personId))
    .leftJoin(places, eq(places.id, detentions.placeId))
    .leftJoin(elections, eq(elections.id, detentions.electionId))
    .where(and(caseFilterConditions(actor, filters), gt(detentions.id, afterId)))
    .orderBy(asc(detentions.id))
    .limit(limit);
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const [citedInRange, cyrillic, chargeMap, eventMap] = await Promise.all([
    db
      .select({ detentionId: citations.detentionId, sourceId: citations.sourceId, ...citationColumns })
      .from(citations)
      .innerJoin(sources, eq(sources.id, citations.sourceId))
      .where(inIds(citations.detentionId, ids))
      .orderBy(asc(citations.id)),
    db
      .select({ personId: personNames.personId, name: personNames.name })
      .from(personNames)
      .where(and(inIds(personNames.personId, personIds), eq(personNames.script, 'cyrillic')))
      .orderBy(asc(personNames.id)),
    chargesOf(db, ids),
    eventsOf(db, ids),
  ]);
  // inIds may read a range of ids: keep the batch's own.
  const inBatch = new Set(ids);
  const cited = citedInRange.filter((c) => inBatch.has(c.detentionId));
  // The vocabulary's slugs (a small table): the one stable key of an entry across installations.
  const vocabularyIds = [...new Set([...chargeMap.values()].flatMap((list) => list.flatMap((c) => (c.chargeId === null ? [] : [c.chargeId]))))];
  const slugs = new Map(
    vocabularyIds.length
      ? (await db.select({ id: charges.id, slug: charges.slug }).from(charges).where(inArray(charges.id, vocabularyIds))).map((c) => [c.id, c.slug])
      : [],
  );

  const firstCaptures = await firstCapturesOf(cited.map((c) => c.sourceId));
  const sourcesOf = new Map<number, ExportRecord['sources']>();
  for (const c of cited) {
    const first = firstCaptures.get(c.sourceId);
    const list = sourcesOf.get(c.detentionId) ?? [];
    list.push({
      url: c.url,
      title: c.title,
      publisher: c.publisher,
      publishedOn: formatPartialDate({ date: c.publishedOn, precision: c.publishedPrecision }),
      language: c.language,
      locator: c.locator,
      supports: c.supports,
      firstCapturedAt: first ? captureTimeCell(first.capturedAt) : null,
      firstCaptureSha256: first?.sha256 ?? null,
    });
    sourcesOf.set(c.detentionId, list);
  }
  const displayNames = new Map(rows.map((r) => [r.personId, r.activist]));
  const cyrillicOf = new Map<number, string>();
  for (const n of cyrillic) {
    if (displayNames.has(n.personId) && !cyrillicOf.has(n.personId) && n.name !== displayNames.get(n.personId)) cyrillicOf.set(n.personId, n.name);
  }

  return rows.map((r) => {
    const now = custodyNow(r, today);
    return {
      id: r.id,
      link: `${origin}/cases/${r.id}`,
      activist: r.activist,
      activistCyrillic: cyrillicOf.get(r.personId) ?? null,
      activistRole: r.activistRole,
      affiliation: r.affiliation,
      placePrecision: r.placePrecision,
      city: r.city,
      region: r.region,
      placeDetail: r.placeDetail,
      detained: { earliest: r.detainedEarliest, latest: r.detainedLatest, qualifier: r.detainedQualifier, asReported: r.detainedAsReported },
      election: r.election,
      court: r.court,
      sentenced: { earliest: r.sentencedEarliest, latest: r.sentencedLatest, qualifier: r.sentencedQualifier, asReported: r.sentencedAsReported },
      plea: r.plea,
      publicNotes: r.publicNotes,
      reviewStatus: r.reviewStatus,
      confidentiality: r.confidentiality,
      ...(withNotes ? { notes: r.notes } : {}),
      custody: {
        status: now.status,
        presumed: now.presumed,
        from: r.custodyFrom,
        releasedOn: r.releasedOn,
        days: now.days,
        whereaboutsUnknownSince: r.whereaboutsUnknownSince,
        nextHearingOn: r.nextHearingOn,
        expectedReleaseOn: r.expectedReleaseOn,
      },
      charges: (chargeMap.get(r.id) ?? []).map((c) => ({
        legalBasis: c.legalBasis,
        vocabulary: c.chargeId === null ? null : slugs.get(c.chargeId) ?? null,
        name: c.chargeName,
        code: c.code,
        article: c.article,
        part: c.part,
        basisOrigin: c.basisOrigin,
        text: c.chargeText,
        outcome: c.outcome,
        outcomeDate: c.outcomeDate,
        penalties: c.penalties.map((p) => ({ kind: p.kind, amount: p.amount, unit: p.unit, asReported: p.asReported, replacedBy: p.replacedBy })),
      })),
      events: (eventMap.get(r.id) ?? []).map((e) => ({
        kind: e.kind,
        date: e.date,
        place: e.placeName,
        placeDetail: e.placeDetail,
        note: e.note,
        sourceUrl: e.sourceUrl,
      })),
      sources: sourcesOf.get(r.id) ?? [],
    };
  });
}

/**
 * Every matching detention, one batch at a time, in id order, the next batch read while the last
 * is written out (lib/exports/sql-batches.ts, as the CSV and JSON).
 */
export function exportBatches(actor: Actor, filters: Partial<CaseFilters>, options: ExportOptions): AsyncGenerator<ExportRecord[]> {
  return boundedBatches(actor, filters, options.batchSize ?? EXPORT_BATCH_SIZE, (bound) =>
    readExportBatch(actor, filters, { ...options, afterId: bound.after, limit: bound.rows }),
  );
}

/**
 * How many numbered column groups the spreadsheet exports need (lib/exports/columns.ts): the most
 * charges, penalties on one charge, events and sources of any matching detention, at least 1 each.
 */
export async function exportCounts(actor: Actor, filters: Partial<CaseFilters>): Promise<ExportCounts> {
  // One snapshot for both parts: a row whose cells are stored between two snapshots would be
  // counted in neither, and the file would lack the columns for its items.
  return db.transaction(
    async (tx) => {
      // First from the stored CSV cells' counts (export-rows.ts), read off one small index; only
      // the records without stored cells are counted in the child tables.
      const [stored] = rowsOf<{ charges: number | null; penalties: number | null; events: number | null; sources: number | null; stale: number }>(
        await tx.execute(sql`SELECT max(e.charge_count) FILTER (WHERE e.format = ${CSV_FORMAT}) AS charges,
            max(e.penalty_max) FILTER (WHERE e.format = ${CSV_FORMAT}) AS penalties,
            max(e.event_count) FILTER (WHERE e.format = ${CSV_FORMAT}) AS events,
            max(e.source_count) FILTER (WHERE e.format = ${CSV_FORMAT}) AS sources,
            count(*) FILTER (WHERE e.format IS DISTINCT FROM ${CSV_FORMAT})::int AS stale
          FROM detentions LEFT JOIN export_csv_rows e ON e.detention_id = detentions.id
          WHERE ${caseFilterConditions(actor, filters)}`),
      );
      const counted = Number(stored?.stale ?? 0) > 0 ? await countedInRecords(tx, actor, filters) : null;
      const most = (fromStored: number | null | undefined, fromRecords: number | undefined) => Math.max(1, Number(fromStored ?? 0), fromRecords ?? 0);
      return {
        chargeCount: most(stored?.charges, counted?.chargeCount),
        penaltyCount: most(stored?.penalties, counted?.penaltyCount),
        eventCount: most(stored?.events, counted?.eventCount),
        sourceCount: most(stored?.sources, counted?.sourceCount),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** exportCounts of the matching records whose CSV cells are not stored, counted in the child tables (in `tx`'s snapshot). */
async function countedInRecords(tx: Tx, actor: Actor, filters: Partial<CaseFilters>): Promise<ExportCounts> {
  const matching = tx
    .select({ id: detentions.id })
    .from(detentions)
    .where(and(caseFilterConditions(actor, filters), sql`NOT EXISTS (SELECT 1 FROM export_csv_rows e WHERE e.detention_id = ${detentions.id} AND e.format = ${CSV_FORMAT})`));
  const most = async (perGroup: SQL) => {
    const [row] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT coalesce(max(n), 0)::int AS n FROM (${perGroup}) AS counts`));
    return Number(row?.n ?? 0);
  };
  // One after another: a transaction is one connection.
  const chargeCount = await most(sql`SELECT count(*) AS n FROM ${detentionCharges} WHERE ${inArray(detentionCharges.detentionId, matching)} GROUP BY ${detentionCharges.detentionId}`);
  const penaltyCount = await most(
    sql`SELECT count(*) AS n FROM ${penalties} WHERE ${inArray(
      penalties.detentionChargeId,
      tx.select({ id: detentionCharges.id }).from(detentionCharges).where(inArray(detentionCharges.detentionId, matching)),
    )} GROUP BY ${penalties.detentionChargeId}`,
  );
  const eventCount = await most(sql`SELECT count(*) AS n FROM ${custodyEvents} WHERE ${inArray(custodyEvents.detentionId, matching)} GROUP BY ${custodyEvents.detentionId}`);
  const sourceCount = await most(sql`SELECT count(*) AS n FROM ${citations} WHERE ${inArray(citations.detentionId, matching)} GROUP BY ${citations.detentionId}`);
  return { chargeCount, penaltyCount, eventCount, sourceCount };
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

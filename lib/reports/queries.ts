import 'server-only';
import { and, asc, countDistinct, eq, inArray, max, min, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { firstCapturesOf, type FirstCapture } from '@/lib/evidence/queries';
import { citations, detentions, people, personNames, places, sources } from '@/db/schema';
import { seesRestricted, type Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { chargesOf, type ChargeDetail } from '@/lib/cases/details';
import { caseFilterConditions } from '@/lib/cases/queries';
import { getCaseSetPanels } from '@/lib/dashboard/queries';
import type { DateInterval } from '@/lib/dates/interval';
import { hashDataset, type DatasetEntry, type DatasetVersion } from './dataset';

/** Detentions listed in the PDF's table at most; the figures and charts still count every match. */
export const MAX_REPORT_ROWS = 1000;

export type ReportRecord = {
  id: number;
  activist: string;
  /** Another spelling in Cyrillic, when the person has one. */
  activistCyrillic: string | null;
  city: string | null;
  region: string | null;
  placePrecision: (typeof detentions.$inferSelect)['placePrecision'];
  detained: DateInterval;
  sentenced: DateInterval;
  plea: (typeof detentions.$inferSelect)['plea'];
  charges: ChargeDetail[];
  /** Shown to every reader; internal notes are never read here. */
  publicNotes: string | null;
  /** Internal notes: only when asked for and the actor may see them (the one-record PDF), else null. */
  internalNotes: string | null;
  confidentiality: (typeof detentions.$inferSelect)['confidentiality'];
  reviewStatus: (typeof detentions.$inferSelect)['reviewStatus'];
  link: string;
  /** Each source with its first successful capture (null when never captured). */
  sources: ReportSource[];
};

/** A source in full: publisher, publication date (with its precision), access date, first capture. */
export type ReportSource = {
  title: string;
  url: string;
  publisher: string | null;
  publishedOn: string | null;
  publishedPrecision: (typeof sources.$inferSelect)['publishedPrecision'];
  accessedOn: string | null;
  firstCapture: FirstCapture | null;
};

/** The listed detentions (by id), within what the actor may see, with charges, penalties and sources. */
async function reportRows(
  actor: Actor,
  where: SQL,
  origin: string,
  limit: number,
  { internalNotes = false }: { internalNotes?: boolean } = {},
): Promise<ReportRecord[]> {
  const withInternal = internalNotes && seesRestricted(actor);
  const rows = await db
    .select({
      id: detentions.id,
      personId: detentions.personId,
      activist: people.displayName,
      city: places.name,
      placeRegion: places.region,
      region: detentions.region,
      placePrecision: detentions.placePrecision,
      detainedEarliest: detentions.detainedEarliest,
      detainedLatest: detentions.detainedLatest,
      detainedQualifier: detentions.detainedQualifier,
      detainedAsReported: detentions.detainedAsReported,
      sentencedEarliest: detentions.sentencedEarliest,
      sentencedLatest: detentions.sentencedLatest,
      sentencedQualifier: detentions.sentencedQualifier,
      sentencedAsReported: detentions.sentencedAsReported,
      plea: detentions.plea,
      publicNotes: detentions.publicNotes,
      notes: detentions.notes,
      confidentiality: detentions.confidentiality,
      reviewStatus: detentions.reviewStatus,
    })
    .from(detentions)
    .innerJoin(people, eq(people.id, detentions.personId))
    .leftJoin(places, eq(places.id, detentions.placeId))
    .where(where)
    .orderBy(asc(detentions.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [charges, cited, cyrillic] = await Promise.all([
    chargesOf(db, ids),
    db
      .select({
        detentionId: citations.detentionId,
        sourceId: sources.id,
        title: sources.title,
        url: sources.url,
        publisher: sources.publisher,
        publishedOn: sources.publishedOn,
        publishedPrecision: sources.publishedPrecision,
        accessedOn: sources.accessedOn,
      })
      .from(citations)
      .innerJoin(sources, eq(sources.id, citations.sourceId))
      .where(inArray(citations.detentionId, ids))
      .orderBy(asc(citations.id)),
    db
      .select({ personId: personNames.personId, name: personNames.name })
      .from(personNames)
      .where(and(inArray(personNames.personId, [...new Set(rows.map((r) => r.personId))]), eq(personNames.script, 'cyrillic')))
      .orderBy(asc(personNames.id)),
  ]);
  const firstCaptures = await firstCapturesOf(cited.map((c) => c.sourceId));
  const sourcesOf = new Map<number, ReportSource[]>();
  for (const c of cited) {
    const source: ReportSource = {
      title: c.title,
      url: c.url,
      publisher: c.publisher,
      publishedOn: c.publishedOn,
      publishedPrecision: c.publishedPrecision,
      accessedOn: c.accessedOn,
      firstCapture: firstCaptures.get(c.sourceId) ?? null,
    };
    sourcesOf.set(c.detentionId, [...(sourcesOf.get(c.detentionId) ?? []), source]);
  }
  return rows.map((r) => ({
    id: r.id,
    activist: r.activist,
    activistCyrillic: cyrillic.find((n) => n.personId === r.personId && n.name !== r.activist)?.name ?? null,
    city: r.city,
    region: r.placeRegion ?? r.region,
    placePrecision: r.placePrecision,
    detained: { earliest: r.detainedEarliest, latest: r.detainedLatest, qualifier: r.detainedQualifier, asReported: r.detainedAsReported },
    sentenced: { earliest: r.sentencedEarliest, latest: r.sentencedLatest, qualifier: r.sentencedQualifier, asReported: r.sentencedAsReported },
    plea: r.plea,
    charges: charges.get(r.id) ?? [],
    publicNotes: r.publicNotes,
    internalNotes: withInternal ? r.notes : null,
    confidentiality: r.confidentiality,
    reviewStatus: r.reviewStatus,
    link: `${origin}/cases/${r.id}`,
    sources: sourcesOf.get(r.id) ?? [],
  }));
}

/**
 * Key figures, the dashboard's panels (same definitions) and the listed detentions of a report,
 * within what the actor may see.
 */
export async function getReportData(actor: Actor, filters: Partial<CaseFilters>, { origin, maxRows = MAX_REPORT_ROWS }: { origin: string; maxRows?: number }) {
  const where = caseFilterConditions(actor, filters);
  const matching = db.select({ id: detentions.id }).from(detentions).where(where);
  const [[totals], [cited], panels, rows] = await Promise.all([
    db
      .select({ people: countDistinct(detentions.personId), first: min(detentions.detainedOn), last: max(detentions.detainedOn) })
      .from(detentions)
      .where(where),
    db.select({ sources: countDistinct(citations.sourceId) }).from(citations).where(inArray(citations.detentionId, matching)),
    getCaseSetPanels(actor, filters),
    reportRows(actor, where, origin, maxRows),
  ]);
  return {
    totals: { ...panels.totals, people: totals.people, first: totals.first, last: totals.last, sources: cited?.sources ?? 0 },
    panels,
    rows,
  };
}

export type ReportData = Awaited<ReturnType<typeof getReportData>>;

/** One detention as the case page shows it to `actor` (null when out of reach), for the one-record PDF. */
export async function getRecordReportRow(actor: Actor, id: number, { origin, internalNotes }: { origin: string; internalNotes: boolean }) {
  const [row] = await reportRows(actor, and(caseFilterConditions(actor, {}), eq(detentions.id, id))!, origin, 1, { internalNotes });
  return row ?? null;
}

/**
 * What the dataset version is computed from (lib/reports/dataset.ts): every detention matching the
 * filters (not only the listed ones), its revision number, its person's and its sources'.
 */
export async function datasetEntries(actor: Actor, filters: Partial<CaseFilters>, { id }: { id?: number } = {}): Promise<DatasetEntry[]> {
  const where = id === undefined ? caseFilterConditions(actor, filters) : and(caseFilterConditions(actor, filters), eq(detentions.id, id))!;
  const rows = await db
    .select({ id: detentions.id, version: detentions.version, personId: people.id, personVersion: people.version })
    .from(detentions)
    .innerJoin(people, eq(people.id, detentions.personId))
    .where(where);
  if (rows.length === 0) return [];
  const matching = db.select({ id: detentions.id }).from(detentions).where(where);
  const cited = await db
    .select({ detentionId: citations.detentionId, id: sources.id, version: sources.version })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(inArray(citations.detentionId, matching));
  const bySource = new Map<number, { id: number; version: number }[]>();
  for (const c of cited) bySource.set(c.detentionId, [...(bySource.get(c.detentionId) ?? []), { id: c.id, version: c.version }]);
  return rows.map((r) => ({ ...r, sources: bySource.get(r.id) ?? [] }));
}

/** The dataset version of what `actor` gets for `filters` (already narrowed to a scope). */
export async function getDatasetVersion(actor: Actor, filters: Partial<CaseFilters>): Promise<DatasetVersion> {
  return hashDataset(await datasetEntries(actor, filters));
}


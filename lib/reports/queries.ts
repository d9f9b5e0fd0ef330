import 'server-only';
import { count, countDistinct, eq, inArray, max, min, sql } from 'drizzle-orm';
import { db } from '@/db';
import { charges, citations, detentions, places } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import type { CaseFilters } from '@/lib/cases/filters';
import { caseFilterConditions } from '@/lib/cases/queries';
import { readExportBatch } from '@/lib/exports/queries';

/** Detentions listed in the PDF's table at most; the figures and charts still count every match. */
export const MAX_REPORT_ROWS = 1000;

/** Key figures and the listed detentions of a report, within what the actor may see. */
export async function getReportData(actor: Actor, filters: Partial<CaseFilters>, { origin, maxRows = MAX_REPORT_ROWS }: { origin: string; maxRows?: number }) {
  const where = caseFilterConditions(actor, filters);
  const arrestDays = sql<number>`coalesce(sum(CASE WHEN ${detentions.sentenceKind} = 'administrative_arrest' AND ${detentions.sentenceUnit} = 'days' THEN ${detentions.sentenceAmount} END), 0)::int`;
  const matching = db.select({ id: detentions.id }).from(detentions).where(where);
  const [[totals], byCity, byCharge, bySentence, [cited], rows] = await Promise.all([
    db
      .select({ detentions: count(), people: countDistinct(detentions.personId), arrestDays, first: min(detentions.detainedOn), last: max(detentions.detainedOn) })
      .from(detentions)
      .where(where),
    db
      .select({ label: places.name, count: count() })
      .from(detentions)
      .innerJoin(places, eq(places.id, detentions.placeId))
      .where(where)
      .groupBy(places.name),
    db
      .select({ legalBasis: charges.legalBasis, count: count() })
      .from(detentions)
      .leftJoin(charges, eq(charges.id, detentions.chargeId))
      .where(where)
      .groupBy(charges.legalBasis),
    db.select({ kind: detentions.sentenceKind, count: count() }).from(detentions).where(where).groupBy(detentions.sentenceKind),
    db.select({ sources: countDistinct(citations.sourceId) }).from(citations).where(inArray(citations.detentionId, matching)),
    readExportBatch(actor, filters, { afterId: 0, limit: maxRows, origin }),
  ]);
  const byCount = <T extends { count: number }>(list: T[]) => [...list].sort((a, b) => b.count - a.count);
  return {
    totals: { ...totals, arrestDays: Number(totals.arrestDays), sources: cited?.sources ?? 0 },
    byCity: byCount(byCity),
    byCharge: byCount(byCharge),
    bySentence: byCount(bySentence),
    rows,
  };
}

export type ReportData = Awaited<ReturnType<typeof getReportData>>;

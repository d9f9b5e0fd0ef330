import 'server-only';
import { z } from 'zod';
import { db } from '@/db';
import { reportedCounts } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import type { FieldErrors } from '@/lib/forms';
import { resolveSourceRows } from '@/lib/sources/queries';
import { withRetry } from '@/lib/transactions/retry';
import { knownReferences } from '@/lib/vocab/queries';
import { httpUrl, optionalId, optionalText, partialDate, requiredText } from '@/lib/zod-helpers';

const count = (required: boolean) =>
  z
    .string()
    .default('')
    .transform((s) => s.trim())
    .pipe(z.string().regex(required ? /^\d{1,7}$/ : /^\d{0,7}$/, { error: required ? 'errors.positiveNumber' : 'errors.wholeNumber' }))
    .transform((s) => (s === '' ? null : Number(s)));

/** A number of people reported detained, without names, with the source that reports it. */
export const reportedCountInput = z
  .object({
    electionId: optionalId,
    placeId: optionalId,
    reportedOn: partialDate,
    description: requiredText(300),
    detainedCount: count(true).refine((n) => n !== null && n > 0, { error: 'errors.positiveNumber' }),
    identifiedCount: count(false),
    sourceUrl: httpUrl,
    sourceTitle: optionalText(500),
  })
  .refine((r) => r.identifiedCount === null || r.identifiedCount <= (r.detainedCount ?? 0), {
    path: ['identifiedCount'],
    error: 'errors.identifiedTooMany',
  });
export type ReportedCountInput = z.infer<typeof reportedCountInput>;

export async function createReportedCount(actor: Actor, input: ReportedCountInput): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  return withRetry(() => db.transaction(async (tx) => {
    // Ids posted for a place or an election that does not exist get the form's message: inserted,
    // they failed on the foreign key as a 500, and what was typed was lost.
    const known = await knownReferences(tx, { placeIds: input.placeId === null ? [] : [input.placeId], electionId: input.electionId });
    const unknown: FieldErrors = {};
    if (input.placeId !== null && !known.places.has(input.placeId)) unknown.placeId = ['errors.unknownChoice'];
    if (input.electionId !== null && !known.election) unknown.electionId = ['errors.unknownChoice'];
    if (Object.keys(unknown).length) return { ok: false, errors: unknown };
    const resolved = await resolveSourceRows(tx, actor, [
      { sourceId: null, url: input.sourceUrl, title: input.sourceTitle, publisher: null, publishedOn: input.reportedOn, language: null, locator: null, supports: [] },
    ]);
    if ('errors' in resolved) {
      return { ok: false, errors: Object.fromEntries(Object.entries(resolved.errors).map(([k, v]) => [k.replace('sources.0.title', 'sourceTitle').replace('sources.0.url', 'sourceUrl'), v])) };
    }
    await tx.insert(reportedCounts).values({
      electionId: input.electionId,
      placeId: input.placeId,
      reportedOn: input.reportedOn.date,
      reportedPrecision: input.reportedOn.precision,
      description: input.description,
      detainedCount: input.detainedCount!,
      identifiedCount: input.identifiedCount,
      sourceId: resolved.ids[0],
      createdById: actor.id,
    });
    return { ok: true };
  }));
}

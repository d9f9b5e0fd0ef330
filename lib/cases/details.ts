import 'server-only';
/**
 * A detention's repeatable parts: its charges (each with its outcome and penalties) and its custody
 * timeline. Written whole on every save (delete and insert in the caller's transaction), read in
 * the shape the form, the detail page, exports and revisions share.
 */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { inIds } from '@/db/id-set';
import { bulkInsert } from '@/lib/transactions/bulk-insert';
import { chargeOutcome, charges, custodyEvents, detentionCharges, penalties, penaltyKind, places, sources, type ChargeOutcome } from '@/db/schema';
import type { DateInterval } from '@/lib/dates/interval';
import type { FieldErrors } from '@/lib/forms';
import { deriveCustody, type CustodyFacts } from '@/lib/custody/timeline';
import { knownReferences } from '@/lib/vocab/queries';
import type { CaseInput } from './schema';

/** A stored charge as every reader sees it (vocabulary entry resolved). */
export type ChargeDetail = {
  chargeId: number | null;
  /** e.g. "CoAO art. 488" and the article's number, from the vocabulary. */
  legalBasis: string | null;
  article: string | null;
  code: 'administrative' | 'criminal' | null;
  chargeName: string | null;
  part: string | null;
  chargeText: string | null;
  basisOrigin: 'stated' | 'inferred' | null;
  outcome: ChargeOutcome;
  outcomeDate: DateInterval;
  penalties: PenaltyDetail[];
};
export type PenaltyDetail = {
  kind: CaseInput['charges'][number]['penalties'][number]['kind'];
  amount: number | null;
  unit: CaseInput['charges'][number]['penalties'][number]['unit'];
  asReported: string | null;
  /** 1-based position of the penalty on the same charge that replaced this one, or null. */
  replacedBy: number | null;
};
export type EventDetail = {
  kind: CaseInput['events'][number]['kind'];
  date: DateInterval;
  placeId: number | null;
  placeName: string | null;
  placeDetail: string | null;
  note: string | null;
  sourceId: number | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
};

type Reader = Pick<Tx, 'select'>;

/** The charges of many detentions at once (lists, exports), keyed by detention id, in position order. */
export async function chargesOf(tx: Reader, detentionIds: number[]): Promise<Map<number, ChargeDetail[]>> {
  const out = new Map<number, ChargeDetail[]>();
  if (detentionIds.length === 0) return out;
  const all = await tx
    .select({
      id: detentionCharges.id,
      detentionId: detentionCharges.detentionId,
      chargeId: detentionCharges.chargeId,
      legalBasis: charges.legalBasis,
      article: charges.article,
      code: charges.code,
      chargeName: charges.name,
      part: detentionCharges.part,
      chargeText: detentionCharges.chargeText,
      basisOrigin: detentionCharges.basisOrigin,
      outcome: detentionCharges.outcome,
      earliest: detentionCharges.outcomeEarliest,
      latest: detentionCharges.outcomeLatest,
      qualifier: detentionCharges.outcomeQualifier,
      asReported: detentionCharges.outcomeAsReported,
    })
    .from(detentionCharges)
    .leftJoin(charges, eq(charges.id, detentionCharges.chargeId))
    .where(inIds(detentionCharges.detentionId, detentionIds))
    .orderBy(asc(detentionCharges.detentionId), asc(detentionCharges.position));
  // inIds may read a range: keep only the detentions asked for.
  const wanted = new Set(detentionIds);
  const rows = all.filter((r) => wanted.has(r.detentionId));
  const penaltyRows = rows.length
    ? await tx
        .select({
          chargeRowId: penalties.detentionChargeId,
          kind: penalties.kind,
          amount: penalties.amount,
          unit: penalties.unit,
          asReported: penalties.asReported,
          replacedBy: penalties.replacedByPosition,
        })
        .from(penalties)
        .where(inIds(penalties.detentionChargeId, rows.map((r) => r.id)))
        .orderBy(asc(penalties.detentionChargeId), asc(penalties.position))
    : [];
  const byCharge = new Map<number, PenaltyDetail[]>();
  for (const { chargeRowId, kind, amount, unit, asReported, replacedBy } of penaltyRows) {
    const list = byCharge.get(chargeRowId) ?? [];
    // Keys in the order the form's input has them: revisions compare the two as JSON.
    list.push({ kind, amount: amount === null ? null : Number(amount), unit, asReported, replacedBy });
    byCharge.set(chargeRowId, list);
  }
  for (const r of rows) {
    const list = out.get(r.detentionId) ?? [];
    list.push({
      chargeId: r.chargeId,
      legalBasis: r.legalBasis,
      article: r.article,
      code: r.code,
      chargeName: r.chargeName,
      part: r.part,
      chargeText: r.chargeText,
      basisOrigin: r.basisOrigin,
      outcome: r.outcome,
      outcomeDate: { earliest: r.earliest, latest: r.latest, qualifier: r.qualifier, asReported: r.asReported },
      penalties: byCharge.get(r.id) ?? [],
    });
    out.set(r.detentionId, list);
  }
  return out;
}

/** The custody timelines of many detentions, keyed by detention id, in the order entered. */
export async function eventsOf(tx: Reader, detentionIds: number[]): Promise<Map<number, EventDetail[]>> {
  const out = new Map<number, EventDetail[]>();
  if (detentionIds.length === 0) return out;
  const rows = await tx
    .select({
      detentionId: custodyEvents.detentionId,
      kind: custodyEvents.kind,
      earliest: custodyEvents.earliest,
      latest: custodyEvents.latest,
      qualifier: custodyEvents.qualifier,
      asReported: custodyEvents.asReported,
      placeId: custodyEvents.placeId,
      placeName: places.name,
      placeDetail: custodyEvents.placeDetail,
      note: custodyEvents.note,
      sourceId: custodyEvents.sourceId,
      sourceUrl: sources.url,
      sourceTitle: sources.title,
    })
    .from(custodyEvents)
    .leftJoin(places, eq(places.id, custodyEvents.placeId))
    .leftJoin(sources, eq(sources.id, custodyEvents.sourceId))
    .where(inIds(custodyEvents.detentionId, detentionIds))
    .orderBy(asc(custodyEvents.detentionId), asc(custodyEvents.position));
  const wanted = new Set(detentionIds);
  for (const { detentionId, earliest, latest, qualifier, asReported, ...e } of rows) {
    if (!wanted.has(detentionId)) continue; // inIds may read a range
    const list = out.get(detentionId) ?? [];
    list.push({ ...e, date: { earliest, latest, qualifier, asReported } });
    out.set(detentionId, list);
  }
  return out;
}

/** Charges and events as a revision records them (ids and values, no display names). */
export function detailsSummary(input: Pick<CaseInput, 'charges' | 'events'>, sourceIds: number[]) {
  return {
    charges: input.charges.map(({ chargeId, part, chargeText, basisOrigin, outcome, outcomeDate, penalties: p }) => ({
      chargeId, part, chargeText, basisOrigin, outcome, outcomeDate, penalties: p,
    })),
    events: input.events.map(({ kind, date, placeId, placeDetail, note, source }) => ({
      kind, date, placeId, placeDetail, note, sourceId: source === null ? null : sourceIds[source - 1] ?? null,
    })),
  };
}

/** The same summary read back from storage, so an unchanged save records no change. */
export function storedSummary(chargeRows: ChargeDetail[], eventRows: EventDetail[]) {
  return {
    charges: chargeRows.map(({ chargeId, part, chargeText, basisOrigin, outcome, outcomeDate, penalties: p }) => ({
      chargeId, part, chargeText, basisOrigin, outcome, outcomeDate, penalties: p,
    })),
    events: eventRows.map(({ kind, date, placeId, placeDetail, note, sourceId }) => ({ kind, date, placeId, placeDetail, note, sourceId })),
  };
}

/** Replaces a detention's charges, penalties and events with those of the input. */
export async function writeDetails(tx: Tx, detentionId: number, input: CaseInput, sourceIds: number[]) {
  // Both deletes sent together (one round trip; penalties go with their charges).
  await Promise.all([
    tx.delete(detentionCharges).where(eq(detentionCharges.detentionId, detentionId)).execute(),
    tx.delete(custodyEvents).where(eq(custodyEvents.detentionId, detentionId)).execute(),
  ]);
  await insertDetails(tx, [{ detentionId, input, sourceIds }]);
}

/**
 * Writes the charges, penalties and custody events of new detentions (one form save, or a whole
 * import): one multi-row INSERT per table. Call it before the rollup is updated, which counts
 * charges and penalties.
 */
export async function insertDetails(tx: Tx, records: { detentionId: number; input: CaseInput; sourceIds: number[] }[]) {
  const chargeIds = await bulkInsert<typeof detentionCharges, { id: number; detention_id: number; position: number }>(
    tx,
    detentionCharges,
    records.flatMap(({ detentionId, input }) =>
      input.charges.map((c, position) => ({
        detentionId,
        position,
        chargeId: c.chargeId,
        part: c.part,
        chargeText: c.chargeText,
        basisOrigin: c.basisOrigin,
        outcome: c.outcome,
        outcomeEarliest: c.outcomeDate.earliest,
        outcomeLatest: c.outcomeDate.latest,
        outcomeQualifier: c.outcomeDate.qualifier,
        outcomeAsReported: c.outcomeDate.asReported,
      })),
    ),
    { returning: ['id', 'detention_id', 'position'] },
  );
  const chargeRowId = new Map(chargeIds.map((c) => [`${c.detention_id}:${c.position}`, c.id]));
  await bulkInsert(
    tx,
    penalties,
    records.flatMap(({ detentionId, input }) =>
      input.charges.flatMap((c, i) =>
        c.penalties.map((p, position) => ({
          detentionChargeId: chargeRowId.get(`${detentionId}:${i}`)!,
          position,
          kind: p.kind,
          amount: p.amount,
          unit: p.unit,
          asReported: p.asReported,
          replacedByPosition: p.replacedBy,
        })),
      ),
    ),
  );
  await bulkInsert(
    tx,
    custodyEvents,
    records.flatMap(({ detentionId, input, sourceIds }) =>
      input.events.map((e, position) => ({
        detentionId,
        position,
        kind: e.kind,
        earliest: e.date.earliest,
        latest: e.date.latest,
        qualifier: e.date.qualifier,
        asReported: e.date.asReported,
        placeId: e.placeId,
        placeDetail: e.placeDetail,
        note: e.note,
        sourceId: e.source === null ? null : (sourceIds[e.source - 1] ?? null),
      })),
    ),
  );
}

/** The custody facts derived from a form input (stored on the detention). */
export function custodyFactsOf(input: Pick<CaseInput, 'detained' | 'events' | 'charges'>): CustodyFacts {
  return deriveCustody({
    detained: input.detained,
    events: input.events.map((e) => ({ kind: e.kind, date: e.date })),
    charges: input.charges.map((c) => ({
      outcome: c.outcome,
      penalties: c.penalties.map((p) => ({ kind: p.kind, amount: p.amount, unit: p.unit, replaced: p.replacedBy !== null })),
    })),
  });
}

/**
 * The detention's arrays and days of arrest as lib/dashboard/stats.ts refreshDetailArrays derives
 * them from the stored charges (distinct, sorted as PostgreSQL sorts the values: ids by number,
 * enum values in their declared order), written with the row itself: the refresh that follows
 * every change then finds nothing to change, and the row is not written a second time. Should the
 * two ever disagree, the refresh still sets the stored charges' values.
 */
export function detailArraysOf(input: Pick<CaseInput, 'charges'>) {
  const sortedBy = <T>(order: readonly T[], values: T[]) => [...new Set(values)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const inForce = input.charges.flatMap((c) => c.penalties.filter((p) => p.replacedBy === null));
  const arrestDays = inForce.filter((p) => p.kind === 'administrative_arrest' && p.unit === 'days' && p.amount !== null);
  return {
    chargeIds: [...new Set(input.charges.flatMap((c) => (c.chargeId === null ? [] : [c.chargeId])))].sort((a, b) => a - b),
    outcomes: sortedBy(chargeOutcome.enumValues, input.charges.map((c) => c.outcome)),
    penaltyKinds: sortedBy(penaltyKind.enumValues, input.charges.flatMap((c) => c.penalties.map((p) => p.kind))),
    // round() of a numeric sum in PostgreSQL: half away from zero, as Math.round for amounts ≥ 0.
    arrestDays: arrestDays.length ? Math.round(arrestDays.reduce((sum, p) => sum + p.amount!, 0)) : null,
  };
}

/**
 * The ids and names the form refers to that don't exist (a stale page or a forged post): field
 * errors, not a 500. The city, the election, vocabulary entries, event places and the region.
 */
export async function checkReferences(tx: Pick<Tx, 'execute'>, input: CaseInput): Promise<FieldErrors> {
  const chargeIds = [...new Set(input.charges.map((c) => c.chargeId).filter((id): id is number => id !== null))];
  const placeIds = [...new Set([input.placeId, ...input.events.map((e) => e.placeId)].filter((id): id is number => id !== null))];
  if (chargeIds.length === 0 && placeIds.length === 0 && input.electionId === null && input.region === null) return {};
  const found = await knownReferences(tx, { chargeIds, placeIds, electionId: input.electionId, region: input.region });
  const errors: FieldErrors = {};
  if (input.placeId !== null && !found.places.has(input.placeId)) errors.placeId = ['errors.unknownChoice'];
  if (input.electionId !== null && !found.election) errors.electionId = ['errors.unknownChoice'];
  input.charges.forEach((c, i) => {
    if (c.chargeId !== null && !found.charges.has(c.chargeId)) errors[`charges.${i}.chargeId`] = ['errors.unknownChoice'];
  });
  input.events.forEach((e, i) => {
    if (e.placeId !== null && !found.places.has(e.placeId)) errors[`events.${i}.placeId`] = ['errors.unknownChoice'];
  });
  if (input.region !== null && !found.region) errors.region = ['errors.unknownChoice'];
  return errors;
}

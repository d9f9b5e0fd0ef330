import 'server-only';
import { and, asc, count, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { db, rowsOf, type Tx } from '@/db';
import {
  citations,
  detentions,
  elections,
  people,
  places,
  sources,
} from '@/db/schema';
import { can, seesRestricted, type Actor } from '@/lib/auth/policy';
import type { FieldErrors } from '@/lib/forms';
import { diffRecords, listRevisions, recordRevision } from '@/lib/history/revisions';
import { restore, softDelete } from '@/lib/history/soft-delete';
import { addToStats, detentionById, withStatsUpdate } from '@/lib/dashboard/stats';
import { insertPerson } from '@/lib/people/queries';
import { choosablePeople, recordDifferent } from '@/lib/people/likely';
import { recordAudit } from '@/lib/audit/log';
import { resolveSourceRows } from '@/lib/sources/queries';
import type { CaseFilters } from '@/lib/filters/definition';
import { custodyCondition, detentionConditions, DETENTIONS_TABLE, periodOfFilters, placedInPeriod } from '@/lib/filters/sql';
import { placement } from '@/lib/dates/interval';
import { chargesOf, checkReferences, custodyFactsOf, detailArraysOf, detailsSummary, eventsOf, insertDetails, storedSummary, writeDetails } from './details';
import type { CaseInput } from './schema';
import { withRetry } from '@/lib/transactions/retry';
import { visibleDetention } from './visibility';

export const PAGE_SIZE = 50;
export const COUNT_CAP = 1_000;

/** Detention fields for monitors and admins only: internal notes can endanger people. */
export const INTERNAL_CASE_FIELDS = ['notes'] as const;

/** The WHERE clause for the case list's filters, always within what the actor may see (lib/filters/sql.ts). */
export const caseFilterConditions = (actor: Actor, filters: Partial<CaseFilters>): SQL => detentionConditions(actor, filters);
export { custodyCondition };

/** Every detention matching `where`, counted exactly. */
async function countOf(where: SQL): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(detentions).where(where);
  return n;
}

/** The case list's columns. */
const LIST_COLUMNS = {
  id: detentions.id,
  personId: detentions.personId,
  personName: people.displayName,
  personRole: people.role,
  city: places.name,
  region: sql<string | null>`coalesce(${places.region}, ${detentions.region})`,
  placePrecision: detentions.placePrecision,
  detainedEarliest: detentions.detainedEarliest,
  detainedLatest: detentions.detainedLatest,
  detainedQualifier: detentions.detainedQualifier,
  detainedAsReported: detentions.detainedAsReported,
  detainedOn: detentions.detainedOn,
  detainedPrecision: detentions.detainedPrecision,
  plea: detentions.plea,
  custodyStatus: detentions.custodyStatus,
  custodyFrom: detentions.custodyFrom,
  releasedOn: detentions.releasedOn,
  custodyDays: detentions.custodyDays,
  expectedReleaseOn: detentions.expectedReleaseOn,
  whereaboutsUnknownSince: detentions.whereaboutsUnknownSince,
  nextHearingOn: detentions.nextHearingOn,
  confidentiality: detentions.confidentiality,
  reviewStatus: detentions.reviewStatus,
  deletedAt: detentions.deletedAt,
};

/** One page of the case list, newest detention first, with the total for the pager. */
export async function listCases(actor: Actor, filters: CaseFilters) {
  const where = caseFilterConditions(actor, filters);
  const offset = (filters.page - 1) * PAGE_SIZE;
  // The list's order is records placed on a day, newest first, then the rest (no day), newest
  // entered first. Read as those two parts, each straight off an index in its own order: with a
  // date range, the placed part's range is an index condition (detained_on BETWEEN …) instead of a
  // filter on every entry of the order index, which a range far from today made walk most of it
  // (a city + date range view at 1M: 1.17 s). The undated part is read only for a page the placed
  // part does not fill (the end of the list).
  const period = periodOfFilters(filters);
  const part = (placed: boolean) =>
    db
      .select(LIST_COLUMNS)
      .from(detentions)
      .innerJoin(people, eq(people.id, detentions.personId))
      .leftJoin(places, eq(places.id, detentions.placeId))
      .where(and(where, placed ? (period ? placedInPeriod(DETENTIONS_TABLE, period) : isNotNull(detentions.detainedOn)) : isNull(detentions.detainedOn)))
      .orderBy(...(placed ? [sql`${detentions.detainedOn} DESC NULLS LAST`, sql`${detentions.id} DESC NULLS LAST`] : [sql`${detentions.id} DESC NULLS LAST`]));
  async function page() {
    // "Date uncertain" asks for undated records only: the placed part would be read to no end.
    if (filters.dated === 'uncertain') return part(false).limit(PAGE_SIZE).offset(offset);
    const placed = await part(true).limit(PAGE_SIZE).offset(offset);
    if (placed.length === PAGE_SIZE) return placed;
    // How many placed records come before the undated ones: known from this page unless it is past them all.
    const placedTotal = placed.length > 0 || offset === 0 ? offset + placed.length : await countOf(and(where, isNotNull(detentions.detainedOn))!);
    return [...placed, ...(await part(false).limit(PAGE_SIZE - placed.length).offset(Math.max(0, offset - placedTotal)))];
  }
  // The page and the (capped) count run side by side, on two connections of the pool.
  const [rows, [{ total: counted }]] = await Promise.all([
    page(),
    // Counting every match of a broad filter over a million records costs more than the page
    // itself: count up to COUNT_CAP exactly, then say "more than" (the dashboard has exact totals).
    db
      .select({ total: count() })
      .from(db.select({ one: sql`1` }).from(detentions).where(where).limit(COUNT_CAP + 1).as('matches')),
  ]);
  const chargeMap = await chargesOf(db, rows.map((r) => r.id));
  const withCharges = rows.map((r) => ({ ...r, charges: chargeMap.get(r.id) ?? [] }));
  const capped = counted > COUNT_CAP;
  const total = capped ? COUNT_CAP : counted;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return { rows: withCharges, total, capped, page: filters.page, pageCount: capped ? Math.max(pages, filters.page + (rows.length === PAGE_SIZE ? 1 : 0)) : pages };
}

const caseColumns = {
  id: detentions.id,
  personId: detentions.personId,
  placeId: detentions.placeId,
  region: detentions.region,
  placePrecision: detentions.placePrecision,
  placeDetail: detentions.placeDetail,
  detainedEarliest: detentions.detainedEarliest,
  detainedLatest: detentions.detainedLatest,
  detainedQualifier: detentions.detainedQualifier,
  detainedAsReported: detentions.detainedAsReported,
  detainedOn: detentions.detainedOn,
  detainedPrecision: detentions.detainedPrecision,
  court: detentions.court,
  sentencedEarliest: detentions.sentencedEarliest,
  sentencedLatest: detentions.sentencedLatest,
  sentencedQualifier: detentions.sentencedQualifier,
  sentencedAsReported: detentions.sentencedAsReported,
  sentencedOn: detentions.sentencedOn,
  sentencedPrecision: detentions.sentencedPrecision,
  plea: detentions.plea,
  custodyStatus: detentions.custodyStatus,
  custodyFrom: detentions.custodyFrom,
  releasedOn: detentions.releasedOn,
  custodyDays: detentions.custodyDays,
  whereaboutsUnknownSince: detentions.whereaboutsUnknownSince,
  nextHearingOn: detentions.nextHearingOn,
  expectedReleaseOn: detentions.expectedReleaseOn,
  electionId: detentions.electionId,
  publicNotes: detentions.publicNotes,
  notes: detentions.notes,
  confidentiality: detentions.confidentiality,
  reviewStatus: detentions.reviewStatus,
  version: detentions.version,
};

type CaseRow = { [K in keyof typeof caseColumns]: (typeof detentions.$inferSelect)[K] };

/** What a citation shows of its source, wherever detentions are listed with their sources. */
export const citationColumns = {
  url: sources.url,
  title: sources.title,
  publisher: sources.publisher,
  publishedOn: sources.publishedOn,
  publishedPrecision: sources.publishedPrecision,
  language: sources.language,
  locator: citations.locator,
  supports: citations.supports,
};

async function citationsOf(tx: Pick<Tx, 'select'>, detentionId: number) {
  return tx
    .select({ sourceId: sources.id, ...citationColumns })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(eq(citations.detentionId, detentionId))
    .orderBy(asc(citations.id));
}

/** Every fact of one detention with its sources and history, or null when the actor may not see it. */
export async function getCaseById(actor: Actor, id: number) {
  const internal = seesRestricted(actor);
  // The record and its parts asked together (one round trip, not two); the parts are thrown away
  // unless the record itself is one the actor may see.
  const [[row], sourceRows, history, chargeMap, eventMap] = await Promise.all([
    db
      .select({
        ...caseColumns,
        deletedAt: detentions.deletedAt,
        personName: people.displayName,
        personRole: people.role,
        personAffiliation: people.affiliation,
        city: places.name,
        cityRegion: places.region,
        electionName: elections.name,
        electionDate: elections.heldOn,
      })
      .from(detentions)
      .innerJoin(people, eq(people.id, detentions.personId))
      .leftJoin(places, eq(places.id, detentions.placeId))
      .leftJoin(elections, eq(elections.id, detentions.electionId))
      .where(and(eq(detentions.id, id), visibleDetention(actor, { includeDeleted: can(actor.role, 'restore') }))),
    citationsOf(db, id),
    listRevisions(db, 'detention', id, internal ? [] : INTERNAL_CASE_FIELDS),
    chargesOf(db, [id]),
    eventsOf(db, [id]),
  ]);
  if (!row) return null;
  return {
    ...row,
    region: row.cityRegion ?? row.region,
    notes: internal ? row.notes : null,
    sources: sourceRows,
    charges: chargeMap.get(id) ?? [],
    events: eventMap.get(id) ?? [],
    history,
  };
}

/** The stored detention as the form shows it, for editing. */
export async function getCaseForEdit(actor: Actor, id: number) {
  const [row] = await db
    .select({ ...caseColumns, personName: people.displayName })
    .from(detentions)
    .innerJoin(people, eq(people.id, detentions.personId))
    .where(and(eq(detentions.id, id), visibleDetention(actor)));
  if (!row) return null;
  const [sourceRows, chargeMap, eventMap] = await Promise.all([citationsOf(db, id), chargesOf(db, [id]), eventsOf(db, [id])]);
  return { ...row, sources: sourceRows, charges: chargeMap.get(id) ?? [], events: eventMap.get(id) ?? [] };
}

export type SaveResult =
  | { ok: true; id: number }
  | { ok: false; errors: FieldErrors }
  | { ok: false; reason: 'notFound' | 'conflict' };

/** Thrown inside a transaction to undo it; carries why the save was refused. */
export class Rollback extends Error {
  constructor(readonly result: Exclude<SaveResult, { ok: true }>) {
    super('rollback');
  }
}

/** The references of the form (see details.ts checkReferences) and the person it names. */
async function checkInput(tx: Tx, actor: Actor, input: CaseInput): Promise<FieldErrors> {
  const [references, person] = await Promise.all([checkReferences(tx, input), checkPersonChoice(tx, actor, input)]);
  return { ...references, ...person };
}

/**
 * The person the form names and its duplicate-warning answers, never trusted: a picked person (or
 * one answered "a different person" for) must be on record, not deleted, not merged into another,
 * and visible to the actor.
 */
async function checkPersonChoice(tx: Tx, actor: Actor, input: CaseInput): Promise<FieldErrors> {
  const differentFrom = input.personId === null ? input.differentFrom : [];
  const asked = input.personId === null ? differentFrom : [input.personId];
  if (asked.length === 0) return {};
  const choosable = await choosablePeople(tx, actor, asked, { lock: true });
  if (input.personId !== null && !choosable.has(input.personId)) return { personName: ['matching.errors.personUnavailable'] };
  if (differentFrom.some((id) => !choosable.has(id))) return { personName: ['matching.errors.unknownPerson'] };
  return {};
}

/**
 * Records what the monitor answered in the duplicate warning, in the save's transaction: "a
 * different person" as a decision per pair (so the pair is not suggested again), "same person" as
 * an audit entry naming the detention linked to the existing person.
 */
async function recordPersonChoice(tx: Tx, actor: Actor, input: CaseInput, personId: number, detentionId: number) {
  if (input.personId === null) {
    for (const other of input.differentFrom) await recordDifferent(tx, actor, personId, other, 'case_form');
  } else if (input.personFromWarning) {
    await recordAudit(
      { action: 'person_chosen_from_warning', actorId: actor.id, targetKind: 'person', targetId: personId, details: { context: 'case_form', detentionId } },
      tx,
    );
  }
}

/**
 * The detention row of a form input (also the import's bulk insert, so both store the same): the
 * facts as entered, the day each date is placed on, and the custody facts its timeline implies.
 */
export function detentionValues(input: CaseInput, personId: number) {
  const detainedAt = placement(input.detained);
  const sentencedAt = placement(input.sentenced);
  return {
    personId,
    placeId: input.placeId,
    region: input.region,
    placePrecision: input.placePrecision,
    placeDetail: input.placeDetail,
    detainedEarliest: input.detained.earliest,
    detainedLatest: input.detained.latest,
    detainedQualifier: input.detained.qualifier,
    detainedAsReported: input.detained.asReported,
    detainedOn: detainedAt.on,
    detainedPrecision: detainedAt.precision,
    court: input.court,
    sentencedEarliest: input.sentenced.earliest,
    sentencedLatest: input.sentenced.latest,
    sentencedQualifier: input.sentenced.qualifier,
    sentencedAsReported: input.sentenced.asReported,
    sentencedOn: sentencedAt.on,
    sentencedPrecision: sentencedAt.precision,
    plea: input.plea,
    ...custodyFactsOf(input),
    electionId: input.electionId,
    publicNotes: input.publicNotes,
    notes: input.notes,
    confidentiality: input.confidentiality,
    reviewStatus: input.reviewStatus,
  };
}

/** The person of the form: the one picked, or a new one created from the typed name. */
async function resolvePerson(tx: Tx, actor: Actor, input: CaseInput): Promise<number> {
  if (input.personId !== null) return input.personId;
  return insertPerson(tx, actor, {
    displayName: input.personName!,
    role: input.personRole,
    affiliation: input.personAffiliation,
    notes: null,
    variants: input.personNameCyrillic ? [input.personNameCyrillic] : [],
  });
}

/** Replaces a detention's citations (a new detention has none to delete: `fresh`). */
async function writeCitations(tx: Tx, detentionId: number, input: CaseInput, sourceIds: number[], { fresh = false } = {}) {
  if (!fresh) await tx.delete(citations).where(eq(citations.detentionId, detentionId));
  await tx.insert(citations).values(
    sourceIds.map((sourceId, i) => ({
      detentionId,
      sourceId,
      locator: input.sources[i].locator,
      supports: input.sources[i].supports,
    })),
  );
}

/** The sources as a create revision records them. */
export function citationSummary(input: CaseInput, sourceIds: number[]) {
  return sourceIds.map((sourceId, i) => ({ sourceId, url: input.sources[i].url, locator: input.sources[i].locator }));
}

/**
 * Runs a save in one transaction (retried whole on a deadlock); a Rollback thrown inside undoes
 * every write (a new person or source included) and becomes the result, so no half-written record
 * is ever left.
 */
async function inTransaction(work: (tx: Tx) => Promise<SaveResult>): Promise<SaveResult> {
  try {
    return await withRetry(() => db.transaction(work));
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}

/**
 * Writes one new detention (and any new person or sources it names) inside the caller's
 * transaction. A refusal throws, so the caller's whole transaction rolls back: use createCase for
 * one record, or call this for many in one transaction (bulk import).
 */
export async function insertCase(tx: Tx, actor: Actor, input: CaseInput): Promise<number> {
  // Statements that do not depend on each other are sent together: in a transaction postgres.js
  // pipelines them on the one connection, so they cost one round trip, and on this machine each
  // round trip (about 1 ms) cost more than the statement. A refusal found by the checks still
  // rolls everything back, the person or sources created beside them included.
  const [refErrors, personId, resolved] = await Promise.all([
    checkInput(tx, actor, input),
    resolvePerson(tx, actor, input),
    resolveSourceRows(tx, actor, input.sources),
  ]);
  if (Object.keys(refErrors).length) throw new Rollback({ ok: false, errors: refErrors });
  if ('errors' in resolved) throw new Rollback({ ok: false, errors: resolved.errors });
  const values = detentionValues(input, personId);
  const [row] = await tx
    .insert(detentions)
    // The derived arrays go in with the row (not in `values`: the revision records the charges themselves).
    .values({ ...values, ...detailArraysOf(input), createdById: actor.id, updatedById: actor.id })
    .returning({ id: detentions.id });
  await Promise.all([
    // A new row: nothing to delete first.
    writeCitations(tx, row.id, input, resolved.ids, { fresh: true }),
    (async () => {
      await insertDetails(tx, [{ detentionId: row.id, input, sourceIds: resolved.ids }]);
      // Counted with its charges and penalties.
      await addToStats(tx, detentionById(row.id));
    })(),
    recordPersonChoice(tx, actor, input, personId, row.id),
    recordRevision(tx, {
      kind: 'detention',
      id: row.id,
      action: 'create',
      version: 1,
      userId: actor.id,
      changes: { ...values, ...detailsSummary(input, resolved.ids), sources: citationSummary(input, resolved.ids) },
      reason: input.reason,
    }),
  ]);
  return row.id;
}

export async function createCase(actor: Actor, input: CaseInput): Promise<SaveResult> {
  return inTransaction(async (tx) => ({ ok: true, id: await insertCase(tx, actor, input) }));
}

/**
 * Several new detentions in ONE transaction, each through insertCase (the intake's accepted
 * drafts): all are saved or none. A refusal says which record (its index in `inputs`) it is about.
 */
export async function createCases(
  actor: Actor,
  inputs: readonly CaseInput[],
): Promise<{ ok: true; ids: number[] } | { ok: false; index: number; result: Exclude<SaveResult, { ok: true }> }> {
  let current = 0;
  try {
    const ids = await withRetry(() =>
      db.transaction(async (tx) => {
        const out: number[] = [];
        for (current = 0; current < inputs.length; current++) out.push(await insertCase(tx, actor, inputs[current]));
        return out;
      }),
    );
    return { ok: true, ids };
  } catch (error) {
    if (error instanceof Rollback) return { ok: false, index: current, result: error.result };
    throw error;
  }
}

/** Saves over version `version`; refused as a conflict when someone else saved since. */
export async function updateCase(actor: Actor, id: number, version: number, input: CaseInput): Promise<SaveResult> {
  return inTransaction(async (tx) => {
    const [before] = await tx
      .select(caseColumns)
      .from(detentions)
      .where(and(eq(detentions.id, id), visibleDetention(actor)))
      .for('update');
    if (!before) return { ok: false, reason: 'notFound' };
    if (before.version !== version) return { ok: false, reason: 'conflict' };
    // Sent together, as in insertCase (one round trip): the checks, the new person and sources, and
    // the record's parts as they were, which none of the others touches.
    const [refErrors, personId, resolved, beforeCitations, beforeCharges, beforeEvents] = await Promise.all([
      checkInput(tx, actor, input),
      resolvePerson(tx, actor, input),
      resolveSourceRows(tx, actor, input.sources),
      citationsOf(tx, id),
      chargesOf(tx, [id]),
      eventsOf(tx, [id]),
    ]);
    if (Object.keys(refErrors).length) throw new Rollback({ ok: false, errors: refErrors });
    if ('errors' in resolved) throw new Rollback({ ok: false, errors: resolved.errors });
    const beforeSources = beforeCitations.map((c) => ({ sourceId: c.sourceId, url: c.url, locator: c.locator }));
    const values = detentionValues(input, personId);
    await withStatsUpdate(tx, detentionById(id), async () => {
      await Promise.all([
        tx
          .update(detentions)
          .set({ ...values, ...detailArraysOf(input), version: version + 1, updatedById: actor.id, updatedAt: new Date() })
          .where(eq(detentions.id, id))
          .execute(),
        // Inside the rollup update: the dashboard counts charges and penalties too.
        writeDetails(tx, id, input, resolved.ids),
      ]);
    });
    const changes = diffRecords(
      { ...(before as CaseRow), ...storedSummary(beforeCharges.get(id) ?? [], beforeEvents.get(id) ?? []), sources: beforeSources },
      { ...values, ...detailsSummary(input, resolved.ids), sources: citationSummary(input, resolved.ids) },
    );
    await Promise.all([
      writeCitations(tx, id, input, resolved.ids),
      recordPersonChoice(tx, actor, input, personId, id),
      recordRevision(tx, { kind: 'detention', id, action: 'update', version: version + 1, userId: actor.id, changes, reason: input.reason }),
    ]);
    return { ok: true, id };
  });
}

/** Soft delete: the record leaves every list and count, and an admin can bring it back. */
export async function deleteCase(actor: Actor, id: number, version: number, reason: string | null) {
  return withRetry(() => db.transaction(async (tx) => {
    // Only a record the actor may see can be deleted by them.
    const [visible] = await tx.select({ id: detentions.id }).from(detentions).where(and(eq(detentions.id, id), visibleDetention(actor)));
    if (!visible) return { ok: false, reason: 'notFound' } as const;
    return withStatsUpdate(tx, detentionById(id), () => softDelete(tx, 'detention', actor, id, version, reason));
  }));
}

export type RestoreCaseResult = Awaited<ReturnType<typeof restore>> | { ok: false; reason: 'personDeleted' | 'sourceDeleted' };

/**
 * Undoes a detention's deletion, unless its person or a source it cites (or names for an event)
 * was deleted meanwhile: restored, it would be a live record whose person page no one could open,
 * that could not be saved again unchanged, and that counted on the dashboard. Those must be
 * restored first. They are read with a share lock, so they cannot be deleted while this commits.
 */
export async function restoreCase(actor: Actor, id: number): Promise<RestoreCaseResult> {
  return withRetry(() =>
    db.transaction(async (tx) => {
      const deleted = (result: unknown) => rowsOf<{ deleted: boolean }>(result).some((r) => r.deleted);
      const [person, sources] = await Promise.all([
        tx.execute(sql`SELECT p.deleted_at IS NOT NULL AS deleted FROM detentions d JOIN people p ON p.id = d.person_id WHERE d.id = ${id} FOR SHARE OF p`),
        tx.execute(sql`SELECT s.deleted_at IS NOT NULL AS deleted FROM sources s
          WHERE s.id IN (SELECT c.source_id FROM citations c WHERE c.detention_id = ${id}
                         UNION SELECT e.source_id FROM custody_events e WHERE e.detention_id = ${id}) FOR SHARE`),
      ]);
      if (deleted(person)) return { ok: false, reason: 'personDeleted' } as const;
      if (deleted(sources)) return { ok: false, reason: 'sourceDeleted' } as const;
      return withStatsUpdate(tx, detentionById(id), () => restore(tx, 'detention', actor, id));
    }),
  );
}

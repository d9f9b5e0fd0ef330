import 'server-only';
/**
 * Decisions about whether two people are one, and the merges they make. A merge is a decision, not a
 * rewrite: the merged person's row, names and history stay; their detentions move to the survivor,
 * their names are copied to it, and `person_decisions.merge` records exactly what changed, so
 * withdrawing the decision puts both people back as they were. Revisions are history: merge and undo
 * each append one (people and moved detentions alike), versions only ever grow.
 *
 * Concurrency: every change locks the pair's people rows in id order first, so two merges of the
 * same pair (A into B and B into A included) run one after the other, and the second finds the pair
 * already merged.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Db, type Tx } from '@/db';
import { detentions, people, personDecisions, personNames, users, type PersonRole } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { can, type Actor } from '@/lib/auth/policy';
import { withStatsUpdate } from '@/lib/dashboard/stats';
import { diffRecords, recordRevision } from '@/lib/history/revisions';
import { withRetry } from '@/lib/transactions/retry';
import { nameRows } from './queries';

export const VERDICTS = ['same', 'different', 'unsure'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** Where a decision was taken (person_decisions.context). */
export const DECISION_CONTEXTS = ['case_form', 'person_page', 'import', 'review'] as const;
export type DecisionContext = (typeof DECISION_CONTEXTS)[number];

/** Why a decision, merge or withdrawal was refused; each has a message in the `merge` catalogue. */
export type DecisionRefusal =
  | 'forbidden'
  | 'notFound'
  | 'samePerson'
  | 'deleted'
  | 'alreadyMerged'
  | 'survivorMerged'
  | 'mergeInForce'
  | 'notInForce'
  | 'changedSince';

/** Thrown by recordDecision (which runs in the caller's transaction, so the caller's work rolls back too). */
export class DecisionRefused extends Error {
  constructor(readonly reason: DecisionRefusal) {
    super(`decision refused: ${reason}`);
  }
}

export type DecisionResult = { ok: true; decisionId: number } | { ok: false; reason: DecisionRefusal };

type PersonFields = { displayName: string; role: PersonRole; affiliation: string | null; notes: string | null };

/** What a merge changed, stored in person_decisions.merge; withdrawal undoes exactly this. */
export type MergeChanges = {
  mergedId: number;
  /** The survivor's fields before the merge (restored on undo) and after it (checked on undo). */
  survivorBefore: PersonFields;
  survivorAfter: PersonFields;
  /** The merged person's fields, which the merge leaves alone: undo refuses if they changed since. */
  mergedFields: PersonFields;
  /** Every detention moved to the survivor, and whether it was soft-deleted at the time. */
  movedDetentions: { id: number; deleted: boolean }[];
  /** The name rows the merge added to the survivor (copies of the merged person's variants). */
  addedNames: { id: number; name: string }[];
};

type LockedPerson = PersonFields & { id: number; version: number; deleted: boolean; mergedIntoId: number | null };

const personFields = (p: PersonFields): PersonFields => ({
  displayName: p.displayName,
  role: p.role,
  affiliation: p.affiliation,
  notes: p.notes,
});

/** Locks both people of a pair, in id order, so concurrent changes of one pair queue up rather than deadlock. */
async function lockPair(tx: Tx, a: number, b: number): Promise<Map<number, LockedPerson>> {
  const rows = await tx
    .select({
      id: people.id,
      displayName: people.displayName,
      role: people.role,
      affiliation: people.affiliation,
      notes: people.notes,
      version: people.version,
      deleted: sql<boolean>`${people.deletedAt} IS NOT NULL`,
      mergedIntoId: people.mergedIntoId,
    })
    .from(people)
    .where(inArray(people.id, [a, b]))
    .orderBy(asc(people.id))
    .for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

const pairOf = (a: number, b: number) => (a < b ? { personId: a, otherPersonId: b } : { personId: b, otherPersonId: a });

function validPair(a: number, b: number): DecisionRefusal | null {
  if (![a, b].every((id) => Number.isSafeInteger(id) && id > 0 && id < 2 ** 31)) return 'notFound';
  if (a === b) return 'samePerson';
  return null;
}

/**
 * Withdraws the decision in force for the pair (the caller holds the pair's lock), so a new one can
 * replace it. A merge in force is not replaced silently: it must be undone first.
 */
async function withdrawPrevious(tx: Tx, actor: Actor, pair: { personId: number; otherPersonId: number }) {
  const [previous] = await tx
    .select({ id: personDecisions.id, merged: sql<boolean>`${personDecisions.merge} IS NOT NULL` })
    .from(personDecisions)
    .where(and(eq(personDecisions.personId, pair.personId), eq(personDecisions.otherPersonId, pair.otherPersonId), isNull(personDecisions.withdrawnAt)))
    .for('update');
  if (!previous) return;
  if (previous.merged) throw new DecisionRefused('mergeInForce');
  await tx
    .update(personDecisions)
    .set({ withdrawnById: actor.id, withdrawnAt: new Date() })
    .where(eq(personDecisions.id, previous.id));
}

async function insertDecision(
  tx: Tx,
  actor: Actor,
  values: { personId: number; otherPersonId: number; verdict: Verdict; context: DecisionContext; reason: string | null; survivorId?: number; merge?: MergeChanges },
): Promise<number> {
  const pair = pairOf(values.personId, values.otherPersonId);
  await withdrawPrevious(tx, actor, pair);
  const [row] = await tx
    .insert(personDecisions)
    .values({
      ...pair,
      verdict: values.verdict,
      context: values.context,
      reason: values.reason,
      survivorId: values.survivorId ?? null,
      merge: values.merge ?? null,
      decidedById: actor.id,
    })
    .returning({ id: personDecisions.id });
  return row.id;
}

/**
 * Records a judgement on a pair of people inside the caller's transaction, replacing (by
 * withdrawing) the decision in force for the pair. Merging is mergePeople's job: a "same" recorded
 * here merges nothing. Throws DecisionRefused (the caller's transaction then rolls back).
 */
export async function recordDecision(
  tx: Tx,
  actor: Actor,
  input: { personId: number; otherPersonId: number; verdict: Verdict; context: DecisionContext; reason: string | null },
): Promise<number> {
  if (!can(actor.role, 'mergePeople')) throw new DecisionRefused('forbidden');
  const invalid = validPair(input.personId, input.otherPersonId);
  if (invalid) throw new DecisionRefused(invalid);
  const locked = await lockPair(tx, input.personId, input.otherPersonId);
  if (locked.size < 2) throw new DecisionRefused('notFound');
  const id = await insertDecision(tx, actor, input);
  // Ids and the verdict only: reasons may name people.
  await recordAudit(
    { action: 'person_decision_recorded', actorId: actor.id, targetKind: 'person', targetId: Math.min(input.personId, input.otherPersonId), details: { decisionId: id, otherPersonId: Math.max(input.personId, input.otherPersonId), verdict: input.verdict, context: input.context } },
    tx,
  );
  return id;
}

/** Runs one change in its own transaction (retried on deadlock); a DecisionRefused becomes the result. */
async function inTransaction(work: (tx: Tx) => Promise<number>): Promise<DecisionResult> {
  try {
    return { ok: true, decisionId: await withRetry(() => db.transaction(work)) };
  } catch (error) {
    if (error instanceof DecisionRefused) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** Records a decision in its own transaction (the person page and the review page). */
export async function decidePair(
  actor: Actor,
  input: { personId: number; otherPersonId: number; verdict: Exclude<Verdict, 'same'>; context: DecisionContext; reason: string | null },
): Promise<DecisionResult> {
  return inTransaction((tx) => recordDecision(tx, actor, input));
}

/** Two texts kept both, one after the other, so nothing either record said is lost. */
function joinTexts(first: string | null, second: string | null, separator: string): string | null {
  if (!second || second === first) return first;
  if (!first) return second;
  return `${first}${separator}${second}`;
}

/** Moves detentions between people, counting them again in the rollup (it carries the person's role). */
async function moveDetentions(tx: Tx, actor: Actor, ids: number[], from: number, to: number, reason: string | null) {
  if (ids.length === 0) return;
  const moved = await withStatsUpdate(tx, sql`d.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`, () =>
    tx
      .update(detentions)
      .set({ personId: to, version: sql`${detentions.version} + 1`, updatedById: actor.id, updatedAt: new Date() })
      .where(and(inArray(detentions.id, ids), eq(detentions.personId, from)))
      .returning({ id: detentions.id, version: detentions.version }),
  );
  for (const d of moved.sort((a, b) => a.id - b.id)) {
    await recordRevision(tx, { kind: 'detention', id: d.id, action: 'update', version: d.version, userId: actor.id, changes: { personId: [from, to] }, reason });
  }
}

/**
 * Merges `mergedId` into `survivorId`: detentions move to the survivor, the merged person's names are
 * added to its variants, notes and affiliation are kept both, and the merged person is hidden
 * (merged_into_id). Refused for a person merged into themself, unknown or deleted people, a person
 * already merged, and a survivor that is itself merged (no chains: merge into the final survivor).
 */
export async function mergePeople(
  actor: Actor,
  input: { survivorId: number; mergedId: number; reason: string | null; context: DecisionContext },
): Promise<DecisionResult> {
  if (!can(actor.role, 'mergePeople')) return { ok: false, reason: 'forbidden' };
  const invalid = validPair(input.survivorId, input.mergedId);
  if (invalid) return { ok: false, reason: invalid };
  const { survivorId, mergedId, reason } = input;
  return inTransaction(async (tx) => {
    const locked = await lockPair(tx, survivorId, mergedId);
    const survivor = locked.get(survivorId);
    const merged = locked.get(mergedId);
    if (!survivor || !merged) throw new DecisionRefused('notFound');
    if (survivor.deleted || merged.deleted) throw new DecisionRefused('deleted');
    if (merged.mergedIntoId !== null) throw new DecisionRefused('alreadyMerged');
    if (survivor.mergedIntoId !== null) throw new DecisionRefused('survivorMerged');

    const movedDetentions = await tx
      .select({ id: detentions.id, deleted: sql<boolean>`${detentions.deletedAt} IS NOT NULL` })
      .from(detentions)
      .where(eq(detentions.personId, mergedId))
      .orderBy(asc(detentions.id));
    await moveDetentions(tx, actor, movedDetentions.map((d) => d.id), mergedId, survivorId, reason);

    const namesOf = async (id: number) =>
      (await tx.select({ name: personNames.name }).from(personNames).where(eq(personNames.personId, id)).orderBy(asc(personNames.id))).map((n) => n.name);
    const survivorNames = await namesOf(survivorId);
    const newNames = (await namesOf(mergedId)).filter((n) => !survivorNames.includes(n));
    const addedNames = newNames.length
      ? await tx.insert(personNames).values(nameRows(survivorId, newNames)).returning({ id: personNames.id, name: personNames.name })
      : [];

    const survivorBefore = personFields(survivor);
    const survivorAfter: PersonFields = {
      ...survivorBefore,
      affiliation: joinTexts(survivor.affiliation, merged.affiliation, ' / '),
      notes: joinTexts(survivor.notes, merged.notes, '\n\n---\n'),
    };
    await tx
      .update(people)
      .set({ affiliation: survivorAfter.affiliation, notes: survivorAfter.notes, version: survivor.version + 1, updatedAt: new Date() })
      .where(eq(people.id, survivorId));
    const variantsOf = (names: string[], displayName: string) => names.filter((n) => n !== displayName);
    await recordRevision(tx, {
      kind: 'person',
      id: survivorId,
      action: 'update',
      version: survivor.version + 1,
      userId: actor.id,
      changes: {
        mergedFrom: mergedId,
        ...diffRecords(
          { ...survivorBefore, variants: variantsOf(survivorNames, survivor.displayName) },
          { ...survivorAfter, variants: variantsOf([...survivorNames, ...newNames], survivor.displayName) },
        ),
      },
      reason,
    });

    await tx.update(people).set({ mergedIntoId: survivorId, version: merged.version + 1, updatedAt: new Date() }).where(eq(people.id, mergedId));
    await recordRevision(tx, { kind: 'person', id: mergedId, action: 'update', version: merged.version + 1, userId: actor.id, changes: { mergedIntoId: [null, survivorId] }, reason });

    const merge: MergeChanges = { mergedId, survivorBefore, survivorAfter, mergedFields: personFields(merged), movedDetentions, addedNames };
    const decisionId = await insertDecision(tx, actor, { personId: survivorId, otherPersonId: mergedId, verdict: 'same', context: input.context, reason, survivorId, merge });
    await recordAudit(
      { action: 'people_merged', actorId: actor.id, targetKind: 'person', targetId: survivorId, details: { decisionId, mergedId, movedDetentions: movedDetentions.length, addedNames: addedNames.length } },
      tx,
    );
    return decisionId;
  });
}

/** Whether the merge recorded in `merge` can still be undone exactly, given both people as they are now. */
async function canUndo(tx: Tx, merge: MergeChanges, survivorId: number, survivor: LockedPerson | undefined, merged: LockedPerson | undefined) {
  if (!survivor || !merged || survivor.deleted || merged.deleted) return false;
  if (merged.mergedIntoId !== survivorId || survivor.mergedIntoId !== null) return false;
  const same = (a: PersonFields, b: PersonFields) => JSON.stringify(personFields(a)) === JSON.stringify(personFields(b));
  if (!same(survivor, merge.survivorAfter) || !same(merged, merge.mergedFields)) return false;
  const nameIds = merge.addedNames.map((n) => n.id);
  if (nameIds.length) {
    const names = await tx
      .select({ id: personNames.id, name: personNames.name })
      .from(personNames)
      .where(and(inArray(personNames.id, nameIds), eq(personNames.personId, survivorId)));
    const now = new Map(names.map((n) => [n.id, n.name]));
    if (merge.addedNames.some((n) => now.get(n.id) !== n.name)) return false;
  }
  const detentionIds = merge.movedDetentions.map((d) => d.id);
  if (detentionIds.length) {
    // Locked here, in id order, before the rollup update locks them again.
    const rows = await tx
      .select({ id: detentions.id, personId: detentions.personId, deleted: sql<boolean>`${detentions.deletedAt} IS NOT NULL` })
      .from(detentions)
      .where(inArray(detentions.id, detentionIds))
      .orderBy(asc(detentions.id))
      .for('update');
    const now = new Map(rows.map((d) => [d.id, d]));
    if (merge.movedDetentions.some((d) => now.get(d.id)?.personId !== survivorId || now.get(d.id)?.deleted !== d.deleted)) return false;
  }
  return true;
}

/**
 * Withdraws a decision in force. Withdrawing a merge undoes it exactly (same fields, names and
 * detentions on both people, the merged person visible again) and appends the undo to their
 * histories; if anything the merge touched was changed since, it refuses ('changedSince') and
 * changes nothing.
 */
export async function withdrawDecision(actor: Actor, decisionId: number): Promise<DecisionResult> {
  if (!can(actor.role, 'mergePeople')) return { ok: false, reason: 'forbidden' };
  if (!Number.isSafeInteger(decisionId) || decisionId <= 0 || decisionId >= 2 ** 31) return { ok: false, reason: 'notFound' };
  return inTransaction(async (tx) => {
    const readDecision = () =>
      tx
        .select({ personId: personDecisions.personId, otherPersonId: personDecisions.otherPersonId, survivorId: personDecisions.survivorId, merge: personDecisions.merge, withdrawn: sql<boolean>`${personDecisions.withdrawnAt} IS NOT NULL` })
        .from(personDecisions)
        .where(eq(personDecisions.id, decisionId));
    const [found] = await readDecision();
    if (!found) throw new DecisionRefused('notFound');
    // People first, then the decision (the order every change of a pair takes).
    const locked = await lockPair(tx, found.personId, found.otherPersonId);
    const [decision] = await readDecision().for('update');
    if (decision.withdrawn) throw new DecisionRefused('notInForce');
    const merge = decision.merge as MergeChanges | null;
    if (merge && decision.survivorId !== null) {
      const survivorId = decision.survivorId;
      const survivor = locked.get(survivorId);
      const merged = locked.get(merge.mergedId);
      if (!(await canUndo(tx, merge, survivorId, survivor, merged))) throw new DecisionRefused('changedSince');
      await moveDetentions(tx, actor, merge.movedDetentions.map((d) => d.id), survivorId, merge.mergedId, null);
      const addedIds = merge.addedNames.map((n) => n.id);
      if (addedIds.length) await tx.delete(personNames).where(inArray(personNames.id, addedIds));
      const before = merge.survivorBefore;
      await tx
        .update(people)
        .set({ displayName: before.displayName, role: before.role, affiliation: before.affiliation, notes: before.notes, version: survivor!.version + 1, updatedAt: new Date() })
        .where(eq(people.id, survivorId));
      const addedVariants = merge.addedNames.map((n) => n.name);
      await recordRevision(tx, {
        kind: 'person',
        id: survivorId,
        action: 'update',
        version: survivor!.version + 1,
        userId: actor.id,
        changes: { mergeUndone: merge.mergedId, ...diffRecords(merge.survivorAfter, before), ...(addedVariants.length ? { variantsRemoved: addedVariants } : {}) },
      });
      await tx.update(people).set({ mergedIntoId: null, version: merged!.version + 1, updatedAt: new Date() }).where(eq(people.id, merge.mergedId));
      await recordRevision(tx, { kind: 'person', id: merge.mergedId, action: 'update', version: merged!.version + 1, userId: actor.id, changes: { mergedIntoId: [survivorId, null] } });
    }
    await tx.update(personDecisions).set({ withdrawnById: actor.id, withdrawnAt: new Date() }).where(eq(personDecisions.id, decisionId));
    await recordAudit(
      merge
        ? { action: 'people_merge_undone', actorId: actor.id, targetKind: 'person', targetId: decision.survivorId, details: { decisionId, mergedId: merge.mergedId, movedDetentions: merge.movedDetentions.length } }
        : { action: 'person_decision_withdrawn', actorId: actor.id, targetKind: 'person', targetId: decision.personId, details: { decisionId, otherPersonId: decision.otherPersonId } },
      tx,
    );
    return decisionId;
  });
}

const decider = alias(users, 'decider');
const withdrawer = alias(users, 'withdrawer');
const otherPerson = alias(people, 'other_person');

/** Every decision about `personId` (in force first, newest first), with who took and withdrew it. */
export async function decisionsFor(personId: number, executor: Pick<Db, 'select'> = db) {
  const rows = await executor
    .select({
      id: personDecisions.id,
      personId: personDecisions.personId,
      otherPersonId: personDecisions.otherPersonId,
      verdict: personDecisions.verdict,
      context: personDecisions.context,
      reason: personDecisions.reason,
      survivorId: personDecisions.survivorId,
      merged: sql<boolean>`${personDecisions.merge} IS NOT NULL`,
      decidedBy: decider.name,
      decidedAt: personDecisions.decidedAt,
      withdrawnBy: withdrawer.name,
      withdrawnAt: personDecisions.withdrawnAt,
      otherName: otherPerson.displayName,
    })
    .from(personDecisions)
    .innerJoin(decider, eq(decider.id, personDecisions.decidedById))
    .leftJoin(withdrawer, eq(withdrawer.id, personDecisions.withdrawnById))
    .innerJoin(otherPerson, sql`${otherPerson.id} = CASE WHEN ${personDecisions.personId} = ${personId} THEN ${personDecisions.otherPersonId} ELSE ${personDecisions.personId} END`)
    .where(or(eq(personDecisions.personId, personId), eq(personDecisions.otherPersonId, personId)))
    .orderBy(sql`${personDecisions.withdrawnAt} IS NOT NULL`, desc(personDecisions.decidedAt), desc(personDecisions.id));
  return rows.map(({ personId: a, otherPersonId: b, ...row }) => ({ ...row, otherId: a === personId ? b : a, inForce: row.withdrawnAt === null }));
}
export type PersonDecision = Awaited<ReturnType<typeof decisionsFor>>[number];

/** The verdict in force for a pair of people, or null when nobody has decided (or it was withdrawn). */
export async function pairDecided(a: number, b: number, executor: Pick<Db, 'select'> = db): Promise<Verdict | null> {
  if (a === b) return null;
  const pair = pairOf(a, b);
  const [row] = await executor
    .select({ verdict: personDecisions.verdict })
    .from(personDecisions)
    .where(and(eq(personDecisions.personId, pair.personId), eq(personDecisions.otherPersonId, pair.otherPersonId), isNull(personDecisions.withdrawnAt)));
  return row?.verdict ?? null;
}

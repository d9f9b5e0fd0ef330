import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { detentions, personNames, people, places, type PersonRole } from '@/db/schema';
import { can, seesRestricted, type Actor } from '@/lib/auth/policy';
import { chargesOf } from '@/lib/cases/details';
import { visibleDetention } from '@/lib/cases/visibility';
import { diffRecords, HIDDEN_VALUE, listRevisions, recordRevision, type RevisionEntry } from '@/lib/history/revisions';
import { restore, softDelete } from '@/lib/history/soft-delete';
import { detentionsOfPerson, withStatsUpdate } from '@/lib/dashboard/stats';
import { foldName, scriptOf } from '@/lib/names/fold';
import { matchKeyOf } from '@/lib/names/match';
import { findLikelyPeople } from './likely';
import { withRetry } from '@/lib/transactions/retry';
import type { PersonInput } from './schema';

/** Person fields a researcher must never see. */
export const RESTRICTED_PERSON_FIELDS = ['notes'] as const;

/**
 * A merge's revision on the surviving person copies the other person's names and affiliation into
 * its history, and the merge's withdrawal writes them there again. Once withdrawn, the other person
 * may again be known only from restricted records, so for readers who may not see those, these
 * revisions show what changed but not the values, nor the monitor's reason (session 25: a
 * researcher read a restricted-only person's names on a public person's page after an undo).
 */
function withMergeDetailsHidden(entry: RevisionEntry): RevisionEntry {
  if (!('mergedFrom' in entry.changes) && !('mergeUndone' in entry.changes)) return entry;
  return { ...entry, reason: null, changes: Object.fromEntries(Object.keys(entry.changes).map((field) => [field, HIDDEN_VALUE])) };
}

export function nameRows(personId: number, names: string[]) {
  return [...new Set(names)].map((name) => ({ personId, name, script: scriptOf(name), searchKey: foldName(name), matchKey: matchKeyOf(name) }));
}

/** Creates a person with their name variants, and its revision, inside the caller's transaction. */
export async function insertPerson(
  tx: Tx,
  actor: Actor,
  person: { displayName: string; role: PersonRole; affiliation: string | null; notes: string | null; variants: string[] },
): Promise<number> {
  const [row] = await tx
    .insert(people)
    .values({
      displayName: person.displayName,
      role: person.role,
      affiliation: person.affiliation,
      notes: person.notes,
      createdById: actor.id,
    })
    .returning({ id: people.id });
  const names = [person.displayName, ...person.variants];
  // Sent together (one round trip on the PostgreSQL server: postgres.js pipelines them).
  await Promise.all([
    tx.insert(personNames).values(nameRows(row.id, names)),
    recordRevision(tx, {
    kind: 'person',
    id: row.id,
    action: 'create',
    version: 1,
    userId: actor.id,
      changes: { displayName: person.displayName, role: person.role, affiliation: person.affiliation, notes: person.notes, variants: person.variants },
    }),
  ]);
  return row.id;
}

/** Below the duplicate warning's bar: the picker is for finding, so it casts a wider net. */
const PICKER_MIN_SCORE = 0.7;

/**
 * People for the activist picker: those the name matcher finds whatever the spelling (best
 * first), then, for a name still being typed ("Serik"), those with a name containing it. Deleted
 * and merged people are left out. Monitors and admins only (see callers).
 */
export async function searchPeople(actor: Actor, query: string, limit = 8) {
  const key = foldName(query);
  if (key.length < 2) return [];
  const likely = key.length >= 4 ? await findLikelyPeople(actor, query, { limit, minScore: PICKER_MIN_SCORE }) : [];
  const found = likely.map((p) => ({ id: p.id, displayName: p.displayName, role: p.role, affiliation: p.affiliation, detentionCount: p.detentions.count }));
  if (found.length >= limit) return found;
  const pattern = `%${key.replace(/[%_\\]/g, '')}%`;
  const bySubstring = await db
    .select({
      id: people.id,
      displayName: people.displayName,
      role: people.role,
      affiliation: people.affiliation,
      // Written out in full: inside a select list drizzle leaves ${people.id} unqualified, which the
      // subquery would read as its own d.id.
      detentionCount: sql<number>`(SELECT count(*)::int FROM detentions d WHERE d.person_id = "people"."id" AND d.deleted_at IS NULL)`,
    })
    .from(people)
    .where(
      and(
        isNull(people.deletedAt),
        isNull(people.mergedIntoId),
        sql`EXISTS (SELECT 1 FROM person_names pn WHERE pn.person_id = "people"."id" AND pn.search_key LIKE ${pattern})`,
      ),
    )
    .orderBy(asc(people.displayName))
    .limit(limit);
  const seen = new Set(found.map((p) => p.id));
  return [...found, ...bySubstring.filter((p) => !seen.has(p.id))].slice(0, limit);
}

/**
 * A person and their detentions, as the actor may see them. A researcher sees a person only
 * through a detention they may see, and never their restricted notes.
 */
export async function getPersonById(actor: Actor, id: number) {
  const [person] = await db
    .select({
      id: people.id,
      displayName: people.displayName,
      role: people.role,
      affiliation: people.affiliation,
      notes: people.notes,
      version: people.version,
      deletedAt: people.deletedAt,
      mergedIntoId: people.mergedIntoId,
    })
    .from(people)
    .where(and(eq(people.id, id), can(actor.role, 'restore') ? undefined : isNull(people.deletedAt)));
  if (!person) return null;
  const cases = await db
    .select({
      id: detentions.id,
      detainedEarliest: detentions.detainedEarliest,
      detainedLatest: detentions.detainedLatest,
      detainedQualifier: detentions.detainedQualifier,
      city: places.name,
      region: sql<string | null>`coalesce(${places.region}, ${detentions.region})`,
      placePrecision: detentions.placePrecision,
      confidentiality: detentions.confidentiality,
    })
    .from(detentions)
    .leftJoin(places, eq(places.id, detentions.placeId))
    .where(and(eq(detentions.personId, id), visibleDetention(actor)))
    .orderBy(sql`${detentions.detainedOn} DESC NULLS LAST`, sql`${detentions.detainedLatest} DESC NULLS LAST`, asc(detentions.id));
  const restricted = seesRestricted(actor);
  if (!restricted && cases.length === 0) return null;
  const chargeMap = await chargesOf(db, cases.map((c) => c.id));
  const casesWithCharges = cases.map((c) => ({ ...c, charges: chargeMap.get(c.id) ?? [] }));
  const names = await db
    .select({ name: personNames.name, script: personNames.script })
    .from(personNames)
    .where(eq(personNames.personId, id))
    .orderBy(asc(personNames.id));
  const entries = await listRevisions(db, 'person', id, restricted ? [] : RESTRICTED_PERSON_FIELDS);
  const history = restricted ? entries : entries.map(withMergeDetailsHidden);
  return {
    ...person,
    notes: restricted ? person.notes : null,
    names,
    cases: casesWithCharges,
    history,
  };
}

export type UpdateResult = { ok: true } | { ok: false; reason: 'notFound' | 'conflict' };

export async function updatePerson(actor: Actor, id: number, version: number, input: PersonInput): Promise<UpdateResult> {
  return withRetry(() => db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        displayName: people.displayName,
        role: people.role,
        affiliation: people.affiliation,
        notes: people.notes,
        version: people.version,
      })
      .from(people)
      // A merged person is left as the merge found them, so withdrawing it can restore them exactly.
      .where(and(eq(people.id, id), isNull(people.deletedAt), isNull(people.mergedIntoId)))
      .for('update');
    if (!before) return { ok: false, reason: 'notFound' } as const;
    if (before.version !== version) return { ok: false, reason: 'conflict' } as const;
    const oldNames = await tx
      .select({ name: personNames.name })
      .from(personNames)
      .where(eq(personNames.personId, id))
      .orderBy(asc(personNames.id));
    const variants = input.variants.filter((v) => v !== input.displayName);
    const after = {
      displayName: input.displayName,
      role: input.role,
      affiliation: input.affiliation,
      notes: input.notes,
      variants,
    };
    const changes = diffRecords(
      { ...before, variants: oldNames.map((n) => n.name).filter((n) => n !== before.displayName) },
      after,
    );
    const update = () =>
      tx
        .update(people)
        .set({ displayName: input.displayName, role: input.role, affiliation: input.affiliation, notes: input.notes, version: version + 1, updatedAt: new Date() })
        .where(eq(people.id, id));
    // The rollup counts detentions by the person's role: recount theirs when it changes.
    if (before.role !== input.role) await withStatsUpdate(tx, detentionsOfPerson(id), update);
    else await update();
    await tx.delete(personNames).where(eq(personNames.personId, id));
    await tx.insert(personNames).values(nameRows(id, [input.displayName, ...variants]));
    await recordRevision(tx, { kind: 'person', id, action: 'update', version: version + 1, userId: actor.id, changes, reason: input.reason });
    return { ok: true } as const;
  }));
}

/** A person can be deleted only once none of their detentions is left on record. */
export async function deletePerson(actor: Actor, id: number, version: number, reason: string | null) {
  return withRetry(() => db.transaction((tx) =>
    softDelete(tx, 'person', actor, id, version, reason, async () => {
      const [live] = await tx
        .select({ id: detentions.id })
        .from(detentions)
        .where(and(eq(detentions.personId, id), isNull(detentions.deletedAt)))
        .limit(1);
      return Boolean(live);
    }),
  ));
}

export async function restorePerson(actor: Actor, id: number) {
  return withRetry(() => db.transaction((tx) => restore(tx, 'person', actor, id)));
}

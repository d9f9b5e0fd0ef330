import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db';
import { auditEvents, detentions, people, personNames, revisions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCase, deleteCase, getCaseForEdit } from '@/lib/cases/queries';
import { parseDashboardParams } from '@/lib/dashboard/params';
import { getDashboardData } from '@/lib/dashboard/queries';
import { deletePerson, getPersonById, searchPeople, updatePerson } from '@/lib/people/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, placeId, unique, validCase } from '@/lib/test/factories';
import { decidePair, decisionsFor, mergePeople, pairDecided, recordDecision, withdrawDecision, DecisionRefused } from './decisions';

useTestDatabase();

// Detentions of this file are in towns no other test uses, so the rollup checks see only them.
const TOWN = 'Zhezkazgan';
const REPEAT_TOWN = 'Turkistan';

let monitor: Actor;
let admin: Actor;
let researcher: Actor;

beforeAll(async () => {
  monitor = await createActor('monitor');
  admin = await createActor('admin');
  researcher = await createActor('researcher');
});

/** A new person with one detention (in `town`), then given notes, an affiliation and variants. */
async function personWithDetention(
  name: string,
  more: { notes?: string | null; affiliation?: string | null; variants?: string[]; role?: string; town?: string; on?: string; confidentiality?: 'restricted' } = {},
) {
  const result = await createCase(
    monitor,
    await validCase({
      personName: name,
      personRole: more.role ?? 'activist',
      placeId: String(await placeId(more.town ?? TOWN)),
      detained: { on: more.on ?? '2021-01-04' },
      ...(more.confidentiality ? { confidentiality: more.confidentiality } : {}),
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  const record = (await getCaseForEdit(monitor, result.id))!;
  const personId = record.personId!;
  const person = (await getPersonById(monitor, personId))!;
  const updated = await updatePerson(monitor, personId, person.version, {
    displayName: name,
    role: (more.role ?? 'activist') as 'activist',
    affiliation: more.affiliation ?? null,
    notes: more.notes ?? null,
    variants: more.variants ?? [],
    reason: null,
  });
  if (!updated.ok) throw new Error(JSON.stringify(updated));
  return { personId, detentionId: result.id };
}

/** Everything about a person that a merge may touch, bookkeeping (version, updated_*) aside. */
async function snapshot(personId: number) {
  const strip = <T extends Record<string, unknown>>(row: T) => {
    const { version: _v, updatedAt: _u, updatedById: _b, ...rest } = row as T & { version: unknown; updatedAt: unknown; updatedById?: unknown };
    return rest;
  };
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  const names = await db.select().from(personNames).where(eq(personNames.personId, personId)).orderBy(asc(personNames.id));
  const records = await db.select().from(detentions).where(eq(detentions.personId, personId)).orderBy(asc(detentions.id));
  return { person: strip(person), names, detentions: records.map(strip) };
}

async function revisionCount(kind: 'person' | 'detention', id: number) {
  const rows = await db.select({ version: revisions.version }).from(revisions).where(and(eq(revisions.recordKind, kind), eq(revisions.recordId, id)));
  return rows.length;
}

async function versionOf(personId: number) {
  const [row] = await db.select({ version: people.version }).from(people).where(eq(people.id, personId));
  return row.version;
}

/** The rollup's detentions in TOWN by the person's role, and the same counted from the records. */
async function roleCounts() {
  const id = await placeId(TOWN);
  const rollup = rowsOf<{ role: string; n: number }>(await db.execute(sql`
    SELECT person_role::text AS role, sum(detentions)::int AS n FROM detention_stats WHERE place_id = ${id} GROUP BY 1 HAVING sum(detentions) <> 0 ORDER BY 1`));
  const records = rowsOf<{ role: string; n: number }>(await db.execute(sql`
    SELECT p.role::text AS role, count(*)::int AS n FROM detentions d JOIN people p ON p.id = d.person_id
    WHERE d.place_id = ${id} AND d.deleted_at IS NULL GROUP BY 1 ORDER BY 1`));
  return { rollup, records };
}

describe('mergePeople and its undo', () => {
  it('combines two people, then withdrawing the decision restores both exactly', async () => {
    const survivorName = unique('Bekzat Serikbayev');
    const mergedName = unique('Bekzat Serikbaev');
    const a = await personWithDetention(survivorName, { notes: 'Met the lawyer in May.', affiliation: 'Oyan Qazaqstan', variants: ['Бекзат Серікбаев'] });
    const b = await personWithDetention(mergedName, { notes: 'Second account.', affiliation: 'Democratic Choice', variants: ['Бекзат Серикбаев', 'Бекзат Серікбаев'], role: 'journalist' });
    const before = { a: await snapshot(a.personId), b: await snapshot(b.personId) };
    const revisionsBefore = { a: await revisionCount('person', a.personId), b: await revisionCount('person', b.personId), d: await revisionCount('detention', b.detentionId) };
    const versionsBefore = { a: await versionOf(a.personId), b: await versionOf(b.personId) };

    const merged = await mergePeople(monitor, { survivorId: a.personId, mergedId: b.personId, reason: 'same passport number', context: 'person_page' });
    expect(merged.ok).toBe(true);
    const decisionId = (merged as { decisionId: number }).decisionId;

    // The survivor carries both detentions, every variant once, and both texts.
    const survivor = (await getPersonById(monitor, a.personId))!;
    expect(survivor.cases.map((c) => c.id).sort()).toEqual([a.detentionId, b.detentionId].sort());
    expect(survivor.names.map((n) => n.name)).toEqual([survivorName, 'Бекзат Серікбаев', mergedName, 'Бекзат Серикбаев']);
    expect(survivor.notes).toBe('Met the lawyer in May.\n\n---\nSecond account.');
    expect(survivor.affiliation).toBe('Oyan Qazaqstan / Democratic Choice');
    // The merged person is hidden from the picker, keeps their own names, and points to the survivor.
    const [hidden] = await db.select({ mergedIntoId: people.mergedIntoId }).from(people).where(eq(people.id, b.personId));
    expect(hidden.mergedIntoId).toBe(a.personId);
    expect((await searchPeople(monitor, mergedName)).map((p) => p.id)).toEqual([a.personId]);
    expect((await snapshot(b.personId)).names).toEqual(before.b.names);
    // History appended, never rewritten; versions grow so stale edit forms conflict.
    expect(await revisionCount('person', a.personId)).toBe(revisionsBefore.a + 1);
    expect(await revisionCount('person', b.personId)).toBe(revisionsBefore.b + 1);
    expect(await revisionCount('detention', b.detentionId)).toBe(revisionsBefore.d + 1);
    expect(await versionOf(a.personId)).toBe(versionsBefore.a + 1);
    expect(await pairDecided(a.personId, b.personId)).toBe('same');

    expect(await withdrawDecision(monitor, decisionId)).toEqual({ ok: true, decisionId });
    expect(await snapshot(a.personId)).toEqual(before.a);
    expect(await snapshot(b.personId)).toEqual(before.b);
    expect(await revisionCount('person', a.personId)).toBe(revisionsBefore.a + 2);
    expect(await revisionCount('person', b.personId)).toBe(revisionsBefore.b + 2);
    expect(await revisionCount('detention', b.detentionId)).toBe(revisionsBefore.d + 2);
    expect(await versionOf(a.personId)).toBe(versionsBefore.a + 2);
    expect((await searchPeople(monitor, mergedName)).map((p) => p.id)).toContain(b.personId);
    expect(await pairDecided(a.personId, b.personId)).toBeNull();

    // The decision stays as history, withdrawn, with who took and withdrew it.
    const history = await decisionsFor(b.personId);
    expect(history).toEqual([expect.objectContaining({ id: decisionId, verdict: 'same', merged: true, inForce: false, otherId: a.personId, reason: 'same passport number', decidedBy: 'Test monitor', withdrawnBy: 'Test monitor' })]);
    // Audit entries carry ids and counts, never names or reasons.
    const trail = await db.select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents).where(inArray(auditEvents.action, ['people_merged', 'people_merge_undone']));
    const ours = trail.filter((e) => e.details.decisionId === decisionId);
    expect(ours.map((e) => e.action)).toEqual(['people_merged', 'people_merge_undone']);
    expect(JSON.stringify(ours)).not.toMatch(/Bekzat|passport|Серікбаев/);
  });

  it('keeps the rollup right when detentions change person (it counts by role) and on undo', async () => {
    const a = await personWithDetention(unique('Role Survivor'), { role: 'activist' });
    const b = await personWithDetention(unique('Role Merged'), { role: 'journalist' });
    const count = (rows: { role: string; n: number }[], role: string) => rows.find((r) => r.role === role)?.n ?? 0;
    const before = await roleCounts();
    expect(before.rollup).toEqual(before.records);
    const merged = await mergePeople(admin, { survivorId: a.personId, mergedId: b.personId, reason: null, context: 'review' });
    expect(merged.ok).toBe(true);
    const after = await roleCounts();
    expect(after.rollup).toEqual(after.records);
    expect(count(after.rollup, 'journalist')).toBe(count(before.rollup, 'journalist') - 1);
    expect(count(after.rollup, 'activist')).toBe(count(before.rollup, 'activist') + 1);
    await withdrawDecision(admin, (merged as { decisionId: number }).decisionId);
    const undone = await roleCounts();
    expect(undone.rollup).toEqual(before.rollup);
  });

  it('counts a merged pair as one repeat detainee on the dashboard', async () => {
    const city = String(await placeId(REPEAT_TOWN));
    const repeatPeople = async () => (await getDashboardData(researcher, parseDashboardParams({ all: '1', city }), 'rollup')).repeat;
    const a = await personWithDetention(unique('Repeat Survivor'), { town: REPEAT_TOWN, on: '2021-01-02' });
    const b = await personWithDetention(unique('Repeat Merged'), { town: REPEAT_TOWN, on: '2021-01-03' });
    expect((await repeatPeople()).people).toBe(0);
    const merged = await mergePeople(monitor, { survivorId: a.personId, mergedId: b.personId, reason: null, context: 'review' });
    const repeat = await repeatPeople();
    expect(repeat.people).toBe(1);
    expect(repeat.top).toEqual([expect.objectContaining({ personId: a.personId, count: 2 })]);
    await withdrawDecision(monitor, (merged as { decisionId: number }).decisionId);
    expect((await repeatPeople()).people).toBe(0);
  });

  // Security regression (session 25): the survivor's history kept the other person's names,
  // affiliation and the merge's reason after the undo, on a page researchers may open.
  it("never shows a researcher, in a survivor's history, the names of a person known only from restricted records", async () => {
    const a = await personWithDetention(unique('Public Survivor'), { affiliation: 'Public Union' });
    const hiddenName = unique('Hidden Witness');
    const b = await personWithDetention(hiddenName, { affiliation: 'Secret Cell', variants: ['Скрытый Свидетель'], confidentiality: 'restricted' });
    expect(await getPersonById(researcher, b.personId)).toBeNull();
    const merged = await mergePeople(monitor, { survivorId: a.personId, mergedId: b.personId, reason: 'same phone number as in the leak', context: 'person_page' });
    if (!merged.ok) throw new Error(JSON.stringify(merged));
    expect((await withdrawDecision(monitor, merged.decisionId)).ok).toBe(true);
    expect(await getPersonById(researcher, b.personId)).toBeNull();

    const seen = JSON.stringify((await getPersonById(researcher, a.personId))!.history);
    for (const secret of [hiddenName, 'Скрытый Свидетель', 'Secret Cell', 'same phone number']) expect(seen).not.toContain(secret);
    // The researcher still sees that the record was merged and unmerged, and monitors see everything.
    const fields = (await getPersonById(researcher, a.personId))!.history.flatMap((entry) => Object.keys(entry.changes));
    expect(fields).toEqual(expect.arrayContaining(['mergedFrom', 'mergeUndone']));
    const monitorSees = JSON.stringify((await getPersonById(monitor, a.personId))!.history);
    for (const secret of [hiddenName, 'Скрытый Свидетель', 'Secret Cell', 'same phone number']) expect(monitorSees).toContain(secret);
  });
});

// Integrity regression (session 25): a case saved naming a person while that person was merged
// into another could commit after the merge, tying a live record to a person hidden by the merge
// (its page gone, the record unsavable unchanged). Run at once, a dozen times: either order is
// fine, but no live detention may end up with a merged person.
describe('saving a case for a person being merged at the same moment', () => {
  it('never leaves a live detention with a merged person', async () => {
    for (let round = 0; round < 12; round++) {
      const a = await personWithDetention(unique('Race Survivor'));
      const b = await personWithDetention(unique('Race Merged'));
      const [merged, saved] = await Promise.all([
        mergePeople(monitor, { survivorId: a.personId, mergedId: b.personId, reason: null, context: 'review' }),
        createCase(monitor, await validCase({ personId: String(b.personId), personName: '', placeId: String(await placeId(TOWN)) })),
      ]);
      expect(merged.ok).toBe(true);
      const orphans = await db.execute(sql`SELECT d.id FROM detentions d JOIN people p ON p.id = d.person_id
        WHERE d.deleted_at IS NULL AND p.merged_into_id IS NOT NULL`);
      expect(rowsOf(orphans), `round ${round}: saved ${JSON.stringify(saved)}`).toEqual([]);
    }
  });
});

describe('refusals', () => {
  it('refuses researchers every decision, merge and withdrawal', async () => {
    const a = await personWithDetention(unique('Auth A'));
    const b = await personWithDetention(unique('Auth B'));
    const before = { a: await snapshot(a.personId), b: await snapshot(b.personId) };
    expect(await mergePeople(researcher, { survivorId: a.personId, mergedId: b.personId, reason: null, context: 'review' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await decidePair(researcher, { personId: a.personId, otherPersonId: b.personId, verdict: 'different', context: 'review', reason: null })).toEqual({ ok: false, reason: 'forbidden' });
    await expect(db.transaction((tx) => recordDecision(tx, researcher, { personId: a.personId, otherPersonId: b.personId, verdict: 'unsure', context: 'case_form', reason: null }))).rejects.toThrow(DecisionRefused);
    const decided = await decidePair(monitor, { personId: a.personId, otherPersonId: b.personId, verdict: 'unsure', context: 'review', reason: null });
    expect(await withdrawDecision(researcher, (decided as { decisionId: number }).decisionId)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await pairDecided(a.personId, b.personId)).toBe('unsure');
    expect(await snapshot(a.personId)).toEqual(before.a);
    expect(await snapshot(b.personId)).toEqual(before.b);
  });

  it('refuses a person merged into themself, unknown ids and deleted people', async () => {
    const a = await personWithDetention(unique('Self Merge'));
    expect(await mergePeople(monitor, { survivorId: a.personId, mergedId: a.personId, reason: null, context: 'review' })).toEqual({ ok: false, reason: 'samePerson' });
    expect(await mergePeople(monitor, { survivorId: a.personId, mergedId: 999_999_999, reason: null, context: 'review' })).toEqual({ ok: false, reason: 'notFound' });
    expect(await mergePeople(monitor, { survivorId: -1, mergedId: a.personId, reason: null, context: 'review' })).toEqual({ ok: false, reason: 'notFound' });
    expect(await withdrawDecision(monitor, 999_999_999)).toEqual({ ok: false, reason: 'notFound' });
    // A deleted person (their only detention deleted first, as the app requires).
    const gone = await personWithDetention(unique('Deleted Person'));
    const record = (await getCaseForEdit(monitor, gone.detentionId))!;
    expect((await deleteCase(monitor, gone.detentionId, record.version, null)).ok).toBe(true);
    expect((await deletePerson(monitor, gone.personId, await versionOf(gone.personId), null)).ok).toBe(true);
    expect(await mergePeople(monitor, { survivorId: a.personId, mergedId: gone.personId, reason: null, context: 'review' })).toEqual({ ok: false, reason: 'deleted' });
    expect(await mergePeople(monitor, { survivorId: gone.personId, mergedId: a.personId, reason: null, context: 'review' })).toEqual({ ok: false, reason: 'deleted' });
    expect((await getPersonById(monitor, a.personId))!.cases).toHaveLength(1);
  });

  it('lets exactly one of concurrent merges of a pair (either way round) succeed', async () => {
    const a = await personWithDetention(unique('Race A'));
    const b = await personWithDetention(unique('Race B'));
    const results = await Promise.all([
      mergePeople(monitor, { survivorId: a.personId, mergedId: b.personId, reason: null, context: 'review' }),
      mergePeople(admin, { survivorId: b.personId, mergedId: a.personId, reason: null, context: 'person_page' }),
      mergePeople(monitor, { survivorId: a.personId, mergedId: b.personId, reason: null, context: 'review' }),
      mergePeople(admin, { survivorId: b.personId, mergedId: a.personId, reason: null, context: 'review' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { reason: string }).reason).sort()).toEqual(expect.arrayContaining(['alreadyMerged']));
    const rows = await db.select({ id: people.id, mergedIntoId: people.mergedIntoId }).from(people).where(inArray(people.id, [a.personId, b.personId]));
    expect(rows.filter((r) => r.mergedIntoId !== null)).toHaveLength(1);
    const survivorId = rows.find((r) => r.mergedIntoId === null)!.id;
    expect((await getPersonById(monitor, survivorId))!.cases).toHaveLength(2);
    const live = (await decisionsFor(a.personId)).filter((d) => d.inForce);
    expect(live).toHaveLength(1);
  });

  it('refuses to undo a merge once a moved detention was deleted, and changes nothing', async () => {
    const a = await personWithDetention(unique('Undo Survivor'));
    const b = await personWithDetention(unique('Undo Merged'));
    const merged = (await mergePeople(monitor, { survivorId: a.personId, mergedId: b.personId, reason: null, context: 'review' })) as { ok: true; decisionId: number };
    const record = (await getCaseForEdit(monitor, b.detentionId))!;
    expect((await deleteCase(monitor, b.detentionId, record.version, 'duplicate report')).ok).toBe(true);
    const before = { a: await snapshot(a.personId), b: await snapshot(b.personId) };
    expect(await withdrawDecision(monitor, merged.decisionId)).toEqual({ ok: false, reason: 'changedSince' });
    expect(await snapshot(a.personId)).toEqual(before.a);
    expect(await snapshot(b.personId)).toEqual(before.b);
    expect(await pairDecided(a.personId, b.personId)).toBe('same');
  });

  it('refuses to undo a merge once the survivor was edited, and a merged person cannot be edited', async () => {
    const a = await personWithDetention(unique('Edited Survivor'));
    const b = await personWithDetention(unique('Edited Merged'));
    const merged = (await mergePeople(monitor, { survivorId: a.personId, mergedId: b.personId, reason: null, context: 'review' })) as { ok: true; decisionId: number };
    const survivor = (await getPersonById(monitor, a.personId))!;
    const input = { displayName: survivor.displayName, role: survivor.role, affiliation: 'Changed after the merge', notes: null, variants: [], reason: null };
    expect(await updatePerson(monitor, b.personId, await versionOf(b.personId), input)).toEqual({ ok: false, reason: 'notFound' });
    expect((await updatePerson(monitor, a.personId, survivor.version, input)).ok).toBe(true);
    expect(await withdrawDecision(monitor, merged.decisionId)).toEqual({ ok: false, reason: 'changedSince' });
    expect((await getPersonById(monitor, a.personId))!.cases).toHaveLength(2);
  });

  it('refuses merging into a merged person, and undoes chained merges only last first', async () => {
    const a = await personWithDetention(unique('Chain A'));
    const b = await personWithDetention(unique('Chain B'));
    const c = await personWithDetention(unique('Chain C'));
    const before = { a: await snapshot(a.personId), b: await snapshot(b.personId), c: await snapshot(c.personId) };
    const ab = (await mergePeople(monitor, { survivorId: b.personId, mergedId: a.personId, reason: null, context: 'review' })) as { ok: true; decisionId: number };
    expect(ab.ok).toBe(true);
    expect(await mergePeople(monitor, { survivorId: a.personId, mergedId: c.personId, reason: null, context: 'review' })).toEqual({ ok: false, reason: 'survivorMerged' });
    expect(await mergePeople(monitor, { survivorId: c.personId, mergedId: a.personId, reason: null, context: 'review' })).toEqual({ ok: false, reason: 'alreadyMerged' });
    // B (now holding A's detention) may itself be merged into C.
    const bc = (await mergePeople(monitor, { survivorId: c.personId, mergedId: b.personId, reason: null, context: 'review' })) as { ok: true; decisionId: number };
    expect(bc.ok).toBe(true);
    expect((await getPersonById(monitor, c.personId))!.cases).toHaveLength(3);
    expect(await withdrawDecision(monitor, ab.decisionId)).toEqual({ ok: false, reason: 'changedSince' });
    expect((await withdrawDecision(monitor, bc.decisionId)).ok).toBe(true);
    expect((await withdrawDecision(monitor, ab.decisionId)).ok).toBe(true);
    expect(await snapshot(a.personId)).toEqual(before.a);
    expect(await snapshot(b.personId)).toEqual(before.b);
    expect(await snapshot(c.personId)).toEqual(before.c);
  });
});

describe('recordDecision', () => {
  it('replaces the decision in force for a pair, in either order, and keeps the old one as history', async () => {
    const a = await personWithDetention(unique('Decide A'));
    const b = await personWithDetention(unique('Decide B'));
    const first = await db.transaction((tx) => recordDecision(tx, monitor, { personId: b.personId, otherPersonId: a.personId, verdict: 'unsure', context: 'case_form', reason: null }));
    const second = await db.transaction((tx) => recordDecision(tx, admin, { personId: a.personId, otherPersonId: b.personId, verdict: 'different', context: 'review', reason: 'different fathers' }));
    expect(await pairDecided(b.personId, a.personId)).toBe('different');
    const history = await decisionsFor(a.personId);
    expect(history.map((d) => [d.id, d.verdict, d.inForce])).toEqual([
      [second, 'different', true],
      [first, 'unsure', false],
    ]);
    expect((await withdrawDecision(monitor, second)).ok).toBe(true);
    expect(await withdrawDecision(monitor, second)).toEqual({ ok: false, reason: 'notInForce' });
    expect(await pairDecided(a.personId, b.personId)).toBeNull();
  });

  it('does not replace a merge in force: it must be undone first', async () => {
    const a = await personWithDetention(unique('Merged Pair A'));
    const b = await personWithDetention(unique('Merged Pair B'));
    expect((await mergePeople(monitor, { survivorId: a.personId, mergedId: b.personId, reason: null, context: 'review' })).ok).toBe(true);
    expect(await decidePair(monitor, { personId: a.personId, otherPersonId: b.personId, verdict: 'different', context: 'review', reason: null })).toEqual({ ok: false, reason: 'mergeInForce' });
    expect(await pairDecided(a.personId, b.personId)).toBe('same');
  });
});

import { describe, expect, it } from 'vitest';
import { createCase, deleteCase, getCaseById, getCaseForEdit } from '@/lib/cases/queries';
import { deletePerson, getPersonById, restorePerson, updatePerson } from '@/lib/people/queries';
import { deleteSource, getSourceById, restoreSource } from '@/lib/sources/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';

useTestDatabase();

async function setup() {
  const monitor = await createActor('monitor');
  const admin = await createActor('admin');
  const result = await createCase(monitor, await validCase({ personName: unique('Deletable') }));
  if (!result.ok) throw new Error('setup');
  const record = (await getCaseForEdit(monitor, result.id))!;
  return { monitor, admin, record };
}

describe('soft delete of people and sources', () => {
  it('refuses to delete a person or source still in use by a detention on record', async () => {
    const { monitor, record } = await setup();
    const person = (await getPersonById(monitor, record.personId))!;
    expect(await deletePerson(monitor, person.id, person.version, null)).toEqual({ ok: false, reason: 'inUse' });
    const source = (await getSourceById(monitor, record.sources[0].sourceId))!;
    expect(await deleteSource(monitor, source.id, source.version, null)).toEqual({ ok: false, reason: 'inUse' });
  });

  it('deletes them once unused, keeps the history, and lets an admin restore them', async () => {
    const { monitor, admin, record } = await setup();
    expect(await deleteCase(monitor, record.id, record.version, 'duplicate')).toEqual({ ok: true });
    expect(await getCaseById(monitor, record.id)).toBeNull();

    const person = (await getPersonById(monitor, record.personId))!;
    expect(await deletePerson(monitor, person.id, person.version, 'duplicate person')).toEqual({ ok: true });
    expect(await getPersonById(monitor, person.id)).toBeNull();
    const seenByAdmin = (await getPersonById(admin, person.id))!;
    expect(seenByAdmin.deletedAt).not.toBeNull();
    expect(seenByAdmin.history.map((h) => h.action)).toEqual(['create', 'delete']);
    expect(await restorePerson(admin, person.id)).toEqual({ ok: true });
    expect(await getPersonById(monitor, person.id)).not.toBeNull();

    const source = (await getSourceById(monitor, record.sources[0].sourceId))!;
    expect(await deleteSource(monitor, source.id, source.version, null)).toEqual({ ok: true });
    expect(await getSourceById(monitor, source.id)).toBeNull();
    expect(await restoreSource(admin, source.id)).toEqual({ ok: true });
    expect((await getSourceById(monitor, source.id))!.history.map((h) => h.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('refuses a delete over a newer version, and an edit of a deleted record', async () => {
    const { monitor, record } = await setup();
    expect(await deleteCase(monitor, record.id, record.version - 1 || 99, null)).toEqual({ ok: false, reason: 'conflict' });
    const person = (await getPersonById(monitor, record.personId))!;
    const input = { displayName: person.displayName, role: person.role, affiliation: 'Party X', notes: null, variants: [], reason: null };
    expect(await updatePerson(monitor, person.id, person.version, input)).toEqual({ ok: true });
    expect(await updatePerson(monitor, person.id, person.version, input)).toEqual({ ok: false, reason: 'conflict' });
  });
});

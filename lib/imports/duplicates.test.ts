import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db';
import { auditEvents, importBatches, people, personDecisions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCase, getCaseById } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';
import { commitImport, previewImport, type PersonChoice } from './queries';

useTestDatabase();

let monitor: Actor;
/** A person on record whose name the file spells another way (Cyrillic, -uly, y/i). */
let onRecord: number;
let gone: number;
let merged: number;

async function personWithDetention(name: string) {
  const result = await createCase(monitor, await validCase({ personName: name }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (await getCaseById(monitor, result.id))!.personId;
}

beforeAll(async () => {
  monitor = await createActor('monitor');
  onRecord = await personWithDetention('Zhanibek Tursynbaev');
  gone = await personWithDetention(unique('Gone Person'));
  merged = await personWithDetention(unique('Merged Person'));
  await db.update(people).set({ deletedAt: new Date() }).where(eq(people.id, gone));
  await db.update(people).set({ mergedIntoId: onRecord }).where(eq(people.id, merged));
});

/** A one-row file naming `activist`, previewed; returns the pending batch and the row. */
async function previewOne(activist: string) {
  const url = `https://news.example.org/${unique('dup').replace(/\s+/g, '-')}`;
  const result = await previewImport(monitor, 'cases.csv', `activist,city,source_1_url,source_1_title\r\n${activist},Aktobe,${url},Report\r\n`);
  if (!result.ok) throw new Error(result.error);
  return { batchId: result.preview.batchId, row: result.preview.rows[0], url };
}

async function importedPersonOf(url: string) {
  // The detention that cites the file's source.
  const [row] = rowsOf<{ person_id: number; detention_id: number }>(
    await db.execute(sql`SELECT d.person_id, d.id AS detention_id FROM detentions d JOIN citations c ON c.detention_id = d.id JOIN sources s ON s.id = c.source_id WHERE s.url = ${url}`),
  );
  return row ? { personId: Number(row.person_id), detentionId: Number(row.detention_id) } : null;
}

describe('import preview: the duplicate warning per row', () => {
  it.each(['Жанибек Тұрсынбайұлы', 'Tursynbayev Zhanybek'])('proposes the person on record for "%s", with why and their detentions', async (name) => {
    const { row } = await previewOne(name);
    expect(row.person).toBe('new');
    const candidate = row.candidates?.find((c) => c.id === onRecord);
    expect(candidate).toMatchObject({ displayName: 'Zhanibek Tursynbaev', detentions: { count: 1, latestCity: 'Aktobe' } });
    expect(candidate!.reasons.length).toBeGreaterThan(0);
  });

  it('proposes no one for a stranger', async () => {
    const { row } = await previewOne(unique('Stranger'));
    expect(row.candidates ?? []).toEqual([]);
  });
});

describe('import commit: the answers, checked on the server', () => {
  it('"same person" links the row to them, adds no one, and audits the choice', async () => {
    const { batchId, row, url } = await previewOne('Жанибек Тұрсынбайұлы');
    const before = await db.select({ id: people.id }).from(people).where(eq(people.displayName, 'Жанибек Тұрсынбайұлы'));
    const result = await commitImport(monitor, batchId, { skipInvalid: false, personChoices: new Map([[row.row, { existing: onRecord }]]) });
    expect(result).toEqual({ ok: true, imported: 1, skipped: 0 });
    const imported = await importedPersonOf(url);
    expect(imported!.personId).toBe(onRecord);
    expect(await db.select({ id: people.id }).from(people).where(eq(people.displayName, 'Жанибек Тұрсынбайұлы'))).toEqual(before);
    const events = await db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'person_chosen_from_warning'), eq(auditEvents.targetId, String(onRecord))));
    expect(events).toContainEqual({ details: { context: 'import', detentionId: imported!.detentionId } });
  });

  it('"a new person" adds one and records "different" against each person proposed', async () => {
    const { batchId, row, url } = await previewOne('Tursynbayev Zhanybek');
    const shown = row.candidates!.map((c) => c.id);
    expect(shown).toContain(onRecord);
    const result = await commitImport(monitor, batchId, { skipInvalid: false, personChoices: new Map([[row.row, { different: shown }]]) });
    expect(result).toMatchObject({ ok: true, imported: 1 });
    const created = (await importedPersonOf(url))!.personId;
    expect(created).not.toBe(onRecord);
    const decisions = await db
      .select({ personId: personDecisions.personId, otherPersonId: personDecisions.otherPersonId, verdict: personDecisions.verdict, context: personDecisions.context })
      .from(personDecisions)
      .where(inArray(personDecisions.otherPersonId, [created, ...shown]));
    expect(decisions).toContainEqual({ personId: Math.min(created, onRecord), otherPersonId: Math.max(created, onRecord), verdict: 'different', context: 'import' });
  });

  it('no answer: adds a new person and records nothing', async () => {
    const { batchId, url } = await previewOne('Zhanibek Tursynbayuly');
    expect(await commitImport(monitor, batchId, { skipInvalid: false })).toMatchObject({ ok: true, imported: 1 });
    const created = (await importedPersonOf(url))!.personId;
    expect(created).not.toBe(onRecord);
    expect(await db.select().from(personDecisions).where(eq(personDecisions.otherPersonId, created))).toEqual([]);
    expect(await db.select().from(personDecisions).where(eq(personDecisions.personId, created))).toEqual([]);
  });

  it.each<[string, () => PersonChoice]>([
    ['a deleted person', () => ({ existing: gone })],
    ['a merged person', () => ({ existing: merged })],
    ['a person that does not exist', () => ({ existing: 999_999_999 })],
    ['"different" from a deleted person', () => ({ different: [onRecord, gone] })],
    ['"different" from one that does not exist', () => ({ different: [999_999_999] })],
  ])('refuses %s: the row is named and nothing is imported', async (_, choice) => {
    const { batchId, row, url } = await previewOne(unique('Refused Person'));
    const result = await commitImport(monitor, batchId, { skipInvalid: false, personChoices: new Map([[row.row, choice()]]) });
    expect(result).toMatchObject({ ok: false, reason: 'invalid', rows: [{ row: row.row, errors: [{ column: 'activist' }] }] });
    expect(await importedPersonOf(url)).toBeNull();
    const [batch] = await db.select({ status: importBatches.status }).from(importBatches).where(eq(importBatches.id, batchId));
    expect(batch.status).toBe('pending');
  });
});

import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { citations, detentions, people, revisions, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { getPersonById, searchPeople } from '@/lib/people/queries';
import { getSourceById } from '@/lib/sources/queries';
import { useTestDatabase } from '@/lib/test/database';
import { caseForm, createActor, placeId, unique, validCase } from '@/lib/test/factories';
import { parseCaseFilters } from './filters';
import { createCase, deleteCase, getCaseById, getCaseForEdit, listCases, restoreCase, updateCase } from './queries';
import { caseInput } from './schema';

useTestDatabase();

let monitor: Actor;
let researcher: Actor;
let admin: Actor;

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
  admin = await createActor('admin');
});

async function create(overrides: Record<string, unknown> = {}) {
  const result = await createCase(monitor, await validCase(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

async function revisionsOf(kind: 'detention' | 'person' | 'source', id: number) {
  return db
    .select({ action: revisions.action, version: revisions.version, userId: revisions.userId, changes: revisions.changes })
    .from(revisions)
    .where(and(eq(revisions.recordKind, kind), eq(revisions.recordId, id)))
    .orderBy(revisions.id);
}

describe('createCase', () => {
  it('writes the detention, its new person and sources, citations and revisions together', async () => {
    const name = unique('Aitzhan');
    const id = await create({
      personName: name,
      personNameCyrillic: 'Айтжан',
      sources: [
        { url: 'https://news.example.org/one#top', title: 'One', supports: ['date', 'place'] },
        { url: 'https://news.example.org/two', title: 'Two', locator: 'para 3' },
      ],
    });
    const record = await getCaseById(monitor, id);
    expect(record).toMatchObject({ personName: name, city: 'Aktobe', detainedOn: '2021-01-04', detainedPrecision: 'day', sentenceAmount: 7 });
    expect(record!.sources.map((s) => [s.url, s.locator, s.supports])).toEqual([
      ['https://news.example.org/one', null, ['date', 'place']],
      ['https://news.example.org/two', 'para 3', []],
    ]);
    expect(await revisionsOf('detention', id)).toEqual([expect.objectContaining({ action: 'create', version: 1, userId: monitor.id })]);
    expect(await revisionsOf('person', record!.personId)).toEqual([expect.objectContaining({ action: 'create' })]);
    const person = await getPersonById(monitor, record!.personId);
    expect(person!.names.map((n) => [n.name, n.script])).toEqual([
      [name, 'latin'],
      ['Айтжан', 'cyrillic'],
    ]);
  });

  it('reuses a known source by URL instead of storing it twice', async () => {
    const url = `https://news.example.org/${unique('shared').replace(/\s+/g, '-')}`;
    const first = await create({ sources: [{ url, title: 'Shared report' }] });
    const second = await create({ sources: [{ url, title: '' }] });
    const [{ n }] = await db.select({ n: count() }).from(sources).where(eq(sources.url, url));
    expect(n).toBe(1);
    const source = await getSourceById(monitor, (await getCaseById(monitor, first))!.sources[0].sourceId);
    expect(source!.cases.map((c) => c.id).sort()).toEqual([first, second].sort());
  });

  it('records a repeat detention of a person already on record', async () => {
    const first = await create();
    const personId = (await getCaseById(monitor, first))!.personId;
    await create({ personId: String(personId), personName: '', detainedOn: '2021-01-09', sentencedOn: '' });
    const person = await getPersonById(monitor, personId);
    expect(person!.cases).toHaveLength(2);
    // The activist picker shows how often each person is on record.
    const [match] = await searchPeople(person!.displayName);
    expect(match).toMatchObject({ id: personId, detentionCount: 2 });
  });

  it('refuses an unknown city and leaves nothing half-written', async () => {
    const name = unique('Half Written');
    const url = `https://news.example.org/${unique('half').replace(/\s+/g, '-')}`;
    const result = await createCase(monitor, await validCase({ personName: name, placeId: '999999', sources: [{ url, title: 'T' }] }));
    expect(result).toEqual({ ok: false, errors: { placeId: ['errors.unknownChoice'] } });
    expect(await db.select().from(people).where(eq(people.displayName, name))).toEqual([]);
    expect(await db.select().from(sources).where(eq(sources.url, url))).toEqual([]);
  });

  it('rolls back the new person when a new source has no title', async () => {
    const name = unique('Rolled Back');
    const result = await createCase(monitor, await validCase({ personName: name, sources: [{ url: 'https://news.example.org/untitled-new', title: '' }] }));
    expect(result).toEqual({ ok: false, errors: { 'sources.0.title': ['errors.sourceTitleRequired'] } });
    expect(await db.select().from(people).where(eq(people.displayName, name))).toEqual([]);
  });

  it('keeps dates as calendar dates with their precision', async () => {
    const id = await create({ detainedOn: '2021-01', sentencedOn: '' });
    const [row] = await db
      .select({ on: detentions.detainedOn, precision: detentions.detainedPrecision })
      .from(detentions)
      .where(eq(detentions.id, id));
    expect(row).toEqual({ on: '2021-01-01', precision: 'month' });
  });
});

describe('updateCase', () => {
  it('saves over the current version and records what changed', async () => {
    const id = await create();
    const before = (await getCaseForEdit(monitor, id))!;
    const result = await updateCase(monitor, id, before.version, await validCase({ personId: String(before.personId), personName: '', court: 'Aktobe city court', reason: 'Court named in a later report', sources: [{ url: before.sources[0].url }] }));
    expect(result).toEqual({ ok: true, id });
    const history = await revisionsOf('detention', id);
    expect(history.map((h) => [h.action, h.version])).toEqual([
      ['create', 1],
      ['update', 2],
    ]);
    expect(history[1].changes).toEqual({ court: [null, 'Aktobe city court'] });
  });

  it('refuses to save over a newer version: changed by someone else', async () => {
    const id = await create();
    const stale = (await getCaseForEdit(monitor, id))!;
    const input = await validCase({ personId: String(stale.personId), personName: '', sources: [{ url: stale.sources[0].url }] });
    expect(await updateCase(admin, id, stale.version, { ...input, court: 'First' })).toEqual({ ok: true, id });
    expect(await updateCase(monitor, id, stale.version, { ...input, court: 'Second' })).toEqual({ ok: false, reason: 'conflict' });
    expect((await getCaseById(monitor, id))!.court).toBe('First');
  });

  it('answers not found for an unknown id', async () => {
    expect(await updateCase(monitor, 999_999, 1, await validCase())).toEqual({ ok: false, reason: 'notFound' });
  });
});

describe('what a researcher sees', () => {
  it('never a restricted detention: not in the list, the count, the search, the detail or linked pages', async () => {
    const name = unique('Restricted Zh');
    const url = `https://news.example.org/${unique('r').replace(/\s+/g, '-')}`;
    const id = await create({ personName: name, confidentiality: 'restricted', notes: 'source is a relative', sources: [{ url, title: 'R' }] });
    const filters = parseCaseFilters({ q: name });

    expect((await listCases(monitor, filters)).total).toBe(1);
    expect(await listCases(researcher, filters)).toMatchObject({ total: 0, rows: [] });
    const aktobe = parseCaseFilters({ city: String(await placeId('Aktobe')) });
    const seen = await listCases(researcher, { ...aktobe, page: 1 });
    expect(seen.rows.some((r) => r.id === id)).toBe(false);

    expect(await getCaseById(researcher, id)).toBeNull();
    const personId = (await getCaseById(monitor, id))!.personId;
    expect(await getPersonById(researcher, personId)).toBeNull();
    // Its only source is not found either: its title and URL would tell of the case (ids are sequential).
    expect(await getSourceById(researcher, (await getCaseById(monitor, id))!.sources[0].sourceId)).toBeNull();
  });

  it('counts the same as the records: researcher total = monitor total − restricted', async () => {
    const place = String(await placeId('Kyzylorda'));
    await create({ placeId: place });
    await create({ placeId: place, confidentiality: 'restricted' });
    const filters = parseCaseFilters({ city: place });
    const [all, restricted] = await Promise.all([
      db.select({ n: count() }).from(detentions).where(and(eq(detentions.placeId, Number(place)))),
      db.select({ n: count() }).from(detentions).where(and(eq(detentions.placeId, Number(place)), eq(detentions.confidentiality, 'restricted'))),
    ]);
    expect((await listCases(monitor, filters)).total).toBe(all[0].n);
    expect((await listCases(researcher, filters)).total).toBe(all[0].n - restricted[0].n);
  });

  it('not the internal notes of a shareable detention, nor their history', async () => {
    const id = await create({ notes: 'met at his home' });
    expect((await getCaseById(monitor, id))!.notes).toBe('met at his home');
    const seen = await getCaseById(researcher, id);
    expect(seen!.notes).toBeNull();
    expect(JSON.stringify(seen!.history)).not.toContain('met at his home');
  });
});

describe('search and filters', () => {
  it('finds a person by another spelling or script', async () => {
    const id = await create({ personName: `Berikzhan Toqin ${unique('x')}`, personNameCyrillic: 'Берікжан Тоқин' });
    for (const q of ['Tokin', 'берікжан', 'Berikjan Toqin']) {
      const { rows } = await listCases(monitor, parseCaseFilters({ q }));
      expect(rows.map((r) => r.id), q).toContain(id);
    }
  });

  it('filters by region, date range, plea and sentence kind', async () => {
    const id = await create({ placeId: String(await placeId('Oral')), detainedOn: '2021-01-02', sentencedOn: '2021-01-03', plea: 'guilty', sentenceKind: 'fine', sentenceAmount: '29175', sentenceUnit: 'tenge' });
    const match = parseCaseFilters({ region: 'West Kazakhstan Region', from: '2021-01-01', to: '2021-01-02', plea: 'guilty', sentence: 'fine' });
    expect((await listCases(monitor, match)).rows.map((r) => r.id)).toContain(id);
    const miss = parseCaseFilters({ region: 'West Kazakhstan Region', from: '2021-01-03' });
    expect((await listCases(monitor, miss)).rows.map((r) => r.id)).not.toContain(id);
  });
});

describe('soft delete', () => {
  it('hides a deleted record everywhere until an admin restores it, with history', async () => {
    const id = await create();
    const version = (await getCaseForEdit(monitor, id))!.version;
    expect(await deleteCase(monitor, id, version, 'Duplicate of another record')).toEqual({ ok: true });
    expect(await getCaseById(monitor, id)).toBeNull();
    expect((await listCases(admin, parseCaseFilters({ deleted: '1' }))).rows.map((r) => r.id)).toContain(id);
    expect(await db.select({ n: count() }).from(citations).where(eq(citations.detentionId, id))).toEqual([{ n: 1 }]);

    expect(await restoreCase(admin, id)).toEqual({ ok: true });
    expect(await getCaseById(monitor, id)).not.toBeNull();
    expect((await revisionsOf('detention', id)).map((r) => r.action)).toEqual(['create', 'delete', 'restore']);
  });
});

describe('forged input', () => {
  it('gets field errors from the schema, never an exception', async () => {
    const form = await caseForm({ placeId: { $ne: null }, sources: [{ url: 'javascript:alert(1)' }] });
    const result = caseInput.safeParse(form);
    expect(result.success).toBe(false);
  });
});

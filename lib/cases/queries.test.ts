import { and, count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { citations, detentions, people, revisions, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { deletePerson, getPersonById, restorePerson, searchPeople } from '@/lib/people/queries';
import { deleteSource, getSourceById, restoreSource } from '@/lib/sources/queries';
import { useTestDatabase } from '@/lib/test/database';
import { caseForm, chargeId, createActor, placeId, unique, validCase } from '@/lib/test/factories';
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
    expect(record).toMatchObject({ personName: name, city: 'Aktobe', placePrecision: 'city', detainedOn: '2021-01-04', detainedPrecision: 'day' });
    expect(record!.charges).toEqual([
      expect.objectContaining({
        legalBasis: 'CoAO art. 488',
        basisOrigin: 'inferred',
        outcome: 'convicted',
        penalties: [{ kind: 'administrative_arrest', amount: 7, unit: 'days', asReported: null, replacedBy: null }],
      }),
    ]);
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
    await create({ personId: String(personId), personName: '', detained: { on: '2021-01-09' }, sentenced: {}, charges: [] });
    const person = await getPersonById(monitor, personId);
    expect(person!.cases).toHaveLength(2);
    // The activist picker shows how often each person is on record.
    const [match] = await searchPeople(monitor, person!.displayName);
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

  it('names every unknown reference next to its field, in one refusal', async () => {
    const name = unique('Unknown Refs');
    const result = await createCase(
      monitor,
      await validCase({
        personName: name,
        electionId: '999999',
        charges: [{ chargeId: '999998', basisOrigin: 'inferred', outcome: 'pending' }],
        events: [{ kind: 'hearing_held', date: { on: '2021-01-05' }, placeId: '999997', source: '1' }],
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: { electionId: ['errors.unknownChoice'], 'charges.0.chargeId': ['errors.unknownChoice'], 'events.0.placeId': ['errors.unknownChoice'] },
    });
    const region = await createCase(monitor, await validCase({ personName: name, placeId: '', placePrecision: 'region', region: 'Atlantis Region' }));
    expect(region).toEqual({ ok: false, errors: { region: ['errors.unknownChoice'] } });
    expect(await db.select().from(people).where(eq(people.displayName, name))).toEqual([]);
    // The same references, known: saved.
    const known = await createCase(
      monitor,
      await validCase({
        personName: name,
        placeId: '',
        placePrecision: 'region',
        region: 'Aktobe Region',
        events: [{ kind: 'hearing_held', date: { on: '2021-01-05' }, placeId: String(await placeId('Aktobe')), source: '1' }],
      }),
    );
    expect(known.ok).toBe(true);
  });

  it('rolls back the new person when a new source has no title', async () => {
    const name = unique('Rolled Back');
    const result = await createCase(monitor, await validCase({ personName: name, sources: [{ url: 'https://news.example.org/untitled-new', title: '' }] }));
    expect(result).toEqual({ ok: false, errors: { 'sources.0.title': ['errors.sourceTitleRequired'] } });
    expect(await db.select().from(people).where(eq(people.displayName, name))).toEqual([]);
  });

  it('keeps dates as calendar dates with their precision', async () => {
    const id = await create({ detained: { on: '2021-01' }, sentenced: {}, charges: [] });
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
  it('pages through the list in its order, placed records newest first, then undated ones, with and without a date range', async () => {
    const tag = unique('Pager');
    const undecided = { sentenced: {}, charges: [{ chargeText: 'calling for illegal protests', outcome: 'pending' }] };
    // 52 records placed on a day (pairs on the same day: the id breaks the tie) and 5 known only to the year.
    const ids: number[] = [];
    for (let i = 0; i < 52; i++) {
      const day = String(1 + Math.floor(i / 2)).padStart(2, '0');
      ids.push(await create({ personName: `${tag} ${i}`, detained: { on: `2021-0${1 + (i % 3)}-${day}` }, ...undecided }));
    }
    for (let i = 0; i < 5; i++) ids.push(await create({ personName: `${tag} y${i}`, detained: { on: '2021' }, ...undecided }));
    const stored = await db.select({ id: detentions.id, on: detentions.detainedOn }).from(detentions).where(inArray(detentions.id, ids));
    const inOrder = (rows: typeof stored) =>
      [...rows].sort((a, b) => (a.on === b.on ? b.id - a.id : a.on === null ? 1 : b.on === null ? -1 : b.on.localeCompare(a.on))).map((r) => r.id);
    for (const range of [{}, { from: '2021-01-01', to: '2021-12-31' }, { from: '2021-02-01', to: '2021-03-31' }]) {
      const expected = inOrder(
        stored.filter((r) => (r.on === null ? !('from' in range) || range.from === '2021-01-01' : !('from' in range) || (r.on >= range.from! && r.on <= range.to!))),
      );
      const seen: number[] = [];
      for (let page = 1; page <= 3; page++) {
        const list = await listCases(monitor, parseCaseFilters({ q: tag, ...range, page: String(page) }));
        seen.push(...list.rows.map((r) => r.id));
        expect(list.total, JSON.stringify(range)).toBe(expected.length);
      }
      expect(seen, JSON.stringify(range)).toEqual(expected);
    }
    const uncertain = await listCases(monitor, parseCaseFilters({ q: tag, dated: 'uncertain' }));
    expect(uncertain.rows.map((r) => r.id)).toEqual(inOrder(stored.filter((r) => r.on === null)));
  });

  it('finds a person by another spelling or script', async () => {
    const id = await create({ personName: `Berikzhan Toqin ${unique('x')}`, personNameCyrillic: 'Берікжан Тоқин' });
    for (const q of ['Tokin', 'берікжан', 'Berikjan Toqin']) {
      const { rows } = await listCases(monitor, parseCaseFilters({ q }));
      expect(rows.map((r) => r.id), q).toContain(id);
    }
  });

  it('filters by region, date range and plea', async () => {
    const id = await create({ placeId: String(await placeId('Oral')), detained: { on: '2021-01-02' }, sentenced: { on: '2021-01-03' }, plea: 'guilty' });
    const match = parseCaseFilters({ region: 'West Kazakhstan Region', from: '2021-01-01', to: '2021-01-02', plea: 'guilty' });
    expect((await listCases(monitor, match)).rows.map((r) => r.id)).toContain(id);
    const miss = parseCaseFilters({ region: 'West Kazakhstan Region', from: '2021-01-03' });
    expect((await listCases(monitor, miss)).rows.map((r) => r.id)).not.toContain(id);
  });

  /** Ids of this test's records that the filters find (other tests write to the same database). */
  async function found(params: Record<string, string>, ids: number[]) {
    const { rows } = await listCases(monitor, parseCaseFilters({ q: tag, ...params }));
    return ids.filter((id) => rows.some((r) => r.id === id));
  }
  let tag: string;

  it('filters by charge outcome and penalty kind, any charge of the detention', async () => {
    tag = unique('Outcome');
    const [coao488, coao489] = [await chargeId('coao-488'), await chargeId('coao-489')];
    const twoCharges = await create({
      personName: tag,
      charges: [
        { chargeId: String(coao488), part: '3', basisOrigin: 'stated', outcome: 'convicted', penalties: [{ kind: 'fine', amount: '30', unit: 'MCI' }] },
        { chargeId: String(coao489), part: '1', basisOrigin: 'inferred', outcome: 'dropped' },
      ],
    });
    const pending = await create({ personName: `${tag} b`, charges: [{ chargeText: 'hooliganism', outcome: 'pending' }] });
    const ids = [twoCharges, pending];
    expect(await found({ outcome: 'dropped' }, ids)).toEqual([twoCharges]);
    expect(await found({ outcome: 'pending' }, ids)).toEqual([pending]);
    expect(await found({ penalty: 'fine' }, ids)).toEqual([twoCharges]);
    expect(await found({ penalty: 'administrative_arrest' }, ids)).toEqual([]);
    expect(await found({ charge: String(coao489) }, ids)).toEqual([twoCharges]);
    const record = (await getCaseById(monitor, twoCharges))!;
    expect(record.charges.map((c) => [c.legalBasis, c.part, c.basisOrigin, c.outcome])).toEqual([
      ['CoAO art. 488', '3', 'stated', 'convicted'],
      ['CoAO art. 489', '1', 'inferred', 'dropped'],
    ]);
  });

  it('finds a detention whose place is not stated, and never counts it under a city', async () => {
    tag = unique('Nowhere');
    const regionOnly = await create({ personName: tag, placePrecision: 'region', placeId: '', region: 'Almaty Region' });
    const notStated = await create({ personName: `${tag} b`, placePrecision: 'not_stated', placeId: '' });
    const inCity = await create({ personName: `${tag} c` });
    const ids = [regionOnly, notStated, inCity];
    expect(await found({ place: 'not_stated' }, ids)).toEqual([regionOnly, notStated]);
    expect(await found({ region: 'Almaty Region' }, ids)).toEqual([regionOnly]);
    expect(await found({ city: String(await placeId('Aktobe')) }, ids)).toEqual([inCity]);
    expect((await getCaseById(monitor, regionOnly))!).toMatchObject({ city: null, region: 'Almaty Region', placePrecision: 'region' });
  });

  it('places dates by their interval: a period finds the day, the month within it and the year within it; "date uncertain" finds the rest', async () => {
    tag = unique('Dated');
    const day = await create({ personName: tag, detained: { on: '2021-01-06' }, sentenced: {}, charges: [] });
    const onOrBefore = await create({ personName: `${tag} b`, detained: { on: '2021-01-06', qualifier: 'on_or_before' }, sentenced: {}, charges: [] });
    const year = await create({ personName: `${tag} c`, detained: { on: '2021' }, sentenced: {}, charges: [] });
    const month = await create({ personName: `${tag} d`, detained: { on: '2021-01' }, sentenced: {}, charges: [] });
    const ids = [day, onOrBefore, year, month];
    expect(await found({ from: '2021-01-01', to: '2021-01-31' }, ids)).toEqual([day, month]);
    expect(await found({ from: '2021-01-01', to: '2021-12-31' }, ids)).toEqual([day, year, month]);
    expect(await found({ dated: 'uncertain' }, ids)).toEqual([onOrBefore, year]);
  });

  it('filters by custody today: held, whereabouts unknown > 24 h, hearing in the next 7 days, released', async () => {
    tag = unique('Custody');
    const today = new Date().toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const base = { detained: { on: '2024-05-01' }, sentenced: {}, charges: [] };
    const held = await create({
      personName: tag,
      ...base,
      events: [{ kind: 'detained', date: { on: '2024-05-01' } }, { kind: 'hearing_scheduled', date: { on: soon } }],
    });
    // A detention with no news since is not "held now": nothing says the person is still in custody.
    const noNews = await create({ personName: `${tag} d`, ...base, events: [] });
    const missing = await create({ personName: `${tag} b`, ...base, events: [{ kind: 'whereabouts_unknown', date: { on: '2024-05-02' } }] });
    const released = await create({ personName: `${tag} c`, ...base, events: [{ kind: 'released', date: { on: '2024-05-16' } }] });
    const ids = [held, missing, released, noNews];
    expect(await found({ custody: 'held' }, ids)).toEqual([held, missing]);
    expect(await found({ custody: 'missing' }, ids)).toEqual([missing]);
    expect(await found({ custody: 'hearing_soon' }, ids)).toEqual([held]);
    expect(await found({ custody: 'released' }, ids)).toEqual([released]);
    expect((await getCaseById(monitor, released))!).toMatchObject({ custodyStatus: 'released', custodyDays: 15, releasedOn: '2024-05-16' });
    expect((await getCaseById(monitor, held))!.nextHearingOn).toBe(soon);
    expect(soon > today).toBe(true);
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

  // Integrity regression (session 25): a record deleted, then its person (or its only source)
  // deleted too, came back live on restore, tied to a person no page could show and that a save
  // of the record refused.
  it('restores a record only once its person and the sources it cites are on record again', async () => {
    const id = await create();
    const { personId, version } = (await getCaseForEdit(monitor, id))!;
    const [{ sourceId }] = await db.select({ sourceId: citations.sourceId }).from(citations).where(eq(citations.detentionId, id));
    expect(await deleteCase(monitor, id, version, null)).toEqual({ ok: true });
    expect(await deletePerson(admin, personId!, (await getPersonById(admin, personId!))!.version, null)).toEqual({ ok: true });
    expect(await deleteSource(admin, sourceId, (await getSourceById(admin, sourceId))!.version, null)).toEqual({ ok: true });

    expect(await restoreCase(admin, id)).toEqual({ ok: false, reason: 'personDeleted' });
    expect(await restorePerson(admin, personId!)).toEqual({ ok: true });
    expect(await restoreCase(admin, id)).toEqual({ ok: false, reason: 'sourceDeleted' });
    expect(await getCaseById(researcher, id)).toBeNull();
    expect(await restoreSource(admin, sourceId)).toEqual({ ok: true });
    expect(await restoreCase(admin, id)).toEqual({ ok: true });
    expect(await getCaseById(researcher, id)).not.toBeNull();
  });
});

describe('forged input', () => {
  it('gets field errors from the schema, never an exception', async () => {
    const form = await caseForm({ placeId: { $ne: null }, charges: [{ penalties: [{ unit: { $gt: '' } }] }], sources: [{ url: 'javascript:alert(1)' }] });
    const result = caseInput.safeParse(form);
    expect(result.success).toBe(false);
  });
});

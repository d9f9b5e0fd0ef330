import { and, count, eq, gt, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { detentionCharges, detentions, importBatches, penalties, people, revisions, sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase, getCaseById } from '@/lib/cases/queries';
import { startExport } from '@/lib/exports/stream';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, placeId, unique, validCase } from '@/lib/test/factories';
import { rowsOf } from '@/db';
import { commitImport, previewImport } from './queries';

useTestDatabase();

let monitor: Actor;
let otherMonitor: Actor;
const ORIGIN = 'https://cases.example.org';
const slug = (s: string) => s.replace(/\s+/g, '-');

beforeAll(async () => {
  monitor = await createActor('monitor');
  otherMonitor = await createActor('monitor');
});

async function create(overrides: Record<string, unknown>) {
  const result = await createCase(monitor, await validCase(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

async function exported(format: 'csv' | 'json', query: Record<string, string>, includeNotes = true) {
  const file = await startExport(monitor, parseCaseFilters(query), format, { origin: ORIGIN, includeNotes });
  return new Response(file.body).text();
}

async function preview(csv: string, actor = monitor) {
  const result = await previewImport(actor, 'cases.csv', csv);
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}

const HEADER = 'activist,activist_cyrillic,city,region,detained_earliest,detained_latest,charge_1_legal_basis,charge_1_basis_origin,charge_1_text,charge_1_outcome,charge_1_penalty_1_kind,charge_1_penalty_1_amount,charge_1_penalty_1_unit,plea,source_1_url,source_1_title\r\n';

/** What a record is, apart from its id, version and history: every fact, charge, penalty, event and citation. */
async function stored(id: number) {
  const { id: _id, version: _version, history: _history, ...facts } = (await getCaseById(monitor, id))!;
  return facts;
}

describe('export then import', () => {
  it('gives back identical records: place, intervals, charges with penalties, events, sources and notes', async () => {
    const tag = unique('Roundtrip');
    const url = (s: string) => `https://news.example.org/${slug(tag)}/${s}`;
    const rich = await create({
      personName: `${tag} Ghadilbek`,
      personNameCyrillic: `Ғаділбек ${tag}`,
      personRole: 'election_observer',
      placePrecision: 'region',
      placeId: '',
      region: 'Almaty Region',
      placeDetail: 'Clinic, "Medical" entrance\nsecond line',
      detained: { on: '2019-03-18', qualifier: 'on_or_before', asReported: 'became known on the evening of Monday 18 March' },
      sentenced: { on: '2019-03-20', to: '2019-03-22', qualifier: 'between', asReported: 'later that week' },
      charges: [
        {
          chargeId: String(await chargeId('coao-488')),
          part: '3',
          basisOrigin: 'stated',
          chargeText: '=calling for protests',
          outcome: 'convicted',
          outcomeDate: { on: '2019-03', qualifier: 'approximately' },
          penalties: [
            { kind: 'fine', amount: '135.50', unit: 'USD', asReported: 'about $135', replacedBy: '2' },
            { kind: 'fine', amount: '30', unit: 'MCI' },
            { kind: 'activity_ban', amount: '3', unit: 'years', asReported: 'banned for three years' },
          ],
        },
        { chargeId: String(await chargeId('coao-489')), part: '2', basisOrigin: 'inferred', chargeText: 'taking part in an unregistered group', outcome: 'acquitted' },
        { chargeText: 'disobeying the police', outcome: 'pending' },
      ],
      events: [
        { kind: 'detained', date: { on: '2019-03-18', qualifier: 'on_or_before' }, note: 'taken from home' },
        { kind: 'whereabouts_unknown', date: { on: '2019-03-18', qualifier: 'on_or_after' } },
        { kind: 'location_confirmed', date: { on: '2019-03-19' }, placeId: String(await placeId('Almaty')), placeDetail: 'Detention centre no 1', source: '2' },
        { kind: 'hearing_held', date: { on: '2019-03-20', to: '2019-03-22', qualifier: 'between' }, source: '1' },
        { kind: 'released', date: { on: '2019-04-02' }, note: 'Released, "at last"' },
      ],
      court: 'Court in Nur-Sultan',
      plea: 'no_plea',
      publicNotes: 'Public: family informed',
      notes: 'Internal: spoke to his lawyer',
      confidentiality: 'restricted',
      reviewStatus: 'verified',
      sources: [
        { url: url('a'), title: 'A, the report', publisher: 'RFE/RL', publishedOn: '2021-01', language: 'en', locator: 'para 2', supports: ['person', 'date'] },
        { url: url('b'), title: 'B' },
      ],
    });
    const bare = await create({
      personName: `${tag} Berikzhan`,
      placePrecision: 'not_stated',
      placeId: '',
      detained: {},
      sentenced: {},
      charges: [],
      plea: 'unknown',
    });
    const inCity = await create({
      personName: `${tag} Aitzhan`,
      placePrecision: 'address',
      placeId: String(await placeId('Astana')),
      placeDetail: '-12 Abai Avenue',
      detained: { on: '2021' },
      sentenced: { on: '2021-01', qualifier: 'approximately' },
    });
    const originals = [rich, bare, inCity];

    const before = JSON.parse(await exported('json', { q: tag })).detentions;
    expect(before).toHaveLength(3);
    const csv = await exported('csv', { q: tag });

    const checked = await preview(csv);
    expect(checked.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(checked.rows.map((r) => [r.person, r.place, r.detained])).toEqual([
      ['existing', 'Almaty Region', '≤ 2019-03-18'],
      ['existing', 'not_stated', ''],
      ['existing', 'Astana', '2021'],
    ]);
    expect(await commitImport(monitor, checked.batchId, { skipInvalid: false })).toEqual({ ok: true, imported: 3, skipped: 0 });

    const after = JSON.parse(await exported('json', { q: tag })).detentions;
    expect(after).toHaveLength(6);
    const copies = after.slice(3).map((d: { id: number }) => d.id);
    // Every field of every re-imported detention, charge, penalty, event and citation is the original's.
    for (const [i, id] of copies.entries()) expect(await stored(id), `row ${i + 2}`).toEqual(await stored(originals[i]));
    const richCopy = await stored(copies[0]);
    expect(richCopy.charges.map((c) => [c.legalBasis, c.part, c.basisOrigin, c.outcome, c.penalties.length])).toEqual([
      ['CoAO art. 488', '3', 'stated', 'convicted', 3],
      ['CoAO art. 489', '2', 'inferred', 'acquitted', 0],
      [null, null, null, 'pending', 0],
    ]);
    expect(richCopy.charges[0].penalties[0]).toEqual({ kind: 'fine', amount: 135.5, unit: 'USD', asReported: 'about $135', replacedBy: 2 });
    expect(richCopy.events.map((e) => e.kind)).toEqual(['detained', 'whereabouts_unknown', 'location_confirmed', 'hearing_held', 'released']);
    expect(richCopy).toMatchObject({ placeId: null, region: 'Almaty Region', placePrecision: 'region', custodyStatus: 'released', releasedOn: '2019-04-02', notes: 'Internal: spoke to his lawyer' });
    // And the files say the same, but for ids and links.
    const strip = ({ id: _id, link: _link, ...rest }: Record<string, unknown>) => rest;
    expect(after.slice(3).map(strip)).toEqual(before.map(strip));
    // The same people and sources, matched rather than duplicated.
    expect(new Set(after.map((d: { activist: string }) => d.activist)).size).toBe(3);
    const [{ n }] = await db.select({ n: count() }).from(sources).where(like(sources.url, `https://news.example.org/${slug(tag)}/%`));
    expect(n).toBe(2);
    // The import's revision records the charges and events, as a save through the form does.
    const [revision] = await db
      .select({ changes: revisions.changes })
      .from(revisions)
      .where(and(eq(revisions.recordKind, 'detention'), eq(revisions.recordId, copies[0])));
    expect(revision.changes).toMatchObject({ charges: [{ part: '3' }, { part: '2' }, { part: null }], events: [{ kind: 'detained' }, {}, {}, {}, { kind: 'released' }] });
  });
});

describe('the previous template', () => {
  it('is refused as a whole, naming its columns', async () => {
    const old = 'activist,city,detained_on,legal_basis,sentence_kind,source_1_url,source_1_title\r\nA,Aktobe,2021-01-04,CoAO art. 488,fine,https://news.example.org/old,T\r\n';
    expect(await previewImport(monitor, 'old.csv', old)).toEqual({
      ok: false,
      error: 'imports.errors.previousTemplate',
      columns: ['detained_on', 'legal_basis', 'sentence_kind'],
    });
  });
});

describe('preview', () => {
  it('names every bad row by number and column, and writes nothing', async () => {
    const tag = unique('Preview');
    const url = `https://news.example.org/${slug(tag)}`;
    const csv =
      HEADER +
      `${tag} Good,,Aktobe,,2021-01-04,,CoAO art. 488,stated,,convicted,administrative_arrest,7,days,not_guilty,${url}/1,One\r\n` +
      `${tag} Bad Date,,Aktobe,,2021-13-01,,,,x,,,,,,${url}/2,Two\r\n` +
      `${tag} Bad City,,Atlantis,,2021-01-04,,,,x,,,,,,${url}/3,Three\r\n` +
      `${tag} No Title,,Aktobe,,2021-01-04,,CoAO art. 999,,x,,,,,,${url}/4,\r\n` +
      `${tag} Bad Unit,,Aktobe,,2021-01-04,,,,x,convicted,fine,5,days,,${url}/5,Five\r\n` +
      `${tag} Bad Url,,Aktobe,,,,,,,,,,,,not a url,\r\n` +
      `${tag} Reversed,,,Almaty Region,2021-01-06,2021-01-04,CoAO art. 488,,,,,,,,${url}/7,Seven\r\n` +
      `${tag} Bad Region,,,Atlantis Region,,,,,,,,,,,${url}/8,Eight\r\n`;
    const checked = await preview(csv);
    expect(checked.validCount).toBe(1);
    expect(checked.rows.map((r) => [r.row, r.errors])).toEqual([
      [2, []],
      [3, [{ column: 'detained_earliest', message: 'lists.dates.noSuchMonth', params: { month: 13 } }]],
      [4, [{ column: 'city', message: 'imports.errors.unknownCity' }]],
      [5, [{ column: 'charge_1_legal_basis', message: 'imports.errors.unknownCharge' }, { column: 'source_1_title', message: 'errors.sourceTitleRequired' }]],
      [6, [{ column: 'charge_1_penalty_1_unit', message: 'errors.unitMismatch' }]],
      [7, [{ column: 'source_1_url', message: 'errors.url' }]],
      [8, [{ column: 'detained_latest', message: 'errors.intervalReversed' }, { column: 'charge_1_basis_origin', message: 'errors.basisOriginRequired' }]],
      [9, [{ column: 'region', message: 'imports.errors.unknownRegion' }]],
    ]);
    expect(await db.select().from(people).where(like(people.displayName, `${tag}%`))).toEqual([]);

    // Confirming a file with errors imports nothing…
    const refused = await commitImport(monitor, checked.batchId, { skipInvalid: false });
    expect(refused).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await db.select().from(people).where(like(people.displayName, `${tag}%`))).toEqual([]);
    // …unless the monitor chooses to import only the valid rows.
    expect(await commitImport(monitor, checked.batchId, { skipInvalid: true })).toEqual({ ok: true, imported: 1, skipped: 7 });
    expect((await db.select().from(people).where(like(people.displayName, `${tag}%`))).map((p) => p.displayName)).toEqual([`${tag} Good`]);
  });

  it('refuses a file without the required columns', async () => {
    expect(await previewImport(monitor, 'x.csv', 'name,town\r\nA,B\r\n')).toEqual({
      ok: false,
      error: 'imports.errors.missingColumns',
      columns: ['activist', 'city', 'source_1_url'],
    });
  });
});

describe('matching what is already on record', () => {
  it('finds cities by any name, people by folded name and sources by URL', async () => {
    const tag = unique('Match').replace(/\d/g, 'k');
    const known = await create({ personName: `Aitzhan Temirghaziev ${tag}` });
    const knownRecord = (await getCaseById(monitor, known))!;
    const sourceUrl = knownRecord.sources[0].url;
    const csv =
      'activist,city,source_1_url,source_1_title\r\n' +
      `Aitzhan Temirgaziev ${tag},Nur-Sultan,${sourceUrl},\r\n` +
      `New Person ${tag},Нұр-Сұлтан,${sourceUrl},\r\n` +
      `New Person ${tag},astana,https://news.example.org/${slug(tag)}/new,New source\r\n` +
      `New Person ${tag},Atlantis,https://news.example.org/${slug(tag)}/new,\r\n`;
    const checked = await preview(csv);
    expect(checked.rows.map((r) => [r.person, r.errors])).toEqual([
      ['existing', []],
      ['new', []],
      ['new', []],
      ['new', [{ column: 'city', message: 'imports.errors.unknownCity' }]],
    ]);
    const result = await commitImport(monitor, checked.batchId, { skipInvalid: true });
    expect(result).toEqual({ ok: true, imported: 3, skipped: 1 });

    const imported = await db
      .select({ id: detentions.id, personId: detentions.personId, placeId: detentions.placeId })
      .from(detentions)
      .innerJoin(people, eq(people.id, detentions.personId))
      .where(and(gt(detentions.id, known), like(people.displayName, `%${tag}`)))
      .orderBy(detentions.id);
    expect(imported).toHaveLength(3);
    expect(imported[0].personId).toBe(knownRecord.personId);
    // The same new person named on two rows is one person.
    expect(imported[1].personId).toBe(imported[2].personId);
    expect(new Set(imported.map((d) => d.placeId))).toEqual(new Set([await placeId('Astana')]));
    const [{ n }] = await db.select({ n: count() }).from(sources).where(eq(sources.url, sourceUrl));
    expect(n).toBe(1);
    const [{ people: newPeople }] = await db.select({ people: count() }).from(people).where(eq(people.displayName, `New Person ${tag}`));
    expect(newPeople).toBe(1);
  });
});

describe('commit', () => {
  it('writes each record with its revision naming the import, once only, and only for its uploader', async () => {
    const tag = unique('Commit');
    const checked = await preview(`activist,city,source_1_url,source_1_title\r\n${tag},Aktobe,https://news.example.org/${slug(tag)},T\r\n`);
    expect(await commitImport(otherMonitor, checked.batchId, { skipInvalid: false })).toEqual({ ok: false, reason: 'notFound' });
    expect(await commitImport(monitor, checked.batchId, { skipInvalid: false })).toEqual({ ok: true, imported: 1, skipped: 0 });
    expect(await commitImport(monitor, checked.batchId, { skipInvalid: false })).toEqual({ ok: false, reason: 'notFound' });

    const [person] = await db.select({ id: people.id }).from(people).where(eq(people.displayName, tag));
    const [detention] = await db.select({ id: detentions.id }).from(detentions).where(eq(detentions.personId, person.id));
    const [revision] = await db
      .select({ action: revisions.action, reason: revisions.reason, userId: revisions.userId })
      .from(revisions)
      .where(and(eq(revisions.recordKind, 'detention'), eq(revisions.recordId, detention.id)));
    expect(revision).toEqual({ action: 'create', userId: monitor.id, reason: `Bulk import ${checked.batchId.slice(0, 8)} of "cases.csv", row 2` });
    const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, checked.batchId));
    expect(batch).toMatchObject({ status: 'imported', importedCount: 1, csv: null });
  });

  it('checks the file again at commit time, so a city or source changed since the preview is caught', async () => {
    const tag = unique('Stale');
    const url = `https://news.example.org/${slug(tag)}`;
    const checked = await preview(`activist,city,source_1_url,source_1_title\r\n${tag},Aktobe,${url},T\r\n${tag} Two,Aktobe,${url},\r\n`);
    expect(checked.errorCount).toBe(0);
    // Someone records the source meanwhile and it is then deleted: the second row can no longer cite it.
    const id = await create({ sources: [{ url, title: 'T' }] });
    const sourceId = (await getCaseById(monitor, id))!.sources[0].sourceId;
    await db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, sourceId));
    const result = await commitImport(monitor, checked.batchId, { skipInvalid: false });
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await db.select().from(people).where(eq(people.displayName, tag))).toEqual([]);
  });
});

describe('cells the database cannot take', () => {
  it('names a NUL byte or another control character in a cell by row and column, and imports the other rows', async () => {
    const tag = unique('Nul');
    const url = `https://news.example.org/${slug(tag)}`;
    const csv =
      'activist,city,court,source_1_url,source_1_title\r\n' +
      `${tag} A\u0000,Aktobe,,${url}/1,T\r\n` +
      `${tag} B,Aktobe,Court\u0000 no 2,${url}/2,T\r\n` +
      `${tag} C,Akto\u0007be,,${url}/3,T\r\n` +
      `${tag} D,Aktobe,,${url}/4,T\u0001\r\n` +
      `${tag} E,Aktobe,,${url}/5,T\r\n`;
    const checked = await preview(csv);
    expect(checked.rows.map((r) => [r.row, r.errors[0]])).toEqual([
      [2, { column: 'activist', message: 'errors.controlCharacters' }],
      [3, { column: 'court', message: 'errors.controlCharacters' }],
      [4, { column: 'city', message: 'errors.controlCharacters' }],
      [5, { column: 'source_1_title', message: 'errors.controlCharacters' }],
      [6, undefined],
    ]);
    expect(await commitImport(monitor, checked.batchId, { skipInvalid: true })).toEqual({ ok: true, imported: 1, skipped: 4 });
  });
});

describe('long sentences', () => {
  it('imports arrests beyond a smallint, with the rollup consistent', async () => {
    const tag = unique('Long');
    const url = `https://news.example.org/${slug(tag)}`;
    // A town no other test uses, so the rollup check below sees only these records.
    const csv =
      'activist,city,detained_earliest,sentenced_earliest,charge_1_text,charge_1_outcome,charge_1_penalty_1_kind,charge_1_penalty_1_amount,charge_1_penalty_1_unit,source_1_url,source_1_title\r\n' +
      `${tag} A,Kokshetau,2021-01-04,2021-01-05,x,convicted,administrative_arrest,40000,days,${url}/1,T\r\n` +
      `${tag} B,Kokshetau,2021-01-04,2021-01-05,x,convicted,administrative_arrest,2000000,days,${url}/2,T\r\n`;
    const checked = await preview(csv);
    expect(checked.errorCount).toBe(0);
    expect(await commitImport(monitor, checked.batchId, { skipInvalid: false })).toEqual({ ok: true, imported: 2, skipped: 0 });
    const town = await placeId('Kokshetau');
    const amounts = await db
      .select({ amount: penalties.amount })
      .from(penalties)
      .innerJoin(detentionCharges, eq(detentionCharges.id, penalties.detentionChargeId))
      .innerJoin(detentions, eq(detentions.id, detentionCharges.detentionId))
      .where(eq(detentions.placeId, town))
      .orderBy(penalties.amount);
    expect(amounts.map((d) => d.amount)).toEqual([40000, 2000000]);
    const [rollup] = rowsOf<{ n: number; days: string }>(
      await db.execute(sql`SELECT sum(detentions)::int AS n, sum(arrest_days_total)::text AS days FROM detention_stats WHERE place_id = ${town}`),
    );
    expect(rollup).toEqual({ n: 2, days: String(40000 + 2000000) });
  });
});

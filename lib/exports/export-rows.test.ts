/**
 * The stored export cells (export-rows.ts, migration 0023's triggers): after any change of a value
 * an exported row shows, the next export equals the export computed from the records. Each change
 * below is made after an export has stored every row's cells; a trigger missing for it leaves the
 * old value in the file and fails its case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase } from '@/lib/cases/queries';
import { env } from '@/lib/env';
import { insertTestCapture } from '@/lib/test/capture-rows';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, unique, validCase } from '@/lib/test/factories';
import { csvRowChunks, CSV_CELLS, CSV_FORMAT } from './csv-sql';
import { fillExportRows, freshRowCount } from './export-rows';
import { jsonRecordBatches, JSON_CELLS, JSON_FORMAT } from './json-sql';
import { warmExportRows } from './warm';
import { rebuildStats } from '@/lib/dashboard/stats';
import { exportCounts } from './queries';

useTestDatabase();

const ORIGIN = 'https://cases.example.org';
const TODAY = '2021-01-09';
const tag = unique('Stored cells').replace(/\s+/g, ' ');
const filters = parseCaseFilters({ q: tag });
let monitor: Actor;
let ids: number[] = [];
let placeIdOf = 0;
let vocabularyId = 0;
let sourceUrl = '';

const run = (text: string) => db.execute(sql.raw(text));
const one = async <T>(text: string) => rowsOf<T>(await run(text))[0];

/** The CSV (with notes) and the JSON of the test's records, from the stored cells or computed from the records. */
async function files(useStored: boolean) {
  const shape = { includeNotes: true, ...(await exportCounts(monitor, filters)) };
  let csv = '';
  for await (const chunk of csvRowChunks(monitor, filters, shape, { origin: ORIGIN, today: TODAY, batchSize: 2, onRows: () => undefined, useStored })) csv += chunk;
  const json: Buffer[] = [];
  for await (const batch of jsonRecordBatches(monitor, filters, true, { origin: ORIGIN, today: TODAY, batchSize: 2, useStored })) json.push(...batch);
  return { csv, json: json.map((record) => JSON.parse(record.toString())) };
}

/** The stored export equals the computed one, and every row of the test's records is stored again. */
async function expectStoredEqualsComputed(what: string) {
  const stored = await files(true);
  const computed = await files(false);
  expect(stored.csv, what).toBe(computed.csv);
  expect(JSON.stringify(stored.json), what).toBe(JSON.stringify(computed.json));
  const [{ fresh }] = rowsOf<{ fresh: number }>(
    await db.execute(sql`SELECT count(*)::int AS fresh FROM export_csv_rows c JOIN export_json_rows j USING (detention_id) JOIN detentions d ON d.id = detention_id
      WHERE d.id = ANY(${`{${ids.join(',')}}`}::int[]) AND d.deleted_at IS NULL AND c.head IS NOT NULL AND j.head IS NOT NULL`),
  );
  const [{ exported }] = rowsOf<{ exported: number }>(
    await db.execute(sql`SELECT count(*)::int AS exported FROM detentions WHERE id = ANY(${`{${ids.join(',')}}`}::int[]) AND deleted_at IS NULL`),
  );
  expect(fresh, `${what}: stored again`).toBe(exported);
  return stored;
}

beforeAll(async () => {
  monitor = await createActor('monitor');
  // A real region: other test files sharing this database check every place's region.
  const place = await one<{ id: number }>(
    `INSERT INTO places (name, region, kind, latitude, longitude, name_kk, name_ru)
     SELECT '${tag} town', region, 'city', 43, 77, 'Қала', 'Город' FROM places ORDER BY id LIMIT 1 RETURNING id`,
  );
  placeIdOf = place.id;
  const entry = await one<{ id: number }>(
    `INSERT INTO charges (slug, name, code, article, legal_basis) VALUES ('${tag.replace(/\W+/g, '-').toLowerCase()}', 'Test charge', 'administrative', '${Date.now() % 100000}', 'CoAO art. test') RETURNING id`,
  );
  vocabularyId = entry.id;
  sourceUrl = `https://news.example.org/${unique('stored').replace(/\s+/g, '-')}`;
  const charge = {
    chargeId: String(vocabularyId),
    basisOrigin: 'stated',
    chargeText: 'calling for illegal protests',
    outcome: 'convicted',
    outcomeDate: { on: '2021-01-06' },
    penalties: [{ kind: 'fine', amount: '30', unit: 'MCI', asReported: 'a fine' }],
  };
  for (const n of [1, 2, 3]) {
    const result = await createCase(
      monitor,
      await validCase({
        personName: `${tag} person ${n}`,
        personNameCyrillic: 'Тестов Тест',
        placeId: String(placeIdOf),
        notes: `internal ${n}`,
        court: 'Court',
        charges: n === 3 ? [] : [charge, { chargeId: String(await chargeId('coao-488')), basisOrigin: 'inferred', outcome: 'pending', penalties: [] }],
        events: [{ kind: 'detained', date: { on: '2021-01-04' }, placeId: String(placeIdOf), note: 'taken away', source: '1' }],
        sources: [{ url: sourceUrl, title: 'A report', publisher: 'Wire', publishedOn: '2021-01', locator: 'para 2' }],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    ids.push(result.id);
  }
  ids = ids.sort((a, b) => a - b);
  // The form sets no election for these days: tie the records to one, so its name is exported.
  await run(`UPDATE detentions SET election_id = (SELECT min(id) FROM elections) WHERE id IN (${ids.join(',')})`);
});

// The changes below are made in SQL, past the rollups' upkeep (lib/dashboard/stats.ts): count them
// again, so the test files that share this database on a server find rollups equal to the records.
afterAll(async () => {
  await rebuildStats(db);
});

describe('stored export cells', () => {
  it('are stored by the first export and equal the cells computed from the records', async () => {
    const before = await freshRowCount(CSV_CELLS);
    const first = await expectStoredEqualsComputed('first export');
    expect(first.csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(await freshRowCount(CSV_CELLS)).toBeGreaterThanOrEqual(before + 3);
    expect(await freshRowCount(JSON_CELLS)).toBeGreaterThanOrEqual(3);
  });

  // Each change of a value the rows show, made straight in SQL as any code path (a form, an import,
  // a merge, the seed, a capture) could make it.
  const changes: [string, () => string][] = [
    ['a detention field', () => `UPDATE detentions SET court = 'Another court' WHERE id = ${ids[0]}`],
    ["the person's display name", () => `UPDATE people SET display_name = display_name || ' renamed' WHERE id = (SELECT person_id FROM detentions WHERE id = ${ids[0]})`],
    ["the person's affiliation", () => `UPDATE people SET affiliation = 'A party' WHERE id = (SELECT person_id FROM detentions WHERE id = ${ids[1]})`],
    ['a Cyrillic name', () => `UPDATE person_names SET name = 'Другов Друг' WHERE script = 'cyrillic' AND person_id = (SELECT person_id FROM detentions WHERE id = ${ids[1]})`],
    ['the city', () => `UPDATE places SET name = name || ' renamed', region = (SELECT max(region) FROM places) WHERE id = ${placeIdOf}`],
    ['the election', () => `UPDATE elections SET name = name || ' (renamed)' WHERE id = (SELECT election_id FROM detentions WHERE id = ${ids[0]})`],
    ['the election, back', () => `UPDATE elections SET name = replace(name, ' (renamed)', '') WHERE id = (SELECT election_id FROM detentions WHERE id = ${ids[0]})`],
    ['the charge vocabulary', () => `UPDATE charges SET name = 'Renamed charge', legal_basis = 'CoAO art. renamed' WHERE id = ${vocabularyId}`],
    ["a charge's outcome", () => `UPDATE detention_charges SET outcome = 'acquitted' WHERE detention_id = ${ids[1]} AND position = 0`],
    ['a penalty', () => `UPDATE penalties SET amount = 45, as_reported = 'a bigger fine' WHERE detention_charge_id IN (SELECT id FROM detention_charges WHERE detention_id = ${ids[0]})`],
    ['a penalty added', () => `INSERT INTO penalties (detention_charge_id, position, kind, amount, unit) SELECT id, 5, 'administrative_arrest', 10, 'days' FROM detention_charges WHERE detention_id = ${ids[1]} AND position = 1`],
    ['a charge deleted', () => `DELETE FROM detention_charges WHERE detention_id = ${ids[0]} AND position = 1`],
    ['an event', () => `UPDATE custody_events SET note = 'moved to a colony' WHERE detention_id = ${ids[2]}`],
    ['the source', () => `UPDATE sources SET title = 'A corrected title', publisher = 'Other wire' WHERE url = '${sourceUrl}'`],
    ['a citation', () => `UPDATE citations SET locator = 'para 9' WHERE detention_id = ${ids[1]}`],
    ['a citation deleted', () => `DELETE FROM citations WHERE detention_id = ${ids[2]}`],
    // A row moved to another record (no form does it; a hand-made fix might): both records change.
    ['a citation moved to another record', () => `UPDATE citations SET detention_id = ${ids[2]} WHERE detention_id = ${ids[1]}`],
    ['an event moved to another record', () => `UPDATE custody_events SET detention_id = ${ids[0]}, position = 7 WHERE detention_id = ${ids[2]}`],
    ['a detention deleted', () => `UPDATE detentions SET deleted_at = now() WHERE id = ${ids[2]}`],
    ['a detention restored', () => `UPDATE detentions SET deleted_at = NULL WHERE id = ${ids[2]}`],
  ];
  for (const [what, change] of changes) {
    it(`follow a change of ${what}`, async () => {
      await files(true); // every row stored
      const before = (await files(true)).csv;
      await run(change());
      const after = await expectStoredEqualsComputed(what);
      expect(after.csv, `${what} shows in the file`).not.toBe(before);
    });
  }

  it("follow a source's first capture", async () => {
    await files(true);
    const source = await one<{ id: number }>(`SELECT id FROM sources WHERE url = '${sourceUrl}'`);
    await insertTestCapture(source.id, [{ role: 'response', bytes: Buffer.from(`<p>${tag}</p>`), contentType: 'text/html' }], { capturedAt: new Date('2021-01-08T09:15:00Z') });
    const after = await expectStoredEqualsComputed('a capture');
    expect(after.csv).toContain('2021-01-08T09:15:00Z');
  });

  it('are not used when stored by another release (another format), nor when a row has none', async () => {
    await files(true);
    await run(`UPDATE export_csv_rows SET format = 'older', head = 'stale,cells' WHERE detention_id = ${ids[0]}`);
    await run(`UPDATE export_json_rows SET format = 'older', head = '"stale" : true' WHERE detention_id = ${ids[0]}`);
    await run(`DELETE FROM export_csv_rows WHERE detention_id = ${ids[1]}`);
    await run(`DELETE FROM export_json_rows WHERE detention_id = ${ids[1]}`);
    const stored = await files(true);
    const computed = await files(false);
    expect(stored.csv).toBe(computed.csv);
    expect(stored.csv).not.toContain('stale,cells');
    expect(JSON.stringify(stored.json)).toBe(JSON.stringify(computed.json));
    // The row without a stored row is computed each time (the trigger makes one for every new detention).
    await run(`INSERT INTO export_csv_rows (detention_id) VALUES (${ids[1]})`);
    await run(`INSERT INTO export_json_rows (detention_id) VALUES (${ids[1]})`);
  });

  it('are filled in the background, without an export', async () => {
    await run(`UPDATE detentions SET court = 'Court before warming' WHERE id IN (${ids.join(',')})`);
    const stale = await one<{ n: number }>(`SELECT count(*)::int AS n FROM export_csv_rows WHERE detention_id IN (${ids.join(',')}) AND format IS NULL`);
    expect(stale.n).toBe(ids.length);
    expect(await warmExportRows({ budgetMs: 60_000, batch: 2, pauseMs: 0 })).toBeGreaterThanOrEqual(2 * ids.length);
    const left = await one<{ n: number }>(
      `SELECT (SELECT count(*) FROM export_csv_rows WHERE format IS DISTINCT FROM '${CSV_FORMAT}') + (SELECT count(*) FROM export_json_rows WHERE format IS DISTINCT FROM '${JSON_FORMAT}') AS n`,
    );
    expect(Number(left.n)).toBe(0);
    await expectStoredEqualsComputed('after warming');
  });

  it('are all cleared by a TRUNCATE of a table they read', async () => {
    await files(true);
    const rollback = new Error('rollback');
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`TRUNCATE source_captures CASCADE`);
        const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM export_csv_rows WHERE format IS NOT NULL`));
        expect(Number(n)).toBe(0);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it('are cleared, not kept, when the record changes (no old notes left in the table)', async () => {
    await files(true);
    await run(`UPDATE detentions SET notes = 'rewritten' WHERE id = ${ids[0]}`);
    const row = await one<{ csv: string | null; json: string | null }>(
      `SELECT c.notes AS csv, j.notes AS json FROM export_csv_rows c JOIN export_json_rows j USING (detention_id) WHERE detention_id = ${ids[0]}`,
    );
    expect(row).toEqual({ csv: null, json: null });
  });

  // Two connections: only a PostgreSQL server has them (PGlite runs one statement at a time).
  it.skipIf(!env.DATABASE_URL)('skip rows a change holds instead of waiting, and never keep cells older than the change', async () => {
    await run(`UPDATE detentions SET court = 'Court of the race' WHERE id = ${ids[0]}`); // the rows' cells are cleared
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let changing: Promise<void> | undefined;
    const locked = new Promise<void>((resolve) => {
      changing = db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE people SET display_name = display_name || ' during export' WHERE id = (SELECT person_id FROM detentions WHERE id = ${ids[0]})`);
        resolve();
        await held;
      });
    });
    await locked;
    // The change holds the row: the export neither waits for it nor shows the uncommitted name.
    const during = await files(true);
    expect(during.csv).not.toContain('during export');
    expect(during.csv).toContain('Court of the race');
    release();
    await changing;
    const after = await expectStoredEqualsComputed('after the change committed');
    expect(after.csv).toContain('during export');
  });

  // The other order (review finding, session 27): the fill holds the row first, a save comes while
  // it computes. The save's clear waits for the fill, and must then clear what the fill stored.
  it.skipIf(!env.DATABASE_URL)('clear cells a fill stored while a change waited for its lock', async () => {
    await run(`UPDATE detentions SET court = 'Court before the fill' WHERE id = ${ids[0]}`); // cleared
    let changing: Promise<unknown> | undefined;
    await fillExportRows(CSV_CELLS, CSV_FORMAT, [ids[0]], async () => {
      // While the fill holds the row: a save starts, and its clear waits for the row.
      // (A Drizzle query runs when awaited or then-ed: then-ed here, so it starts now.)
      changing = db.execute(sql`UPDATE detentions SET court = 'Court saved during the fill' WHERE id = ${ids[0]}`).then((result) => result);
      for (let i = 0; i < 100; i++) {
        const [waiting] = rowsOf<{ n: number }>(
          await db.execute(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%Court saved during the fill%'`),
        );
        if (Number(waiting.n) > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the save never waited for the fill');
    });
    await changing;
    const row = await one<{ format: string | null }>(`SELECT format FROM export_csv_rows WHERE detention_id = ${ids[0]}`);
    expect(row.format, 'the cells the fill stored before the save are cleared').toBeNull();
    const after = await expectStoredEqualsComputed('a save during a fill');
    expect(after.csv).toContain('Court saved during the fill');
  });
});

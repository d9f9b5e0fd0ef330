/**
 * Migrations 0009–0010 move every detention of the single-charge model to charges, penalties,
 * date intervals and a custody timeline. Checked on a copy of the demo data as the old model
 * stored it (plus the variants the old form allowed), and on a synthetic set of 100,000 records,
 * on PGlite and, when DATABASE_URL is set, on a fresh database of that PostgreSQL server.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../scripts/test-database';
import { rowsOf, connect, type Connection } from './index';
import { migrate } from './migrate';
import { env } from '@/lib/env';
import { placement } from '@/lib/dates/interval';
import { deriveCustody } from '@/lib/custody/timeline';
import { refreshDetailArrays } from '@/lib/dashboard/stats';

const MIGRATIONS = path.join(process.cwd(), 'db/migrations');
const LAST_OLD_MODEL = '0008_audit_append_only';

/** A copy of db/migrations that stops at the last migration of the old model. */
function oldModelMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === LAST_OLD_MODEL);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const opened: { connection: Connection; dir: string }[] = [];
afterAll(async () => {
  for (const { connection, dir } of opened) {
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A database at the old model: PGlite in memory, or a fresh database on the server. */
async function oldModelDatabase(name: string): Promise<Connection> {
  const server = process.env.DATABASE_URL;
  // An empty database: not the suite's migrated PGlite template.
  const template = env.PGLITE_TEMPLATE;
  env.PGLITE_TEMPLATE = undefined;
  const connection = server ? connect(await freshDatabaseUrl(server, `${process.env.TEST_DB_NAME ?? 'case_tracker_test'}_${name}`)) : connect('');
  env.PGLITE_TEMPLATE = template;
  const dir = oldModelMigrations();
  opened.push({ connection, dir });
  if (connection.driver === 'pglite') {
    const { migrate: m } = await import('drizzle-orm/pglite/migrator');
    await m(connection.db as never, { migrationsFolder: dir });
  } else {
    const { migrate: m } = await import('drizzle-orm/postgres-js/migrator');
    await m(connection.db as never, { migrationsFolder: dir });
  }
  for (const statement of [
    sql`INSERT INTO places (name, region, kind, latitude, longitude, name_kk, name_ru) VALUES
      ('Astana', 'Astana', 'city', 51.1, 71.4, 'Астана', 'Астана'),
      ('Aktobe', 'Aktobe Region', 'city', 50.3, 57.2, 'Ақтөбе', 'Актобе'),
      ('Shymkent', 'Shymkent', 'city', 42.3, 69.6, 'Шымкент', 'Шымкент')`,
    sql`INSERT INTO charges (slug, name, code, legal_basis) VALUES
      ('coao-488', 'Assemblies', 'administrative', 'CoAO art. 488'),
      ('cc-405', 'Banned association', 'criminal', 'Criminal Code art. 405')`,
    sql`INSERT INTO elections (name, kind, held_on) VALUES ('Mazhilis election 2021', 'parliamentary', '2021-01-10')`,
  ]) {
    await connection.db.execute(statement);
  }
  return connection;
}

type Old = {
  person: string;
  city: string;
  detainedOn: string | null;
  detainedPrecision: string;
  charge: string | null;
  chargeText: string | null;
  sentencedOn: string | null;
  sentencedPrecision: string;
  sentenceKind: string;
  amount: number | null;
  unit: string | null;
  status: string;
};

/** The demo records as the old model stored them, and the variants its form allowed. */
const OLD_RECORDS: Old[] = [
  { person: 'Ghadilbek Serikbaev', city: 'Astana', detainedOn: '2021-01-06', detainedPrecision: 'day', charge: 'coao-488', chargeText: 'calling for illegal protests', sentencedOn: '2021-01-06', sentencedPrecision: 'day', sentenceKind: 'administrative_arrest', amount: 15, unit: 'days', status: 'sentenced' },
  { person: 'Aitzhan Temirghaziev', city: 'Aktobe', detainedOn: '2021-01-04', detainedPrecision: 'day', charge: 'coao-488', chargeText: 'violating regulations for public events', sentencedOn: '2021-01-06', sentencedPrecision: 'day', sentenceKind: 'administrative_arrest', amount: 7, unit: 'days', status: 'sentenced' },
  { person: 'Nurzhan Mukhammedov', city: 'Shymkent', detainedOn: null, detainedPrecision: 'unknown', charge: 'cc-405', chargeText: 'taking part in the activities of a banned group', sentencedOn: null, sentencedPrecision: 'unknown', sentenceKind: 'pending', amount: null, unit: null, status: 'charged' },
  { person: 'Month Fine', city: 'Aktobe', detainedOn: '2021-02-01', detainedPrecision: 'month', charge: null, chargeText: 'unsanctioned rally', sentencedOn: '2021-03-01', sentencedPrecision: 'month', sentenceKind: 'fine', amount: 87500, unit: 'tenge', status: 'released' },
  { person: 'Year Suspended', city: 'Astana', detainedOn: '2020-01-01', detainedPrecision: 'year', charge: 'cc-405', chargeText: null, sentencedOn: null, sentencedPrecision: 'unknown', sentenceKind: 'suspended', amount: 2, unit: 'years', status: 'unknown' },
  { person: 'Acquitted', city: 'Astana', detainedOn: '2021-01-08', detainedPrecision: 'day', charge: 'coao-488', chargeText: null, sentencedOn: '2021-01-09', sentencedPrecision: 'day', sentenceKind: 'acquitted', amount: null, unit: null, status: 'released' },
  { person: 'Nothing Known', city: 'Shymkent', detainedOn: null, detainedPrecision: 'unknown', charge: null, chargeText: null, sentencedOn: null, sentencedPrecision: 'unknown', sentenceKind: 'unknown', amount: null, unit: null, status: 'unknown' },
];

async function insertOld(connection: Connection, records: Old[]) {
  for (const r of records) {
    await connection.db.execute(sql`
      WITH p AS (INSERT INTO people (display_name) VALUES (${r.person}) RETURNING id)
      INSERT INTO detentions (person_id, place_id, detained_on, detained_precision, charge_id, charge_text, sentenced_on,
        sentenced_precision, sentence_kind, sentence_amount, sentence_unit, status, election_id)
      SELECT p.id, (SELECT id FROM places WHERE name = ${r.city}), ${r.detainedOn}, ${r.detainedPrecision}::date_precision,
        (SELECT id FROM charges WHERE slug = ${r.charge}), ${r.chargeText}, ${r.sentencedOn}, ${r.sentencedPrecision}::date_precision,
        ${r.sentenceKind}::sentence_kind, ${r.amount}, ${r.unit}::sentence_unit, ${r.status}::detention_status,
        (SELECT id FROM elections LIMIT 1)
      FROM p`);
  }
}

type Migrated = Record<string, unknown> & { id: number; person: string };

async function migratedRecords(connection: Connection): Promise<Migrated[]> {
  return rowsOf<Migrated>(
    await connection.db.execute(sql`
      SELECT d.id, p.display_name AS person, d.place_id, d.place_precision,
        d.detained_earliest::text, d.detained_latest::text, d.detained_qualifier, d.detained_on::text, d.detained_precision,
        d.sentenced_earliest::text, d.sentenced_latest::text, d.sentenced_qualifier, d.sentenced_on::text,
        d.custody_status, d.custody_from::text, d.expected_release_on::text,
        (SELECT jsonb_agg(jsonb_build_object('charge', ch.slug, 'text', c.charge_text, 'basis', c.basis_origin, 'outcome', c.outcome,
            'outcomeEarliest', c.outcome_earliest, 'penalties',
            (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', pn.kind, 'amount', pn.amount::float8, 'unit', pn.unit) ORDER BY pn.position), '[]')
             FROM penalties pn WHERE pn.detention_charge_id = c.id)) ORDER BY c.position)
         FROM detention_charges c LEFT JOIN charges ch ON ch.id = c.charge_id WHERE c.detention_id = d.id) AS charges,
        (SELECT jsonb_agg(jsonb_build_object('kind', e.kind, 'qualifier', e.qualifier) ORDER BY e.position)
         FROM custody_events e WHERE e.detention_id = d.id) AS events
      FROM detentions d JOIN people p ON p.id = d.person_id ORDER BY d.id`),
  ).map((r) => ({
    ...r,
    charges: typeof r.charges === 'string' ? JSON.parse(r.charges) : r.charges,
    events: typeof r.events === 'string' ? JSON.parse(r.events) : r.events,
  }));
}

describe('migrating the single-charge model (0009–0010)', () => {
  it('moves the demo data and every variant the old form allowed, without loss', async () => {
    const connection = await oldModelDatabase('migration_demo');
    await insertOld(connection, OLD_RECORDS);
    await migrate(connection);
    const rows = await migratedRecords(connection);
    const by = (name: string) => rows.find((r) => r.person === name)!;

    expect(by('Ghadilbek Serikbaev')).toMatchObject({
      place_precision: 'city',
      detained_earliest: '2021-01-06',
      detained_latest: '2021-01-06',
      detained_qualifier: 'exact',
      detained_on: '2021-01-06',
      detained_precision: 'day',
      sentenced_qualifier: 'exact',
      custody_status: 'in_custody',
      custody_from: '2021-01-06',
      expected_release_on: '2021-01-21',
      charges: [{ charge: 'coao-488', text: 'calling for illegal protests', basis: 'inferred', outcome: 'convicted', outcomeEarliest: '2021-01-06', penalties: [{ kind: 'administrative_arrest', amount: 15, unit: 'days' }] }],
      events: null,
    });
    // The old "pending" sentence of a charged person stays a pending charge with no penalty.
    expect(by('Nurzhan Mukhammedov')).toMatchObject({
      detained_qualifier: 'unknown',
      detained_on: null,
      detained_precision: 'unknown',
      charges: [{ charge: 'cc-405', basis: 'inferred', outcome: 'pending', penalties: [] }],
    });
    expect(by('Month Fine')).toMatchObject({
      detained_earliest: '2021-02-01',
      detained_latest: '2021-02-28',
      detained_on: '2021-02-01',
      detained_precision: 'month',
      custody_status: 'released',
      charges: [{ charge: null, basis: null, text: 'unsanctioned rally', outcome: 'convicted', penalties: [{ kind: 'fine', amount: 87500, unit: 'KZT' }] }],
      events: [{ kind: 'released', qualifier: 'unknown' }],
    });
    // Known only to its year: no longer placed on 1 January, counted as "date uncertain".
    expect(by('Year Suspended')).toMatchObject({
      detained_earliest: '2020-01-01',
      detained_latest: '2020-12-31',
      detained_on: null,
      detained_precision: 'year',
      charges: [{ outcome: 'convicted', penalties: [{ kind: 'probation', amount: 2, unit: 'years' }] }],
    });
    expect(by('Acquitted')).toMatchObject({ charges: [{ outcome: 'acquitted', penalties: [] }], custody_status: 'released' });
    expect(by('Nothing Known')).toMatchObject({ charges: null, detained_qualifier: 'unknown' });

    // Migration 0018 filled the arrays the filters read (and the days of arrest) as the app keeps them (refreshDetailArrays).
    const arrays = async () =>
      rowsOf<Record<string, unknown>>(
        await connection.db.execute(sql`SELECT d.id, p.display_name AS person, d.charge_ids::text AS charges, d.outcomes::text AS outcomes,
          d.penalty_kinds::text AS penalties, d.arrest_days::int AS arrest_days FROM detentions d JOIN people p ON p.id = d.person_id ORDER BY d.id`),
      );
    const backfilled = await arrays();
    expect(backfilled.find((r) => r.person === 'Ghadilbek Serikbaev')).toMatchObject({ outcomes: '{convicted}', penalties: '{administrative_arrest}', arrest_days: 15 });
    expect(backfilled.find((r) => r.person === 'Nothing Known')).toMatchObject({ charges: '{}', outcomes: '{}', penalties: '{}', arrest_days: null });
    await refreshDetailArrays(connection.db, sql`true`);
    expect(await arrays()).toEqual(backfilled);

    // What the migration derived in SQL is what the app derives on the next save.
    for (const r of rows) {
      const detained = { earliest: r.detained_earliest as string | null, latest: r.detained_latest as string | null, qualifier: 'exact' as const, asReported: null };
      const charges = ((r.charges ?? []) as { outcome: 'convicted'; penalties: { kind: 'fine'; amount: number | null; unit: 'days' | null }[] }[]).map((c) => ({
        outcome: c.outcome,
        penalties: c.penalties.map((p) => ({ ...p, replaced: false })),
      }));
      const events = ((r.events ?? []) as { kind: 'released' }[]).map((e) => ({ kind: e.kind, date: { earliest: null, latest: null, qualifier: 'unknown' as const, asReported: null } }));
      const facts = deriveCustody({ detained, events, charges });
      expect({ status: r.custody_status, from: r.custody_from, release: r.expected_release_on }, r.person).toEqual({
        status: facts.custodyStatus,
        from: facts.custodyFrom,
        release: facts.expectedReleaseOn,
      });
      const placed = placement(detained);
      expect({ on: r.detained_on, precision: r.detained_precision }, r.person).toEqual({ on: placed.on, precision: placed.precision });
    }
  });

  it('moves 100,000 synthetic records: every detention keeps its charge, sentence and dates', { timeout: 240_000 }, async () => {
    const connection = await oldModelDatabase('migration_100k');
    const n = 100_000;
    await connection.db.execute(sql`INSERT INTO people (display_name) SELECT 'Person ' || i FROM generate_series(1, ${n}) i`);
    // Every combination the old model allowed, spread evenly.
    await connection.db.execute(sql`
      INSERT INTO detentions (person_id, place_id, detained_on, detained_precision, charge_id, charge_text, sentenced_on,
        sentenced_precision, sentence_kind, sentence_amount, sentence_unit, status)
      SELECT p.id, 1 + p.id % 3,
        CASE WHEN p.id % 4 = 3 THEN NULL ELSE date '2020-01-01' + (p.id % 700) END,
        (ARRAY['day', 'month', 'year', 'unknown'])[1 + p.id % 4]::date_precision,
        CASE WHEN p.id % 5 = 0 THEN NULL ELSE 1 + p.id % 2 END,
        CASE WHEN p.id % 3 = 0 THEN NULL ELSE 'text ' || p.id END,
        NULL, 'unknown',
        (ARRAY['administrative_arrest', 'fine', 'pending', 'unknown', 'suspended'])[1 + p.id % 5]::sentence_kind,
        CASE p.id % 5 WHEN 0 THEN 10 WHEN 1 THEN 50000 WHEN 4 THEN 1 END,
        CASE p.id % 5 WHEN 0 THEN 'days' WHEN 1 THEN 'tenge' WHEN 4 THEN 'years' END::sentence_unit,
        (ARRAY['detained', 'sentenced', 'released', 'unknown'])[1 + p.id % 4]::detention_status
      FROM people p`);
    const before = rowsOf<Record<string, number | string>>(
      await connection.db.execute(sql`SELECT count(*)::int AS detentions,
        count(*) FILTER (WHERE charge_id IS NOT NULL OR charge_text IS NOT NULL OR sentence_kind <> 'unknown')::int AS charged,
        count(*) FILTER (WHERE sentence_kind IN ('administrative_arrest', 'fine', 'suspended'))::int AS penalised,
        coalesce(sum(sentence_amount) FILTER (WHERE sentence_kind = 'fine'), 0)::bigint AS fine_total,
        count(*) FILTER (WHERE status = 'released')::int AS released,
        count(*) FILTER (WHERE detained_on IS NOT NULL)::int AS dated
        FROM detentions`),
    )[0];
    const started = performance.now();
    await migrate(connection);
    const seconds = (performance.now() - started) / 1000;
    const after = rowsOf<Record<string, number | string>>(
      await connection.db.execute(sql`SELECT (SELECT count(*)::int FROM detentions) AS detentions,
        (SELECT count(DISTINCT detention_id)::int FROM detention_charges) AS charged,
        (SELECT count(*)::int FROM penalties) AS penalised,
        (SELECT coalesce(sum(amount) FILTER (WHERE kind = 'fine' AND unit = 'KZT'), 0)::bigint FROM penalties) AS fine_total,
        (SELECT count(*)::int FROM custody_events WHERE kind = 'released')::int AS released,
        (SELECT count(*)::int FROM detentions WHERE detained_earliest IS NOT NULL) AS dated`),
    )[0];
    expect({ ...after, fine_total: Number(after.fine_total) }).toEqual({ ...before, fine_total: Number(before.fine_total) });
    // Reported for docs/: the migration's cost at this size on this driver.
    console.log(`migrated ${n} detentions on ${connection.driver} in ${seconds.toFixed(1)} s`);
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDb } from '@/db';
import { env } from '@/lib/env';
import { recordAudit } from '@/lib/audit/log';
import { createCase, deleteCase, getCaseForEdit, updateCase } from '@/lib/cases/queries';
import { useTestDatabase } from '@/lib/test/database';
import { createActor, unique, validCase } from '@/lib/test/factories';
import { createBackup, restoreBackup, type Source, type Target } from './backup';
import { compareManifests, computeManifest, type Manifest } from './manifest';

const work = mkdtempSync(path.join(tmpdir(), 'ct-backup-'));
const serverUrl = process.env.DATABASE_URL;
// dumpDataDir needs a database on disk: on PGlite the suite's database is a file-backed one here,
// set before the first query opens it.
if (!serverUrl) env.PGLITE_DIR = path.join(work, 'source');

// An on-disk PGlite takes seconds to open, and tens of seconds to create on a busy machine; each
// round trip opens one three times.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });
useTestDatabase();

const source: Source = serverUrl ? { driver: 'postgres', url: serverUrl } : { driver: 'pglite', dir: path.join(work, 'source') };
const passphrase = 'correct horse battery staple';
// The lowest cost the format accepts: the tests prove the scheme, not scrypt's slowness.
const scrypt = { N: 2 ** 14, r: 8, p: 1 };
const marker = unique('backup-test');

let targets = 0;
const createdDatabases: string[] = [];

/** A fresh, empty target of the suite's driver: a new directory, or a new database (ct_backup_*). */
function newTarget(): Target {
  targets += 1;
  if (!serverUrl) return { driver: 'pglite', dir: path.join(work, `restored-${targets}`) };
  const name = `ct_backup_${process.pid}_${targets}`;
  createdDatabases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { driver: 'postgres', url: url.toString(), create: true };
}

type Run = { query: (statement: string) => Promise<Record<string, unknown>[]>; close: () => Promise<void> };

async function open(target: Source | Target): Promise<Run> {
  if (target.driver === 'postgres') {
    const sql = postgres(target.url, { max: 1, onnotice: () => {} });
    return { query: (statement) => sql.unsafe(statement), close: () => sql.end() };
  }
  const pg = new PGlite(target.dir, { extensions: { pg_trgm, unaccent } });
  return { query: async (statement) => (await pg.query<Record<string, unknown>>(statement)).rows, close: () => pg.close() };
}

/**
 * Every row of every table, read with plain SELECTs (not through the manifest code under test)
 * and sorted, so two databases compare equal exactly when they hold the same records.
 */
async function allRows(db: Run): Promise<Record<string, string[]>> {
  const tables = await db.query(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await db.query(`SELECT * FROM ${String(name)}`);
    result[String(name)] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

async function withDb<T>(target: Source | Target, use: (db: Run) => Promise<T>): Promise<T> {
  const db = await open(target);
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

async function isEmpty(target: Target): Promise<boolean> {
  if (target.driver === 'pglite') return !existsSync(target.dir) || readdirSync(target.dir).length === 0;
  const maintenance = new URL(target.url);
  const name = maintenance.pathname.slice(1);
  maintenance.pathname = '/postgres';
  const sql = postgres(maintenance.toString(), { max: 1 });
  try {
    return (await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`).length === 0;
  } finally {
    await sql.end();
  }
}

let sourceRows: Record<string, string[]>;

beforeAll(async () => {
  const monitor = await createActor('monitor');
  const admin = await createActor('admin');
  const ids: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const result = await createCase(monitor, await validCase({ notes: `${marker} ${i}` }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    ids.push(result.id);
  }
  const before = (await getCaseForEdit(monitor, ids[0]))!;
  const edit = await validCase({ notes: `${marker} 0, edited`, personId: String(before.personId), personName: '', court: 'Aktobe city court', sources: [{ url: before.sources[0].url }] });
  expect((await updateCase(monitor, ids[0], before.version, edit)).ok).toBe(true);
  const toDelete = (await getCaseForEdit(admin, ids[1]))!;
  expect((await deleteCase(admin, ids[1], toDelete.version, 'Duplicate')).ok).toBe(true);
  await recordAudit({ action: 'export', actorId: admin.id, details: { marker, rows: 3 } });
  await recordAudit({ action: 'sign_in_failed', actorId: null, ip: '192.0.2.1', details: { marker } });
  // PGlite serves one process per directory: the backup opens it itself.
  if (!serverUrl) await closeDb();
  sourceRows = await withDb(source, allRows);
});

afterAll(async () => {
  if (serverUrl && createdDatabases.length) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    for (const name of createdDatabases) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore (${source.driver})`, () => {
  it.each([
    ['encrypted', passphrase],
    ['unencrypted', null],
  ])('round-trips every table, revisions and the audit trail included (%s)', async (_, secret) => {
    const backup = await createBackup({ source, outDir: path.join(work, `out-${_}`), passphrase: secret, scrypt });
    const bytes = readFileSync(backup.file);
    expect(readFileSync(`${backup.file}.sha256`, 'utf8')).toMatch(new RegExp(`^[0-9a-f]{64}  ${path.basename(backup.file)}\\n$`));
    if (secret) expect(bytes.includes(Buffer.from(marker))).toBe(false);

    const target = newTarget();
    const restored = await restoreBackup({ file: backup.file, target, passphrase: secret });
    expect(restored.differences).toEqual([]);
    expect(restored.report).not.toContain('MISMATCH');

    // Every table is in the manifest, and every sequence (identity columns keep counting on).
    expect(restored.expected.tables.map((t) => t.name)).toEqual(Object.keys(sourceRows));
    expect(restored.expected.sequences.map((s) => s.name)).toContain('public.audit_events_id_seq');

    await withDb(target, async (db) => {
      const rows = await allRows(db);
      expect(rows).toEqual(sourceRows);
      expect(rows['public.revisions'].filter((r) => r.includes(marker)).length).toBeGreaterThanOrEqual(4);
      expect(rows['public.audit_events'].filter((r) => r.includes(marker))).toHaveLength(2);
      expect(rows['public.detentions'].filter((r) => r.includes(marker))).toHaveLength(3);
      // The restored trail is still append-only: its triggers came back after the data.
      await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);

      // The manifest sees content, not just counts: one changed note, same row count, is caught.
      await db.query(`UPDATE detentions SET notes = notes || '.' WHERE notes LIKE '${marker}%'`);
      await db.query('BEGIN');
      const changed = await computeManifest(db.query);
      await db.query('COMMIT');
      expect(compareManifests(restored.expected, changed).map((d) => d.name)).toEqual(['public.detentions']);
    });
  });

  it('refuses a wrong or missing passphrase and restores nothing', async () => {
    const backup = await createBackup({ source, outDir: path.join(work, 'out-wrong'), passphrase, scrypt });
    const target = newTarget();
    await expect(restoreBackup({ file: backup.file, target, passphrase: 'not the passphrase' })).rejects.toThrow(/Wrong passphrase/);
    await expect(restoreBackup({ file: backup.file, target, passphrase: null })).rejects.toThrow(/encrypted/);
    expect(await isEmpty(target)).toBe(true);
  });

  // Security regression (session 25): a file swapped for an unencrypted one (with a fresh .sha256)
  // was restored although a passphrase was set: the attacker's database, or on PostgreSQL their SQL.
  it('refuses an unencrypted file when a passphrase is set, unless told the file was made so', async () => {
    const backup = await createBackup({ source, outDir: path.join(work, 'out-plain'), passphrase: null });
    const target = newTarget();
    await expect(restoreBackup({ file: backup.file, target, passphrase })).rejects.toThrow(/not encrypted/);
    expect(await isEmpty(target)).toBe(true);
    const restored = await restoreBackup({ file: backup.file, target, passphrase, allowUnencrypted: true });
    expect(restored.differences).toEqual([]);
  });

  it('refuses a tampered file, whether or not its checksum was forged', async () => {
    const backup = await createBackup({ source, outDir: path.join(work, 'out-tamper'), passphrase, scrypt });
    const original = readFileSync(backup.file);
    const target = newTarget();

    const flipped = Buffer.from(original);
    flipped[flipped.length - 100] ^= 1;
    writeFileSync(backup.file, flipped);
    await expect(restoreBackup({ file: backup.file, target, passphrase })).rejects.toThrow(/Checksum mismatch/);

    // Someone who can rewrite the .sha256 still can't get past AES-GCM, on the body…
    const { createHash } = await import('node:crypto');
    const forge = (bytes: Buffer) => {
      writeFileSync(backup.file, bytes);
      writeFileSync(`${backup.file}.sha256`, `${createHash('sha256').update(bytes).digest('hex')}  ${path.basename(backup.file)}\n`);
    };
    forge(flipped);
    await expect(restoreBackup({ file: backup.file, target, passphrase })).rejects.toThrow(/altered/);
    // …or on the header (authenticated as AAD): here its date.
    const year = original.toString('latin1').indexOf('"createdAt":"') + '"createdAt":"'.length + 3;
    const redated = Buffer.from(original);
    redated[year] = redated[year] === 0x30 ? 0x31 : 0x30;
    forge(redated);
    await expect(restoreBackup({ file: backup.file, target, passphrase })).rejects.toThrow(/altered/);
    expect(await isEmpty(target)).toBe(true);
  });

  it.skipIf(source.driver !== 'pglite')('refuses to open a PGlite database another instance has open', async () => {
    if (source.driver !== 'pglite') return;
    const running = new PGlite(source.dir, { extensions: { pg_trgm, unaccent } });
    try {
      await running.query('SELECT count(*) FROM detentions');
      await expect(createBackup({ source, outDir: path.join(work, 'out-in-use'), passphrase: null })).rejects.toThrow(/is open in process/);
    } finally {
      await running.close();
    }
  });

  it('refuses a target that already holds data', async () => {
    const backup = await createBackup({ source, outDir: path.join(work, 'out-busy'), passphrase: null });
    const busy: Target = source.driver === 'pglite' ? source : { driver: 'postgres', url: source.url };
    await expect(restoreBackup({ file: backup.file, target: busy, passphrase: null })).rejects.toThrow(/Refusing/);
    expect(await withDb(source, allRows)).toEqual(sourceRows);
  });
});

describe('compareManifests', () => {
  const manifest: Manifest = {
    tables: [{ name: 'public.detentions', rows: 2, sha256: 'a'.repeat(64) }],
    sequences: [{ name: 'public.detentions_id_seq', lastValue: '2' }],
  };
  it('finds a changed hash, a missing table and a moved sequence', () => {
    expect(compareManifests(manifest, manifest)).toEqual([]);
    const changed: Manifest = {
      tables: [{ name: 'public.detentions', rows: 2, sha256: 'b'.repeat(64) }],
      sequences: [{ name: 'public.detentions_id_seq', lastValue: '3' }],
    };
    expect(compareManifests(manifest, changed).map((d) => d.name)).toEqual(['public.detentions', 'sequence public.detentions_id_seq']);
    expect(compareManifests(manifest, { tables: [], sequences: manifest.sequences })).toEqual([
      { name: 'public.detentions', expected: `2 rows, sha256 ${'a'.repeat(64)}`, actual: 'missing' },
    ]);
  });
});

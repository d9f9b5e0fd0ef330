import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { durablePgliteOptions } from './pglite-durable';

// Count the real fsync calls the database makes.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, fsyncSync: vi.fn(real.fsyncSync) };
});

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pglite-durable-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const setting = async (pg: PGlite, name: string) => Object.values((await pg.query<Record<string, string>>(`SHOW ${name}`)).rows[0])[0];

describe('the embedded database on disk', () => {
  it('is not durable as PGlite starts it (the reason for durablePgliteOptions)', async () => {
    const pg = new PGlite(tempDir());
    expect(await setting(pg, 'fsync')).toBe('off');
    await pg.close();
  });

  it('flushes every commit to the disk with fsync', async () => {
    const dir = tempDir();
    const pg = new PGlite(durablePgliteOptions(dir));
    expect(await setting(pg, 'fsync')).toBe('on');
    expect(await setting(pg, 'wal_sync_method')).toBe('fsync');
    await pg.exec('CREATE TABLE t (id int PRIMARY KEY)');
    const fsyncSync = vi.mocked(fs.fsyncSync);
    fsyncSync.mockClear();
    for (let i = 0; i < 5; i++) await pg.query('INSERT INTO t VALUES ($1)', [i]);
    expect(fsyncSync.mock.calls.length).toBeGreaterThanOrEqual(5);
    await pg.close();
    const reopened = new PGlite(durablePgliteOptions(dir));
    expect((await reopened.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 5 }]);
    await reopened.close();
  });
});

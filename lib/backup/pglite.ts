/**
 * PGlite's side: the payload is PGlite's own data directory dump (a gzipped tarball), which it
 * loads back as is. PGlite allows one process per directory and takes no lock, so the backup
 * looks for another process holding the directory's files before it opens it.
 */
import { existsSync, readdirSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { keepPrivate } from '@/db/private-dir';
import { computeManifest, migrationLevel, type Manifest, type RunSql } from './manifest';

// The same extensions as db/index.ts: a data dir that uses them can't be opened without them.
const extensions = { pg_trgm, unaccent };

type Dumped = { manifest: Manifest; migrations: number; payload: Buffer };

async function readManifest(pg: PGlite): Promise<{ manifest: Manifest; migrations: number }> {
  return pg.transaction(async (tx) => {
    const run: RunSql = async (statement) => (await tx.query<Record<string, unknown>>(statement)).rows;
    return { manifest: await computeManifest(run), migrations: await migrationLevel(run) };
  });
}

/**
 * The processes (this one included) holding files open inside `dir`: a running PGlite keeps its
 * relation files open. Linux only (/proc); elsewhere it finds nothing and the CLI's warning has
 * to do. postmaster.pid can't tell us instead: the app never closes PGlite, so it is always there.
 */
export function processesUsing(dir: string): number[] {
  if (!existsSync('/proc/self/fd')) return [];
  const root = realpathSync(dir) + path.sep;
  const holds = (pid: string, fd: string) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(root);
    } catch {
      return false;
    }
  };
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readdirSync(`/proc/${pid}/fd`).some((fd) => holds(pid, fd));
      } catch {
        return false; // gone, or another user's process we may not inspect
      }
    })
    .map(Number);
}

export async function dumpPglite(dir: string): Promise<Dumped> {
  // Opening a directory without a database would quietly create an empty one and back that up.
  if (!existsSync(path.join(dir, 'PG_VERSION'))) throw new Error(`No PGlite database at ${dir}.`);
  // A second PGlite on a directory in use can corrupt it, and would copy a torn state anyway.
  const users = processesUsing(dir);
  if (users.length) throw new Error(`The PGlite database at ${dir} is open in process ${users.join(', ')} (the app?): stop it, then back up.`);
  const pg = new PGlite(dir, { extensions });
  try {
    const { manifest, migrations } = await readManifest(pg);
    const payload = Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer());
    return { manifest, migrations, payload };
  } finally {
    await pg.close();
  }
}

/** A directory is a safe target when there is nothing in it to overwrite. */
export function assertEmptyDir(dir: string) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`Refusing to restore into ${dir}: it is not empty. Restore into a new directory (--target-dir).`);
  }
}

/** Loads the payload into a directory the caller found empty; returns the manifest of what landed. */
export async function loadPglite(dir: string, payload: Buffer): Promise<Manifest> {
  // Readable by this account only, even when the caller made the (empty) folder.
  keepPrivate(dir);
  // The cast is true (Node's Buffers sit on plain ArrayBuffers) and spares a copy of the payload.
  const pg = new PGlite(dir, { extensions, loadDataDir: new Blob([payload as Uint8Array<ArrayBuffer>]) });
  try {
    await pg.waitReady;
    return (await readManifest(pg)).manifest;
  } finally {
    await pg.close();
  }
}

/** Undoes a failed restore: the directory was empty before, so all of it is ours to remove. */
export function removeRestoredDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

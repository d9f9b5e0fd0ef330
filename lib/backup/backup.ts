/**
 * `npm run backup` and `npm run restore`, minus the command line: one file with a SHA-256 beside
 * it; a restore that checks the file, the passphrase and then every table before it reports
 * success. See scripts/backup.ts and scripts/restore.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeBackup, encodeBackup, readHeader, SCRYPT_DEFAULTS, type Header } from './format';
import { compareManifests, formatComparison, type Manifest, type ManifestDifference } from './manifest';
import { assertEmptyDir, dumpPglite, loadPglite, removeRestoredDir } from './pglite';
import { createDatabase, dumpPostgres, loadPostgres } from './postgres';

export type Source = { driver: 'pglite'; dir: string } | { driver: 'postgres'; url: string };
export type Target = { driver: 'pglite'; dir: string } | { driver: 'postgres'; url: string; create?: boolean };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** 2026-11-26T12:03:43.123Z → 20261126T120343Z: sorts by time, safe in any file system. */
const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

export type BackupResult = { file: string; bytes: number; manifest: Manifest; encrypted: boolean };

export async function createBackup(options: {
  source: Source;
  outDir: string;
  passphrase: string | null;
  scrypt?: typeof SCRYPT_DEFAULTS;
  now?: Date;
}): Promise<BackupResult> {
  const { source, outDir, passphrase } = options;
  const now = options.now ?? new Date();
  const dumped = source.driver === 'pglite' ? await dumpPglite(source.dir) : await dumpPostgres(source.url);
  const bytes = await encodeBackup(
    { driver: source.driver, createdAt: now.toISOString(), migrations: dumped.migrations },
    dumped.manifest,
    dumped.payload,
    passphrase,
    options.scrypt,
  );
  // Owner-only: a backup holds everything the database does.
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const file = path.join(outDir, `case-tracker-${source.driver}-${stamp(now)}.ctbackup`);
  if (existsSync(file)) throw new Error(`${file} exists already.`);
  // Written under a temporary name first, so a crash never leaves a file that looks complete.
  writeFileSync(`${file}.partial`, bytes, { mode: 0o600, flag: 'wx' });
  renameSync(`${file}.partial`, file);
  writeFileSync(`${file}.sha256`, `${sha256(bytes)}  ${path.basename(file)}\n`, { mode: 0o600 });
  return { file, bytes: bytes.length, manifest: dumped.manifest, encrypted: Boolean(passphrase) };
}

export class RestoreError extends Error {}

/** Checks the file against `<file>.sha256` (sha256sum's format); a missing checksum is an error. */
export function verifyChecksum(file: string, bytes: Buffer) {
  const sidecar = `${file}.sha256`;
  if (!existsSync(sidecar)) throw new RestoreError(`No checksum file ${sidecar}: refusing to restore an unverified backup.`);
  const expected = readFileSync(sidecar, 'utf8').trim().split(/\s+/)[0]?.toLowerCase();
  if (expected !== sha256(bytes)) {
    throw new RestoreError(`Checksum mismatch: ${path.basename(file)} is not the file ${path.basename(sidecar)} describes (corrupt or altered). Nothing was restored.`);
  }
}

export type RestoreResult = {
  header: Header;
  expected: Manifest;
  actual: Manifest;
  differences: ManifestDifference[];
  report: string;
};

/**
 * Everything that can be checked before loading is checked before loading: checksum, driver,
 * passphrase and authenticity, an empty target. Then the restored database's manifest must equal
 * the backup's; on PGlite a restore that doesn't match is removed again.
 */
export async function restoreBackup(options: { file: string; target: Target; passphrase: string | null; allowUnencrypted?: boolean }): Promise<RestoreResult> {
  const { file, target, passphrase, allowUnencrypted = false } = options;
  const bytes = readFileSync(file);
  verifyChecksum(file, bytes);
  const { header: peek } = readHeader(bytes);
  if (peek.driver !== target.driver) {
    throw new RestoreError(`This is a ${peek.driver} backup; the target is ${target.driver}. Restore it with the same driver.`);
  }
  const { header, manifest: expected, payload } = await decodeBackup(bytes, passphrase, { allowUnencrypted });
  let actual: Manifest;
  if (target.driver === 'pglite') {
    assertEmptyDir(target.dir);
    try {
      actual = await loadPglite(target.dir, payload);
    } catch (error) {
      removeRestoredDir(target.dir);
      throw error;
    }
  } else {
    if (target.create) await createDatabase(target.url);
    actual = await loadPostgres(target.url, payload);
  }
  const differences = compareManifests(expected, actual);
  if (differences.length && target.driver === 'pglite') removeRestoredDir(target.dir);
  return { header, expected, actual, differences, report: formatComparison(expected, actual) };
}

/**
 * Evidence storage, addressed by SHA-256: the same bytes are stored once however many captures
 * hold them. In the database by default (evidence_blobs.bytes); under EVIDENCE_DIR when it is set,
 * as files named by their hash (ab/cd/abcd…), written atomically (temporary file, fsync, rename)
 * so a crash never leaves a half-written file under a hash's name. The row with the hash and size
 * is written either way, in the caller's transaction.
 */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db';
import { evidenceBlobs } from '@/db/schema';
import { env } from '@/lib/env';

export function sha256Hex(bytes: Buffer | Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where a blob lives under the evidence directory: two levels of fan-out keep folders small. */
export function blobPath(dir: string, sha256: string): string {
  return path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** The evidence directory in use (read per call, so tests can switch modes). */
function evidenceDir(): string | undefined {
  return env.EVIDENCE_DIR || undefined;
}

async function writeFileAtomically(target: string, bytes: Buffer): Promise<void> {
  const folder = path.dirname(target);
  await fs.mkdir(folder, { recursive: true });
  const temporary = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, target);
  // The rename itself reaches the disk only when the folder is synced.
  const folderHandle = await fs.open(folder, 'r');
  try {
    await folderHandle.sync();
  } finally {
    await folderHandle.close();
  }
}

/** Whether the file already holds exactly these bytes (a previous capture of the same content). */
async function fileHolds(target: string, sha256: string): Promise<boolean> {
  try {
    return sha256Hex(await fs.readFile(target)) === sha256;
  } catch {
    return false;
  }
}

/**
 * Stores bytes once and returns their SHA-256. In EVIDENCE_DIR mode the file is written before the
 * row: if the transaction then rolls back, a file no row names is left behind, which is harmless
 * (its name is its hash), whereas a row without its file would be lost evidence.
 */
export async function putBlob(tx: Tx | Db, bytes: Buffer): Promise<string> {
  const sha256 = sha256Hex(bytes);
  const dir = evidenceDir();
  if (dir) {
    const target = blobPath(dir, sha256);
    if (!(await fileHolds(target, sha256))) await writeFileAtomically(target, bytes);
  }
  await tx
    .insert(evidenceBlobs)
    .values({ sha256, size: bytes.length, bytes: dir ? null : bytes })
    .onConflictDoNothing();
  return sha256;
}

/** The stored bytes of a hash (from the database, else from EVIDENCE_DIR), or null when missing. */
export async function readBlob(sha256: string): Promise<Buffer | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const [row] = await db.select({ bytes: evidenceBlobs.bytes }).from(evidenceBlobs).where(eq(evidenceBlobs.sha256, sha256));
  if (!row) return null;
  if (row.bytes) return row.bytes;
  const dir = evidenceDir();
  if (!dir) return null;
  try {
    return await fs.readFile(blobPath(dir, sha256));
  } catch {
    return null;
  }
}

/**
 * Capture rows written straight into the tables, for tests of verification, timestamps and link
 * checks that must not depend on the capture pipeline (lib/evidence/capture.ts). Hashes are
 * computed here with node:crypto, independently of the code under test.
 */
import { buildManifest } from '@/lib/evidence/manifest';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { captureFiles, evidenceBlobs, sources, sourceCaptures } from '@/db/schema';
import { unique } from './factories';

type Role = (typeof captureFiles.$inferInsert)['role'];
export type TestFile = { role: Role; bytes: Buffer; contentType: string };

export const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

export async function insertTestSource(url = `https://news.example.org/${unique('story').replace(/\s+/g, '-')}`) {
  const [row] = await db.insert(sources).values({ url, title: unique('A report') }).returning({ id: sources.id });
  return row.id;
}

/** A simple canonical manifest: one line per file, sorted by role. */
/** The capture pipeline's own manifest, so rows made here verify like real captures. */
export function testManifest(files: { role: string; sha256: string; size: number; contentType: string }[]) {
  return buildManifest(files);
}

/**
 * An ok fetch capture of `sourceId` with these files, stored in the database, or as files under
 * `evidenceDir` (bytes column null) when it is given.
 */
export async function insertTestCapture(
  sourceId: number,
  files: TestFile[],
  options: { evidenceDir?: string; capturedAt?: Date; url?: string } = {},
) {
  const described = files.map((f) => ({ role: f.role, sha256: sha256Hex(f.bytes), size: f.bytes.length, contentType: f.contentType }));
  const manifest = testManifest(described);
  for (const [i, file] of files.entries()) {
    const sha = described[i].sha256;
    if (options.evidenceDir) {
      const dir = path.join(options.evidenceDir, sha.slice(0, 2), sha.slice(2, 4));
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, sha), file.bytes);
    }
    await db
      .insert(evidenceBlobs)
      .values({ sha256: sha, size: file.bytes.length, bytes: options.evidenceDir ? null : file.bytes })
      .onConflictDoNothing();
  }
  const at = options.capturedAt ?? new Date();
  const primary = described.find((f) => f.role === 'response' || f.role === 'upload');
  const text = files.find((f) => f.role === 'text');
  const [capture] = await db
    .insert(sourceCaptures)
    .values({
      sourceId,
      method: 'fetch',
      requestedAt: at,
      capturedAt: at,
      requestedUrl: options.url ?? 'https://news.example.org/story',
      finalUrl: options.url ?? 'https://news.example.org/story',
      httpStatus: 200,
      outcome: 'ok',
      contentType: primary?.contentType ?? null,
      primarySha256: primary?.sha256 ?? null,
      readableText: text ? text.bytes.toString('utf8') : null,
      manifest: manifest.text,
      manifestSha256: manifest.sha256,
    })
    .returning({ id: sourceCaptures.id });
  if (described.length) await db.insert(captureFiles).values(described.map((f) => ({ captureId: capture.id, ...f })));
  return { captureId: capture.id, manifest, files: described };
}

/**
 * Runs `statement` with the append-only triggers skipped, as someone with direct database access
 * could: the triggers stop the app, verification is what must catch this.
 */
export async function tamperBypassingTriggers(statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(statement);
  });
}

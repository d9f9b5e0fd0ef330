/**
 * Writing one capture: its files (content-addressed), the capture row, its file rows and the audit
 * event, all in ONE transaction, so a capture is either there whole or not at all. Shared by
 * fetched captures (capture.ts) and uploads (upload.ts).
 */
import 'server-only';
import { db, type Tx } from '@/db';
import { captureFiles, sourceCaptures } from '@/db/schema';
import { recordAudit, type AuditAction } from '@/lib/audit/log';
import { withRetry } from '@/lib/transactions/retry';
import { buildManifest } from './manifest';
import { putBlob, sha256Hex } from './store';

export type FileRole = (typeof captureFiles.$inferInsert)['role'];
export type CaptureFileInput = { role: FileRole; bytes: Buffer; contentType: string };
export type CaptureRow = Omit<typeof sourceCaptures.$inferInsert, 'id' | 'manifest' | 'manifestSha256' | 'primarySha256' | 'createdAt'>;

export async function saveCapture(
  row: CaptureRow,
  files: CaptureFileInput[],
  primaryRole: FileRole | null,
  audit: { action: AuditAction; details: Record<string, unknown> },
): Promise<number> {
  return withRetry(() => db.transaction((tx: Tx) => insertCapture(tx, row, files, primaryRole, audit)));
}

/** The same, inside the caller's transaction (a capture written together with its new source). */
export async function insertCapture(
  tx: Tx,
  row: CaptureRow,
  files: CaptureFileInput[],
  primaryRole: FileRole | null,
  audit: { action: AuditAction; details: Record<string, unknown> },
): Promise<number> {
  const listed = files.map((f) => ({ role: f.role, sha256: sha256Hex(f.bytes), size: f.bytes.length, contentType: f.contentType }));
  const manifest = buildManifest(listed);
  const primary = primaryRole ? (listed.find((f) => f.role === primaryRole)?.sha256 ?? null) : null;
  for (const file of files) await putBlob(tx, file.bytes);
  const [capture] = await tx
    .insert(sourceCaptures)
    .values({ ...row, primarySha256: primary, manifest: manifest.text, manifestSha256: manifest.sha256 })
    .returning({ id: sourceCaptures.id });
  if (listed.length) await tx.insert(captureFiles).values(listed.map((f) => ({ ...f, captureId: capture.id })));
  await recordAudit(
    {
      action: audit.action,
      actorId: row.requestedById ?? null,
      targetKind: 'source',
      targetId: row.sourceId,
      details: { captureId: capture.id, ...audit.details },
    },
    tx,
  );
  return capture.id;
}

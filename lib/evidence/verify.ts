import 'server-only';
/**
 * `npm run verify-evidence`: proves the stored evidence is what was captured. For every capture
 * (or one source's) it recomputes each file's SHA-256 from the stored bytes, checks the manifest
 * against its hash and against the capture's files, checks the primary file is one of them, and
 * re-verifies every stored timestamp token over the manifest hash and against the trusted roots.
 * The append-only triggers stop the app and mistakes; this is what catches someone who bypassed
 * them (or a disk that flipped a bit).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { captureFiles, captureTimestamps, evidenceBlobs, sourceCaptures } from '@/db/schema';
import { env } from '@/lib/env';
import { buildManifest } from './manifest';
import { trustedRootsPem, verifyTimestampToken } from './tsa';

export type VerifyReport = {
  ok: boolean;
  checked: number;
  captures: { captureId: number; sourceId: number; ok: boolean; problems: string[] }[];
};

export type VerifyOptions = {
  /** Where files with no bytes in the database live; EVIDENCE_DIR by default. */
  evidenceDir?: string;
  /** PEM roots tokens must chain to; TSA_TRUST_FILE by default (null: chains not checked). */
  trustedRoots?: string | null;
  /**
   * The canonical manifest (lib/evidence/manifest.ts buildManifest by default): the stored text
   * must equal the one rebuilt from the capture_files rows, byte for byte.
   */
  rebuildManifest?: (files: { role: string; sha256: string; size: number; contentType: string }[]) => { text: string };
};

const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Captures checked per round trip: enough to be quick, few enough to keep memory flat. */
const BATCH = 50;

/**
 * The stored bytes of a blob: the bytes column, else the file under the evidence directory named
 * by its hash (`ab/cd/abcd…`). Null when neither holds it. Read one blob at a time, so a run over
 * many large captures holds one file in memory, not a batch.
 * (lib/evidence/store.ts readBlob does the same for the capture pipeline.)
 */
async function storedBytes(sha256: string, evidenceDir: string | undefined): Promise<Buffer | null> {
  const [row] = await db.select({ bytes: evidenceBlobs.bytes }).from(evidenceBlobs).where(eq(evidenceBlobs.sha256, sha256));
  if (row?.bytes) return row.bytes;
  if (!evidenceDir || !/^[0-9a-f]{64}$/.test(sha256)) return null;
  try {
    return await readFile(path.join(evidenceDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
  } catch {
    return null;
  }
}

type BlobState = { found: false } | { found: true; matches: boolean; size: number };

/**
 * The manifest lists the capture's files and nothing else: every file hash appears in it, and
 * every hash in it is one of the files. (Checked by content, not by re-rendering the text, so the
 * check does not depend on the manifest's layout; its own SHA-256 pins the exact text.)
 */
function manifestProblem(manifest: string, fileHashes: string[]): string | null {
  const listed = new Set(manifest.toLowerCase().match(/\b[0-9a-f]{64}\b/g) ?? []);
  const files = new Set(fileHashes);
  const missing = [...files].filter((h) => !listed.has(h));
  const extra = [...listed].filter((h) => !files.has(h));
  if (missing.length) return `manifest does not list ${missing.length} of the capture's files`;
  if (extra.length) return `manifest lists ${extra.length} file(s) the capture does not have`;
  return null;
}

export async function verifyEvidence(filter: { sourceId?: number } = {}, options: VerifyOptions = {}): Promise<VerifyReport> {
  const evidenceDir = options.evidenceDir ?? env.EVIDENCE_DIR;
  const roots = options.trustedRoots === undefined ? trustedRootsPem() : options.trustedRoots;
  const captures = await db
    .select({
      id: sourceCaptures.id,
      sourceId: sourceCaptures.sourceId,
      primarySha256: sourceCaptures.primarySha256,
      manifest: sourceCaptures.manifest,
      manifestSha256: sourceCaptures.manifestSha256,
    })
    .from(sourceCaptures)
    .where(filter.sourceId === undefined ? undefined : eq(sourceCaptures.sourceId, filter.sourceId))
    .orderBy(asc(sourceCaptures.id));

  const report: VerifyReport = { ok: true, checked: 0, captures: [] };
  // The same bytes are stored once and may belong to many captures: hash each blob once per run.
  const blobs = new Map<string, BlobState>();
  for (let start = 0; start < captures.length; start += BATCH) {
    const batch = captures.slice(start, start + BATCH);
    const ids = batch.map((c) => c.id);
    const [files, stamps] = await Promise.all([
      db
        .select({
          captureId: captureFiles.captureId,
          role: captureFiles.role,
          sha256: captureFiles.sha256,
          size: captureFiles.size,
          contentType: captureFiles.contentType,
        })
        .from(captureFiles)
        .where(inArray(captureFiles.captureId, ids)),
      db
        .select({
          id: captureTimestamps.id,
          captureId: captureTimestamps.captureId,
          tsaUrl: captureTimestamps.tsaUrl,
          token: captureTimestamps.token,
          genTime: captureTimestamps.genTime,
          serialNumber: captureTimestamps.serialNumber,
        })
        .from(captureTimestamps)
        .where(inArray(captureTimestamps.captureId, ids))
        .then((rows) => rows.filter((r) => r.token !== null)),
    ]);
    // Only ok rows carry a token; failed attempts have nothing to verify.

    for (const capture of batch) {
      const problems: string[] = [];
      const own = files.filter((f) => f.captureId === capture.id);
      for (const file of own) {
        let blob = blobs.get(file.sha256);
        if (!blob) {
          const bytes = await storedBytes(file.sha256, evidenceDir);
          blob = bytes ? { found: true, matches: sha256Hex(bytes) === file.sha256, size: bytes.length } : { found: false };
          blobs.set(file.sha256, blob);
        }
        if (!blob.found) problems.push(`${file.role} file: stored bytes missing`);
        else if (!blob.matches) problems.push(`${file.role} file: stored bytes do not match its SHA-256`);
        else if (blob.size !== file.size) problems.push(`${file.role} file: size differs from the record`);
      }
      if (sha256Hex(capture.manifest) !== capture.manifestSha256) problems.push('manifest does not match its SHA-256');
      const listing = manifestProblem(capture.manifest, own.map((f) => f.sha256));
      if (listing) problems.push(listing);
      else {
        const rebuilt = (options.rebuildManifest ?? buildManifest)(own.map(({ role, sha256, size, contentType }) => ({ role, sha256, size, contentType })));
        if (rebuilt.text !== capture.manifest) problems.push("manifest differs from the one rebuilt from the capture's files");
      }
      if (capture.primarySha256 && !own.some((f) => f.sha256 === capture.primarySha256)) {
        problems.push("primary file is not among the capture's files");
      }
      for (const stamp of stamps.filter((s) => s.captureId === capture.id)) {
        const result = await verifyTimestampToken(stamp.token!, capture.manifestSha256, roots);
        if (!result.ok) problems.push(`timestamp #${stamp.id} (${stamp.tsaUrl}): ${result.reason}`);
        // Pages show the stored columns, so they must say what the signed token says.
        else if (stamp.genTime?.getTime() !== result.genTime.getTime() || stamp.serialNumber !== result.serialNumber) {
          problems.push(`timestamp #${stamp.id} (${stamp.tsaUrl}): stored time or serial differs from the token`);
        }
      }
      report.captures.push({ captureId: capture.id, sourceId: capture.sourceId, ok: problems.length === 0, problems });
      report.checked += 1;
      if (problems.length) report.ok = false;
    }
  }
  return report;
}

/** The report as lines for a terminal: one per failing capture, then a summary. */
export function formatVerifyReport(report: VerifyReport, chainsChecked: boolean): string {
  const lines: string[] = [];
  const failing = report.captures.filter((c) => !c.ok);
  if (failing.length) {
    lines.push('capture  source  problem');
    for (const capture of failing) {
      for (const problem of capture.problems) {
        lines.push(`${String(capture.captureId).padStart(7)}  ${String(capture.sourceId).padStart(6)}  ${problem}`);
      }
    }
  }
  if (!chainsChecked) lines.push('Note: TSA_TRUST_FILE is unset, so timestamp chains were not checked against a trusted root.');
  lines.push(
    report.ok
      ? `All good: ${report.checked} capture(s) verified.`
      : `FAILED: ${failing.length} of ${report.checked} capture(s) did not verify.`,
  );
  return lines.join('\n');
}

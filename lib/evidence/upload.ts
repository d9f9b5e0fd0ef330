/**
 * A monitor uploads what they saved themselves (a PDF, a screenshot, the page's HTML, its text)
 * instead of, or besides, the server's fetch: hashed and kept like a capture, marked as uploaded by
 * whom. The type is read from the bytes (magic numbers), never from the browser's claim alone, so
 * an executable renamed to .pdf is refused and an HTML file is never stored as "image/png".
 */
import 'server-only';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { env } from '@/lib/env';
import { derivedFiles } from './capture';
import { saveCapture, type CaptureFileInput } from './persist';
import { timestampCapture } from './timestamps';

export type UploadResult = { ok: true; captureId: number } | { ok: false; error: 'empty' | 'tooLarge' | 'unsupportedType' };

export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp' | 'text/html' | 'text/plain';

function isUtf8Text(bytes: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Control characters other than tab, newline, carriage return and form feed mean binary.
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

/** The real type of a file from its first bytes; null when it is none of the accepted kinds. */
export function sniffType(bytes: Buffer): SniffedType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (!isUtf8Text(bytes)) return null;
  const head = bytes.subarray(0, 1024).toString('utf8').replace(/^\ufeff/, '').trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<!--[\s\S]*?-->\s*<(!doctype html|html))/.test(head)) return 'text/html';
  return 'text/plain';
}

/** The declared type, when it names a family the bytes contradict, is simply ignored. */
function storedContentType(sniffed: SniffedType): string {
  return sniffed.startsWith('text/') ? `${sniffed}; charset=utf-8` : sniffed;
}

/** Only the base name, without control characters, at most 200 characters. */
function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'upload').slice(0, 200);
}

export async function uploadCapture({
  sourceId,
  requestedBy,
  filename,
  contentType,
  bytes,
}: {
  sourceId: number;
  requestedBy: Actor;
  filename: string;
  /** What the browser said; recorded nowhere and trusted for nothing (the bytes decide). */
  contentType: string;
  bytes: Buffer;
}): Promise<UploadResult> {
  void contentType;
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  if (bytes.length > env.CAPTURE_MAX_BYTES) return { ok: false, error: 'tooLarge' };
  const sniffed = sniffType(bytes);
  if (!sniffed) return { ok: false, error: 'unsupportedType' };
  const [source] = await db.select({ url: sources.url }).from(sources).where(and(eq(sources.id, sourceId), isNull(sources.deletedAt)));
  if (!source) throw new Error(`Source ${sourceId} does not exist.`);

  const receivedAt = new Date();
  const type = storedContentType(sniffed);
  const files: CaptureFileInput[] = [{ role: 'upload', bytes, contentType: type }];
  // An uploaded page is hostile like a fetched one: the same renderer, scripts off, sub-requests vetted.
  const derived = sniffed.startsWith('text/') ? await derivedFiles(bytes, type, source.url) : null;
  if (derived) files.push(...derived.files);
  const captureId = await saveCapture(
    {
      sourceId,
      method: 'upload',
      requestedById: requestedBy.id,
      requestedAt: receivedAt,
      capturedAt: receivedAt,
      requestedUrl: source.url,
      finalUrl: null,
      httpStatus: null,
      outcome: 'ok',
      detail: null,
      responseHeaders: null,
      contentType: type,
      uploadFilename: cleanFilename(filename),
      readableTitle: derived?.readable?.title || null,
      readableText: derived?.readable?.text ?? null,
      renderNote: derived && sniffed === 'text/html' ? derived.renderNote : null,
    },
    files,
    'upload',
    // The file name may name a person: only the type and size go into the trail.
    { action: 'source_capture_uploaded', details: { contentType: sniffed, size: bytes.length } },
  );
  try {
    await timestampCapture(captureId);
  } catch {
    // As for fetched captures: a failing authority never undoes the upload.
  }
  return { ok: true, captureId };
}

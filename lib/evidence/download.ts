/**
 * How a stored capture file is handed out (app/sources/[id]/captures/[captureId]/[role]). Pure.
 * An archived page is hostile content written by someone else: served inline on the tracker's
 * origin, its scripts would run with the reader's session. So every file is an attachment, typed
 * as nothing a browser would render as a page, sandboxed and not sniffed.
 */
import { z } from 'zod';

export const CAPTURE_FILE_ROLES = ['response', 'warc', 'text', 'pdf', 'png', 'upload', 'tls_chain'] as const;
export type CaptureFileRoleName = (typeof CAPTURE_FILE_ROLES)[number];

/**
 * The policy a captured file is served under: an opaque-origin sandbox that loads nothing. The
 * proxy (proxy.ts) sets it in place of the app's page policy on these paths.
 */
export const CAPTURED_FILE_CSP = "sandbox; default-src 'none'";

/** Paths of captured files (the download route), for the proxy. */
export function isCapturedFilePath(pathname: string): boolean {
  return /^\/sources\/[^/]+\/captures\/[^/]+\/[^/]+\/?$/.test(pathname);
}

const idText = z.string().regex(/^\d{1,9}$/).transform(Number);
const paramsInput = z.object({ id: idText, captureId: idText, role: z.enum(CAPTURE_FILE_ROLES) });

/** The route's params, or null for anything malformed (then a 404, never a 500). */
export function parseCaptureFileParams(params: { id: string; captureId: string; role: string }) {
  const parsed = paramsInput.safeParse(params);
  return parsed.success ? { sourceId: parsed.data.id, captureId: parsed.data.captureId, role: parsed.data.role } : null;
}

/** Types passed through as they are: documents a browser shows without running the page's code. */
const KEPT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'text/plain': 'txt',
  'application/warc': 'warc',
};
const ROLE_EXTENSIONS: Record<CaptureFileRoleName, string> = {
  response: 'bin',
  warc: 'warc',
  text: 'txt',
  pdf: 'pdf',
  png: 'png',
  upload: 'bin',
  tls_chain: 'pem',
};

function essence(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

/** The file's name when saved: capture and role, with an extension that matches what it is. */
export function downloadFileName(file: { captureId: number; role: CaptureFileRoleName; contentType: string }): string {
  const type = essence(file.contentType);
  const extension = KEPT_TYPES[type] ?? (type === 'text/html' || type === 'application/xhtml+xml' ? 'html' : ROLE_EXTENSIONS[file.role]);
  return `capture-${file.captureId}-${file.role.replace('_', '-')}.${extension}`;
}

export function evidenceDownloadHeaders(file: { captureId: number; role: CaptureFileRoleName; contentType: string; sha256: string; size: number }): Record<string, string> {
  const type = essence(file.contentType);
  return {
    // HTML, SVG, XML and anything unknown go out as opaque bytes; the file name keeps its extension.
    'Content-Type': KEPT_TYPES[type] ? (type === 'text/plain' ? 'text/plain; charset=utf-8' : type) : 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${downloadFileName(file)}"`,
    'Content-Length': String(file.size),
    // Should a browser render it after all, it gets a sandbox: no scripts, no forms, an opaque origin.
    'Content-Security-Policy': CAPTURED_FILE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    // RFC 9530: the reader's tools can check the bytes against the hash the page shows.
    'Repr-Digest': `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
  };
}

/**
 * Capturing a source: the server fetches its URL (safely, see fetcher.ts) and keeps the response
 * as received, a WARC of the exchange, the readable text, Chromium's PDF and PNG renderings of the
 * stored bytes and, for https, the certificate chain; each file hashed. Everything is prepared
 * first and then written in ONE transaction; the timestamp authorities are asked afterwards (a
 * slow authority never holds a transaction open). Every attempt is kept, failures too: a blocked
 * or vanished page is itself worth recording.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { APP_VERSION } from '@/lib/app-version';
import { safeFetch, type CaptureOutcome } from './fetcher';
import { saveCapture, type CaptureFileInput, type CaptureRow } from './persist';
import { decodeHtml, readableText, tidyText, type Readable } from './readable';
import { renderPage } from './render';
import { timestampCapture } from './timestamps';
import { buildWarc } from './warc';

/** The software named in each WARC's warcinfo record: this app, not the User-Agent its fetches send. */
export const CAPTURE_SOFTWARE = `case-tracker/${APP_VERSION} (source capture)`;

export type { CaptureOutcome } from './fetcher';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_PLAIN = 'text/plain; charset=utf-8';

export function mimeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The readable text of a body by its type: Readability for HTML, the text itself for plain text. */
export function readableOf(body: Buffer, contentType: string | null, url: string): Readable | null {
  const mime = mimeOf(contentType);
  if (HTML_TYPES.has(mime)) return readableText(decodeHtml(body, contentType), url);
  if (mime === 'text/plain') {
    const text = tidyText(decodeHtml(body, contentType));
    return text ? { title: '', text } : null;
  }
  return null;
}

/** Readable text, PDF and PNG of a stored page, as capture files; and why there is no rendering. */
export async function derivedFiles(
  body: Buffer,
  contentType: string,
  url: string,
): Promise<{ files: CaptureFileInput[]; readable: Readable | null; renderNote: string | null }> {
  const files: CaptureFileInput[] = [];
  const readable = readableOf(body, contentType, url);
  if (readable) files.push({ role: 'text', bytes: Buffer.from(readable.text, 'utf8'), contentType: TEXT_PLAIN });
  let renderNote: string | null = null;
  if (HTML_TYPES.has(mimeOf(contentType))) {
    const rendering = await renderPage({ body, contentType, url });
    if (rendering.pdf) files.push({ role: 'pdf', bytes: rendering.pdf, contentType: 'application/pdf' });
    if (rendering.png) files.push({ role: 'png', bytes: rendering.png, contentType: 'image/png' });
    renderNote = rendering.note;
  } else {
    renderNote = 'Only HTML pages are rendered; this file is kept as it is.';
  }
  return { files, readable, renderNote };
}

/** A fetched page made ready to store: the capture row (without its source), its files, what it reads as. */
export type PreparedCapture = {
  row: Omit<CaptureRow, 'sourceId'>;
  files: CaptureFileInput[];
  primaryRole: 'response' | null;
  readable: Readable | null;
  outcome: CaptureOutcome;
  audit: { action: 'source_captured'; details: Record<string, unknown> };
};

/**
 * Fetches a URL through safeFetch and prepares everything a capture stores, writing nothing: the
 * caller stores it (saveCapture, or insertCapture inside its own transaction).
 */
export async function prepareCapture(url: string, requestedBy: Pick<Actor, 'id'> | null, requestedAt = new Date()): Promise<PreparedCapture> {
  const fetched = await safeFetch(url);
  const files: CaptureFileInput[] = [];
  let readable: Readable | null = null;
  let renderNote: string | null = null;
  const contentType = fetched.contentType ?? 'application/octet-stream';
  if (fetched.body) {
    files.push({ role: 'response', bytes: fetched.body, contentType });
    if (fetched.outcome === 'ok') {
      const derived = await derivedFiles(fetched.body, contentType, fetched.finalUrl ?? url);
      files.push(...derived.files);
      readable = derived.readable;
      renderNote = derived.renderNote;
    }
  }
  if (fetched.exchanges.length) {
    const warc = await buildWarc({ exchanges: fetched.exchanges, requestedUrl: url, software: CAPTURE_SOFTWARE });
    files.push({ role: 'warc', bytes: warc, contentType: 'application/warc' });
  }
  if (fetched.tlsChain?.length) {
    files.push({ role: 'tls_chain', bytes: Buffer.from(fetched.tlsChain.join(''), 'utf8'), contentType: 'application/x-pem-file' });
  }
  const last = fetched.exchanges.at(-1);
  return {
    row: {
      method: 'fetch',
      requestedById: requestedBy?.id ?? null,
      requestedAt,
      capturedAt: last?.receivedAt ?? fetched.finishedAt,
      requestedUrl: url,
      finalUrl: fetched.finalUrl,
      httpStatus: fetched.status,
      outcome: fetched.outcome,
      detail: fetched.detail,
      responseHeaders: fetched.exchanges.length ? fetched.headers : null,
      contentType: fetched.contentType,
      readableTitle: readable?.title || null,
      readableText: readable?.text ?? null,
      renderNote,
    },
    files,
    primaryRole: fetched.body ? 'response' : null,
    readable,
    outcome: fetched.outcome,
    audit: { action: 'source_captured', details: { outcome: fetched.outcome, httpStatus: fetched.status, files: files.length } },
  };
}

export async function captureSource({
  sourceId,
  requestedBy,
  requestedAt = new Date(),
}: {
  sourceId: number;
  requestedBy: Pick<Actor, 'id'> | null;
  requestedAt?: Date;
}): Promise<{ captureId: number; outcome: CaptureOutcome }> {
  const [source] = await db.select({ url: sources.url }).from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new Error(`Source ${sourceId} does not exist.`);

  const prepared = await prepareCapture(source.url, requestedBy, requestedAt);
  const captureId = await saveCapture({ ...prepared.row, sourceId }, prepared.files, prepared.primaryRole, prepared.audit);
  try {
    await timestampCapture(captureId);
  } catch {
    // Timestamps are added beside the capture; a failing authority never undoes the capture.
  }
  return { captureId, outcome: prepared.outcome };
}

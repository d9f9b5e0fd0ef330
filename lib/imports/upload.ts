/**
 * Reads an import upload from a route handler's request body (multipart form with a `file` field,
 * or the CSV itself as the body). Unlike a server action, whose body limit answers an oversized
 * file with a bare 413/500, this stops at the app's own limit and says so. Pure (no database).
 */
import { MAX_IMPORT_BYTES } from './csv';

/** The multipart envelope around the file (boundaries, headers of the parts). */
const MAX_BODY_BYTES = MAX_IMPORT_BYTES + 64 * 1024;
/**
 * Past the limit the rest of the body is read and dropped rather than the connection cut: a
 * browser whose upload is cut off shows a network error instead of the redirect with our message.
 * Beyond this much, the connection is cut after all.
 */
const DRAIN_BYTES = 100 * 1024 * 1024;

/** File-level refusals, as the import page names them (`imports.errors.<code>`). */
export const UPLOAD_ERRORS = ['noFile', 'fileTooLarge', 'notUtf8', 'notCsv', 'empty', 'fileTooManyRows', 'fileTooManyColumns', 'missingColumns', 'previousTemplate', 'expired'] as const;
export type UploadError = (typeof UPLOAD_ERRORS)[number];

export type Upload = { ok: true; fileName: string; text: string } | { ok: false; error: UploadError };

/** The body, or null when it is larger than `limit` (then drained, see DRAIN_BYTES). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > DRAIN_BYTES) {
      await reader.cancel();
      return null;
    }
    if (size <= limit) chunks.push(value);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

export async function readUpload(request: Request): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  const body = await readAtMost(request.body, MAX_BODY_BYTES);
  if (!body) return { ok: false, error: 'fileTooLarge' };
  let fileName = 'import.csv';
  let bytes: Uint8Array = body;
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': type } }).formData();
    } catch {
      return { ok: false, error: 'noFile' };
    }
    const file = form.get('file');
    if (!(file instanceof File)) return { ok: false, error: 'noFile' };
    fileName = file.name || fileName;
    bytes = new Uint8Array(await file.arrayBuffer());
  }
  if (bytes.byteLength === 0) return { ok: false, error: 'noFile' };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, error: 'fileTooLarge' };
  return { ok: true, fileName: fileName.slice(0, 200), text: new TextDecoder('utf-8').decode(bytes) };
}

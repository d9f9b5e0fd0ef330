'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/guard';
import { captureSource } from '@/lib/evidence/capture';
import { uploadCapture } from '@/lib/evidence/upload';
import { verifyEvidence, type VerifyReport } from '@/lib/evidence/verify';
import { isSourceVisible } from '@/lib/sources/queries';
import { logError } from '@/lib/log';

/** What the capture and upload forms show after a post: a message key, and the file the user chose. */
export type EvidenceFormState = {
  /** A full message key (evidence.…). */
  error?: string;
  /** The name of the file the user chose, so the error can say which one. */
  fileName?: string;
  done?: 'captured' | 'uploaded';
  outcome?: string;
};

export type VerifyFormState = { report?: VerifyReport; error?: string };

/** The source id of a post, or null for anything malformed (a forged post gets a refusal, not a 500). */
function sourceIdOf(form: FormData): number | null {
  const raw = form.get('sourceId');
  return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

/** Fetches the source's URL again now; the capture is added to the list, never replacing one. */
export async function captureAgainAction(_: EvidenceFormState, form: FormData): Promise<EvidenceFormState> {
  const user = await requirePermission('write');
  const sourceId = sourceIdOf(form);
  if (sourceId === null || !(await isSourceVisible(user, sourceId))) return { error: 'evidence.errors.notFound' };
  try {
    const { outcome } = await captureSource({ sourceId, requestedBy: user });
    revalidatePath(`/sources/${sourceId}`);
    return { done: 'captured', outcome };
  } catch (error) {
    // The capture records its own failures (timeout, blocked…); this is the unexpected kind.
    logError('capture failed', error);
    return { error: 'evidence.errors.captureFailed' };
  }
}

/** uploadCapture's refusals as message keys; it sniffs the real type from the bytes, never trusting the declared one. */
const UPLOAD_ERRORS = { empty: 'evidence.upload.errors.empty', tooLarge: 'evidence.upload.errors.tooLarge', unsupportedType: 'evidence.upload.errors.unsupportedType' } as const;

/** Keeps a file a monitor saved themselves (PDF, HTML, screenshot, text) as a capture of the source. */
export async function uploadCaptureAction(_: EvidenceFormState, form: FormData): Promise<EvidenceFormState> {
  const user = await requirePermission('write');
  const sourceId = sourceIdOf(form);
  if (sourceId === null || !(await isSourceVisible(user, sourceId))) return { error: 'evidence.errors.notFound' };
  const file = form.get('file');
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return { error: 'evidence.upload.errors.noFile' };
  // Only the last path segment and no control characters: the name is shown back and stored.
  const fileName = file.name.split(/[\\/]/).pop()!.replace(/\p{Cc}/gu, '').slice(0, 200);
  const result = await uploadCapture({
    sourceId,
    requestedBy: user,
    filename: fileName,
    contentType: file.type,
    bytes: Buffer.from(await file.arrayBuffer()),
  });
  if (!result.ok) return { error: UPLOAD_ERRORS[result.error], fileName };
  revalidatePath(`/sources/${sourceId}`);
  return { done: 'uploaded', fileName };
}

/** Recomputes every stored hash of the source's captures and checks every timestamp token (admins). */
export async function verifySourceEvidenceAction(_: VerifyFormState, form: FormData): Promise<VerifyFormState> {
  await requirePermission('verifyEvidence');
  const sourceId = sourceIdOf(form);
  if (sourceId === null) return { error: 'evidence.errors.notFound' };
  return { report: await verifyEvidence({ sourceId }) };
}

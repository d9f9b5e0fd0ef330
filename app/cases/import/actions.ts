'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requirePermission } from '@/lib/auth/guard';
import { MAX_IMPORT_BYTES } from '@/lib/imports/csv';
import { commitImport, previewImport, type ImportPreview, type PreviewRow } from '@/lib/imports/queries';
import { warmDefaultDashboards } from '@/lib/dashboard/cache';

export type ImportPreviewState = { error?: string; columns?: string[]; preview?: ImportPreview };
export type ImportCommitState = { error?: string; rows?: PreviewRow[] };

/** Checks an uploaded CSV and keeps it as a pending import; writes no record. */
export async function previewImportAction(_: ImportPreviewState, form: FormData): Promise<ImportPreviewState> {
  const user = await requirePermission('import');
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return { error: 'imports.errors.noFile' };
  if (file.size > MAX_IMPORT_BYTES) return { error: 'imports.errors.tooLarge' };
  const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
  // Invalid UTF-8 decodes to U+FFFD: names would be garbled, so refuse the file rather than guess.
  if (text.includes('\uFFFD')) return { error: 'imports.errors.notUtf8' };
  const fileName = (file.name || 'import.csv').slice(0, 200);
  const result = await previewImport(user, fileName, text);
  if (!result.ok) return { error: result.error, columns: result.columns };
  return { preview: result.preview };
}

const commitInput = z.object({
  batchId: z.uuid(),
  skipInvalid: z.enum(['0', '1']).default('0'),
});

/** Imports a pending file, checked again on the server, in one transaction. */
export async function commitImportAction(_: ImportCommitState, form: FormData): Promise<ImportCommitState> {
  const user = await requirePermission('import');
  const parsed = commitInput.safeParse({ batchId: form.get('batchId') ?? undefined, skipInvalid: form.get('skipInvalid') ?? undefined });
  if (!parsed.success) return { error: 'imports.errors.expired' };
  const result = await commitImport(user, parsed.data.batchId, { skipInvalid: parsed.data.skipInvalid === '1' });
  if (!result.ok) {
    if (result.reason === 'invalid') return { error: 'imports.errors.invalidAtCommit', rows: result.rows };
    return { error: result.reason === 'nothingValid' ? 'imports.errors.nothingValid' : 'imports.errors.expired' };
  }
  revalidatePath('/cases');
  warmDefaultDashboards();
  redirect(`/cases/import?imported=${result.imported}&skipped=${result.skipped}&batch=${parsed.data.batchId.slice(0, 8)}`);
}

'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requirePermission } from '@/lib/auth/guard';
import { commitImport, type PreviewRow } from '@/lib/imports/queries';
import { warmDefaultDashboards } from '@/lib/dashboard/cache';

export type ImportCommitState = { error?: string; rows?: PreviewRow[] };

const commitInput = z.object({
  batchId: z.uuid(),
  skipInvalid: z.enum(['0', '1']).default('0'),
});

/** Imports a pending file, checked again on the server, in one transaction. (The upload is app/cases/import/upload/route.ts.) */
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
  redirect(`/cases/import?imported=${result.imported}&skipped=${result.skipped}&done=${parsed.data.batchId.slice(0, 8)}`);
}

'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requirePermission } from '@/lib/auth/guard';
import { captureAfterResponse } from '@/lib/evidence/after-save';
import { commitImport, type PersonChoice, type PreviewRow } from '@/lib/imports/queries';
import { warmDefaultDashboards } from '@/lib/dashboard/cache';

export type ImportCommitState = { error?: string; rows?: PreviewRow[] };

const commitInput = z.object({
  batchId: z.uuid(),
  skipInvalid: z.enum(['0', '1']).default('0'),
});

/** Rows of a file the preview may carry answers for (the upload's own row limit is lower). */
const MAX_CHOICES = 20_000;
const ROW = /^\d{1,6}$/;
const choiceValue = z.union([z.literal(''), z.literal('new'), z.string().regex(/^\d{1,9}$/)]);
const shownValue = z.string().regex(/^(\d{1,9}(,\d{1,9}){0,9})?$/);

/**
 * The preview's per-row answers to the duplicate warning: `person.<row>` is '' (no answer), 'new'
 * or a person's id; `shown.<row>` the people proposed for the row. Only the shape is checked here:
 * commitImport verifies every person named. Null when the post is malformed.
 */
function readPersonChoices(form: FormData): Map<number, PersonChoice> | null {
  const choices = new Map<number, PersonChoice>();
  let seen = 0;
  for (const [key, value] of form.entries()) {
    const [kind, row] = key.split('.');
    if ((kind !== 'person' && kind !== 'shown') || row === undefined) continue;
    if (++seen > MAX_CHOICES * 2 || !ROW.test(row) || typeof value !== 'string') return null;
    if (kind === 'shown') {
      if (!shownValue.safeParse(value).success) return null;
      continue;
    }
    const choice = choiceValue.safeParse(value);
    if (!choice.success) return null;
    if (choice.data === 'new') {
      const shown = String(form.get(`shown.${row}`) ?? '');
      if (!shownValue.safeParse(shown).success) return null;
      choices.set(Number(row), { different: shown ? [...new Set(shown.split(',').map(Number))] : [] });
    } else if (choice.data !== '') choices.set(Number(row), { existing: Number(choice.data) });
  }
  return choices;
}

/** Imports a pending file, checked again on the server, in one transaction. (The upload is app/cases/import/upload/route.ts.) */
export async function commitImportAction(_: ImportCommitState, form: FormData): Promise<ImportCommitState> {
  const user = await requirePermission('import');
  const parsed = commitInput.safeParse({ batchId: form.get('batchId') ?? undefined, skipInvalid: form.get('skipInvalid') ?? undefined });
  if (!parsed.success) return { error: 'imports.errors.expired' };
  const personChoices = readPersonChoices(form);
  if (!personChoices) return { error: 'matching.errors.unknownPerson' };
  const result = await commitImport(user, parsed.data.batchId, { skipInvalid: parsed.data.skipInvalid === '1', personChoices });
  if (!result.ok) {
    if (result.reason === 'invalid') return { error: 'imports.errors.invalidAtCommit', rows: result.rows };
    return { error: result.reason === 'nothingValid' ? 'imports.errors.nothingValid' : 'imports.errors.expired' };
  }
  revalidatePath('/cases');
  warmDefaultDashboards();
  captureAfterResponse();
  redirect(`/cases/import?imported=${result.imported}&skipped=${result.skipped}&done=${parsed.data.batchId.slice(0, 8)}`);
}

'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/guard';
import { captureAfterResponse } from '@/lib/evidence/after-save';
import { caseInput, formFieldErrors, readCaseForm, versionInput } from '@/lib/cases/schema';
import { createCase, updateCase, type SaveResult } from '@/lib/cases/queries';
import { fieldErrors, formValues, single, type FormState } from '@/lib/forms';
import { warmDefaultDashboards } from '@/lib/dashboard/cache';

const REASON_MESSAGES = { conflict: 'errors.conflict', notFound: 'errors.notFound' } as const;

/** Creates a detention, or saves an edit when the form carries an id and the version it started from. */
export async function saveCase(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('write');
  const values = formValues(form);
  const raw = readCaseForm(values);
  const parsed = caseInput.safeParse(raw);
  // Errors are keyed by the names the form posted, so each lands next to its row even when a
  // blank row before it was dropped.
  if (!parsed.success) return { errors: formFieldErrors(raw, fieldErrors(parsed.error)), values };

  let result: SaveResult;
  const id = single(values, 'id');
  if (id) {
    const version = versionInput.safeParse(single(values, 'version'));
    if (!/^\d{1,9}$/.test(id) || !version.success) return { formError: 'errors.notFound', values };
    result = await updateCase(user, Number(id), version.data, parsed.data);
  } else {
    result = await createCase(user, parsed.data);
  }
  if (!result.ok) {
    return 'errors' in result
      ? { errors: formFieldErrors(raw, result.errors), values }
      : { formError: REASON_MESSAGES[result.reason], values };
  }
  revalidatePath('/cases');
  warmDefaultDashboards();
  captureAfterResponse();
  redirect(`/cases/${result.id}`);
}

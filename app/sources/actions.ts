'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/guard';
import { captureAfterResponse } from '@/lib/evidence/after-save';
import { versionInput } from '@/lib/cases/schema';
import { fieldErrors, formValues, single, type FormState } from '@/lib/forms';
import { isSourceVisible, updateSource } from '@/lib/sources/queries';
import { sourceInput } from '@/lib/sources/schema';

const REASONS = { conflict: 'errors.conflict', notFound: 'errors.notFound' } as const;

export async function saveSource(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('write');
  const values = formValues(form);
  const id = single(values, 'id');
  const version = versionInput.safeParse(single(values, 'version'));
  if (!/^\d{1,9}$/.test(id) || !version.success) return { formError: 'errors.notFound', values };
  const parsed = sourceInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  // The edit page is refused for a source the user may not see; so is a post forged for one.
  if (!(await isSourceVisible(user, Number(id)))) return { formError: 'errors.notFound', values };
  const result = await updateSource(user, Number(id), version.data, parsed.data);
  if (!result.ok) {
    if (result.reason === 'urlTaken') return { errors: { url: ['errors.urlTaken'] }, values };
    return { formError: REASONS[result.reason], values };
  }
  revalidatePath(`/sources/${id}`);
  captureAfterResponse();
  redirect(`/sources/${id}`);
}

'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/guard';
import { versionInput } from '@/lib/cases/schema';
import { fieldErrors, formValues, single, type FormState } from '@/lib/forms';
import { updatePerson } from '@/lib/people/queries';
import { personInput } from '@/lib/people/schema';
import { warmDefaultDashboards } from '@/lib/dashboard/cache';

export async function savePerson(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('write');
  const values = formValues(form);
  const id = single(values, 'id');
  const version = versionInput.safeParse(single(values, 'version'));
  if (!/^\d{1,9}$/.test(id) || !version.success) return { formError: 'errors.notFound', values };
  const parsed = personInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await updatePerson(user, Number(id), version.data, parsed.data);
  if (!result.ok) return { formError: result.reason === 'conflict' ? 'errors.conflict' : 'errors.notFound', values };
  revalidatePath(`/people/${id}`);
  warmDefaultDashboards();
  redirect(`/people/${id}`);
}

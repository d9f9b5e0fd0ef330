'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { recordAudit } from '@/lib/audit/log';
import { requirePermission } from '@/lib/auth/guard';
import { fieldErrors, formValues, type FormState } from '@/lib/forms';
import { clientIp } from '@/lib/request/client';
import { createUser, EmailTakenError, updateUser } from '@/lib/users/queries';
import { createUserInput, updateUserInput } from '@/lib/users/schema';

export async function createUserAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = await requirePermission('manageUsers');
  // The password is never sent back to the browser, not even to refill the form.
  const { password: _password, ...values } = formValues(form);
  const parsed = createUserInput.safeParse(formValues(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  try {
    const id = await createUser(parsed.data);
    await recordAudit({ action: 'user_created', actorId: admin.id, targetKind: 'user', targetId: id, ip: await clientIp(), details: { role: parsed.data.role } });
  } catch (error) {
    if (error instanceof EmailTakenError) return { errors: { email: ['errors.emailTaken'] }, values };
    throw error;
  }
  revalidatePath('/admin/users');
  redirect('/admin/users?created=1');
}

export async function updateUserAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = await requirePermission('manageUsers');
  const values = formValues(form);
  const parsed = updateUserInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  // An admin can't lock themselves out: someone must always be able to manage users.
  if (parsed.data.id === admin.id && (parsed.data.disabled || parsed.data.role !== 'admin')) {
    return { formError: 'errors.selfLockout', values };
  }
  const result = await updateUser(parsed.data, { id: admin.id, ip: await clientIp() });
  if (!result.ok) return { formError: `errors.${result.reason}`, values };
  revalidatePath('/admin/users');
  return { ok: true };
}

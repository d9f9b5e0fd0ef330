'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/guard';
import { fieldErrors, formValues, type FormState } from '@/lib/forms';
import { resetTwoFactor } from '@/lib/two-factor/queries';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { refusalFormState, resetInput } from '@/lib/two-factor/schema';

/** An admin turns off another user's two-factor sign-in, after giving their own password. */
export async function resetTwoFactorAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = await requirePermission('manageUsers');
  const parsed = resetInput.safeParse(formValues(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const result = await resetTwoFactor(parsed.data.userId, admin.id, parsed.data.password);
  if (!result.ok) return refusalFormState(result);
  // A reset usually means a lost or stolen phone: whoever holds the user's sessions loses them too.
  await revokeUserSessions(parsed.data.userId);
  revalidatePath('/admin/users');
  return { ok: true };
}

'use server';

import { revalidatePath } from 'next/cache';
import { userRole } from '@/db/schema';
import { requirePermission } from '@/lib/auth/guard';
import { fieldErrors, type FormState } from '@/lib/forms';
import { setRoleRequiresTwoFactor } from '@/lib/two-factor/queries';
import { rolePolicyInput } from '@/lib/two-factor/schema';

/** Saves every role's box; only the roles whose setting changed get an audit event. */
export async function saveRolePolicyAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = await requirePermission('manageUsers');
  const parsed = rolePolicyInput.safeParse({ requireTwoFactor: form.getAll('requireTwoFactor') });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  for (const role of userRole.enumValues) {
    await setRoleRequiresTwoFactor(role, parsed.data.requireTwoFactor.includes(role), admin.id);
  }
  revalidatePath('/admin/security');
  return { ok: true };
}

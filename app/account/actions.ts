'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/lib/audit/log';
import { requireUser } from '@/lib/auth/guard';
import { revokeSession } from '@/lib/auth/sessions';
import { fieldErrors, formValues, type FormState } from '@/lib/forms';
import { clientIp } from '@/lib/request/client';
import { changePassword } from '@/lib/users/password';
import { changePasswordInput } from '@/lib/users/schema';

export async function changePasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser({ setupAllowed: true });
  const parsed = changePasswordInput.safeParse(formValues(form));
  // Passwords are never sent back to the browser, not even to refill the form.
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const result = await changePassword(user.id, parsed.data, { sessionKey: user.sessionKey, ip: await clientIp() });
  if (result === 'wrongPassword') return { errors: { currentPassword: ['errors.wrongPassword'] } };
  if (result === 'throttled') return { errors: { currentPassword: ['twoFactor.errors.throttled'] } };
  revalidatePath('/account');
  return { ok: true };
}

/** Ends one of the user's own sessions (the key is checked against the user's id in the query). */
export async function endSessionAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser({ setupAllowed: true });
  const key = String(form.get('session') ?? '');
  if (!/^[0-9a-f]{64}$/.test(key) || !(await revokeSession(user.id, key))) return { formError: 'errors.notFound' };
  await recordAudit({ action: 'session_revoked', actorId: user.id, targetKind: 'session', ip: await clientIp() });
  revalidatePath('/account');
  return { ok: true };
}

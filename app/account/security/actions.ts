'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/guard';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { fieldErrors, formValues, type FormState } from '@/lib/forms';
import { confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, startEnrolment } from '@/lib/two-factor/queries';
import { codeInput, disableInput, passwordInput, refusalFormState } from '@/lib/two-factor/schema';

export type EnrolFormState = FormState & { enrolment?: { secret: string; qrSvg: string } };
export type RecoveryCodesFormState = FormState & { recoveryCodes?: string[] };

// Passwords and codes are never sent back to refill a form.

export async function startEnrolmentAction(_: EnrolFormState, form: FormData): Promise<EnrolFormState> {
  const user = await requireUser({ setupAllowed: true });
  const parsed = passwordInput.safeParse(formValues(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const result = await startEnrolment(user.id, parsed.data.password);
  if (!result.ok) return refusalFormState(result);
  return { ok: true, enrolment: { secret: result.secret, qrSvg: result.qrSvg } };
}

/** No revalidation here: the page would swap this form out before the codes could be read. */
export async function confirmEnrolmentAction(_: RecoveryCodesFormState, form: FormData): Promise<RecoveryCodesFormState> {
  const user = await requireUser({ setupAllowed: true });
  const parsed = codeInput.safeParse(formValues(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const result = await confirmEnrolment(user.id, parsed.data.code);
  if (!result.ok) return refusalFormState(result);
  // Sessions opened with the password alone end: from now on every session has passed both factors.
  await revokeUserSessions(user.id, { exceptKey: user.sessionKey });
  return { ok: true, recoveryCodes: result.recoveryCodes };
}

export async function regenerateRecoveryCodesAction(_: RecoveryCodesFormState, form: FormData): Promise<RecoveryCodesFormState> {
  const user = await requireUser({ setupAllowed: true });
  const parsed = passwordInput.safeParse(formValues(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const result = await regenerateRecoveryCodes(user.id, parsed.data.password);
  if (!result.ok) return refusalFormState(result);
  revalidatePath('/account/security');
  return { ok: true, recoveryCodes: result.recoveryCodes };
}

export async function disableTwoFactorAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser({ setupAllowed: true });
  const parsed = disableInput.safeParse(formValues(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const result = await disableTwoFactor(user.id, parsed.data.password, parsed.data.code);
  if (!result.ok) return refusalFormState(result);
  await revokeUserSessions(user.id, { exceptKey: user.sessionKey });
  revalidatePath('/account/security');
  return { ok: true };
}

/** The two-factor forms' inputs. Messages are i18n keys. Passwords are never trimmed. */
import { z } from 'zod';
import { userRole } from '@/db/schema';
import type { FormState } from '@/lib/forms';
import { requiredId, requiredText } from '@/lib/zod-helpers';

const password = z
  .string({ error: 'errors.required' })
  .default('')
  .pipe(z.string().min(1, { error: 'errors.required' }).max(1000, { error: 'errors.tooLong' }));

/** A 6-digit code or a recovery code; its form is checked where it is verified. */
const code = requiredText(40);

export const passwordInput = z.object({ password });
export const codeInput = z.object({ code });
export const disableInput = z.object({ password, code });
export const resetInput = z.object({ password, userId: requiredId });
/** The roles whose box is ticked (checkboxes named `requireTwoFactor`). */
export const rolePolicyInput = z.object({ requireTwoFactor: z.array(z.enum(userRole.enumValues)).max(3) });

/** Why a change was refused (queries.ts's Refusal), as a form shows it: beside its field, or above the form. */
export function refusalFormState(refusal: { reason: 'password' | 'throttled' | 'code' | 'state' | 'self' }): FormState {
  if (refusal.reason === 'password') return { errors: { password: ['twoFactor.errors.password'] } };
  if (refusal.reason === 'code') return { errors: { code: ['twoFactor.errors.code'] } };
  return { formError: `twoFactor.errors.${refusal.reason}` };
}

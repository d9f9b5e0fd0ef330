'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/log';
import { requirePermission } from '@/lib/auth/guard';
import { createApiToken, revokeApiToken } from '@/lib/api-tokens/queries';
import { fieldErrors, formValues, type FormState } from '@/lib/forms';
import { clientIp } from '@/lib/request/client';
import { requiredText } from '@/lib/zod-helpers';

export type TokenFormState = FormState & { token?: string };

const createTokenInput = z.object({ name: requiredText(200) });
const revokeTokenInput = z.object({ id: z.coerce.number().int().positive().max(2_000_000_000) });

/** Creates a token and returns it this once; it is never stored or shown again. */
export async function createTokenAction(_: TokenFormState, form: FormData): Promise<TokenFormState> {
  const admin = await requirePermission('manageTokens');
  const values = formValues(form);
  const parsed = createTokenInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { id, token } = await createApiToken(admin, parsed.data.name);
  await recordAudit({ action: 'token_created', actorId: admin.id, targetKind: 'token', targetId: id, ip: await clientIp() });
  revalidatePath('/admin/tokens');
  return { ok: true, token };
}

export async function revokeTokenAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = await requirePermission('manageTokens');
  const parsed = revokeTokenInput.safeParse(formValues(form));
  if (!parsed.success || !(await revokeApiToken(admin, parsed.data.id))) return { formError: 'errors.notFound' };
  await recordAudit({ action: 'token_revoked', actorId: admin.id, targetKind: 'token', targetId: parsed.data.id, ip: await clientIp() });
  revalidatePath('/admin/tokens');
  return { ok: true };
}

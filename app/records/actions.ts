'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordKind } from '@/db/schema';
import { requirePermission } from '@/lib/auth/guard';
import { deleteCase, restoreCase } from '@/lib/cases/queries';
import { versionInput } from '@/lib/cases/schema';
import { fieldErrors, formValues, type FormState } from '@/lib/forms';
import { deletePerson, restorePerson } from '@/lib/people/queries';
import { deleteSource, restoreSource } from '@/lib/sources/queries';
import { optionalText, requiredId } from '@/lib/zod-helpers';
import { warmDefaultDashboards } from '@/lib/dashboard/cache';

const deleteInput = z.object({
  kind: z.enum(recordKind.enumValues),
  id: requiredId,
  version: versionInput,
  reason: optionalText(500),
});
const restoreInput = deleteInput.pick({ kind: true, id: true });

const PAGES = { detention: '/cases', person: '/people', source: '/sources' } as const;
const DELETE = { detention: deleteCase, person: deletePerson, source: deleteSource } as const;
const RESTORE = { detention: restoreCase, person: restorePerson, source: restoreSource } as const;

/** Soft-deletes a detention, person or source (monitors and admins). */
export async function deleteRecordAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('delete');
  const values = formValues(form);
  const parsed = deleteInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { kind, id, version, reason } = parsed.data;
  const result = await DELETE[kind](user, id, version, reason);
  if (!result.ok) return { formError: result.reason === 'inUse' ? `errors.inUse.${kind}` : `errors.${result.reason}`, values };
  revalidatePath(PAGES[kind]);
  warmDefaultDashboards();
  redirect(kind === 'detention' ? '/cases' : `${PAGES[kind]}/${id}`);
}

/** Undoes a soft delete (admins). */
export async function restoreRecordAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('restore');
  const parsed = restoreInput.safeParse(formValues(form));
  if (!parsed.success) return { formError: 'errors.notFound' };
  const { kind, id } = parsed.data;
  const result = await RESTORE[kind](user, id);
  if (!result.ok) return { formError: result.reason === 'personDeleted' || result.reason === 'sourceDeleted' ? `errors.restoreFirst.${result.reason}` : 'errors.notFound' };
  revalidatePath(PAGES[kind]);
  warmDefaultDashboards();
  redirect(`${PAGES[kind]}/${id}`);
}

'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/guard';
import { fieldErrors, formValues, type FormState } from '@/lib/forms';
import { clientIp } from '@/lib/request/client';
import { createChargeEntry, deleteChargeEntry, renameChargeEntry } from '@/lib/vocab/admin';
import { entryIdInput, renameEntryInput, vocabularyEntryInput } from '@/lib/vocab/schema';

export type EntryFormState = FormState & { added?: string };

export async function addEntryAction(_: EntryFormState, form: FormData): Promise<EntryFormState> {
  const admin = await requirePermission('manageVocabulary');
  const values = formValues(form);
  const parsed = vocabularyEntryInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await createChargeEntry(admin, parsed.data, await clientIp());
  if (!result.ok) return { errors: result.errors, values };
  revalidatePath('/admin/vocabulary');
  return { ok: true, added: result.legalBasis };
}

export async function renameEntryAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = await requirePermission('manageVocabulary');
  const values = formValues(form);
  const parsed = renameEntryInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { id, ...names } = parsed.data;
  if (!(await renameChargeEntry(admin, id, names, await clientIp()))) return { formError: 'errors.notFound', values };
  revalidatePath('/admin/vocabulary');
  return { ok: true };
}

export async function deleteEntryAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = await requirePermission('manageVocabulary');
  const parsed = entryIdInput.safeParse(formValues(form));
  if (!parsed.success) return { formError: 'errors.notFound' };
  const result = await deleteChargeEntry(admin, parsed.data.id, await clientIp());
  if (!result.ok) return { formError: result.reason === 'inUse' ? 'vocabulary.inUse' : 'errors.notFound' };
  revalidatePath('/admin/vocabulary');
  return { ok: true };
}

'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/guard';
import { captureAfterResponse } from '@/lib/evidence/after-save';
import { createReportedCount, reportedCountInput } from '@/lib/dashboard/reported';
import { fieldErrors, formValues, type FormState } from '@/lib/forms';
import { warmDefaultDashboards } from '@/lib/dashboard/cache';

export async function saveReportedCount(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('write');
  const values = formValues(form);
  const parsed = reportedCountInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await createReportedCount(user, parsed.data);
  if (!result.ok) return { errors: result.errors, values };
  revalidatePath('/dashboard');
  warmDefaultDashboards();
  captureAfterResponse();
  return { ok: true };
}

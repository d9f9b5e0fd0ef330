'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requirePermission } from '@/lib/auth/guard';
import { versionInput } from '@/lib/cases/schema';
import { fieldErrors, formValues, single, type FormState } from '@/lib/forms';
import { updatePerson } from '@/lib/people/queries';
import { personInput } from '@/lib/people/schema';
import { DECISION_CONTEXTS, decidePair, mergePeople, withdrawDecision, type DecisionContext, type DecisionRefusal } from '@/lib/people/decisions';
import { optionalText, requiredId } from '@/lib/zod-helpers';
import { warmDefaultDashboards } from '@/lib/dashboard/cache';

export async function savePerson(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('write');
  const values = formValues(form);
  const id = single(values, 'id');
  const version = versionInput.safeParse(single(values, 'version'));
  if (!/^\d{1,9}$/.test(id) || !version.success) return { formError: 'errors.notFound', values };
  const parsed = personInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await updatePerson(user, Number(id), version.data, parsed.data);
  if (!result.ok) return { formError: result.reason === 'conflict' ? 'errors.conflict' : 'errors.notFound', values };
  revalidatePath(`/people/${id}`);
  warmDefaultDashboards();
  redirect(`/people/${id}`);
}

const pairDecisionInput = z.object({
  personId: requiredId,
  otherPersonId: requiredId,
  context: z.enum(DECISION_CONTEXTS),
  reason: optionalText(500),
});
const mergeInput = pairDecisionInput.extend({ keep: z.enum(['person', 'other']) });
const decideInput = pairDecisionInput.extend({ verdict: z.enum(['different', 'unsure']) });
const withdrawInput = z.object({ decisionId: requiredId, personId: requiredId });

/** Where to go after a decision: back to the review list, or to the person the page was about. */
function afterDecision(context: DecisionContext, personId: number): never {
  revalidatePath('/people/review');
  warmDefaultDashboards();
  redirect(context === 'review' ? '/people/review' : `/people/${personId}`);
}

const refusal = (reason: DecisionRefusal) => `merge.refused.${reason}`;

/**
 * "Same person": merges the pair, keeping `personId` (keep=person) or `otherPersonId` (keep=other).
 * Monitors and admins only; the permission is checked again inside mergePeople.
 */
export async function mergePeopleAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('mergePeople');
  const values = formValues(form);
  const parsed = mergeInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { personId, otherPersonId, keep, context, reason } = parsed.data;
  const [survivorId, mergedId] = keep === 'person' ? [personId, otherPersonId] : [otherPersonId, personId];
  const result = await mergePeople(user, { survivorId, mergedId, reason, context });
  if (!result.ok) return { formError: refusal(result.reason), values };
  revalidatePath(`/people/${mergedId}`);
  afterDecision(context, survivorId);
}

/** "Different people" or "Not sure": records the judgement, which keeps the pair off the review list. */
export async function decidePairAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('mergePeople');
  const values = formValues(form);
  const parsed = decideInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { personId, otherPersonId, verdict, context, reason } = parsed.data;
  const result = await decidePair(user, { personId, otherPersonId, verdict, context, reason });
  if (!result.ok) return { formError: refusal(result.reason), values };
  afterDecision(context, personId);
}

/** Withdraws a decision; withdrawing a merge undoes it. */
export async function withdrawDecisionAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('mergePeople');
  const parsed = withdrawInput.safeParse(formValues(form));
  if (!parsed.success) return { formError: 'merge.refused.notFound' };
  const { decisionId, personId } = parsed.data;
  const result = await withdrawDecision(user, decisionId);
  if (!result.ok) return { formError: refusal(result.reason) };
  revalidatePath('/people', 'layout');
  afterDecision('person_page', personId);
}

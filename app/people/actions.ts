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
  /** The button pressed: merge keeping this page's person or the other, or a judgement that merges nothing. */
  decision: z.enum(['keepPerson', 'keepOther', 'different', 'unsure']),
});
const withdrawInput = z.object({ decisionId: requiredId, personId: requiredId });

/** Where to go after a decision: back to the review list, or to the person the page was about. */
function afterDecision(context: DecisionContext, personId: number): never {
  revalidatePath('/people', 'layout');
  warmDefaultDashboards();
  redirect(context === 'review' ? '/people/review' : `/people/${personId}`);
}

const refusal = (reason: DecisionRefusal) => `merge.refused.${reason}`;

/**
 * One answer about a pair of people: "same person" merges them (keeping the one chosen), "different"
 * and "not sure" record the judgement, which keeps the pair off the review list. Monitors and
 * admins only; the permission is checked again inside lib/people/decisions.ts.
 */
export async function pairDecisionAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('mergePeople');
  const values = formValues(form);
  const parsed = pairDecisionInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { personId, otherPersonId, context, reason, decision } = parsed.data;
  if (decision === 'different' || decision === 'unsure') {
    const result = await decidePair(user, { personId, otherPersonId, verdict: decision, context, reason });
    if (!result.ok) return { formError: refusal(result.reason), values };
    afterDecision(context, personId);
  }
  const [survivorId, mergedId] = decision === 'keepPerson' ? [personId, otherPersonId] : [otherPersonId, personId];
  const result = await mergePeople(user, { survivorId, mergedId, reason, context });
  if (!result.ok) return { formError: refusal(result.reason), values };
  afterDecision(context, survivorId);
}

/** Withdraws a decision; withdrawing a merge undoes it. */
export async function withdrawDecisionAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('mergePeople');
  const parsed = withdrawInput.safeParse(formValues(form));
  if (!parsed.success) return { formError: 'merge.refused.notFound' };
  const { decisionId, personId } = parsed.data;
  const result = await withdrawDecision(user, decisionId);
  if (!result.ok) return { formError: refusal(result.reason) };
  afterDecision('person_page', personId);
}

'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/forms';
import type { DecisionContext } from '@/lib/people/decisions';
import { decidePairAction, mergePeopleAction } from './actions';

/** One "same person" button: which of the pair to keep, and its label. */
export type MergeChoice = { keep: 'person' | 'other'; label: string };

/**
 * The three answers about a pair of people (merge, different, not sure) in one form sharing one
 * reason field; each button posts to its own action, and any refusal shows under the form.
 */
export function PairDecisionForm({
  personId,
  otherPersonId,
  context,
  mergeChoices,
}: {
  personId: number;
  otherPersonId: number;
  context: DecisionContext;
  mergeChoices: MergeChoice[];
}) {
  const t = useTranslations('merge');
  const tAll = useTranslations();
  const [mergeState, merge, merging] = useActionState(mergePeopleAction, {});
  const [decideState, decide, deciding] = useActionState(decidePairAction, {});
  const reasonId = useId();
  const errorId = useId();
  const state: FormState = mergeState.formError || mergeState.errors ? mergeState : decideState;
  const reasonErrors = state.errors?.reason ?? [];
  const otherErrors = Object.entries(state.errors ?? {}).filter(([k]) => k !== 'reason').flatMap(([, v]) => v);
  const typed = state.values?.reason;
  const pending = merging || deciding;
  return (
    <form className="actions">
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="otherPersonId" value={otherPersonId} />
      <input type="hidden" name="context" value={context} />
      <span className="field">
        <label htmlFor={reasonId}>{t('actions.reason')}</label>
        <input id={reasonId} name="reason" defaultValue={typeof typed === 'string' ? typed : ''} aria-describedby={errorId} aria-invalid={reasonErrors.length > 0 || undefined} />
      </span>
      {mergeChoices.map((choice) => (
        <button key={choice.keep} type="submit" formAction={merge} name="keep" value={choice.keep} disabled={pending}>
          {choice.label}
        </button>
      ))}
      <button type="submit" formAction={decide} name="verdict" value="different" disabled={pending}>
        {t('actions.different')}
      </button>
      <button type="submit" formAction={decide} name="verdict" value="unsure" disabled={pending}>
        {t('actions.unsure')}
      </button>
      <p id={errorId} role="alert" aria-live="polite" className="error">
        {state.formError ? tAll(state.formError) : null}
        {[...reasonErrors, ...otherErrors].map((m) => tAll(m)).join(' ')}
      </p>
    </form>
  );
}

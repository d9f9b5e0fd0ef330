'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import type { DecisionContext } from '@/lib/people/decisions';
import { pairDecisionAction } from './actions';

/** One "same person" button: which of the pair to keep, and its label. */
export type MergeChoice = { keep: 'person' | 'other'; label: string };

/**
 * The answers about a pair of people (merge, different, not sure) in one form sharing one reason
 * field; the button pressed says which (its name and value are posted with the form).
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
  const [state, action, pending] = useActionState(pairDecisionAction, {});
  const reasonId = useId();
  const errorId = useId();
  const reasonErrors = state.errors?.reason ?? [];
  const otherErrors = Object.entries(state.errors ?? {}).filter(([k]) => k !== 'reason').flatMap(([, v]) => v);
  const typed = state.values?.reason;
  return (
    <form action={action} className="actions">
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="otherPersonId" value={otherPersonId} />
      <input type="hidden" name="context" value={context} />
      <span className="field">
        <label htmlFor={reasonId}>{t('actions.reason')}</label>
        <input id={reasonId} name="reason" defaultValue={typeof typed === 'string' ? typed : ''} aria-describedby={errorId} aria-invalid={reasonErrors.length > 0 || undefined} />
      </span>
      {mergeChoices.map((choice) => (
        <button key={choice.keep} type="submit" name="decision" value={choice.keep === 'person' ? 'keepPerson' : 'keepOther'} disabled={pending}>
          {choice.label}
        </button>
      ))}
      <button type="submit" name="decision" value="different" disabled={pending}>
        {t('actions.different')}
      </button>
      <button type="submit" name="decision" value="unsure" disabled={pending}>
        {t('actions.unsure')}
      </button>
      <p id={errorId} role="alert" aria-live="polite" className="error">
        {state.formError ? tAll(state.formError) : null}
        {[...reasonErrors, ...otherErrors].map((m) => tAll(m)).join(' ')}
      </p>
    </form>
  );
}

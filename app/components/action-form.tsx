'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/forms';

/** A small form that runs one server action (delete, restore…) and shows its refusal, if any. */
export function ActionForm({
  action,
  hidden,
  label,
  reasonLabel,
  danger = false,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  label: string;
  reasonLabel?: string;
  danger?: boolean;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const id = `reason-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <form action={formAction} className="actions">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {reasonLabel && (
        <span className="field">
          <label htmlFor={id}>{reasonLabel}</label>
          <input id={id} name="reason" />
        </span>
      )}
      <button type="submit" className={danger ? 'danger' : undefined} disabled={pending}>
        {label}
      </button>
      <p role="alert" className="error">
        {state.formError ? t(state.formError) : null}
        {state.errors ? Object.values(state.errors).flat().map((m) => t(m)).join(' ') : null}
      </p>
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState } from 'react';
import type { FormState } from '@/lib/forms';
import { ErrorSummary } from './error-summary';
import { useErrorText } from './error-text';
import { RequiredMarker } from './required-marker';

export type FieldSpec = {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select' | 'password' | 'email';
  hint?: string;
  options?: { value: string; label: string }[];
  /** Refused blank by the server: marked "(required)" and aria-required. */
  required?: boolean;
};

/**
 * A plain record form (person, source, user): labelled fields, errors beside each, and typed input
 * kept when the server refuses it.
 */
export function RecordForm({
  action,
  fields,
  initial,
  hidden = {},
  submitLabel,
  idPrefix = '',
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  initial: Record<string, string>;
  hidden?: Record<string, string>;
  submitLabel: string;
  /** Keeps element ids unique when one page holds several of these forms. */
  idPrefix?: string;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Keeps typed values on a refusal (React resets forms submitted through their action).
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.formError && (
        <div role="alert" className="banner error">
          {t(state.formError)}
        </div>
      )}
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      {state.ok && (
        <div role="status" className="banner">
          {t('form.saved')}
        </div>
      )}
      {fields.map((f) => {
        const id = `${idPrefix}${f.name}`;
        const props = {
          id,
          name: f.name,
          defaultValue: initial[f.name] ?? '',
          'aria-invalid': errors[f.name] ? true : undefined,
          'aria-describedby': `${id}-hint ${id}-error`,
          'aria-required': f.required || undefined,
        };
        return (
          <div className="field" key={f.name}>
            <div>
              <label htmlFor={id}>{f.label}</label>
              {f.required && <RequiredMarker />}
            </div>
            {f.kind === 'textarea' ? (
              <textarea {...props} />
            ) : f.kind === 'select' ? (
              <select {...props}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...props} type={f.kind ?? 'text'} autoComplete={f.kind === 'password' ? 'new-password' : 'off'} />
            )}
            <span id={`${id}-hint`} className="hint">
              {f.hint}
            </span>
            <p id={`${id}-error`} className="error" aria-live="polite">
              {errors[f.name]?.map(errorText).join(' ')}
            </p>
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext } from 'react';
import type { FieldErrors, FormValues } from '@/lib/forms';
import { useErrorText } from '@/app/components/error-text';
import { RequiredMarker } from '@/app/components/required-marker';

/**
 * What every field of the case form reads: the server's errors (keyed by input name, e.g.
 * `charges.1.penalties.0.unit`) and the values to start from (the stored record, or what the user
 * posted when the server refused it). Rows re-scope `values` to their own.
 */
type Scope = { errors: FieldErrors; values: FormValues };
const FormScope = createContext<Scope>({ errors: {}, values: {} });

export function FormScopeProvider({ errors, values, children }: Scope & { children: React.ReactNode }) {
  return <FormScope.Provider value={{ errors, values }}>{children}</FormScope.Provider>;
}

/** Values of one row, renamed to the row's current position (`charges.0.part` → `charges.2.part`). */
export function RowValues({ prefix, values, children }: { prefix: string; values: FormValues; children: React.ReactNode }) {
  const { errors } = useContext(FormScope);
  const named: FormValues = {};
  for (const [name, value] of Object.entries(values)) named[`${prefix}.${name}`] = value;
  return <FormScope.Provider value={{ errors, values: named }}>{children}</FormScope.Provider>;
}

/** The start value, errors and accessibility wiring of the input named `name`. */
export function useField(name: string, hint = false) {
  const { errors, values } = useContext(FormScope);
  const raw = values[name];
  const messages = errors[name];
  return {
    value: typeof raw === 'string' ? raw : '',
    values: [raw ?? []].flat(),
    messages,
    props: {
      id: name,
      name,
      'aria-invalid': messages ? true : undefined,
      'aria-describedby': [hint ? `${name}-hint` : null, `${name}-error`].filter(Boolean).join(' '),
    },
  };
}

export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  const errorText = useErrorText();
  return (
    <p id={id} className="error" aria-live="polite">
      {messages?.map(errorText).join(' ')}
    </p>
  );
}

function Hint({ name, hint }: { name: string; hint?: string }) {
  return hint ? (
    <span id={`${name}-hint`} className="hint">
      {hint}
    </span>
  ) : null;
}

/** A label, with "(required)" beside it for a field the server refuses blank. */
export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <div>
      <label htmlFor={htmlFor}>{label}</label>
      {required && <RequiredMarker />}
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  multiline,
  required,
  ...input
}: { name: string; label: string; hint?: string; multiline?: boolean; required?: boolean } & React.InputHTMLAttributes<HTMLInputElement>) {
  const field = useField(name, !!hint);
  const props = { ...field.props, 'aria-required': required || undefined };
  return (
    <div className="field">
      <FieldLabel htmlFor={name} label={label} required={required} />
      {multiline ? <textarea {...props} defaultValue={field.value} /> : <input {...props} defaultValue={field.value} autoComplete="off" {...input} />}
      <Hint name={name} hint={hint} />
      <FieldError id={`${name}-error`} messages={field.messages} />
    </div>
  );
}

export type Choice = { value: string; label: string };

/**
 * A labelled select. Uncontrolled unless `value` is given (fields other parts of the row depend
 * on: a penalty's kind, a date's qualifier). A value the user posted that is not among the options
 * is still offered, so a refused choice is shown, not silently replaced.
 */
export function SelectField({
  name,
  label,
  options,
  blank,
  hint,
  value,
  onChange,
  fallback = '',
}: {
  name: string;
  label: string;
  options: readonly Choice[];
  blank?: string;
  hint?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** Start value of a new row (e.g. outcome "unknown"), so an untouched row stays blank to the server. */
  fallback?: string;
}) {
  const field = useField(name, !!hint);
  const current = value ?? (field.value || fallback);
  const all = current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
  const control = value === undefined ? { defaultValue: current } : { value };
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select {...field.props} {...control} onChange={onChange && ((e) => onChange(e.target.value))}>
        {blank !== undefined && <option value="">{blank}</option>}
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint name={name} hint={hint} />
      <FieldError id={`${name}-error`} messages={field.messages} />
    </div>
  );
}

/** Options of an enum, labelled from `enums.<name>.<value>`. */
export function useEnumChoices() {
  const t = useTranslations();
  return (enumName: string, values: readonly string[]): Choice[] => values.map((v) => ({ value: v, label: t(`enums.${enumName}.${v}`) }));
}

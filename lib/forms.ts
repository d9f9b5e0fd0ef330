/**
 * What every form action returns: field errors as message keys (translated by the page), the
 * values the user typed so nothing is lost, and a form-level error for what belongs to no field.
 */
import type { z } from 'zod';

export type FieldErrors = Record<string, string[]>;
export type FormValues = Record<string, string | string[]>;

export type FormState = {
  errors?: FieldErrors;
  formError?: string;
  values?: FormValues;
  ok?: boolean;
};

/** zod issues keyed by their dotted path ('sources.0.url'), as the inputs are named. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * Names that reach an object's prototype when used as a property name (`x['__proto__']`,
 * `x.constructor.prototype`). Posted field names and query keys are chosen by whoever sends the
 * request: a key such as `__proto__.includeDeleted` walked into nested objects wrote to
 * Object.prototype, shared by every request until the server restarted (deleted records shown to
 * researchers, the two-factor set-up check skipped).
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a posted or query key (dotted paths included) names no prototype property. */
export function isSafeKey(key: string): boolean {
  return !key.split('.').some((part) => PROTOTYPE_KEYS.has(part));
}

/** A form's entries as plain strings (files and repeated keys collapse to arrays), capped in size. */
export function formValues(form: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION') || !isSafeKey(key)) continue;
    const text = typeof value === 'string' ? value.slice(0, 20_000) : '';
    const prev = out[key];
    if (prev === undefined) out[key] = text;
    else out[key] = Array.isArray(prev) ? [...prev, text] : [prev, text];
  }
  return out;
}

/** One value of a form entry as a string ('' when absent or repeated). */
export function single(values: FormValues, key: string): string {
  const v = values[key];
  return typeof v === 'string' ? v : '';
}

/**
 * A message key with values for its placeholders, carried through zod's plain-string message
 * (`lists.dates.noSuchDay?day=45&month=2…`) and taken apart again by splitMessage where it is shown.
 */
export function messageWithParams(key: string, params: Record<string, string | number>): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${key}?${query}`;
}

/** A message key and its placeholder values (numbers as numbers, for plural and select). */
export function splitMessage(message: string): { key: string; params?: Record<string, string | number> } {
  const at = message.indexOf('?');
  if (at < 0) return { key: message };
  const params: Record<string, string | number> = {};
  for (const [k, v] of new URLSearchParams(message.slice(at + 1))) params[k] = /^\d{1,9}$/.test(v) ? Number(v) : v;
  return { key: message.slice(0, at), params };
}

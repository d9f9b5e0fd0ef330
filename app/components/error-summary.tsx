'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { FieldErrors } from '@/lib/forms';
import { useErrorText } from './error-text';

/**
 * The GOV.UK error summary: at the top of a refused form, focused when it appears, one link per
 * field error that moves focus to the field. Field ids are the input names (see
 * app/cases/form/field.tsx and record-form.tsx; `idPrefix` for forms that prefix them). Each link
 * is named after the field's label (and its row or group, "Source 2 — Title"), read from the page
 * once drawn; before that (and without JavaScript) it shows the message alone.
 */
export function ErrorSummary({ errors, intro, idPrefix = '' }: { errors: FieldErrors; intro?: string; idPrefix?: string }) {
  const t = useTranslations('lists');
  const errorText = useErrorText();
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter(([, messages]) => messages.length > 0);

  useEffect(() => {
    if (entries.length === 0) return;
    // Labels are read from the drawn form (rows renumber, labels vary by row), so they are written
    // into spans React leaves empty rather than kept in state.
    for (const span of box.current?.querySelectorAll<HTMLElement>('[data-label-of]') ?? []) {
      const label = labelOf(targetOf(idPrefix + span.dataset.labelOf));
      span.textContent = label ? `${label}: ` : '';
    }
    box.current?.focus();
    // Runs once per refusal: `errors` is a new object each time the server answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [errors]);

  if (entries.length === 0) return null;
  return (
    <div ref={box} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('errorSummary.title')}</h2>
      {intro && <p>{intro}</p>}
      <ul>
        {entries.map(([name, messages]) => {
          const text = messages.map(errorText).join(' ');
          return (
            <li key={name}>
              <a
                href={`#${idPrefix}${name}`}
                onClick={(event) => {
                  const target = targetOf(idPrefix + name);
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                <span data-label-of={name} />
                {text}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The input named by an error, or the error message itself when the error is about a whole list. */
function targetOf(id: string): HTMLElement | null {
  const input = document.getElementById(id);
  if (input) return input;
  const message = document.getElementById(`${id}-error`);
  if (message) message.tabIndex = -1;
  return message;
}

function labelOf(element: HTMLElement | null): string {
  if (!element) return '';
  const own = element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent?.trim() : '';
  const group = element.closest('[role="group"][aria-label]')?.getAttribute('aria-label') ?? element.closest('fieldset')?.querySelector(':scope > legend')?.textContent?.trim();
  return [group, own].filter(Boolean).join(' — ');
}

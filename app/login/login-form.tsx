'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { login, type LoginFormState } from './actions';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('login');
  const [state, formAction, pending] = useActionState<LoginFormState, FormData>(login, {});
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <p role="alert" aria-live="polite" className="error">
        {state.error === 'login.throttled' ? t('throttled') : state.error ? t('invalid') : null}
      </p>
      <button type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}

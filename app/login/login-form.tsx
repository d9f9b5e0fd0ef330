'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { signInStep, type LoginFormState } from './actions';

function PasswordStep({ callbackUrl, state, action, pending }: { callbackUrl: string; state: LoginFormState; action: (form: FormData) => void; pending: boolean }) {
  const t = useTranslations('login');
  const error =
    state.error === 'throttled'
      ? t('throttled', { seconds: state.retryAfterSeconds ?? 1 })
      : state.error === 'codeExpired'
        ? t('codeExpired')
        : state.error
          ? t('invalid')
          : null;
  return (
    <form action={action} className="stack" aria-describedby={error ? 'login-error' : undefined}>
      <input type="hidden" name="step" value="password" />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <p id="login-error" role="alert" aria-live="polite" className="error">
        {error}
      </p>
      <button type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}

function CodeStep({ state, action, pending }: { state: LoginFormState; action: (form: FormData) => void; pending: boolean }) {
  const t = useTranslations('login');
  const error = state.error === 'codeInvalid' ? t('codeInvalid', { attemptsLeft: state.attemptsLeft ?? 0 }) : null;
  return (
    <form action={action} className="stack">
      <input type="hidden" name="step" value="code" />
      <p>{t('codeIntro')}</p>
      <div className="field">
        <label htmlFor="code">{t('code')}</label>
        <input
          id="code"
          name="code"
          autoComplete="one-time-code"
          required
          autoFocus
          maxLength={32}
          aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
          aria-invalid={error ? true : undefined}
        />
        <p id="code-hint" className="hint">
          {t('codeHint')}
        </p>
      </div>
      <p id="code-error" role="alert" aria-live="polite" className="error">
        {error}
      </p>
      <button type="submit" disabled={pending}>
        {t('verify')}
      </button>
      <p>
        <a href="/login">{t('startAgain')}</a>
      </p>
    </form>
  );
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<LoginFormState, FormData>(signInStep, {});
  if (state.step === 'code') return <CodeStep state={state} action={action} pending={pending} />;
  return <PasswordStep callbackUrl={callbackUrl} state={state} action={action} pending={pending} />;
}

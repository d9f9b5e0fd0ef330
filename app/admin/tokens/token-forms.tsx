'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createTokenAction, revokeTokenAction, type TokenFormState } from './actions';

/** The create form; the new token is shown here once, from the action's answer, never stored. */
export function CreateTokenForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<TokenFormState, FormData>(createTokenAction, {});
  const error = state.errors?.name;
  return (
    <form action={action} className="stack narrow">
      {state.token && (
        <div role="status" className="banner">
          <p>{t('apiTokens.created')}</p>
          <label htmlFor="new-token">{t('apiTokens.tokenLabel')}</label>
          <input id="new-token" readOnly value={state.token} className="token" onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <div className="field">
        <label htmlFor="token-name">{t('apiTokens.name')}</label>
        <input
          id="token-name"
          name="name"
          defaultValue={state.token ? '' : String(state.values?.name ?? '')}
          key={state.token ?? 'form'}
          aria-invalid={error ? true : undefined}
          aria-describedby="token-name-hint token-name-error"
        />
        <span id="token-name-hint" className="hint">
          {t('apiTokens.nameHint')}
        </span>
        <p id="token-name-error" className="error" aria-live="polite">
          {error?.map((m) => t(m)).join(' ')}
        </p>
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {t('apiTokens.create')}
        </button>
      </div>
    </form>
  );
}

export function RevokeTokenForm({ id, name }: { id: number; name: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(revokeTokenAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      {state.formError && (
        <span role="alert" className="error">
          {t(state.formError)}
        </span>
      )}
      <button type="submit" disabled={pending}>
        {t('apiTokens.revoke', { name })}
      </button>
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CodeField, PasswordField } from '@/app/components/credential-fields';
import type { FormState } from '@/lib/forms';
import { disableTwoFactorAction, regenerateRecoveryCodesAction, type RecoveryCodesFormState } from './actions';
import { RecoveryCodes } from './recovery-codes';

function FormError({ state }: { state: FormState }) {
  const t = useTranslations();
  return state.formError ? (
    <p role="alert" className="banner error">
      {t(state.formError)}
    </p>
  ) : null;
}

/** New recovery codes for old (all unused ones stop working), after the password. */
export function RegenerateCodesForm() {
  const t = useTranslations('twoFactor');
  const [state, action, pending] = useActionState<RecoveryCodesFormState, FormData>(regenerateRecoveryCodesAction, {});
  return (
    <form action={action} className="stack narrow" aria-labelledby="regenerate-title">
      <h2 id="regenerate-title">{t('regenerateTitle')}</h2>
      <p>{t('regenerateIntro')}</p>
      {state.recoveryCodes && <RecoveryCodes codes={state.recoveryCodes} />}
      <FormError state={state} />
      <PasswordField id="regenerate-password" label={t('password')} errors={state.errors?.password} />
      <div className="actions">
        <button type="submit" disabled={pending}>
          {t('regenerate')}
        </button>
      </div>
    </form>
  );
}

/** Turning two-factor off: the password and a current code (or a recovery code). */
export function DisableForm() {
  const t = useTranslations('twoFactor');
  const [state, action, pending] = useActionState<FormState, FormData>(disableTwoFactorAction, {});
  return (
    <form action={action} className="stack narrow" aria-labelledby="disable-title">
      <h2 id="disable-title">{t('disableTitle')}</h2>
      <p>{t('disableIntro')}</p>
      <FormError state={state} />
      <PasswordField id="disable-password" label={t('password')} errors={state.errors?.password} />
      <CodeField id="disable-code" label={t('codeOrRecovery')} allowRecovery errors={state.errors?.code} />
      <div className="actions">
        <button type="submit" className="danger" disabled={pending}>
          {t('disable')}
        </button>
      </div>
    </form>
  );
}

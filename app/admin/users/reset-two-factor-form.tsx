'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { PasswordField } from '@/app/components/credential-fields';
import { resetTwoFactorAction } from './two-factor-actions';

/** A user's two-factor status, and for another user who has it on, the admin's reset. */
export function TwoFactorCell({ userId, email, enabled, self }: { userId: number; email: string; enabled: boolean; self: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(resetTwoFactorAction, {});
  if (state.ok) {
    return (
      <p role="status">
        {t('twoFactor.admin.off')} — {t('twoFactor.admin.resetDone', { email })}
      </p>
    );
  }
  if (!enabled || self) return <>{t(enabled ? 'twoFactor.admin.on' : 'twoFactor.admin.off')}</>;
  return (
    <>
      {t('twoFactor.admin.on')}
      <details>
        <summary>{t('twoFactor.admin.reset')}</summary>
        <form action={action} className="stack">
          <input type="hidden" name="userId" value={userId} />
          <p className="hint">{t('twoFactor.admin.resetIntro')}</p>
          {state.formError && (
            <p role="alert" className="error">
              {t(state.formError)}
            </p>
          )}
          <PasswordField id={`reset-2fa-${userId}-password`} label={t('twoFactor.admin.yourPassword')} errors={state.errors?.password} />
          <button type="submit" className="danger" disabled={pending}>
            {t('twoFactor.admin.resetFor', { email })}
          </button>
        </form>
      </details>
    </>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CodeField, PasswordField } from '@/app/components/credential-fields';
import { confirmEnrolmentAction, startEnrolmentAction, type EnrolFormState, type RecoveryCodesFormState } from './actions';
import { RecoveryCodes } from './recovery-codes';

/**
 * Turning two-factor on, in three steps held in this component's state: the password again; then
 * the QR code (and the key for typing in) and a first code from the app; then the recovery codes.
 */
export function EnrolForm() {
  const t = useTranslations('twoFactor');
  const tAll = useTranslations();
  const [start, startAction, starting] = useActionState<EnrolFormState, FormData>(startEnrolmentAction, {});
  const [confirm, confirmAction, confirming] = useActionState<RecoveryCodesFormState, FormData>(confirmEnrolmentAction, {});

  if (confirm.recoveryCodes) {
    return (
      <div className="stack">
        <p role="status" className="banner">
          {t('enabled')}
        </p>
        <RecoveryCodes codes={confirm.recoveryCodes} />
        {/* A full load, so the page shows the new status (the action left it as it was). */}
        <a href="/account/security">{t('codesStored')}</a>
      </div>
    );
  }

  if (start.enrolment) {
    return (
      <form action={confirmAction} className="stack narrow">
        <p>{t('scan')}</p>
        {/* Our own server drew this SVG from the otpauth URI (lib/two-factor/totp.ts): no script, no links. */}
        <div role="img" aria-label={t('qrLabel')} className="qr" dangerouslySetInnerHTML={{ __html: start.enrolment.qrSvg }} />
        <p>
          {t('manualKey')} <code id="manual-key">{start.enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </p>
        {confirm.formError && (
          <p role="alert" className="banner error">
            {tAll(confirm.formError)}
          </p>
        )}
        <CodeField id="enrol-code" label={t('code')} hint={t('codeHint')} errors={confirm.errors?.code} />
        <div className="actions">
          <button type="submit" disabled={confirming}>
            {t('confirm')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form action={startAction} className="stack narrow">
      <p>{t('enrolIntro')}</p>
      {start.formError && (
        <p role="alert" className="banner error">
          {tAll(start.formError)}
        </p>
      )}
      <PasswordField id="enrol-password" label={t('password')} hint={t('passwordHint')} errors={start.errors?.password} />
      <div className="actions">
        <button type="submit" disabled={starting}>
          {t('start')}
        </button>
      </div>
    </form>
  );
}

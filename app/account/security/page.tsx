import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/guard';
import { twoFactorStatus } from '@/lib/two-factor/queries';
import { EnrolForm } from './enrol-form';
import { DisableForm, RegenerateCodesForm } from './manage-forms';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.accountSecurity');

/** Every signed-in user's own two-factor sign-in: turn it on or off, renew recovery codes. */
export default async function AccountSecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const user = await requireUser({ setupAllowed: true });
  const [t, status, { required }] = await Promise.all([getTranslations('twoFactor'), twoFactorStatus(user.id), searchParams]);
  return (
    <>
      <h1>{t('title')}</h1>
      {(required === '1' || status.requiredByRole) && !status.enabled && (
        <p role="status" className="banner warn">
          {t('requiredNotice')}
        </p>
      )}
      <h2>{t('statusTitle')}</h2>
      <p>{status.enabled ? t('statusOn', { left: status.recoveryCodesLeft }) : t('statusOff')}</p>
      {status.enabled ? (
        <>
          <RegenerateCodesForm />
          <DisableForm />
        </>
      ) : (
        <EnrolForm />
      )}
    </>
  );
}

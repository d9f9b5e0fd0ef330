import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { getRolePolicies } from '@/lib/two-factor/queries';
import { RolePolicyForm } from './policy-form';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.security');

/** Admins choose which roles must sign in with two factors. */
export default async function SecurityPolicyPage() {
  await requirePermission('manageUsers');
  const [t, policies] = await Promise.all([getTranslations('twoFactor.policy'), getRolePolicies()]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <RolePolicyForm policies={policies} />
    </>
  );
}

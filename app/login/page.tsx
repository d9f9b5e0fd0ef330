import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth/guard';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { LoginForm } from './login-form';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.login');

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentUser()) redirect('/cases');
  const [t, { callbackUrl }] = await Promise.all([getTranslations('login'), searchParams]);
  return (
    <section className="narrow">
      <h1>{t('title')}</h1>
      <LoginForm callbackUrl={safeRedirectPath(callbackUrl)} />
    </section>
  );
}

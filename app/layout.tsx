import type { Metadata } from 'next';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { currentUser } from '@/lib/auth/guard';
import { currentLocaleChoice } from '@/lib/i18n/locale';
import { LocaleSwitcher } from './components/locale-switcher';
import { signOutAction } from './login/actions';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  // Case pages must never end up in a search engine.
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [t, locale, user, choice] = await Promise.all([getTranslations(), getLocale(), currentUser(), currentLocaleChoice()]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header className="site-header">
          <Link href="/cases" className="brand">
            {t('app.title')}
          </Link>
          {user && (
            <nav aria-label={t('nav.label')}>
              <Link href="/cases">{t('nav.cases')}</Link>
              <Link href="/dashboard">{t('nav.dashboard')}</Link>
              {can(user.role, 'read') && <Link href="/calendar">{t('nav.calendar')}</Link>}
              {can(user.role, 'write') && <Link href="/cases/new">{t('nav.newCase')}</Link>}
              {can(user.role, 'write') && <Link href="/intake">{t('intake.nav')}</Link>}
              {can(user.role, 'import') && <Link href="/cases/import">{t('imports.nav')}</Link>}
              {can(user.role, 'mergePeople') && <Link href="/people/review">{t('merge.nav')}</Link>}
              {can(user.role, 'read') && <Link href="/reports">{t('reports.nav')}</Link>}
              {can(user.role, 'manageUsers') && <Link href="/admin/users">{t('nav.users')}</Link>}
              {can(user.role, 'restore') && <Link href="/admin/deleted">{t('nav.deleted')}</Link>}
              {can(user.role, 'auditExports') && <Link href="/admin/exports">{t('exports.logNav')}</Link>}
              {can(user.role, 'manageTokens') && <Link href="/admin/tokens">{t('apiTokens.nav')}</Link>}
              {can(user.role, 'manageVocabulary') && <Link href="/admin/vocabulary">{t('nav.vocabulary')}</Link>}
              {can(user.role, 'audit') && <Link href="/admin/audit">{t('audit.nav')}</Link>}
              {can(user.role, 'verifyEvidence') && <Link href="/admin/evidence">{t('evidence.admin.nav')}</Link>}
              {can(user.role, 'manageUsers') && <Link href="/admin/security">{t('twoFactor.policy.nav')}</Link>}
            </nav>
          )}
          {user && (
            <div className="session">
              <Link href="/account">
                {t('nav.signedInAs', { name: user.name, role: t(`enums.userRole.${user.role}`) })}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="link-button">
                  {t('nav.signOut')}
                </button>
              </form>
            </div>
          )}
          <LocaleSwitcher current={choice} id="header-locale" />
        </header>
        <main id="main">
          <NextIntlClientProvider>{children}</NextIntlClientProvider>
        </main>
      </body>
    </html>
  );
}

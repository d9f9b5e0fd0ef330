import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { UserRole } from '@/db/schema';
import { can } from '@/lib/auth/policy';
import { currentUser } from '@/lib/auth/guard';
import { currentLocaleChoice } from '@/lib/i18n/locale';
import { ClientMessages } from './components/client-messages';
import { LocaleSwitcher } from './components/locale-switcher';
import { SiteNav, type NavItem } from './components/site-nav';
import { signOutAction } from './login/actions';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  // Case pages must never end up in a search engine.
  // Each page names itself (see app/components/page-title.ts); the app's name follows.
  return {
    title: { default: t('title'), template: `%s · ${t('title')}` },
    description: t('description'),
    robots: { index: false, follow: false },
  };
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
          {user && <SiteNav items={navItems(user.role, t)} label={t('nav.label')} menu={t('lists.nav.menu')} loading={t('lists.loading')} />}
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
          <ClientMessages>{children}</ClientMessages>
        </main>
      </body>
    </html>
  );
}

/** The pages this role may open, in the order monitors use them most. */
function navItems(role: UserRole, t: Awaited<ReturnType<typeof getTranslations>>): NavItem[] {
  const items: [boolean, string, string][] = [
    [true, '/cases', t('nav.cases')],
    [true, '/dashboard', t('nav.dashboard')],
    [can(role, 'read'), '/calendar', t('nav.calendar')],
    [can(role, 'write'), '/cases/new', t('nav.newCase')],
    [can(role, 'write'), '/intake', t('intake.nav')],
    [can(role, 'read'), '/people', t('lists.nav.people')],
    [can(role, 'read'), '/sources', t('lists.nav.sources')],
    [can(role, 'import'), '/cases/import', t('imports.nav')],
    [can(role, 'mergePeople'), '/people/review', t('merge.nav')],
    [can(role, 'read'), '/reports', t('reports.nav')],
    [can(role, 'manageUsers'), '/admin/users', t('nav.users')],
    [can(role, 'restore'), '/admin/deleted', t('nav.deleted')],
    [can(role, 'auditExports'), '/admin/exports', t('exports.logNav')],
    [can(role, 'manageTokens'), '/admin/tokens', t('apiTokens.nav')],
    [can(role, 'manageVocabulary'), '/admin/vocabulary', t('nav.vocabulary')],
    [can(role, 'audit'), '/admin/audit', t('audit.nav')],
    [can(role, 'verifyEvidence'), '/admin/evidence', t('evidence.admin.nav')],
    [can(role, 'manageUsers'), '/admin/security', t('twoFactor.policy.nav')],
  ];
  return items.filter(([allowed]) => allowed).map(([, href, label]) => ({ href, label }));
}

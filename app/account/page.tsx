import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/guard';
import { listActiveSessions } from '@/lib/auth/sessions';
import { ActionForm } from '@/app/components/action-form';
import { RecordForm } from '@/app/components/record-form';
import { LocaleSwitcher } from '@/app/components/locale-switcher';
import { signOutEverywhereAction } from '@/app/login/actions';
import { changePasswordAction, endSessionAction } from './actions';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.account');

export default async function AccountPage() {
  const user = await requireUser({ setupAllowed: true });
  const [t, format, sessions] = await Promise.all([getTranslations(), getFormatter(), listActiveSessions(user.id)]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p>{t('account.intro', { name: user.name, email: user.email })}</p>
      <p>
        <Link href="/account/security">{t('account.twoFactorLink')}</Link>{' '}
        {user.twoFactorEnabled ? t('account.twoFactorOn') : t('account.twoFactorOff')}
      </p>

      <h2>{t('locale.title')}</h2>
      <LocaleSwitcher current={user.locale ?? 'browser'} id="account-locale" showHint />

      <h2>{t('account.sessionsTitle')}</h2>
      <p className="hint">{t('account.sessionsHint')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('account.device')}</th>
            <th scope="col">{t('account.address')}</th>
            <th scope="col">{t('account.signedIn')}</th>
            <th scope="col">{t('account.lastSeen')}</th>
            <th scope="col">{t('account.end')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.key}>
              <td>
                {s.device ?? t('account.unknownDevice')}
                {s.key === user.sessionKey && <strong> ({t('account.thisDevice')})</strong>}
              </td>
              <td>{s.ip ?? '—'}</td>
              <td>{when(s.createdAt)}</td>
              <td>{when(s.lastSeenAt)}</td>
              <td>
                {s.key !== user.sessionKey && (
                  <ActionForm action={endSessionAction} hidden={{ session: s.key }} label={t('account.endSession', { device: s.device ?? '' })} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="danger">
          {t('account.signOutEverywhere')}
        </button>
      </form>

      <h2>{t('account.passwordTitle')}</h2>
      <div className="narrow">
        <RecordForm
          action={changePasswordAction}
          initial={{}}
          fields={[
            { name: 'currentPassword', label: t('account.currentPassword'), kind: 'password' },
            { name: 'newPassword', label: t('account.newPassword'), kind: 'password', hint: t('account.newPasswordHint') },
            { name: 'confirmPassword', label: t('account.confirmPassword'), kind: 'password' },
          ]}
          submitLabel={t('account.changePassword')}
        />
      </div>
    </>
  );
}

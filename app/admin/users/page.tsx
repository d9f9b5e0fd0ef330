import { getTranslations } from 'next-intl/server';
import { userRole } from '@/db/schema';
import { requirePermission } from '@/lib/auth/guard';
import { listUsers } from '@/lib/users/queries';
import { listTwoFactorUserIds } from '@/lib/two-factor/queries';
import { RecordForm } from '@/app/components/record-form';
import { createUserAction, updateUserAction } from './actions';
import { TwoFactorCell } from './reset-two-factor-form';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.users');

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const admin = await requirePermission('manageUsers');
  const [t, users, { created }, twoFactorOn] = await Promise.all([getTranslations(), listUsers(), searchParams, listTwoFactorUserIds()]);
  const roleOptions = userRole.enumValues.map((r) => ({ value: r, label: t(`enums.userRole.${r}`) }));
  return (
    <>
      <h1>{t('users.title')}</h1>
      {created && (
        <p role="status" className="banner">
          {t('users.created')}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.access')}</th>
            <th scope="col">{t('twoFactor.admin.column')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <RecordForm
                  key={`${u.id}-${u.version}`}
                  action={updateUserAction}
                  hidden={{ id: String(u.id), version: String(u.version) }}
                  idPrefix={`user-${u.id}-`}
                  initial={{ role: u.role, disabled: String(u.disabled) }}
                  fields={[
                    { name: 'role', label: t('users.roleFor', { email: u.email }), kind: 'select', options: roleOptions },
                    {
                      name: 'disabled',
                      label: t('users.statusFor', { email: u.email }),
                      kind: 'select',
                      options: [
                        { value: 'false', label: t('users.active') },
                        { value: 'true', label: t('users.disabled') },
                      ],
                    },
                  ]}
                  submitLabel={t('users.update', { email: u.email })}
                />
              </td>
              <td>
                <TwoFactorCell userId={u.id} email={u.email} enabled={twoFactorOn.has(u.id)} self={u.id === admin.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('users.createTitle')}</h2>
      <div className="narrow">
        <RecordForm
          key={users.length}
          action={createUserAction}
          initial={{ role: 'monitor' }}
          fields={[
            { name: 'email', label: t('users.email'), kind: 'email', required: true },
            { name: 'name', label: t('users.name'), required: true },
            { name: 'role', label: t('users.role'), kind: 'select', options: roleOptions },
            { name: 'password', label: t('users.password'), kind: 'password', hint: t('users.passwordHint'), required: true },
          ]}
          submitLabel={t('users.create')}
        />
      </div>
    </>
  );
}

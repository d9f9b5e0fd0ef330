import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { listDeletedRecords } from '@/lib/history/deleted';
import { ActionForm } from '@/app/components/action-form';
import { restoreRecordAction } from '@/app/records/actions';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.deleted');

export default async function DeletedRecordsPage() {
  await requirePermission('restore');
  const [t, records] = await Promise.all([getTranslations(), listDeletedRecords()]);
  return (
    <>
      <h1>{t('deleted.title')}</h1>
      <p className="hint">{t('deleted.hint')}</p>
      {records.length === 0 ? (
        <p>{t('deleted.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('deleted.kind')}</th>
              <th scope="col">{t('deleted.record')}</th>
              <th scope="col">{t('deleted.when')}</th>
              <th scope="col">{t('deleted.undo')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={`${r.kind}-${r.id}`}>
                <td>{t(`deleted.kinds.${r.kind}`)}</td>
                <td>
                  <Link href={r.href}>{r.label}</Link>
                </td>
                <td>{t('deleted.at', { at: r.deletedAt?.toISOString().slice(0, 16).replace('T', ' ') ?? '' })}</td>
                <td>
                  <ActionForm action={restoreRecordAction} hidden={{ kind: r.kind, id: String(r.id) }} label={t('deleted.restore', { record: r.label })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

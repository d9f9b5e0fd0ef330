import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { EXPORT_LOG_PAGE, listExportLog } from '@/lib/exports/queries';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.exports');

const utc = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/** Who took which case data out of the system: admins only. */
export default async function ExportLogPage() {
  await requirePermission('auditExports');
  const [t, entries] = await Promise.all([getTranslations('exports'), listExportLog()]);
  return (
    <>
      <h1>{t('logTitle')}</h1>
      <p className="hint">{t('logHint', { count: EXPORT_LOG_PAGE })}</p>
      {entries.length === 0 ? (
        <p>{t('logEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('format')}</th>
              <th scope="col">{t('filters')}</th>
              <th scope="col">{t('notes')}</th>
              <th scope="col">{t('rows')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const filters = Object.entries(e.filters).map(([k, v]) => `${k}=${String(v)}`).join(', ');
              return (
                <tr key={e.id}>
                  <td>{utc(e.startedAt)}</td>
                  <td>
                    {e.userName}
                    <div className="hint">{e.userEmail}</div>
                  </td>
                  <td>{e.format.toUpperCase()}</td>
                  <td>{filters || t('noFilters')}</td>
                  <td>{e.includesNotes ? t('notesYes') : t('notesNo')}</td>
                  <td>{e.completedAt ? e.rowCount : e.rowCount === null ? t('running') : t('incomplete', { rows: e.rowCount })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

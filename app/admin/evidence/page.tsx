import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { showUtc } from '@/lib/evidence/format';
import { lastLinkCheckAt, listLinkProblems } from '@/lib/evidence/queries';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('evidence.admin.title');

/**
 * Sources whose live page is gone or no longer says what it said when first captured, from the
 * latest `npm run check-links` (admins). The captures keep what the page said; this says where the
 * live link no longer backs it up.
 */
export default async function EvidenceAdminPage() {
  await requirePermission('verifyEvidence');
  const [t, problems, lastCheck] = await Promise.all([getTranslations('evidence.admin'), listLinkProblems(), lastLinkCheckAt()]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="hint">{lastCheck ? t('lastCheck', { at: showUtc(lastCheck) }) : t('neverChecked')}</p>
      <p className="hint">{t('howTo')}</p>
      {problems.length === 0 ? (
        <p>{t('noProblems')}</p>
      ) : (
        <table>
          <caption>{t('problems', { count: problems.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('found')}</th>
              <th scope="col">{t('checkedAt')}</th>
              <th scope="col">{t('detail')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <tr key={p.sourceId}>
                <td>
                  <Link href={`/sources/${p.sourceId}`}>{p.title}</Link>
                  <div className="hint break">{p.url}</div>
                </td>
                <td>{p.gone ? t('gone') : t('changed')}</td>
                <td>{showUtc(p.checkedAt)}</td>
                <td>
                  {[p.httpStatus ? `HTTP ${p.httpStatus}` : null, p.finalUrl && p.finalUrl !== p.url ? t('redirectedTo', { url: p.finalUrl }) : null, p.detail]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

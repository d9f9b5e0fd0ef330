import { getTranslations } from 'next-intl/server';
import { seesRestricted } from '@/lib/auth/policy';
import { requirePermission } from '@/lib/auth/guard';
import { readCaseFilters } from '@/lib/cases/filters';
import { FilterFields } from '@/app/components/filter-fields';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.reports');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The observers' report: the /cases filters, then a PDF built on the server. */
export default async function ReportsPage({ searchParams }: Props) {
  const user = await requirePermission('read');
  const { filters, invalid } = readCaseFilters(await searchParams);
  const t = await getTranslations();

  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p>{t('reports.intro')}</p>
      <form method="get" action="/reports/pdf" className="filters" aria-label={t('filters.label')}>
        <div className="grid">
          <FilterFields filters={filters} idPrefix="report-" restricted={seesRestricted(user)} invalid={invalid} />
        </div>
        <div className="actions">
          <button type="submit">{t('reports.download')}</button>
        </div>
      </form>
    </>
  );
}

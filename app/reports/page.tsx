import { getTranslations } from 'next-intl/server';
import { seesRestricted } from '@/lib/auth/policy';
import { requirePermission } from '@/lib/auth/guard';
import { readCaseFilters } from '@/lib/cases/filters';
import { FilterFields } from '@/app/components/filter-fields';
import { pageTitle } from '@/app/components/page-title';
import { DownloadButton } from './download-button';

export const generateMetadata = pageTitle('lists.titles.reports');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ERRORS = { confirm: 'reports.errorConfirm', conflict: 'reports.errorConflict' } as const;

/**
 * The observers' report: the /cases filters, which records to include (shareable and verified by
 * default; drafts and restricted ones only with a confirmation, checked again by /reports/pdf), then
 * a PDF built on the server. A refused request comes back here with `error` and the reader's choices.
 */
export default async function ReportsPage({ searchParams }: Props) {
  const user = await requirePermission('read');
  const params = await searchParams;
  const { filters, invalid } = readCaseFilters(params);
  const t = await getTranslations();
  const include = new Set([params.include ?? []].flat());
  const error = typeof params.error === 'string' && params.error in ERRORS ? ERRORS[params.error as keyof typeof ERRORS] : null;
  const restricted = seesRestricted(user);

  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p>{t('reports.intro')}</p>
      {error && (
        <div className="error-summary" role="alert" aria-labelledby="report-error-title" tabIndex={-1}>
          <h2 id="report-error-title">{t('lists.errorSummary.title')}</h2>
          <ul>
            <li>
              <a href="#report-confirm">{t(error)}</a>
            </li>
          </ul>
        </div>
      )}
      <form method="get" action="/reports/pdf" className="filters" aria-label={t('filters.label')}>
        <div className="grid">
          <FilterFields filters={filters} idPrefix="report-" restricted={restricted} invalid={invalid} />
        </div>
        <fieldset className="report-scope" aria-describedby="report-scope-hint">
          <legend>{t('reports.scopeTitle')}</legend>
          <p id="report-scope-hint" className="hint">
            {t('reports.scopeHint')}
          </p>
          <div className="checkbox">
            <input id="report-include-draft" type="checkbox" name="include" value="draft" defaultChecked={include.has('draft')} />
            <label htmlFor="report-include-draft">{t('reports.includeDrafts')}</label>
          </div>
          {restricted && (
            <div className="checkbox">
              <input id="report-include-restricted" type="checkbox" name="include" value="restricted" defaultChecked={include.has('restricted')} />
              <label htmlFor="report-include-restricted">{t('reports.includeRestricted')}</label>
            </div>
          )}
          <div className="checkbox">
            <input
              id="report-confirm"
              type="checkbox"
              name="confirm"
              value="1"
              {...(error ? { 'aria-invalid': true, 'aria-describedby': 'report-confirm-error' } : {})}
            />
            <label htmlFor="report-confirm">{t('reports.confirm')}</label>
            {error && (
              <p id="report-confirm-error" className="error">
                {t(error)}
              </p>
            )}
          </div>
        </fieldset>
        <div className="actions">
          <DownloadButton label={t('reports.download')} pending={t('reports.pending')} ready={t('reports.ready')} />
        </div>
      </form>
    </>
  );
}

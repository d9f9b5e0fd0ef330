import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can, seesRestricted } from '@/lib/auth/policy';
import { requirePermission } from '@/lib/auth/guard';
import { filtersToQuery, readCaseFilters } from '@/lib/cases/filters';
import { listCases } from '@/lib/cases/queries';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { FilterFields } from '@/app/components/filter-fields';
import { CaseRow } from './case-row';
import { ExportLinks } from './export/export-links';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.cases');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CasesPage({ searchParams }: Props) {
  const user = await requirePermission('read');
  const { filters, invalid } = readCaseFilters(await searchParams);
  const [t, result, names] = await Promise.all([getTranslations(), listCases(user, filters), getVocabularyNames()]);
  const restricted = seesRestricted(user);
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <div className="actions">
        <h1>{t('cases.title')}</h1>
        {can(user.role, 'write') && <Link href="/cases/new">{t('nav.newCase')}</Link>}
      </div>
      <form method="get" action="/cases" className="filters" role="search" aria-label={t('filters.label')}>
        <div className="grid">
          <FilterFields filters={filters} idPrefix="filter-" restricted={restricted} invalid={invalid} />
          {can(user.role, 'restore') && (
            <div className="field">
              <label htmlFor="filter-deleted">{t('filters.deleted')}</label>
              <select id="filter-deleted" name="deleted" defaultValue={filters.deleted ?? ''}>
                <option value="">{t('filters.deletedNo')}</option>
                <option value="1">{t('filters.deletedYes')}</option>
              </select>
            </div>
          )}
        </div>
        {filters.lens && !filters.from && !filters.to && (
          <p className="hint">
            {/* A view opened from the dashboard keeps its election window until the filters are cleared. */}
            <input type="hidden" name="lens" value={filters.lens} />
            {filters.before !== undefined && <input type="hidden" name="before" value={filters.before} />}
            {filters.after !== undefined && <input type="hidden" name="after" value={filters.after} />}
            {t('filters.window', {
              election: names.election(names.vocab.elections.find((e) => e.id === filters.lens)?.name),
              before: filters.before ?? 60,
              after: filters.after ?? 30,
            })}
          </p>
        )}
        <div className="actions">
          <button type="submit">{t('filters.apply')}</button>
          <Link href="/cases">{t('filters.clear')}</Link>
        </div>
      </form>

      <ExportLinks filters={filters} withNotes={restricted} />
      <p aria-live="polite">
        {result.capped ? t('cases.countCapped', { count: result.total }) : t('cases.count', { count: result.total })}
      </p>
      {result.rows.length > 0 && (
        <table className="cards">
          <caption className="hint">{t('cases.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.activist')}</th>
              <th scope="col">{t('fields.place')}</th>
              <th scope="col">{t('fields.detainedOn')}</th>
              <th scope="col">{t('fields.charges')}</th>
              <th scope="col">{t('cases.outcomeColumn')}</th>
              <th scope="col">{t('fields.custody')}</th>
              <th scope="col">{t('fields.reviewStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <CaseRow key={row.id} row={row} today={today} />
            ))}
          </tbody>
        </table>
      )}
      {result.pageCount > 1 && (
        <nav className="pager" aria-label={t('cases.pages')}>
          {result.page > 1 && <Link href={`/cases${filtersToQuery(filters, { page: result.page - 1 })}`}>{t('cases.previous')}</Link>}
          <span>{result.capped ? t('cases.pageOfMany', { page: result.page }) : t('cases.pageOf', { page: result.page, pages: result.pageCount })}</span>
          {result.page < result.pageCount && <Link href={`/cases${filtersToQuery(filters, { page: result.page + 1 })}`}>{t('cases.next')}</Link>}
        </nav>
      )}
    </>
  );
}

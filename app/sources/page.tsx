import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { showDate } from '@/lib/format';
import { listSources } from '@/lib/sources/list';
import { ListPager, ListSearch, readListParams } from '@/app/components/list-search';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.sources');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The sources the reader may see, searchable by title, publisher or web address. */
export default async function SourcesPage({ searchParams }: Props) {
  const user = await requirePermission('read');
  const { query, page } = readListParams(await searchParams);
  const [t, result] = await Promise.all([getTranslations(), listSources(user, query, page)]);
  return (
    <>
      <h1>{t('lists.titles.sources')}</h1>
      <ListSearch action="/sources" query={query} hint={t('lists.sources.searchHint')} />
      <p aria-live="polite">{t('lists.sources.count', { count: result.total })}</p>
      {result.rows.length === 0 ? (
        <p>{t('lists.empty')}</p>
      ) : (
        <table className="cards">
          <thead>
            <tr>
              <th scope="col">{t('lists.sources.title')}</th>
              <th scope="col">{t('lists.sources.publisher')}</th>
              <th scope="col">{t('lists.sources.published')}</th>
              <th scope="col">{t('lists.sources.citedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((source) => (
              <tr key={source.id}>
                <td data-label={t('lists.sources.title')}>
                  <Link href={`/sources/${source.id}`}>{source.title}</Link>
                  <div className="hint">{source.url}</div>
                </td>
                <td data-label={t('lists.sources.publisher')}>{source.publisher}</td>
                <td data-label={t('lists.sources.published')}>{showDate(t, source.publishedOn, source.publishedPrecision)}</td>
                <td data-label={t('lists.sources.citedBy')}>{source.citedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListPager action="/sources" query={query} page={result.page} pages={result.pages} />
    </>
  );
}

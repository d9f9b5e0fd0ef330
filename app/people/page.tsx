import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { listPeople } from '@/lib/people/list';
import { ListPager, ListSearch, readListParams } from '@/app/components/list-search';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.people');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Everyone on record the reader may see, searchable by any spelling of a name. */
export default async function PeoplePage({ searchParams }: Props) {
  const user = await requirePermission('read');
  const { query, page } = readListParams(await searchParams);
  const [t, result] = await Promise.all([getTranslations(), listPeople(user, query, page)]);
  return (
    <>
      <h1>{t('lists.titles.people')}</h1>
      <ListSearch action="/people" query={query} hint={t('lists.people.searchHint')} />
      <p aria-live="polite">{t('lists.people.count', { count: result.total })}</p>
      {result.rows.length === 0 ? (
        <p>{t('lists.empty')}</p>
      ) : (
        <table className="cards">
          <thead>
            <tr>
              <th scope="col">{t('lists.people.name')}</th>
              <th scope="col">{t('lists.people.role')}</th>
              <th scope="col">{t('lists.people.affiliation')}</th>
              <th scope="col">{t('lists.people.detentions')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((person) => (
              <tr key={person.id}>
                <td data-label={t('lists.people.name')}>
                  <Link href={`/people/${person.id}`}>{person.displayName}</Link>
                </td>
                <td data-label={t('lists.people.role')}>{t(`enums.personRole.${person.role}`)}</td>
                <td data-label={t('lists.people.affiliation')}>{person.affiliation}</td>
                <td data-label={t('lists.people.detentions')}>{person.detentionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListPager action="/people" query={query} page={result.page} pages={result.pages} />
    </>
  );
}

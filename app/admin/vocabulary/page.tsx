import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { listChargeEntries } from '@/lib/vocab/admin';
import { AddEntryForm } from './add-entry-form';
import { DeleteEntryForm, RenameEntryForm } from './entry-forms';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.vocabulary');

/** Admins keep the charge vocabulary the detention form offers. */
export default async function VocabularyPage() {
  await requirePermission('manageVocabulary');
  const [t, entries] = await Promise.all([getTranslations('vocabulary'), listChargeEntries()]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <AddEntryForm />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('legalBasis')}</th>
            <th scope="col">{t('code')}</th>
            <th scope="col">{t('article')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('uses')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{entry.legalBasis}</th>
              <td>{t(`codes.${entry.code}`)}</td>
              <td>{entry.article}</td>
              <td>
                <RenameEntryForm id={entry.id} name={entry.name} nameKk={entry.nameKk} nameRu={entry.nameRu} legalBasis={entry.legalBasis} />
                {entry.seeded && <span className="hint"> ({t('seeded')})</span>}
              </td>
              <td>{entry.uses}</td>
              <td>{entry.uses === 0 && <DeleteEntryForm id={entry.id} legalBasis={entry.legalBasis} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { parseId, requirePermission } from '@/lib/auth/guard';
import { showDate, showInterval, showPlace } from '@/lib/format';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { getSourceById } from '@/lib/sources/queries';
import { ActionForm } from '@/app/components/action-form';
import { History } from '@/app/components/history';
import { deleteRecordAction, restoreRecordAction } from '@/app/records/actions';
import { CapturesSection } from './captures-section';

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('read');
  const id = parseId((await params).id);
  const [t, source, names] = await Promise.all([getTranslations(), getSourceById(user, id), getVocabularyNames()]);
  if (!source) notFound();
  return (
    <article>
      <div className="actions">
        <h1>{source.title}</h1>
        {!source.deletedAt && can(user.role, 'write') && <Link href={`/sources/${source.id}/edit`}>{t('sources.edit')}</Link>}
      </div>
      {source.deletedAt && <p className="banner warn">{t('cases.deletedBanner')}</p>}
      <dl className="facts">
        <dt>{t('fields.sourceUrl')}</dt>
        <dd>
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {source.url}
          </a>
        </dd>
        <dt>{t('fields.source_publisher')}</dt>
        <dd>{source.publisher ?? '—'}</dd>
        <dt>{t('fields.source_publishedOn')}</dt>
        <dd>{showDate(t, source.publishedOn, source.publishedPrecision)}</dd>
        <dt>{t('fields.source_language')}</dt>
        <dd>{source.language ?? '—'}</dd>
        <dt>{t('fields.accessedOn')}</dt>
        <dd>{source.accessedOn ?? '—'}</dd>
      </dl>
      <h2>{t('sources.detentions', { count: source.cases.length })}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('fields.activist')}</th>
            <th scope="col">{t('fields.place')}</th>
            <th scope="col">{t('fields.detainedOn')}</th>
            <th scope="col">{t('fields.source_locator')}</th>
          </tr>
        </thead>
        <tbody>
          {source.cases.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={`/cases/${c.id}`}>{c.personName}</Link>
              </td>
              <td>{showPlace(t, names.where(c))}</td>
              <td>{showInterval(t, { earliest: c.detainedEarliest, latest: c.detainedLatest, qualifier: c.detainedQualifier, asReported: null })}</td>
              <td>{c.locator ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CapturesSection user={user} sourceId={source.id} live={!source.deletedAt} />
      <History entries={source.history} />
      {!source.deletedAt && can(user.role, 'delete') && (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">{t('cases.deleteTitle')}</h2>
          <p className="hint">{t('sources.deleteHint')}</p>
          <ActionForm
            action={deleteRecordAction}
            hidden={{ kind: 'source', id: String(source.id), version: String(source.version) }}
            label={t('sources.delete')}
            reasonLabel={t('fields.reason')}
            danger
          />
        </section>
      )}
      {source.deletedAt && can(user.role, 'restore') && (
        <ActionForm action={restoreRecordAction} hidden={{ kind: 'source', id: String(source.id) }} label={t('cases.restore')} />
      )}
    </article>
  );
}

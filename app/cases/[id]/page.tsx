import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { recordRestrictedView } from '@/lib/audit/views';
import { can, seesRestricted } from '@/lib/auth/policy';
import { parseId, requirePermission } from '@/lib/auth/guard';
import { getCaseById } from '@/lib/cases/queries';
import { firstCapturesCitedBy } from '@/lib/evidence/queries';
import { showUtc } from '@/lib/evidence/format';
import type { DateQualifier } from '@/db/schema';
import type { DateInterval } from '@/lib/dates/interval';
import { showDate, showInterval, showPlace } from '@/lib/format';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { allMciValues } from '@/lib/money';
import { ActionForm } from '@/app/components/action-form';
import { History } from '@/app/components/history';
import { deleteRecordAction, restoreRecordAction } from '@/app/records/actions';
import { ChargeList } from './charge-list';
import { CustodySection } from './custody-section';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.case');

function interval(earliest: string | null, latest: string | null, qualifier: DateQualifier, asReported: string | null): DateInterval {
  return { earliest, latest, qualifier, asReported };
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('read');
  const id = parseId((await params).id);
  // Asked together (one round trip): the captures of the sources the record cites and the MCI table
  // need nothing from the record; they are shown only for the sources and charges it lets this user see.
  const [t, record, names, mci, archived] = await Promise.all([getTranslations(), getCaseById(user, id), getVocabularyNames(), allMciValues(), firstCapturesCitedBy(id)]);
  if (!record) notFound();
  if (record.confidentiality === 'restricted') await recordRestrictedView(user, 'detention', id, 'view');
  const internal = seesRestricted(user);

  const detained = interval(record.detainedEarliest, record.detainedLatest, record.detainedQualifier, record.detainedAsReported);
  const sentenced = interval(record.sentencedEarliest, record.sentencedLatest, record.sentencedQualifier, record.sentencedAsReported);
  const dated = (date: DateInterval) => (
    <>
      {showInterval(t, date)}
      {date.asReported && <span className="hint"> ({t('dates.asReported', { text: date.asReported })})</span>}
    </>
  );
  const place = showPlace(t, names.where(record));
  const facts: [string, React.ReactNode][] = [
    [t('fields.activist'), <Link key="p" href={`/people/${record.personId}`}>{record.personName}</Link>],
    [t('fields.personRole'), t(`enums.personRole.${record.personRole}`)],
    // The precision is said in words; a place the source does not give is "Not stated", never guessed.
    [t('fields.place'), record.city ? `${place} (${record.region}) · ${t(`enums.placePrecision.${record.placePrecision}`)}` : place],
    [t('fields.placeDetail'), record.placeDetail ?? '—'],
    [t('fields.detainedOn'), dated(detained)],
    [t('fields.election'), record.electionName ? `${names.election(record.electionName)} (${record.electionDate})` : '—'],
    [t('fields.court'), record.court ?? '—'],
    [t('fields.sentencedOn'), dated(sentenced)],
    [t('fields.plea'), t(`enums.plea.${record.plea}`)],
    [t('fields.confidentiality'), t(`enums.confidentiality.${record.confidentiality}`)],
    [t('fields.reviewStatus'), t(`enums.reviewStatus.${record.reviewStatus}`)],
    [t('fields.publicNotes'), record.publicNotes ?? '—'],
  ];
  if (internal) facts.push([t('fields.notes'), record.notes ?? '—']);

  return (
    <article>
      <div className="actions">
        <h1>{t('cases.detailTitle', { name: record.personName })}</h1>
        {!record.deletedAt && can(user.role, 'write') && <Link href={`/cases/${record.id}/edit`}>{t('cases.edit')}</Link>}
        {/* A file download, not a page: plain links, so the browser saves it. */}
        {!record.deletedAt && (
          <a href={`/cases/${record.id}/pdf`} download>
            {t('reports.recordPdf')}
          </a>
        )}
        {!record.deletedAt && internal && record.notes && (
          <a href={`/cases/${record.id}/pdf?notes=1`} download>
            {t('reports.recordPdfInternal')}
          </a>
        )}
      </div>
      {record.deletedAt && <p className="banner warn">{t('cases.deletedBanner')}</p>}
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="charges-heading">
        <h2 id="charges-heading">{t('fields.charges')}</h2>
        <ChargeList charges={record.charges} sentenced={sentenced} mci={mci} />
      </section>

      <CustodySection facts={record} detained={detained} events={record.events} today={new Date().toISOString().slice(0, 10)} />

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('cases.sources')}</h2>
        <ul>
          {record.sources.map((s) => (
            <li key={s.sourceId}>
              {/* Sources open apart from the tracker and learn nothing about where the reader came from. */}
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>{' '}
              {archived.has(s.sourceId) && (
                <>
                  (
                  <Link href={`/sources/${s.sourceId}#capture-${archived.get(s.sourceId)!.captureId}`} title={t('evidence.archivedCopyTitle', { at: showUtc(archived.get(s.sourceId)!.capturedAt) })}>
                    {t('evidence.archivedCopy')}
                  </Link>
                  ){' '}
                </>
              )}
              <span className="hint">
                {[s.publisher, showDate(t, s.publishedOn, s.publishedPrecision), s.language].filter(Boolean).join(' · ')}
              </span>{' '}
              <Link href={`/sources/${s.sourceId}`} className="hint">
                {t('cases.sourceRecord')}
              </Link>
              {s.locator && <div className="hint">{t('cases.locator', { locator: s.locator })}</div>}
              {s.supports.length > 0 && (
                <div className="hint">{t('cases.supports', { facts: s.supports.map((f) => t(`facts.${f}`)).join(', ') })}</div>
              )}
            </li>
          ))}
        </ul>
      </section>

      <History entries={record.history} />

      {!record.deletedAt && can(user.role, 'delete') && (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">{t('cases.deleteTitle')}</h2>
          <p className="hint">{t('cases.deleteHint')}</p>
          <ActionForm
            action={deleteRecordAction}
            hidden={{ kind: 'detention', id: String(record.id), version: String(record.version) }}
            label={t('cases.delete')}
            reasonLabel={t('fields.reason')}
            danger
          />
        </section>
      )}
      {record.deletedAt && can(user.role, 'restore') && (
        <ActionForm action={restoreRecordAction} hidden={{ kind: 'detention', id: String(record.id) }} label={t('cases.restore')} />
      )}
    </article>
  );
}

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { recordRestrictedView } from '@/lib/audit/views';
import { can, seesRestricted } from '@/lib/auth/policy';
import { parseId, requirePermission } from '@/lib/auth/guard';
import { legalBasisText, showInterval, showPenalty, showPlace } from '@/lib/format';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { getPersonById } from '@/lib/people/queries';
import { decisionsFor } from '@/lib/people/decisions';
import { ActionForm } from '@/app/components/action-form';
import { History } from '@/app/components/history';
import { deleteRecordAction, restoreRecordAction } from '@/app/records/actions';
import { withdrawDecisionAction } from '../actions';
import { DecisionsSection } from './decisions-section';
import { DuplicatesSection } from './duplicates-section';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.person');

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('read');
  const id = parseId((await params).id);
  const [t, person, names] = await Promise.all([getTranslations(), getPersonById(user, id), getVocabularyNames()]);
  if (!person) notFound();
  // Notes are restricted data: record each time they are actually shown.
  if (seesRestricted(user) && person.notes !== null) await recordRestrictedView(user, 'person', id, 'view');
  const decides = can(user.role, 'mergePeople');
  const decisions = decides ? await decisionsFor(id) : [];
  // The merge in force that hid this person, if any: the banner links to the survivor and undoes it.
  const mergedBy = person.mergedIntoId === null ? undefined : decisions.find((d) => d.inForce && d.merged && d.survivorId === person.mergedIntoId);
  const live = !person.deletedAt && person.mergedIntoId === null;
  return (
    <article>
      <div className="actions">
        <h1>{person.displayName}</h1>
        {live && can(user.role, 'write') && <Link href={`/people/${person.id}/edit`}>{t('people.edit')}</Link>}
      </div>
      {person.deletedAt && <p className="banner warn">{t('cases.deletedBanner')}</p>}
      {person.mergedIntoId !== null && (
        <div className="banner warn" role="status">
          <p>
            {t.rich('merge.banner', {
              name: mergedBy?.otherName ?? `#${person.mergedIntoId}`,
              link: (chunks) => <Link href={`/people/${person.mergedIntoId}`}>{chunks}</Link>,
            })}
          </p>
          {mergedBy && decides && (
            <ActionForm action={withdrawDecisionAction} hidden={{ decisionId: String(mergedBy.id), personId: String(person.id) }} label={t('merge.actions.undoMerge')} />
          )}
        </div>
      )}
      <dl className="facts">
        <dt>{t('fields.personRole')}</dt>
        <dd>{t(`enums.personRole.${person.role}`)}</dd>
        <dt>{t('fields.affiliation')}</dt>
        <dd>{person.affiliation ?? '—'}</dd>
        <dt>{t('people.names')}</dt>
        <dd>{person.names.map((n) => `${n.name} (${t(`enums.script.${n.script}`)})`).join(', ')}</dd>
        {seesRestricted(user) && (
          <>
            <dt>{t('fields.personNotes')}</dt>
            <dd>{person.notes ?? '—'}</dd>
          </>
        )}
      </dl>
      <h2>{t('people.detentions', { count: person.cases.length })}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('fields.detainedOn')}</th>
            <th scope="col">{t('fields.city')}</th>
            <th scope="col">{t('fields.chargeText')}</th>
            <th scope="col">{t('fields.sentence')}</th>
          </tr>
        </thead>
        <tbody>
          {person.cases.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={`/cases/${c.id}`}>
                  {showInterval(t, { earliest: c.detainedEarliest, latest: c.detainedLatest, qualifier: c.detainedQualifier, asReported: null })}
                </Link>{' '}
                {c.confidentiality === 'restricted' && <span className="tag restricted">{t('enums.confidentiality.restricted')}</span>}
              </td>
              <td>{showPlace(t, names.where(c))}</td>
              <td>{c.charges.map((ch) => ch.chargeText ?? legalBasisText(t, ch) ?? ch.chargeName).filter(Boolean).join('; ') || '—'}</td>
              <td>
                {c.charges.flatMap((ch) => ch.penalties.filter((p) => p.replacedBy === null).map((p) => showPenalty(t, p))).join('; ') ||
                  t(`enums.chargeOutcome.${c.charges[0]?.outcome ?? 'unknown'}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {decides && live && <DuplicatesSection personId={person.id} />}
      {decides && <DecisionsSection personId={person.id} decisions={decisions} canDecide={decides} />}
      <History entries={person.history} />
      {live && can(user.role, 'delete') && (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">{t('cases.deleteTitle')}</h2>
          <p className="hint">{t('people.deleteHint')}</p>
          <ActionForm
            action={deleteRecordAction}
            hidden={{ kind: 'person', id: String(person.id), version: String(person.version) }}
            label={t('people.delete')}
            reasonLabel={t('fields.reason')}
            danger
          />
        </section>
      )}
      {person.deletedAt && can(user.role, 'restore') && (
        <ActionForm action={restoreRecordAction} hidden={{ kind: 'person', id: String(person.id) }} label={t('cases.restore')} />
      )}
    </article>
  );
}

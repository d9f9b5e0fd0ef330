import { notFound } from 'next/navigation';
import { pageTitle } from '@/app/components/page-title';
import { getTranslations } from 'next-intl/server';
import { recordRestrictedView } from '@/lib/audit/views';
import { parseId, requirePermission } from '@/lib/auth/guard';
import { getCaseForEdit } from '@/lib/cases/queries';
import { formatPartialDate } from '@/lib/dates/partial-date';
import type { FormValues } from '@/lib/forms';
import { saveCase } from '../../actions';
import { CaseForm } from '../../form/case-form';
import { chargeValues, eventValues, intervalValues } from '../../form/initial-values';
import { caseFormVocabulary } from '../../vocabulary';

/**
 * The site sends no referrer at all, so a browser posting this form without JavaScript sends
 * "Origin: null" and Next.js refuses the server action. Same-origin referrers (never sent to
 * other sites) let the form work without JavaScript, with the origin check intact.
 */
export const generateMetadata = pageTitle('lists.titles.caseEdit', { referrer: 'same-origin' });

export default async function EditCasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('write');
  const id = parseId((await params).id);
  const [t, record, vocab] = await Promise.all([getTranslations('cases'), getCaseForEdit(user, id), caseFormVocabulary()]);
  if (!record) notFound();
  if (record.confidentiality === 'restricted') await recordRestrictedView(user, 'detention', id, 'edit');

  const initial: FormValues = {
    id: String(record.id),
    version: String(record.version),
    personId: String(record.personId),
    personName: record.personName,
    placePrecision: record.placePrecision,
    placeId: record.placeId ? String(record.placeId) : '',
    region: record.region ?? '',
    placeDetail: record.placeDetail ?? '',
    ...intervalValues('detained', {
      earliest: record.detainedEarliest,
      latest: record.detainedLatest,
      qualifier: record.detainedQualifier,
      asReported: record.detainedAsReported,
    }),
    electionId: record.electionId ? String(record.electionId) : '',
    ...chargeValues(record.charges),
    court: record.court ?? '',
    ...intervalValues('sentenced', {
      earliest: record.sentencedEarliest,
      latest: record.sentencedLatest,
      qualifier: record.sentencedQualifier,
      asReported: record.sentencedAsReported,
    }),
    plea: record.plea,
    ...eventValues(record.events, record.sources.map((s) => s.sourceId)),
    publicNotes: record.publicNotes ?? '',
    notes: record.notes ?? '',
    confidentiality: record.confidentiality,
    reviewStatus: record.reviewStatus,
  };
  record.sources.forEach((s, i) => {
    initial[`sources.${i}.sourceId`] = String(s.sourceId);
    initial[`sources.${i}.url`] = s.url;
    initial[`sources.${i}.title`] = s.title;
    initial[`sources.${i}.publisher`] = s.publisher ?? '';
    initial[`sources.${i}.publishedOn`] = formatPartialDate({ date: s.publishedOn, precision: s.publishedPrecision });
    initial[`sources.${i}.language`] = s.language ?? '';
    initial[`sources.${i}.locator`] = s.locator ?? '';
    initial[`sources.${i}.supports`] = s.supports;
  });

  return (
    <>
      <h1>{t('editTitle', { name: record.personName })}</h1>
      <CaseForm action={saveCase} vocab={vocab} initial={initial} mode="edit" />
    </>
  );
}

import { pageTitle } from '@/app/components/page-title';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { saveCase } from '../actions';
import { CaseForm } from '../form/case-form';
import { caseFormVocabulary } from '../vocabulary';

/**
 * The site sends no referrer at all, so a browser posting this form without JavaScript sends
 * "Origin: null" and Next.js refuses the server action. Same-origin referrers (never sent to
 * other sites) let the form work without JavaScript, with the origin check intact.
 */
export const generateMetadata = pageTitle('lists.titles.caseNew', { referrer: 'same-origin' });

/** Sensible starting values: a case is usually recorded on hearing of it, before any verdict. */
const NEW_CASE = {
  personRole: 'activist',
  placePrecision: 'city',
  plea: 'unknown',
  confidentiality: 'shareable',
  reviewStatus: 'draft',
};

export default async function NewCasePage() {
  await requirePermission('write');
  const [t, vocab] = await Promise.all([getTranslations('cases'), caseFormVocabulary()]);
  return (
    <>
      <h1>{t('newTitle')}</h1>
      <CaseForm action={saveCase} vocab={vocab} initial={NEW_CASE} mode="create" />
    </>
  );
}

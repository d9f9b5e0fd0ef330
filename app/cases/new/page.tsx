import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { saveCase } from '../actions';
import { CaseForm } from '../form/case-form';
import { caseFormVocabulary } from '../vocabulary';

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

import { getTranslations } from 'next-intl/server';
import { basisOrigin, dateQualifier, penaltyKind, penaltyUnit, plea } from '@/db/schema';
import { requirePermission } from '@/lib/auth/guard';
import { listVocabulary } from '@/lib/vocab/queries';
import { pageTitle } from '@/app/components/page-title';
import { IntakeForm } from './intake-form';

export const generateMetadata = pageTitle('intake.title');

/** From an article to draft detentions: paste, review the drafts field by field, save the kept ones. */
export default async function IntakePage() {
  await requirePermission('write');
  const [t, vocab] = await Promise.all([getTranslations('intake'), listVocabulary()]);
  const vocabulary = {
    places: vocab.places.map((p) => ({ id: p.id, name: p.name, region: p.region })),
    charges: vocab.charges.map((c) => ({ id: c.id, name: c.name, legalBasis: c.legalBasis })),
    enums: {
      plea: plea.enumValues,
      penaltyKind: penaltyKind.enumValues,
      penaltyUnit: penaltyUnit.enumValues,
      dateQualifier: dateQualifier.enumValues,
      basisOrigin: basisOrigin.enumValues,
    },
  };
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <IntakeForm vocabulary={vocabulary} />
    </>
  );
}

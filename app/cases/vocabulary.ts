import 'server-only';
import { detentionStatus, personRole, plea, sentenceKind, sentenceUnit } from '@/db/schema';
import { listVocabulary } from '@/lib/vocab/queries';
import type { CaseFormVocabulary } from './case-form';

/** What the case form offers: the gazetteer, charges, elections and the enums' values. */
export async function caseFormVocabulary(): Promise<CaseFormVocabulary> {
  const vocab = await listVocabulary();
  return {
    places: vocab.places,
    charges: vocab.charges,
    elections: vocab.elections,
    enums: {
      personRole: personRole.enumValues,
      sentenceKind: sentenceKind.enumValues,
      sentenceUnit: sentenceUnit.enumValues,
      plea: plea.enumValues,
      status: detentionStatus.enumValues,
    },
  };
}

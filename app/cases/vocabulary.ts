import 'server-only';
import { basisOrigin, chargeOutcome, custodyEventKind, dateQualifier, penaltyKind, penaltyUnit, personRole, placePrecision, plea } from '@/db/schema';
import { listVocabulary } from '@/lib/vocab/queries';
import type { CaseFormVocabulary } from './form/types';

/** What the case form offers: the gazetteer and its regions, charges, elections and the enums' values. */
export async function caseFormVocabulary(): Promise<CaseFormVocabulary> {
  const vocab = await listVocabulary();
  return {
    places: vocab.places,
    regions: vocab.regions,
    regionNames: vocab.regionNames,
    charges: vocab.charges,
    elections: vocab.elections,
    enums: {
      personRole: personRole.enumValues,
      plea: plea.enumValues,
      basisOrigin: basisOrigin.enumValues,
      placePrecision: placePrecision.enumValues,
      chargeOutcome: chargeOutcome.enumValues,
      penaltyKind: penaltyKind.enumValues,
      penaltyUnit: penaltyUnit.enumValues,
      custodyEventKind: custodyEventKind.enumValues,
      dateQualifier: dateQualifier.enumValues,
    },
  };
}

import type { BasisOrigin, ChargeOutcome, CustodyEventKind, DateQualifier, PenaltyKind, PenaltyUnit, PersonRole, PlacePrecision, Plea } from '@/db/schema';

/** What the case form offers: the gazetteer, its regions, the charge vocabulary, elections and enums. */
export type CaseFormVocabulary = {
  places: { id: number; name: string; region: string; kind: string; nameKk: string; nameRu: string; latinVariants: string[]; variants: string[] }[];
  regions: string[];
  charges: { id: number; name: string; legalBasis: string }[];
  elections: { id: number; name: string; heldOn: string }[];
  enums: {
    personRole: readonly PersonRole[];
    plea: readonly Plea[];
    basisOrigin: readonly BasisOrigin[];
    placePrecision: readonly PlacePrecision[];
    chargeOutcome: readonly ChargeOutcome[];
    penaltyKind: readonly PenaltyKind[];
    penaltyUnit: readonly PenaltyUnit[];
    custodyEventKind: readonly CustodyEventKind[];
    dateQualifier: readonly DateQualifier[];
  };
};

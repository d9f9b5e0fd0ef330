import type { BasisOrigin, ChargeOutcome, CustodyEventKind, DateQualifier, PenaltyKind, PenaltyUnit, PersonRole, PlacePrecision, Plea } from '@/db/schema';

/** What the case form offers: the gazetteer, its regions, the charge vocabulary, elections and enums. */
export type CaseFormVocabulary = {
  places: { id: number; name: string; region: string; kind: string; nameKk: string; nameRu: string; latinVariants: string[]; variants: string[] }[];
  regions: string[];
  /** Kazakh and Russian names of the regions, keyed by the English name the form posts. */
  regionNames: { name: string; nameKk: string; nameRu: string }[];
  charges: { id: number; name: string; nameKk: string | null; nameRu: string | null; legalBasis: string }[];
  elections: { id: number; name: string; nameKk: string | null; nameRu: string | null; heldOn: string }[];
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

/**
 * The case form's fixed choices, shared by the server's validation (schema.ts) and the form in the
 * browser. Kept apart from schema.ts so the browser doesn't download zod and the database schema
 * (about 30 kB compressed) only to read two lists.
 */
import type { PenaltyKind, PenaltyUnit } from '@/db/schema';

/** Facts of a detention that a citation can say it supports. */
export const CITED_FACTS = ['person', 'place', 'date', 'charge', 'sentence', 'plea'] as const;
export type CitedFact = (typeof CITED_FACTS)[number];

/** Units of a money penalty (MCI: the monthly calculation index, converted with the year's value). */
export const MONEY_UNITS = ['KZT', 'USD', 'EUR', 'RUB', 'MCI'] as const satisfies readonly PenaltyUnit[];
export const TERM_UNITS = ['hours', 'days', 'months', 'years'] as const satisfies readonly PenaltyUnit[];
/** Which units each penalty kind is measured in (a warning has no amount). */
export const UNITS_OF_KIND: Record<PenaltyKind, readonly PenaltyUnit[]> = {
  administrative_arrest: ['days'],
  fine: MONEY_UNITS,
  restricted_freedom: ['days', 'months', 'years'],
  imprisonment: ['days', 'months', 'years'],
  probation: ['days', 'months', 'years'],
  activity_ban: ['days', 'months', 'years'],
  community_work: ['hours', 'days'],
  warning: [],
};

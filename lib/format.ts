/**
 * Display of stored values, shared by server and client components. `t` is a next-intl
 * translator for the root namespace, so every word comes from the message catalogue and every
 * number is written the reader's way ("87,500" in English, "87 500" in Kazakh and Russian).
 * Dates stay ISO ("2021-01-06", "2021-01 (month)"): they are data a reader compares with sources
 * and the form takes them so; whole-day headings use next-intl's formatter instead.
 */
import type { DatePrecision, PenaltyKind, PenaltyUnit, PlacePrecision } from '@/db/schema';
import { calendarUnit, type DateInterval } from './dates/interval';
import { formatPartialDate } from './dates/partial-date';

type T = (key: string, values?: Record<string, string | number>) => string;

export function showDate(t: T, date: string | null, precision: DatePrecision): string {
  if (!date || precision === 'unknown') return t('dates.unknown');
  const value = formatPartialDate({ date, precision });
  return precision === 'day' ? value : t(`dates.${precision}`, { value });
}

export function showSentence(t: T, kind: string, amount: number | null, unit: string | null): string {
  const name = t(`enums.sentenceKind.${kind}`);
  if (amount === null || unit === null) return name;
  return t('sentence.withAmount', { kind: name, amount, unit: t(`sentence.units.${unit}`, { count: amount }) });
}

/** A date interval as readers see it: "2021-01-06", "on or before 2019-03-18", "about 2023-06". */
export function showInterval(t: T, interval: DateInterval): string {
  const { earliest, latest, qualifier } = interval;
  if (qualifier === 'unknown' || (!earliest && !latest)) return t('dates.unknown');
  const one = (a: string, b: string) => {
    const unit = calendarUnit(a, b);
    if (unit === null) return t('dates.between', { from: a, to: b });
    return unit.length === 10 ? unit : t(unit.length === 7 ? 'dates.month' : 'dates.year', { value: unit });
  };
  if (qualifier === 'on_or_before' && latest) return t('dates.onOrBefore', { value: latest });
  if (qualifier === 'on_or_after' && earliest) return t('dates.onOrAfter', { value: earliest });
  if (!earliest || !latest) return earliest ?? latest ?? t('dates.unknown');
  if (qualifier === 'between') return t('dates.between', { from: earliest, to: latest });
  if (qualifier === 'approximately') return t('dates.approximately', { value: one(earliest, latest) });
  return one(earliest, latest);
}

/** "CoAO art. 488(3)" as stored, whatever the reader's language (the iCalendar feed, data). */
export function storedBasisText(charge: { legalBasis: string | null; part: string | null }): string | null {
  if (!charge.legalBasis) return null;
  return charge.part ? `${charge.legalBasis}(${charge.part})` : charge.legalBasis;
}

/** The legal basis as the vocabulary stores it (lib/vocab/schema.ts legalBasisOf), with the part cited. */
const STORED_BASIS = /^(CoAO|Criminal Code) art\. ([^\s(]+)(?:\(([^)]+)\))?$/;

/**
 * A stored legal basis in the reader's language: "CoAO art. 488(3)", «ч. 3 ст. 488 КоАП»,
 * «ӘҚБтК 488-бап 3-бөлік». A basis in another shape is shown as stored.
 */
export function localBasisText(t: T, stored: string): string {
  const match = STORED_BASIS.exec(stored);
  if (!match) return stored;
  const values = { code: match[1] === 'CoAO' ? 'administrative' : 'criminal', article: match[2] };
  return match[3] ? t('locale.basisPart', { ...values, part: match[3] }) : t('locale.basis', values);
}

/** A charge's legal basis with its part, in the reader's language (see localBasisText). */
export function legalBasisText(t: T, charge: { legalBasis: string | null; part: string | null }): string | null {
  const stored = storedBasisText(charge);
  return stored && localBasisText(t, stored);
}

/** A penalty: "Administrative arrest, 7 days", "Fine, 135 USD", "Fine, 30 MCI", "Warning". */
export function showPenalty(t: T, penalty: { kind: PenaltyKind; amount: number | null; unit: PenaltyUnit | null }): string {
  const name = t(`enums.penaltyKind.${penalty.kind}`);
  if (penalty.amount === null || penalty.unit === null) return name;
  return `${name}, ${formatAmount(t, penalty.amount)} ${penalty.unit === 'KZT' || penalty.unit === 'USD' || penalty.unit === 'EUR' || penalty.unit === 'RUB' || penalty.unit === 'MCI' ? penalty.unit : t(`sentence.units.${penalty.unit}`, { count: penalty.amount })}`;
}

/**
 * 87500 → "87,500" (en) or "87 500" (kk, ru); 135.5 → "135.50" / "135,50". For reading only:
 * exports write plain digits ("87500"), the same in every language.
 */
export function formatAmount(t: T, amount: number): string {
  return Number.isInteger(amount) ? t('locale.whole', { amount }) : t('locale.decimal', { amount });
}

/** Where: the city, or "Region only: X", or "Not stated". */
export function showPlace(t: T, row: { city: string | null; region: string | null; placePrecision: PlacePrecision }): string {
  if (row.city) return row.city;
  if (row.placePrecision === 'region' && row.region) return `${row.region} (${t('enums.placePrecision.region')})`;
  return t(`enums.placePrecision.${row.placePrecision}`);
}

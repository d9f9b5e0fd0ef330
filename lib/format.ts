/**
 * Display of stored values, shared by server and client components. `t` is a next-intl
 * translator for the root namespace, so every word comes from the message catalogue.
 */
import type { DatePrecision } from '@/db/schema';
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

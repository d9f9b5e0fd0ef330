/**
 * Localised column headers, an option of the CSV and XLSX exports (`?headers=localised`): each
 * stable column name ("charge_2_penalty_1_amount") read as words in the reader's language
 * ("Charge 2, penalty 1: amount", «Обвинение 2, наказание 1: размер»). The stable English names
 * stay the default and are what the import reads; the JSON export always keeps them. Pure: `t` is
 * a translator for the root namespace.
 */
type T = (key: string, values?: Record<string, string | number>) => string;

export const HEADER_STYLES = ['stable', 'localised'] as const;
export type HeaderStyle = (typeof HEADER_STYLES)[number];

/** The four columns of a date interval, after an optional prefix (`detained_`, `outcome_`; none for events). */
const INTERVAL = /^(?:(detained|sentenced|outcome)_)?(earliest|latest|qualifier|as_reported)$/;

type Group = 'record' | 'charge' | 'penalty' | 'event' | 'source';

function fieldLabel(t: T, group: Group, field: string): string {
  // A penalty's own as_reported is the penalty as worded, not a date.
  const interval = group === 'penalty' ? null : INTERVAL.exec(field);
  if (interval) return t('locale.columns.interval', { what: t(`locale.columns.when.${interval[1] ?? 'event'}`), part: t(`locale.columns.intervalPart.${interval[2]}`) });
  return t(`locale.columns.${group}.${field}`);
}

/** One stable column name as a header in the translator's language. */
export function localisedHeader(t: T, name: string): string {
  let m = /^charge_(\d+)_penalty_(\d+)_(.+)$/.exec(name);
  if (m) return t('locale.columns.penaltyOf', { n: m[1], m: m[2], field: fieldLabel(t, 'penalty', m[3]) });
  m = /^(charge|event|source)_(\d+)_(.+)$/.exec(name);
  if (m) return t(`locale.columns.${m[1]}Of`, { n: m[2], field: fieldLabel(t, m[1] as Group, m[3]) });
  return fieldLabel(t, 'record', name);
}

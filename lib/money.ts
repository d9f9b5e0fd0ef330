import 'server-only';
/**
 * Fines set in monthly calculation indices (MCI / МРП) in tenge. The value of one MCI is fixed by
 * the budget law of each year (table mci_values), so a fine of 30 MCI in 2021 is 30 × 2,917 ₸.
 * The result is *computed*, not reported: callers must label it so.
 */
import { inArray } from 'drizzle-orm';
import { db } from '@/db';
import { mciValues } from '@/db/schema';

type Reader = Pick<typeof db, 'select'>;

/** The tenge value of `amount` MCI in `year`, or null when that year's MCI value is not on record. */
export async function mciToTenge(amount: number, year: number, tx: Reader = db): Promise<number | null> {
  return tengeOf(amount, year, await mciTable([year], tx));
}

/** Every year's MCI in tenge on record (a row per year: read whole where the years are not known yet). */
export async function allMciValues(tx: Reader = db): Promise<Map<number, number>> {
  const rows = await tx.select({ year: mciValues.year, tenge: mciValues.tenge }).from(mciValues);
  return new Map(rows.map((r) => [r.year, r.tenge]));
}

/** One MCI in tenge for each of the years asked that is on record. */
export async function mciTable(years: readonly number[], tx: Reader = db): Promise<Map<number, number>> {
  const wanted = [...new Set(years.filter((y) => Number.isInteger(y)))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.select({ year: mciValues.year, tenge: mciValues.tenge }).from(mciValues).where(inArray(mciValues.year, wanted));
  return new Map(rows.map((r) => [r.year, r.tenge]));
}

/** `amount` MCI in tenge with a table from mciTable; null when the year is missing from it. */
export function tengeOf(amount: number, year: number, table: ReadonlyMap<number, number>): number | null {
  const tenge = table.get(year);
  return tenge === undefined ? null : Math.round(amount * tenge * 100) / 100;
}

/**
 * The year whose MCI value applies to a penalty: the year of its charge's outcome, else of the
 * sentence, when the date is known to within one calendar year; otherwise null (not computed).
 */
export function penaltyYear(...dates: { earliest: string | null; latest: string | null }[]): number | null {
  for (const { earliest, latest } of dates) {
    if (earliest && latest && earliest.slice(0, 4) === latest.slice(0, 4)) return Number(earliest.slice(0, 4));
  }
  return null;
}

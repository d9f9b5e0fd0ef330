/**
 * Vocabulary in the reader's language. Charges, elections, places and regions are stored under
 * their English name (what detentions and filters refer to) with Kazakh and Russian names beside
 * it; a missing translation (an entry an admin added without one) shows the English name. Pure, so
 * client components (the case form) use it too.
 */
import type { Locale } from './locales';

export type Named = { name: string; nameKk?: string | null; nameRu?: string | null };

/** The row's name in `locale`, else its English name. */
export function localName(row: Named, locale: Locale): string {
  const local = locale === 'kk' ? row.nameKk : locale === 'ru' ? row.nameRu : null;
  return local && local.trim() !== '' ? local : row.name;
}

/**
 * English name → name in `locale`, for values stored as text (a detention's city and region, a
 * charge's or an election's name in a query row). Text that is not in the vocabulary is data and
 * comes back as it is.
 */
export function nameLookup(rows: readonly Named[], locale: Locale): (name: string | null | undefined) => string {
  const names = new Map(rows.map((r) => [r.name, localName(r, locale)]));
  return (name) => (name ? (names.get(name) ?? name) : '');
}

/** The lookups for one language over the vocabulary lists (lib/vocab/queries.ts listVocabulary). */
export function vocabularyNames(
  vocab: { places: readonly Named[]; charges: readonly Named[]; elections: readonly Named[]; regionNames: readonly Named[] },
  locale: Locale,
) {
  const place = nameLookup(vocab.places, locale);
  const region = nameLookup(vocab.regionNames, locale);
  return {
    locale,
    place,
    region,
    /** A row with its city and region names in `locale` (for showPlace). */
    where: <R extends { city: string | null; region: string | null }>(row: R): R => ({
      ...row,
      city: row.city && place(row.city),
      region: row.region && region(row.region),
    }),
    charge: nameLookup(vocab.charges, locale),
    election: nameLookup(vocab.elections, locale),
    local: (row: Named) => localName(row, locale),
  };
}
export type VocabularyNames = ReturnType<typeof vocabularyNames>;

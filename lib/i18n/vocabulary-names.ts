import 'server-only';
import { cache } from 'react';
import { listVocabulary } from '@/lib/vocab/queries';
import { resolveLocale } from './locale';
import { localName, nameLookup } from './vocabulary';

/**
 * This request's vocabulary names in its language, read once per request: `place('Almaty')` →
 * «Алматы», `region`, `charge`, `election` likewise, for rows that carry the English name as text.
 */
export const getVocabularyNames = cache(async () => {
  const [vocab, locale] = await Promise.all([listVocabulary(), resolveLocale()]);
  return {
    locale,
    vocab,
    place: nameLookup(vocab.places, locale),
    region: nameLookup(vocab.regionNames, locale),
    charge: nameLookup(vocab.charges, locale),
    election: nameLookup(vocab.elections, locale),
    local: (row: Parameters<typeof localName>[0]) => localName(row, locale),
  };
});

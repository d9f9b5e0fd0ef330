import 'server-only';
import { cache } from 'react';
import { listVocabulary } from '@/lib/vocab/queries';
import { resolveLocale } from './locale';
import { vocabularyNames } from './vocabulary';

/**
 * This request's vocabulary names in its language, read once per request: `place('Almaty')` →
 * «Алматы», `region`, `charge`, `election` likewise, for rows that carry the English name as text.
 */
export const getVocabularyNames = cache(async () => {
  const [vocab, locale] = await Promise.all([listVocabulary(), resolveLocale()]);
  return { vocab, ...vocabularyNames(vocab, locale) };
});

/**
 * An entry of the charge vocabulary as admins add it: a code, an article number and a plain name.
 * The legal basis ("CoAO art. 488") and the slug ("coao-488") follow from code and article, so two
 * spellings of one article can't both exist. Pure.
 */
import { z } from 'zod';
import { legalCode, type Charge } from '@/db/schema';
import { enumField, optionalText, requiredText } from '@/lib/zod-helpers';

/** "488", "174", "405-1": an article number, optionally with a dash and a sub-number; never the part. */
export const ARTICLE_PATTERN = /^[1-9]\d{0,3}(-[1-9]\d?)?$/;

/** The name in Kazakh and Russian: optional (blank shows the English name); absent from a post leaves them as they are. */
const translatedName = z.union([z.undefined(), optionalText(200)]);
const translatedNames = { nameKk: translatedName, nameRu: translatedName };

export const vocabularyEntryInput = z.object({
  code: enumField(legalCode.enumValues),
  article: requiredText(10).pipe(z.string().regex(ARTICLE_PATTERN, { error: 'vocabulary.articleInvalid' })),
  name: requiredText(200),
  ...translatedNames,
});
type TranslatedNames = { nameKk?: string | null; nameRu?: string | null };
export type VocabularyEntryInput = Omit<z.infer<typeof vocabularyEntryInput>, keyof TranslatedNames> & TranslatedNames;

export const renameEntryInput = z.object({
  id: z.coerce.number({ error: 'errors.notFound' }).int().positive().max(2_000_000_000),
  name: requiredText(200),
  ...translatedNames,
});

export const entryIdInput = z.object({ id: z.coerce.number().int().positive().max(2_000_000_000) });

type LegalCode = Charge['code'];

const CODE_NAMES: Record<LegalCode, { basis: string; slug: string }> = {
  administrative: { basis: 'CoAO', slug: 'coao' },
  criminal: { basis: 'Criminal Code', slug: 'cc' },
};

/** "CoAO art. 488", "Criminal Code art. 174": the form the seeded vocabulary uses. */
export function legalBasisOf(code: LegalCode, article: string): string {
  return `${CODE_NAMES[code].basis} art. ${article}`;
}

/** "coao-488", "cc-174": as the seeded entries, so a later seed of the same article meets this one. */
export function slugOf(code: LegalCode, article: string): string {
  return `${CODE_NAMES[code].slug}-${article}`;
}

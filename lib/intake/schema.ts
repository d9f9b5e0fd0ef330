/**
 * What the intake page accepts as an article, checked on the server before anything is read: text
 * (not empty, not binary, not more than MAX_ARTICLE_CHARS) and the optional citation fields. Each
 * refusal is a message key of the `intake` namespace.
 */
import { z } from 'zod';

/** About 60 pages of text: longer is not one article (and would hold the server for too long). */
export const MAX_ARTICLE_CHARS = 200_000;

export type ArticleRefusal = 'intake.errors.empty' | 'intake.errors.tooLong' | 'intake.errors.binary';

/** Why a pasted text cannot be read as an article, or null when it can. */
export function refuseArticle(text: unknown): ArticleRefusal | null {
  if (typeof text !== 'string' || text.trim() === '') return 'intake.errors.empty';
  if (text.length > MAX_ARTICLE_CHARS) return 'intake.errors.tooLong';
  // NUL bytes, other control characters or undecodable bytes (U+FFFD): a file that is not text.
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return 'intake.errors.binary';
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 11) || code === 0xfffd) suspicious++;
  }
  if (suspicious > Math.max(3, text.length / 200)) return 'intake.errors.binary';
  return null;
}

const optional = (max: number) =>
  z
    .string()
    .default('')
    .transform((s) => s.trim().slice(0, max))
    .transform((s) => (s === '' ? null : s));

/** The citation fields typed beside the text; blank ones are read from the text's header. */
export const articleMetaInput = z.object({
  url: optional(2000),
  title: optional(500),
  publisher: optional(200),
  published: optional(20).refine((s) => s === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s), { error: 'errors.date' }),
});
export type ArticleMeta = z.infer<typeof articleMetaInput>;

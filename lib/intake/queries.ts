import 'server-only';
/**
 * Reads an article for the intake page: the extraction (a pure function) over the gazetteer and the
 * charge vocabulary as they are in the database, and for each draft the people already on record
 * its name most likely names (shown to the monitor, never merged or linked without their choice).
 * Nothing is written here.
 *
 * A captured source, or a URL captured first (lib/intake/capture.ts), gives its text and citation
 * here as a pasted text and its typed ArticleMeta do.
 */
import type { Actor } from '@/lib/auth/policy';
import { findLikelyPeopleForNames, type LikelyPerson } from '@/lib/people/likely';
import { listVocabulary } from '@/lib/vocab/queries';
import { extractDrafts, type Draft, type Extraction } from './extract';
import type { ArticleMeta } from './schema';

export type ReadArticle = {
  text: string;
  language: Extraction['language'];
  /** The citation: what was typed, else what the header says. */
  source: { url: string | null; title: string | null; publisher: string | null; published: string | null };
  /** The source row the article was read from (a captured source, or a URL just captured); null when pasted. */
  sourceId: number | null;
  drafts: Draft[];
  likely: Pick<LikelyPerson, 'id' | 'displayName' | 'detentions' | 'role'>[][];
};

export async function readArticle(actor: Actor, pasted: string, meta: ArticleMeta, sourceId: number | null = null): Promise<ReadArticle> {
  // Browsers post a textarea's line breaks as CRLF; quotes are offsets into the text as shown.
  const text = pasted.replace(/\r\n?/g, '\n');
  const vocab = await listVocabulary();
  const places = vocab.places.map((p) => ({ id: p.id, name: p.name, region: p.region, kind: p.kind, names: [p.name, p.nameKk, p.nameRu, ...p.variants].filter((n): n is string => !!n) }));
  const charges = vocab.charges.map((c) => ({ ...c, slug: '', article: c.legalBasis.replace(/^\D+/, ''), code: c.code }));
  const extraction = extractDrafts(text, { places, charges, published: meta.published });
  const likely = extraction.drafts.length ? await findLikelyPeopleForNames(actor, extraction.drafts.map((d) => d.name.value), { limit: 3 }) : [];
  return {
    text,
    language: extraction.language,
    source: {
      url: meta.url ?? extraction.header.url,
      title: meta.title ?? extraction.header.title,
      publisher: meta.publisher ?? extraction.header.publisher,
      published: meta.published ?? extraction.header.published,
    },
    sourceId,
    drafts: extraction.drafts,
    likely: likely.map((list) => list.map((p) => ({ id: p.id, displayName: p.displayName, role: p.role, detentions: p.detentions }))),
  };
}

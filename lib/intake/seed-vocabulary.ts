/**
 * The seeded gazetteer and charge vocabulary in the shape extractDrafts takes, for the benchmark and
 * tests that run without a database (ids are positions, as in a freshly seeded database).
 */
import { PLACES } from '@/db/seed-data/places';
import { CHARGES } from '@/db/seed-data/vocabulary';
import type { GazetteerEntry } from '@/lib/places/match';
import type { VocabularyCharge } from './charges';

export function seedGazetteer(): GazetteerEntry[] {
  return PLACES.map((p, i) => ({ id: i + 1, name: p.name, region: p.region, kind: p.kind, names: [...new Set([p.name, p.nameKk, ...p.nameRu, ...p.latinVariants])] }));
}

export function seedCharges(): VocabularyCharge[] {
  return CHARGES.map((c, i) => ({ id: i + 1, slug: c.slug, code: c.code, article: c.article, name: c.name, nameKk: c.nameKk, nameRu: c.nameRu }));
}

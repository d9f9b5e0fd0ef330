import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { db } from '@/db';
import { charges, elections, places, regions } from '@/db/schema';

/** The gazetteer, the charge vocabulary and the elections: what the forms and filters offer. */
export async function listVocabulary() {
  const [placeRows, chargeRows, electionRows, regionRows] = await Promise.all([
    db
      .select({
        id: places.id,
        name: places.name,
        region: places.region,
        nameKk: places.nameKk,
        nameRu: places.nameRu,
        kind: places.kind,
        // Other Latin spellings, so a monitor reading "Nur-Sultan" finds Astana.
        latinVariants: sql<string[]>`ARRAY(SELECT pn.name FROM place_names pn WHERE pn.place_id = "places"."id" AND pn.script = 'latin' AND pn.name <> "places"."name" ORDER BY pn.id)`,
        // Every spelling in either script (Уральск, Нұр-Сұлтан…), for the city combobox's matching.
        variants: sql<string[]>`ARRAY(SELECT pn.name FROM place_names pn WHERE pn.place_id = "places"."id" AND pn.name <> "places"."name" ORDER BY pn.id)`,
      })
      .from(places)
      .orderBy(asc(places.name)),
    db
      .select({ id: charges.id, name: charges.name, nameKk: charges.nameKk, nameRu: charges.nameRu, legalBasis: charges.legalBasis, code: charges.code })
      .from(charges)
      .orderBy(asc(charges.code), asc(charges.legalBasis)),
    db
      .select({ id: elections.id, name: elections.name, nameKk: elections.nameKk, nameRu: elections.nameRu, heldOn: elections.heldOn })
      .from(elections)
      .orderBy(asc(elections.heldOn)),
    // Kazakh and Russian names of the regions (one missing from the table shows its English name).
    db.select({ name: regions.name, nameKk: regions.nameKk, nameRu: regions.nameRu }).from(regions),
  ]);
  const regionList = [...new Set(placeRows.map((p) => p.region))].sort();
  return { places: placeRows, charges: chargeRows, elections: electionRows, regions: regionList, regionNames: regionRows };
}

export type Vocabulary = Awaited<ReturnType<typeof listVocabulary>>;

import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { db, rowsOf, type Tx } from '@/db';
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

/**
 * Which of the vocabulary ids and the region a form names exist, in ONE statement (a save pays a
 * round trip per statement). Posted ids are never trusted: one that does not exist is the form's
 * field message (errors.unknownChoice), not a foreign-key failure answered with a 500.
 */
export async function knownReferences(
  tx: Pick<Tx, 'execute'>,
  refs: { chargeIds?: readonly number[]; placeIds?: readonly number[]; electionId?: number | null; region?: string | null },
): Promise<{ charges: Set<number>; places: Set<number>; election: boolean; region: boolean }> {
  const [found] = rowsOf<{ charges: number[] | null; places: number[] | null; election: boolean; region: boolean }>(
    await tx.execute(sql`SELECT
      (SELECT array_agg(${charges.id}) FROM ${charges} WHERE ${charges.id} = ANY(${`{${(refs.chargeIds ?? []).join(',')}}`}::int[])) AS charges,
      (SELECT array_agg(${places.id}) FROM ${places} WHERE ${places.id} = ANY(${`{${(refs.placeIds ?? []).join(',')}}`}::int[])) AS places,
      EXISTS (SELECT 1 FROM ${elections} WHERE ${elections.id} = ${refs.electionId ?? 0}::int) AS election,
      EXISTS (SELECT 1 FROM ${places} WHERE ${places.region} = ${refs.region ?? ''}) AS region`),
  );
  return {
    charges: new Set((found.charges ?? []).map(Number)),
    places: new Set((found.places ?? []).map(Number)),
    election: found.election,
    region: found.region,
  };
}

import 'server-only';
/**
 * "Is this someone already on record?": the people a typed name most likely names, whatever the
 * spelling (lib/names/match.ts), with why they match and their detentions, for the duplicate
 * warning of the case form and the import preview, and for the activist picker.
 *
 * Two steps: SQL finds a few hundred candidates by trigram on person_names.match_key (indexed,
 * one query however many names are asked about), then the matcher ranks them in JS.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, rowsOf, type Db, type Tx } from '@/db';
import { detentions, people, personDecisions, personNames, places, type PersonRole } from '@/db/schema';
import { seesRestricted, type Actor } from '@/lib/auth/policy';
import { visibleDetention } from '@/lib/cases/visibility';
import { matchKeyOf, rankCandidates, type MatchReason } from '@/lib/names/match';

type Reader = Pick<Db | Tx, 'select' | 'execute'>;

/** Candidates SQL hands to the matcher per word of a name: enough that a common first name does not crowd out the surname. */
export const PREFILTER_PER_WORD = 100;
/** Per word for a whole import file: hundreds of names in one query. */
export const IMPORT_PREFILTER_PER_WORD = 25;
/** Words shorter than this (after sound-keying) find too many people to be worth a trigram search. */
const MIN_WORD = 3;

/** A reason as a catalogue message: `t(key, values)` in the `matching` namespace. */
export type ReasonMessage = { key: string; values: Record<string, string> };

export type DetentionSummary = { count: number; latestDate: string | null; latestCity: string | null };

export type LikelyPerson = {
  id: number;
  displayName: string;
  role: PersonRole;
  affiliation: string | null;
  /** The name variant that matched best. */
  matchedName: string;
  score: number;
  reasons: ReasonMessage[];
  detentions: DetentionSummary;
};

export type LikelyOptions = {
  limit?: number;
  /** People never proposed (e.g. the person being edited). */
  excludePersonIds?: readonly number[];
  /** Leave out people a monitor already judged to be different from this person. */
  decidedDifferentFrom?: number;
  minScore?: number;
  /** Candidates SQL keeps per word (PREFILTER_PER_WORD unless given; a bulk import asks for fewer). */
  perWord?: number;
};

function reasonMessage(r: MatchReason): ReasonMessage {
  const { kind, ...values } = r;
  return { key: `matching.reasons.${kind}`, values: values as Record<string, string> };
}

/**
 * Candidate person ids for each name: one query for all of them. Every word of a name's match key,
 * and the whole key, looks up `<%` (word similarity, GIN trigram index) and keeps its best
 * PREFILTER_PER_WORD, ordered by how close the whole key is.
 */
async function prefilter(reader: Reader, keys: readonly string[], options: LikelyOptions): Promise<Map<number, Set<number>>> {
  const probes: { i: number; w: string; k: string }[] = [];
  keys.forEach((k, i) => {
    if (!k) return;
    const words = new Set([k, ...k.split(' ').filter((w) => w.length >= MIN_WORD)]);
    for (const w of words) probes.push({ i, w, k });
  });
  const out = new Map<number, Set<number>>();
  if (probes.length === 0) return out;
  const excluded = (options.excludePersonIds ?? []).filter((id) => Number.isSafeInteger(id));
  const different = options.decidedDifferentFrom;
  const rows = await reader.execute<{ i: number; person_id: number }>(sql`
    SELECT q.i, c.person_id
    FROM jsonb_to_recordset(${JSON.stringify(probes)}::jsonb) AS q(i int, w text, k text)
    CROSS JOIN LATERAL (
      SELECT pn.person_id
      FROM person_names pn
      JOIN people p ON p.id = pn.person_id
      WHERE q.w <% pn.match_key
        AND p.deleted_at IS NULL AND p.merged_into_id IS NULL
        ${excluded.length ? sql`AND pn.person_id NOT IN (SELECT jsonb_array_elements_text(${JSON.stringify(excluded)}::jsonb)::int)` : sql``}
        ${different !== undefined ? sql`AND NOT EXISTS (
          SELECT 1 FROM person_decisions d
          WHERE d.withdrawn_at IS NULL AND d.verdict = 'different'
            AND d.person_id = least(${different}::int, pn.person_id) AND d.other_person_id = greatest(${different}::int, pn.person_id))` : sql``}
      ORDER BY word_similarity(q.w, pn.match_key) DESC, similarity(pn.match_key, q.k) DESC
      LIMIT ${options.perWord ?? PREFILTER_PER_WORD}
    ) c`);
  for (const row of rowsOf<{ i: number; person_id: number }>(rows)) {
    const set = out.get(Number(row.i)) ?? new Set<number>();
    set.add(Number(row.person_id));
    out.set(Number(row.i), set);
  }
  return out;
}

/** Count, latest date and city of each person's detentions the actor may see. */
export async function detentionSummaries(reader: Reader, actor: Actor, ids: readonly number[]): Promise<Map<number, DetentionSummary>> {
  const out = new Map<number, DetentionSummary>();
  if (ids.length === 0) return out;
  const rows = await reader
    .select({ personId: detentions.personId, on: detentions.detainedOn, earliest: detentions.detainedEarliest, city: places.name })
    .from(detentions)
    .leftJoin(places, eq(places.id, detentions.placeId))
    .where(and(inArray(detentions.personId, [...ids]), visibleDetention(actor)))
    .orderBy(asc(detentions.personId), sql`${detentions.detainedOn} DESC NULLS LAST`, sql`${detentions.detainedEarliest} DESC NULLS LAST`);
  for (const row of rows) {
    const found = out.get(row.personId);
    if (found) found.count += 1;
    else out.set(row.personId, { count: 1, latestDate: row.on ?? row.earliest ?? null, latestCity: row.city ?? null });
  }
  return out;
}

/**
 * The likely existing people for each of `names` (same order), best first. Deleted people and
 * people merged into another are never proposed; a person the actor may not see (a researcher,
 * with no detention of theirs visible) is left out.
 */
export async function findLikelyPeopleForNames(
  actor: Actor,
  names: readonly string[],
  options: LikelyOptions = {},
  reader: Reader = db,
): Promise<LikelyPerson[][]> {
  const { limit = 5, minScore } = options;
  const keys = names.map((n) => matchKeyOf(n.slice(0, 200)));
  const candidates = await prefilter(reader, keys, options);
  const allIds = [...new Set([...candidates.values()].flatMap((s) => [...s]))];
  if (allIds.length === 0) return names.map(() => []);
  const nameRows = await reader
    .select({ personId: personNames.personId, name: personNames.name })
    .from(personNames)
    .where(inArray(personNames.personId, allIds));
  const namesOf = new Map<number, string[]>();
  for (const r of nameRows) namesOf.set(r.personId, [...(namesOf.get(r.personId) ?? []), r.name]);

  const ranked = names.map((name, i) =>
    rankCandidates(
      name.slice(0, 200),
      [...(candidates.get(i) ?? [])].map((id) => ({ id: String(id), names: namesOf.get(id) ?? [] })),
      limit,
      minScore,
    ),
  );
  const shownIds = [...new Set(ranked.flat().map((r) => Number(r.id)))];
  if (shownIds.length === 0) return names.map(() => []);
  const [personRows, summaries] = await Promise.all([
    reader
      .select({ id: people.id, displayName: people.displayName, role: people.role, affiliation: people.affiliation })
      .from(people)
      .where(and(inArray(people.id, shownIds), isNull(people.deletedAt), isNull(people.mergedIntoId))),
    detentionSummaries(reader, actor, shownIds),
  ]);
  const personById = new Map(personRows.map((p) => [p.id, p]));
  const restricted = seesRestricted(actor);
  return ranked.map((list) =>
    list.flatMap((r) => {
      const person = personById.get(Number(r.id));
      const summary = summaries.get(Number(r.id)) ?? { count: 0, latestDate: null, latestCity: null };
      // Someone who does not see restricted records knows a person only through a detention they see.
      if (!person || (!restricted && summary.count === 0)) return [];
      return [{ ...person, matchedName: r.matchedName, score: r.score, reasons: r.details.map(reasonMessage), detentions: summary }];
    }),
  );
}

/** The likely existing people for one typed name, best first (see findLikelyPeopleForNames). */
export async function findLikelyPeople(actor: Actor, name: string, options: LikelyOptions = {}, reader: Reader = db): Promise<LikelyPerson[]> {
  const [found] = await findLikelyPeopleForNames(actor, [name], options, reader);
  return found;
}

/**
 * Whether `id` is a person the actor may choose: on record, not deleted, not merged into another,
 * and visible to them. The form's and the import's posted choices go through here: never trusted.
 */
export async function choosablePeople(reader: Reader, actor: Actor, ids: readonly number[]): Promise<Set<number>> {
  const valid = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (valid.length === 0) return new Set();
  const rows = await reader
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        inArray(people.id, valid),
        isNull(people.deletedAt),
        isNull(people.mergedIntoId),
        seesRestricted(actor)
          ? undefined
          : sql`EXISTS (SELECT 1 FROM detentions d WHERE d.person_id = "people"."id" AND d.deleted_at IS NULL AND d.confidentiality = 'shareable')`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

export type DecisionContext = 'case_form' | 'import';

/**
 * Records a monitor's answer "a different person" for the pair (stored in id order), so the pair is
 * not suggested again. Inside the caller's transaction; a decision already in force is kept.
 */
export async function recordDifferent(tx: Tx, actor: Actor, a: number, b: number, context: DecisionContext): Promise<void> {
  if (a === b) return;
  await tx
    .insert(personDecisions)
    .values({ personId: Math.min(a, b), otherPersonId: Math.max(a, b), verdict: 'different', context, decidedById: actor.id })
    .onConflictDoNothing();
}

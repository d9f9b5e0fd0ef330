import 'server-only';
/**
 * "Is this someone already on record?": the people a typed name most likely names, whatever the
 * spelling (lib/names/match.ts), with why they match and their detentions, for the duplicate
 * warning of the case form and the import preview, and for the activist picker.
 *
 * SQL finds candidates by trigram on person_names.match_key (indexed; two queries however many
 * names are asked about), then the matcher ranks them in JS (see prefilter).
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, rowsOf, type Db, type Tx } from '@/db';
import { detentions, people, personDecisions, personNames, places, type PersonRole } from '@/db/schema';
import { seesRestricted, type Actor } from '@/lib/auth/policy';
import { visibleDetention } from '@/lib/cases/visibility';
import { recordDecision, type DecisionContext } from '@/lib/people/decisions';
import { LIKELY_MATCH, matchKeyOf, rankCandidates, type MatchReason } from '@/lib/names/match';

type Reader = Pick<Db | Tx, 'select' | 'execute'>;

/** Distinct match keys one word may bring (a common first name in a large database brings many). */
const KEYS_PER_WORD = 2000;
/** Names of each key the matcher reads to score it (people sharing a key are spelled alike). */
const NAMES_PER_KEY = 3;
/** Best keys kept per typed name, and people fetched per key. */
const KEYS_PER_NAME = 20;
const PEOPLE_PER_KEY = 10;
/** A key is scored by a few of its names: kept a little below the bar, the people's own names decide. */
const KEY_SCORE_SLACK = 0.1;
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
};

function reasonMessage(r: MatchReason): ReasonMessage {
  const { kind, ...values } = r;
  return { key: `matching.reasons.${kind}`, values: values as Record<string, string> };
}

/**
 * Candidate person ids for each name, in three steps that each cost the same for one name or a
 * whole import file:
 * 1. SQL: each distinct word of the names' match keys finds the distinct keys containing a word
 *    like it (`<%`, word similarity on the GIN trigram index), with a few names written under each.
 *    People who share a name share a key, so the matcher sees each spelling once, however many
 *    people bear it.
 * 2. JS: the matcher scores those names against each typed name and keeps the best keys.
 * 3. SQL: the people (live, not merged, not excluded) under the kept keys, PEOPLE_PER_KEY each.
 */
async function prefilter(reader: Reader, names: readonly string[], options: LikelyOptions): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  const wordsOf = names.map((name) => {
    const key = matchKeyOf(name);
    const words = key.split(' ').filter((w) => w.length >= MIN_WORD);
    return words.length ? words : key ? [key] : [];
  });
  const words = [...new Set(wordsOf.flat())];
  if (words.length === 0) return out;
  const found = rowsOf<{ w: string; match_key: string; names: string[] }>(
    await reader.execute(sql`
      SELECT q.w, c.match_key, c.names
      FROM jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) AS q(w)
      CROSS JOIN LATERAL (
        SELECT pn.match_key, (array_agg(DISTINCT pn.name))[1:${NAMES_PER_KEY}] AS names
        FROM person_names pn
        WHERE q.w <% pn.match_key
        GROUP BY pn.match_key
        LIMIT ${KEYS_PER_WORD}
      ) c`),
  );
  const keysOfWord = new Map<string, Map<string, string[]>>();
  for (const row of found) keysOfWord.set(row.w, (keysOfWord.get(row.w) ?? new Map()).set(row.match_key, row.names));

  const minScore = (options.minScore ?? LIKELY_MATCH) - KEY_SCORE_SLACK;
  const keptOf = names.map((name, i) => {
    const keys = new Map<string, string[]>();
    for (const w of wordsOf[i]) for (const [k, n] of keysOfWord.get(w) ?? []) keys.set(k, n);
    const ranked = rankCandidates(name, [...keys].map(([id, keyNames]) => ({ id, names: keyNames })), KEYS_PER_NAME, minScore);
    return ranked.map((r) => r.id);
  });
  const kept = [...new Set(keptOf.flat())];
  if (kept.length === 0) return out;

  const excluded = (options.excludePersonIds ?? []).filter((id) => Number.isSafeInteger(id));
  const different = options.decidedDifferentFrom;
  const people = rowsOf<{ key: string; person_id: number }>(
    await reader.execute(sql`
      SELECT k.key, c.person_id
      FROM jsonb_array_elements_text(${JSON.stringify(kept)}::jsonb) AS k(key)
      CROSS JOIN LATERAL (
        -- No DISTINCT: it would walk the people in id order instead of the key's index entries.
        SELECT pn.person_id
        FROM person_names pn
        JOIN people p ON p.id = pn.person_id
        WHERE pn.match_key = k.key
          AND p.deleted_at IS NULL AND p.merged_into_id IS NULL
          ${excluded.length ? sql`AND pn.person_id NOT IN (SELECT jsonb_array_elements_text(${JSON.stringify(excluded)}::jsonb)::int)` : sql``}
          ${different !== undefined ? sql`AND NOT EXISTS (
            SELECT 1 FROM person_decisions d
            WHERE d.withdrawn_at IS NULL AND d.verdict = 'different'
              AND d.person_id = least(${different}::int, pn.person_id) AND d.other_person_id = greatest(${different}::int, pn.person_id))` : sql``}
        LIMIT ${PEOPLE_PER_KEY}
      ) c`),
  );
  const peopleOfKey = new Map<string, number[]>();
  for (const row of people) peopleOfKey.set(row.key, [...(peopleOfKey.get(row.key) ?? []), Number(row.person_id)]);
  keptOf.forEach((keys, i) => out.set(i, new Set(keys.flatMap((k) => peopleOfKey.get(k) ?? []))));
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
  const typed = names.map((n) => n.slice(0, 200));
  const candidates = await prefilter(reader, typed, options);
  const allIds = [...new Set([...candidates.values()].flatMap((s) => [...s]))];
  if (allIds.length === 0) return names.map(() => []);
  const nameRows = await reader
    .select({ personId: personNames.personId, name: personNames.name })
    .from(personNames)
    .where(inArray(personNames.personId, allIds));
  const namesOf = new Map<number, string[]>();
  for (const r of nameRows) namesOf.set(r.personId, [...(namesOf.get(r.personId) ?? []), r.name]);

  const ranked = typed.map((name, i) =>
    rankCandidates(
      name,
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
 * With `lock` (inside the save's transaction) the people found are share-locked until it commits:
 * a merge or a deletion of them waits, or, having committed first, makes them unchoosable here. A
 * save naming a person merged at that moment used to commit after the merge, its record tied to a
 * person the merge had hidden.
 */
export async function choosablePeople(reader: Reader, actor: Actor, ids: readonly number[], { lock = false } = {}): Promise<Set<number>> {
  const valid = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (valid.length === 0) return new Set();
  const query = reader
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
    )
    .orderBy(people.id);
  const rows = await (lock ? query.for('share') : query);
  return new Set(rows.map((r) => r.id));
}

/**
 * Records a monitor's answer "a different person" for the pair, so the pair is not suggested again.
 * Inside the caller's transaction, through the one writer of decisions (lib/people/decisions.ts:
 * pair lock, audit); answering twice keeps the decision already in force.
 */
export async function recordDifferent(tx: Tx, actor: Actor, a: number, b: number, context: DecisionContext): Promise<void> {
  if (a === b) return;
  const [inForce] = await tx
    .select({ verdict: personDecisions.verdict })
    .from(personDecisions)
    .where(and(eq(personDecisions.personId, Math.min(a, b)), eq(personDecisions.otherPersonId, Math.max(a, b)), isNull(personDecisions.withdrawnAt)));
  if (inForce?.verdict === 'different') return;
  await recordDecision(tx, actor, { personId: a, otherPersonId: b, verdict: 'different', context, reason: null });
}

import 'server-only';
/**
 * Pairs of people who are likely one person, for monitors to review (duplicates split one person's
 * repeated detentions into several "first-time" detainees). Two steps: SQL finds candidate pairs
 * by their stored match keys (person_names.match_key: each word's sound key, the same for
 * Serikbayev, Serikbaev and Серікбаев); then the name matcher (scoreNames) scores every name pair in JS and keeps those at LIKELY_MATCH
 * or above. Only live, unmerged people take part, and a pair with a decision in force (same,
 * different or unsure) is never proposed again.
 *
 * Measured with scripts/bench-review.ts (10,000 synthetic people, 20 first names, so 1,256 likely
 * pairs; in-memory PGlite, 2 shared cores): 1.2–1.4 s for the whole list, which the review page
 * computes per request, and 220 ms mean (617 ms max) for one person's page. What would close the gap: keep the scored pairs in a table,
 * refreshed for the people a save touches.
 */
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { LIKELY_MATCH, nameKeys, scoreNames } from '@/lib/names/match';

/**
 * A key word shared by more people than this (a common first name) does not make a pair a
 * candidate by itself; people sharing only common words are still found when all their words agree.
 */
const MAX_WORD_PEOPLE = 200;
const LIVE = sql`p.deleted_at IS NULL AND p.merged_into_id IS NULL`;
/** Pairs `a` < `b` nobody has decided on (a decision in force of any verdict keeps a pair off). */
const UNDECIDED = sql`NOT EXISTS (SELECT 1 FROM person_decisions pd WHERE pd.withdrawn_at IS NULL AND pd.person_id = a AND pd.other_person_id = b)`;
export const REVIEW_PAGE_SIZE = 20;

export type ReviewPerson = {
  id: number;
  displayName: string;
  names: string[];
  detentionCount: number;
  latest: { id: number; earliest: string | null; latest: string | null; qualifier: string; city: string | null; region: string | null; placePrecision: string } | null;
};

export type CandidatePair = {
  score: number;
  /** The two names that matched best: one of each person's. */
  matched: [string, string];
  first: ReviewPerson;
  second: ReviewPerson;
};

/**
 * Candidate pairs (lower id first), optionally only those of one person: people whose names share
 * an uncommon match-key word (a surname's sound key, whatever the script or spelling), or whose
 * match keys are equal. Equality joins only, so the cost grows with the pairs found, not with the
 * square of the people (a trigram self-join took 26 s for 1,000 people on PGlite).
 */
async function candidatePairs(personId: number | null): Promise<[number, number][]> {
  if (personId !== null) return candidatePairsOf(personId);
  const rows = rowsOf<{ a: number; b: number }>(await db.execute(sql`
    WITH live AS (
      SELECT pn.person_id, pn.match_key FROM person_names pn JOIN people p ON p.id = pn.person_id
      WHERE ${LIVE} AND pn.match_key <> ''),
    words AS (SELECT DISTINCT person_id, w FROM live, unnest(string_to_array(match_key, ' ')) AS w),
    rare AS (SELECT w FROM words GROUP BY w HAVING count(*) <= ${MAX_WORD_PEOPLE}),
    pairs AS (
      SELECT x.person_id AS a, y.person_id AS b FROM words x JOIN words y ON y.w = x.w AND y.person_id > x.person_id WHERE x.w IN (SELECT w FROM rare)
      UNION
      SELECT x.person_id, y.person_id FROM live x JOIN live y ON y.match_key = x.match_key AND y.person_id > x.person_id)
    SELECT a, b FROM pairs WHERE ${UNDECIDED}`));
  return rows.map((r) => [Number(r.a), Number(r.b)]);
}

/**
 * The same rule for one person (the person page), without splitting every name in the database
 * into words: only names sharing a word with theirs are read.
 */
async function candidatePairsOf(personId: number): Promise<[number, number][]> {
  const rows = rowsOf<{ a: number; b: number }>(await db.execute(sql`
    WITH mine AS (
      SELECT array_agg(DISTINCT w) AS words, array_agg(DISTINCT pn.match_key) AS keys
      FROM person_names pn, unnest(string_to_array(pn.match_key, ' ')) AS w WHERE pn.person_id = ${personId} AND pn.match_key <> ''),
    hits AS (
      SELECT pn.person_id, pn.match_key, string_to_array(pn.match_key, ' ') AS words
      FROM person_names pn JOIN people p ON p.id = pn.person_id, mine
      WHERE pn.person_id <> ${personId} AND ${LIVE} AND string_to_array(pn.match_key, ' ') && mine.words),
    rare AS (
      SELECT array_agg(w) AS words FROM (
        SELECT w FROM hits, unnest(hits.words) AS w, mine WHERE w = ANY(mine.words) GROUP BY w HAVING count(DISTINCT hits.person_id) < ${MAX_WORD_PEOPLE}) r),
    pairs AS (
      SELECT DISTINCT least(hits.person_id, ${personId}) AS a, greatest(hits.person_id, ${personId}) AS b
      FROM hits, mine, rare WHERE hits.match_key = ANY(mine.keys) OR hits.words && rare.words)
    SELECT a, b FROM pairs WHERE ${UNDECIDED}`));
  return rows.map((r) => [Number(r.a), Number(r.b)]);
}

/** Names, detention count and latest live detention of each person. */
async function describePeople(ids: number[]): Promise<Map<number, ReviewPerson>> {
  if (ids.length === 0) return new Map();
  const list = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  const rows = rowsOf<{ id: number; display_name: string; names: string[] | string; n: number; latest: ReviewPerson['latest'] | string | null }>(await db.execute(sql`
    SELECT p.id, p.display_name,
      (SELECT jsonb_agg(pn.name ORDER BY pn.id) FROM person_names pn WHERE pn.person_id = p.id) AS names,
      (SELECT count(*)::int FROM detentions d WHERE d.person_id = p.id AND d.deleted_at IS NULL) AS n,
      (SELECT jsonb_build_object('id', d.id, 'earliest', d.detained_earliest, 'latest', d.detained_latest, 'qualifier', d.detained_qualifier,
          'city', pl.name, 'region', coalesce(pl.region, d.region), 'placePrecision', d.place_precision)
        FROM detentions d LEFT JOIN places pl ON pl.id = d.place_id
        WHERE d.person_id = p.id AND d.deleted_at IS NULL
        ORDER BY d.detained_on DESC NULLS LAST, d.detained_latest DESC NULLS LAST, d.id DESC LIMIT 1) AS latest
    FROM people p WHERE p.id IN (${list})`));
  const json = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);
  return new Map(
    rows.map((r) => [Number(r.id), { id: Number(r.id), displayName: r.display_name, names: json(r.names) ?? [], detentionCount: Number(r.n), latest: r.latest === null ? null : json(r.latest) }]),
  );
}

/** The best score over every name of one person against every name of the other. */
function bestMatch(first: string[], second: string[]): { score: number; matched: [string, string] } {
  let best = { score: 0, matched: [first[0] ?? '', second[0] ?? ''] as [string, string] };
  for (const a of first) {
    const keys = nameKeys(a);
    for (const b of second) {
      const { score } = scoreNames(keys, nameKeys(b), false, undefined, best.score);
      if (score > best.score) best = { score, matched: [a, b] };
    }
  }
  return best;
}

async function scored(pairs: [number, number][]): Promise<CandidatePair[]> {
  const people = await describePeople([...new Set(pairs.flat())]);
  const found: CandidatePair[] = [];
  for (const [a, b] of pairs) {
    const first = people.get(a);
    const second = people.get(b);
    if (!first || !second) continue;
    const { score, matched } = bestMatch(first.names, second.names);
    if (score >= LIKELY_MATCH) found.push({ score, matched, first, second });
  }
  // Best first; among equals, the pair holding more detentions matters more to the counts.
  return found.sort(
    (x, y) => y.score - x.score || y.first.detentionCount + y.second.detentionCount - (x.first.detentionCount + x.second.detentionCount) || x.first.id - y.first.id || x.second.id - y.second.id,
  );
}

/** One page of likely-duplicate pairs across the whole database, best first. */
export async function reviewCandidates(page = 1, pageSize = REVIEW_PAGE_SIZE) {
  const all = await scored(await candidatePairs(null));
  const pages = Math.max(1, Math.ceil(all.length / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  return { total: all.length, page: current, pages, pairs: all.slice((current - 1) * pageSize, current * pageSize) };
}

/** The people likely the same as `personId` (not yet decided), best first, each as `second`. */
export async function likelyDuplicatesOf(personId: number, limit = 10): Promise<CandidatePair[]> {
  const pairs = await scored(await candidatePairs(personId));
  return pairs
    .map((p) => (p.first.id === personId ? p : { ...p, matched: [p.matched[1], p.matched[0]] as [string, string], first: p.second, second: p.first }))
    .slice(0, limit);
}

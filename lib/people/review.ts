import 'server-only';
/**
 * Pairs of people who are likely one person, for monitors to review (duplicates split one person's
 * repeated detentions into several "first-time" detainees). Two steps: SQL finds candidate pairs
 * whose stored match keys (person_names.match_key) are similar by trigram, using the GIN index;
 * then the name matcher (scoreNames) scores every name pair in JS and keeps those at LIKELY_MATCH
 * or above. Only live, unmerged people take part, and a pair with a decision in force (same,
 * different or unsure) is never proposed again.
 */
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { LIKELY_MATCH, nameKeys, scoreNames } from '@/lib/names/match';

/** Trigram similarity of two match keys for a pair to be scored at all (pg_trgm's default is 0.3). */
const KEY_SIMILARITY = 0.4;
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
 * Candidate pairs (lower id first) with similar match keys, optionally only those of one person.
 * `%` is pg_trgm's similarity operator, which the GIN index on match_key serves.
 */
async function candidatePairs(personId: number | null): Promise<[number, number][]> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(KEY_SIMILARITY)}, true)`);
    return rowsOf<{ a: number; b: number }>(await tx.execute(sql`
      SELECT DISTINCT least(x.person_id, y.person_id) AS a, greatest(x.person_id, y.person_id) AS b
      FROM person_names x
      JOIN people px ON px.id = x.person_id
      JOIN person_names y ON y.match_key % x.match_key AND y.person_id <> x.person_id
      JOIN people py ON py.id = y.person_id
      WHERE x.match_key <> ''
        AND px.deleted_at IS NULL AND px.merged_into_id IS NULL AND py.deleted_at IS NULL AND py.merged_into_id IS NULL
        ${personId === null ? sql`` : sql`AND x.person_id = ${personId}`}
        AND NOT EXISTS (SELECT 1 FROM person_decisions pd WHERE pd.withdrawn_at IS NULL
          AND pd.person_id = least(x.person_id, y.person_id) AND pd.other_person_id = greatest(x.person_id, y.person_id))`));
  });
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

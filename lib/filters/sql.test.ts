/**
 * The one mapping from filters to SQL (sql.ts), checked for any filter combination against a plain
 * filter in JavaScript over the records, on the detentions (the case list's WHERE), on the plain
 * GROUP BY rows (DETENTION_ROWS) and on the dashboard rollup (detention_stats).
 */
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db';
import { elections } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { createCase, getCaseById } from '@/lib/cases/queries';
import { DETENTION_ROWS } from '@/lib/dashboard/stats';
import { SEED } from '@/lib/test/arbitraries';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, placeId, unique, validCase } from '@/lib/test/factories';
import type { CaseFilters } from './definition';
import { detentionConditions, dimensionConditions, periodCondition, periodOfFilters, ROLLUP_TABLE } from './sql';

useTestDatabase();

// Towns, a region, an election and dates no other test uses: on the server every test file shares one database.
const TODAY = '2022-11-21';
const ELECTION_DAY = '2022-11-20';
const TOWNS = ['Ridder', 'Stepnogorsk'];
const REGION = 'Abai Region';
const tag = unique('Mapping').replace(/\s+/g, ' ');
let monitor: Actor;
let researcher: Actor;
let lens: number;
let towns: number[];
let charges: number[];
type Fact = { id: number; city: number | null; region: string | null; on: string | null; earliest: string | null; latest: string | null; election: number | null;
  plea: string; review: string; confidentiality: string; role: string; chargeIds: number[]; outcomes: string[]; pairs: string[]; penalties: string[] };
const facts: Fact[] = [];

beforeAll(async () => {
  monitor = await createActor('monitor');
  researcher = await createActor('researcher');
  [{ id: lens }] = await db.select({ id: elections.id }).from(elections).where(eq(elections.name, 'Presidential election 2022'));
  towns = await Promise.all(TOWNS.map(placeId));
  charges = [await chargeId('coao-488'), await chargeId('coao-489')];
  // Every combination the filters tell apart, in a few records (a seeded walk, always the same).
  const rng = fc.sample(
    fc.record({
      place: fc.constantFrom<'a' | 'b' | 'region' | 'none'>('a', 'b', 'region', 'none'),
      day: fc.constantFrom('2022-11-10', '2022-11-20', '2022-09-01', '2021-06-01', 'month', 'unknown'),
      tied: fc.boolean(),
      plea: fc.constantFrom('guilty', 'not_guilty', 'unknown'),
      review: fc.constantFrom('draft', 'verified'),
      restricted: fc.boolean(),
      role: fc.constantFrom('activist', 'journalist'),
      charge: fc.constantFrom(0, 1, 2),
      outcome: fc.constantFrom('convicted', 'acquitted', 'pending'),
      second: fc.boolean(),
      fine: fc.boolean(),
    }),
    { seed: SEED, numRuns: 24 },
  );
  for (const r of rng) {
    const detained = r.day === 'month' ? { on: '2022-11' } : r.day === 'unknown' ? { on: '' } : { on: r.day };
    const first = { chargeId: r.charge < 2 ? String(charges[r.charge]) : '', basisOrigin: r.charge < 2 ? 'inferred' : '', chargeText: 'rally', outcome: r.outcome,
      // Penalties only on a conviction (the form refuses others).
      penalties: r.outcome !== 'convicted' ? [] : r.fine ? [{ kind: 'fine', amount: '100', unit: 'KZT' }] : [{ kind: 'administrative_arrest', amount: '5', unit: 'days' }] };
    const second = { chargeId: String(charges[1]), basisOrigin: 'stated', chargeText: 'disobedience', outcome: 'convicted', penalties: [] };
    const result = await createCase(monitor, await validCase({
      personName: `${tag} ${unique('P')}`,
      personRole: r.role,
      placeId: r.place === 'a' ? String(towns[0]) : r.place === 'b' ? String(towns[1]) : '',
      region: r.place === 'region' ? REGION : '',
      placePrecision: r.place === 'region' ? 'region' : r.place === 'none' ? 'not_stated' : 'city',
      detained,
      sentenced: { on: '' },
      electionId: r.tied ? String(lens) : '',
      plea: r.plea,
      reviewStatus: r.review,
      confidentiality: r.restricted ? 'restricted' : 'shareable',
      charges: r.second ? [first, second] : [first],
    }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const c = (await getCaseById(monitor, result.id))!;
    facts.push({
      id: c.id, city: c.placeId, region: c.region, on: c.detainedOn, earliest: c.detainedEarliest, latest: c.detainedLatest, election: c.electionId,
      plea: c.plea, review: c.reviewStatus, confidentiality: c.confidentiality, role: c.personRole,
      chargeIds: c.charges.flatMap((x) => (x.chargeId === null ? [] : [x.chargeId])), outcomes: c.charges.map((x) => x.outcome),
      pairs: c.charges.map((x) => `${x.chargeId}:${x.outcome}`), penalties: c.charges.flatMap((x) => x.penalties.map((p) => p.kind)),
    });
  }
});

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The filters in plain JavaScript over the records' facts: the oracle. */
function matches(f: Fact, filters: Partial<CaseFilters>, actor: Actor): boolean {
  if (actor.role === 'researcher' && f.confidentiality !== 'shareable') return false;
  if (actor.role !== 'researcher' && filters.confidentiality && f.confidentiality !== filters.confidentiality) return false;
  if (filters.city && f.city !== filters.city) return false;
  if (filters.place === 'not_stated' && f.city !== null) return false;
  if (filters.region && f.region !== filters.region) return false;
  if (filters.dated === 'uncertain' && f.on !== null) return false;
  if (filters.charge && filters.outcome) { if (!f.pairs.includes(`${filters.charge}:${filters.outcome}`)) return false; }
  else if (filters.charge && !f.chargeIds.includes(filters.charge)) return false;
  else if (filters.outcome && !f.outcomes.includes(filters.outcome)) return false;
  if (filters.penalty && !f.penalties.includes(filters.penalty)) return false;
  if (filters.plea && f.plea !== filters.plea) return false;
  if (filters.election && f.election !== filters.election) return false;
  if (filters.review && f.review !== filters.review) return false;
  if (filters.role && f.role !== filters.role) return false;
  let from: string | undefined = filters.from;
  let to: string | undefined = filters.to;
  let undated: number | null = null;
  if (!from && !to && filters.lens) [from, to, undated] = [addDays(ELECTION_DAY, -(filters.before ?? 60)), addDays(ELECTION_DAY, filters.after ?? 30), filters.lens];
  if (from || to) {
    const placed = f.on !== null && (!from || f.on >= from) && (!to || f.on <= to);
    const within = f.on === null && f.earliest !== null && f.latest !== null && (!from || f.earliest >= from) && (!to || f.latest <= to);
    const tied = f.on === null && undated !== null && f.election === undated;
    if (!placed && !within && !tied) return false;
  }
  return true;
}

const filtersArb = () =>
  fc.record(
    {
      city: fc.constantFrom(...towns),
      place: fc.constant('not_stated' as const),
      region: fc.constantFrom(REGION, 'Akmola Region'),
      dated: fc.constant('uncertain' as const),
      charge: fc.constantFrom(...charges),
      outcome: fc.constantFrom('convicted' as const, 'acquitted' as const, 'pending' as const),
      penalty: fc.constantFrom('fine' as const, 'administrative_arrest' as const),
      plea: fc.constantFrom('guilty' as const, 'not_guilty' as const),
      election: fc.constant(lens),
      review: fc.constantFrom('draft' as const, 'verified' as const),
      role: fc.constantFrom('activist' as const, 'journalist' as const),
      confidentiality: fc.constantFrom('shareable' as const, 'restricted' as const),
      from: fc.constantFrom('2022-09-01', '2022-11-01', '2022-11-15'),
      to: fc.constantFrom('2022-11-18', '2022-11-30'),
      lens: fc.constant(lens),
      before: fc.integer({ min: 0, max: 120 }),
      after: fc.integer({ min: 0, max: 60 }),
    },
  )
    // One to three filters at once: more would match nothing in two dozen records.
    .chain((all) =>
      fc
        .subarray(Object.keys(all) as (keyof typeof all)[], { minLength: 1, maxLength: 3 })
        .map((keys) => Object.fromEntries(keys.map((k) => [k, all[k]])) as Partial<CaseFilters>),
    );

/** Ids of this file's records the mapping finds, over the detentions and over the rollup-shaped rows. */
async function found(actor: Actor, filters: Partial<CaseFilters>) {
  const ids = facts.map((f) => f.id);
  const mine = sql`t.detention_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`;
  const onDetentions = rowsOf<{ id: number }>(
    await db.execute(sql`SELECT detentions.id FROM detentions WHERE ${detentionConditions(actor, filters, TODAY)}
      AND detentions.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`),
  ).map((r) => Number(r.id));
  const period = periodOfFilters(filters);
  const conditions = [mine, ...dimensionConditions(actor, ROLLUP_TABLE, filters, TODAY), ...(period ? [periodCondition(ROLLUP_TABLE, period)] : [])];
  const onRows = rowsOf<{ id: number }>(await db.execute(sql`SELECT t.detention_id AS id FROM (${DETENTION_ROWS}) t WHERE ${sql.join(conditions, sql` AND `)}`)).map((r) => Number(r.id));
  return { onDetentions: onDetentions.sort((a, b) => a - b), onRows: onRows.sort((a, b) => a - b) };
}

describe('one mapping from filters to SQL', () => {
  it('finds exactly what a plain filter in JavaScript finds, on the detentions and on the rollup rows', async () => {
    expect(facts.length).toBeGreaterThan(10);
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(filtersArb(), fc.boolean(), async (filters, asResearcher) => {
        const actor = asResearcher ? researcher : monitor;
        const expected = facts.filter((f) => matches(f, filters, actor)).map((f) => f.id).sort((a, b) => a - b);
        const { onDetentions, onRows } = await found(actor, filters);
        if (expected.length) nonEmpty++;
        expect(onDetentions, JSON.stringify(filters)).toEqual(expected);
        expect(onRows, JSON.stringify(filters)).toEqual(expected);
      }),
      { seed: SEED, numRuns: 150 },
    );
    // Most combinations must find something, or the comparison proves little.
    expect(nonEmpty).toBeGreaterThan(75);
  });

  it('counts on the rollup what the plain GROUP BY counts, for the filters the rollup answers', async () => {
    await fc.assert(
      fc.asyncProperty(filtersArb(), async (generated) => {
        // "Charge and outcome" together and custody need the records (not in the rollup).
        const filters: Partial<CaseFilters> = generated.charge && generated.outcome ? { ...generated, outcome: undefined } : generated;
        const period = periodOfFilters(filters);
        const where = [...dimensionConditions(monitor, ROLLUP_TABLE, filters, TODAY), ...(period ? [periodCondition(ROLLUP_TABLE, period)] : []), sql`true`];
        const count = async (from: ReturnType<typeof sql>) =>
          Number(rowsOf<{ n: number }>(await db.execute(sql`SELECT coalesce(sum(t.detentions), 0)::int AS n FROM ${from} WHERE ${sql.join(where, sql` AND `)}`))[0].n);
        expect(await count(sql`detention_stats t`), JSON.stringify(filters)).toBe(await count(sql`(${DETENTION_ROWS}) t`));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

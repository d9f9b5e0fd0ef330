import 'server-only';
import { asc, sql, type SQL } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { charges, elections, places } from '@/db/schema';
import { seesRestricted, type Actor } from '@/lib/auth/policy';
import { MAZHILIS_2021 } from '@/db/seed-data/vocabulary';
import { visibleSource } from '@/lib/sources/visibility';
import type { DashboardParams } from './params';
import { DETENTION_ROWS } from './stats';

/**
 * Where the aggregates come from: the rollup (the app), or every detention row (the plain GROUP BY
 * baseline, for the benchmark and the tests).
 */
export type Source = 'rollup' | 'detentions';
const fromSource = (source: Source) => (source === 'rollup' ? sql`detention_stats t` : sql`(${DETENTION_ROWS}) t`);

export type Election = { id: number; name: string; heldOn: string };

/**
 * The period the panels count: every date (unknown ones included), an explicit date range, or
 * else the lens election's window.
 */
export type Scope = { from: string; to: string; undatedElectionId: number | null; all?: true };

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export async function listElections(): Promise<Election[]> {
  return db.select({ id: elections.id, name: elections.name, heldOn: elections.heldOn }).from(elections).orderBy(asc(elections.heldOn));
}

export function resolveLens(all: Election[], params: DashboardParams) {
  const lens = all.find((e) => e.id === params.lens) ?? all.find((e) => e.name === MAZHILIS_2021) ?? all.at(-1) ?? null;
  const compare = all.filter((e) => params.compare.includes(e.id) && e.id !== lens?.id);
  return { lens, compare };
}

export function resolveScope(params: DashboardParams, lens: Election | null): Scope {
  if (params.all && !params.from && !params.to) return { from: '1900-01-01', to: '9999-12-31', undatedElectionId: null, all: true };
  if (params.from || params.to || !lens) {
    return { from: params.from ?? '1900-01-01', to: params.to ?? '9999-12-31', undatedElectionId: null };
  }
  // Detentions tied to the election whose day is not known still count in its window.
  return { from: addDays(lens.heldOn, -params.before), to: addDays(lens.heldOn, params.after), undatedElectionId: lens.id };
}

/**
 * The filters as SQL over a table aliased `t` that has the detention dimensions (the rollup, or
 * detentions itself). `roleColumn` names where the person's role is.
 */
export function dimensionFilters(actor: Actor, params: DashboardParams, roleColumn: SQL): SQL[] {
  const where: SQL[] = [];
  if (!seesRestricted(actor)) where.push(sql`t.confidentiality = 'shareable'`);
  else if (params.confidentiality) where.push(sql`t.confidentiality = ${params.confidentiality}`);
  if (params.city) where.push(sql`t.place_id = ${params.city}`);
  if (params.region) where.push(sql`t.place_id IN (SELECT id FROM places WHERE region = ${params.region})`);
  if (params.charge) where.push(sql`t.charge_id = ${params.charge}`);
  if (params.sentence) where.push(sql`t.sentence_kind = ${params.sentence}`);
  if (params.plea) where.push(sql`t.plea = ${params.plea}`);
  if (params.election) where.push(sql`t.election_id = ${params.election}`);
  if (params.review) where.push(sql`t.review_status = ${params.review}`);
  if (params.role) where.push(sql`${roleColumn} = ${params.role}`);
  return where;
}

export function scopeFilter(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  const inRange = sql`t.detained_on BETWEEN ${scope.from} AND ${scope.to}`;
  return scope.undatedElectionId === null
    ? inRange
    : sql`(${inRange} OR (t.detained_on IS NULL AND t.election_id = ${scope.undatedElectionId}))`;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`true`);

type Row = Record<string, string | number | null>;
const num = (v: unknown) => Number(v ?? 0);

/** The panels' aggregates, in one pass (GROUPING SETS). */
async function aggregate(actor: Actor, params: DashboardParams, scope: Scope, source: Source) {
  const where = and([scopeFilter(scope), ...dimensionFilters(actor, params, sql`t.person_role`)]);
  const result = await db.execute(sql`
    SELECT
      GROUPING(t.place_id, t.charge_id, t.sentence_kind, t.plea, t.person_role, t.arrest_days, t.delay_bucket, t.detained_on) AS grouping_set,
      t.place_id, t.charge_id, t.sentence_kind::text AS sentence_kind, t.plea::text AS plea,
      t.person_role::text AS person_role, t.arrest_days, t.delay_bucket, t.detained_on::text AS detained_on,
      sum(t.detentions)::bigint AS n,
      sum(t.arrest_days_total)::bigint AS arrest_days_total,
      sum(t.fines)::bigint AS fines,
      sum(t.fine_total)::bigint AS fine_total
    FROM ${fromSource(source)}
    WHERE ${where}
    GROUP BY GROUPING SETS (
      (t.place_id), (t.charge_id), (t.sentence_kind), (t.plea, t.sentence_kind), (t.person_role),
      (t.arrest_days), (t.delay_bucket), (t.detained_on), ()
    )
    HAVING sum(t.detentions) <> 0`);
  return rowsOf<Row>(result);
}

/** The rollup columns in GROUPING() order; a set's id has a 1 bit for each column it leaves out. */
const GROUPED = ['place_id', 'charge_id', 'sentence_kind', 'plea', 'person_role', 'arrest_days', 'delay_bucket', 'detained_on'];
const groupingSet = (...columns: string[]) =>
  GROUPED.reduce((mask, column, i) => mask | (columns.includes(column) ? 0 : 1 << (GROUPED.length - 1 - i)), 0);

function groupBy<T, K>(items: T[], key: (item: T) => K): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}

/** Detentions per day around each election, relative to its election day. */
async function timelines(actor: Actor, params: DashboardParams, chosen: Election[], source: Source) {
  if (chosen.length === 0) return [];
  const windows = sql.join(
    chosen.map((e) => sql`(${e.id}::int, ${e.heldOn}::date)`),
    sql`, `,
  );
  const where = and(dimensionFilters(actor, params, sql`t.person_role`));
  const result = await db.execute(sql`
    SELECT e.id AS election_id, (t.detained_on - e.day) AS offset_days, sum(t.detentions)::bigint AS n
    FROM ${fromSource(source)}
    JOIN (VALUES ${windows}) AS e(id, day)
      ON t.detained_on BETWEEN e.day - ${params.before}::int AND e.day + ${params.after}::int
    WHERE ${where}
    GROUP BY e.id, t.detained_on - e.day`);
  const counts = new Map(rowsOf<Row>(result).map((r) => [`${r.election_id}:${r.offset_days}`, num(r.n)]));
  return chosen.map((e) => ({
    ...e,
    days: Array.from({ length: params.before + params.after + 1 }, (_, i) => {
      const offset = i - params.before;
      return { offset, date: addDays(e.heldOn, offset), count: counts.get(`${e.id}:${offset}`) ?? 0 };
    }),
  }));
}

/** People detained more than once in the scope: this needs the people, so it reads detentions. */
async function repeatDetainees(actor: Actor, params: DashboardParams, scope: Scope) {
  const where = and([sql`t.deleted_at IS NULL`, scopeFilter(scope), ...dimensionFilters(actor, params, sql`p.role`)]);
  const result = await db.execute(sql`
    SELECT p.id AS person_id, p.display_name AS name, p.role::text AS role, count(*)::int AS n, count(*) OVER ()::int AS people
    FROM detentions t JOIN people p ON p.id = t.person_id
    WHERE ${where}
    GROUP BY p.id
    HAVING count(*) > 1
    ORDER BY n DESC, p.display_name
    LIMIT 10`);
  const rows = rowsOf<Row>(result);
  return {
    people: num(rows[0]?.people),
    top: rows.map((r) => ({ personId: num(r.person_id), name: String(r.name), role: String(r.role), count: num(r.n) })),
  };
}

/** Numbers reported without names ("over 350 detained, 109 identified"), with their sources. */
async function reportedTotals(actor: Actor, lens: Election | null, params: DashboardParams) {
  if (!lens) return { detained: 0, identified: 0, items: [] };
  const result = await db.execute(sql`
    SELECT r.id, r.description, r.detained_count, r.identified_count, r.reported_on::text AS reported_on,
           r.reported_precision::text AS reported_precision, pl.name AS place, sources.url, sources.title
    FROM reported_counts r
    JOIN sources ON sources.id = r.source_id AND ${visibleSource(actor)}
    LEFT JOIN places pl ON pl.id = r.place_id
    WHERE r.deleted_at IS NULL AND r.election_id = ${lens.id}
      ${params.city ? sql`AND r.place_id = ${params.city}` : sql``}
      ${params.region ? sql`AND r.place_id IN (SELECT id FROM places WHERE region = ${params.region})` : sql``}
    ORDER BY r.detained_count DESC`);
  const items = rowsOf<Row>(result).map((r) => ({
    id: num(r.id),
    description: String(r.description),
    detained: num(r.detained_count),
    identified: r.identified_count === null ? null : num(r.identified_count),
    reportedOn: r.reported_on as string | null,
    reportedPrecision: String(r.reported_precision),
    place: r.place as string | null,
    url: String(r.url),
    title: String(r.title),
  }));
  return {
    detained: items.reduce((a, i) => a + i.detained, 0),
    identified: items.reduce((a, i) => a + (i.identified ?? 0), 0),
    items,
  };
}

async function vocabulary() {
  const [placeRows, chargeRows] = await Promise.all([
    db.select({ id: places.id, name: places.name, region: places.region, latitude: places.latitude, longitude: places.longitude }).from(places),
    db.select({ id: charges.id, name: charges.name, legalBasis: charges.legalBasis }).from(charges),
  ]);
  return { placeRows, chargeRows };
}

/** Largest first; ties in a fixed order, so the same data always gives the same output. */
const desc = <T extends { count: number }>(rows: T[]) =>
  rows.sort((a, b) => b.count - a.count || JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Everything the dashboard shows, for what this actor may see. */
export async function getDashboardData(actor: Actor, params: DashboardParams, source: Source = 'rollup') {
  const allElections = await listElections();
  const { lens, compare } = resolveLens(allElections, params);
  const scope = resolveScope(params, lens);
  const [rows, timeline, repeat, reported, { placeRows, chargeRows }] = await Promise.all([
    aggregate(actor, params, scope, source),
    timelines(actor, params, lens ? [lens, ...compare] : compare, source),
    repeatDetainees(actor, params, scope),
    reportedTotals(actor, lens, params),
    vocabulary(),
  ]);
  const pick = (...columns: string[]) => rows.filter((r) => num(r.grouping_set) === groupingSet(...columns));
  const total = pick()[0];
  const placeById = new Map(placeRows.map((p) => [p.id, p]));
  const chargeById = new Map(chargeRows.map((c) => [c.id, c]));

  const byPlace = desc(
    pick('place_id').map((r) => {
      const place = placeById.get(num(r.place_id))!;
      return { placeId: place.id, name: place.name, region: place.region, latitude: place.latitude, longitude: place.longitude, count: num(r.n) };
    }),
  );
  const byRegion = desc(
    groupBy(byPlace, (p) => p.region).map(([region, list]) => ({ region, count: list.reduce((a, p) => a + p.count, 0) })),
  );
  const byCharge = desc(
    pick('charge_id').map((r) => {
      const charge = r.charge_id === null ? null : chargeById.get(num(r.charge_id)) ?? null;
      return { chargeId: charge?.id ?? null, name: charge?.name ?? null, legalBasis: charge?.legalBasis ?? null, count: num(r.n) };
    }),
  );
  const byLegalBasis = desc(
    groupBy(byCharge, (c) => c.legalBasis).map(([legalBasis, list]) => ({ legalBasis, count: list.reduce((a, c) => a + c.count, 0) })),
  );
  return {
    lens,
    compare,
    elections: allElections,
    scope,
    totals: {
      detentions: num(total?.n),
      arrestDays: num(total?.arrest_days_total),
      fines: num(total?.fines),
      fineTotal: num(total?.fine_total),
    },
    timeline,
    byDay: pick('detained_on')
      .filter((r) => r.detained_on !== null)
      .map((r) => ({ date: String(r.detained_on), count: num(r.n) }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    byPlace,
    byRegion,
    byCharge,
    byLegalBasis,
    bySentence: desc(pick('sentence_kind').map((r) => ({ kind: String(r.sentence_kind), count: num(r.n) }))),
    pleaOutcome: desc(pick('plea', 'sentence_kind').map((r) => ({ plea: String(r.plea), kind: String(r.sentence_kind), count: num(r.n) }))),
    arrestDays: pick('arrest_days')
      .filter((r) => r.arrest_days !== null)
      .map((r) => ({ days: num(r.arrest_days), count: num(r.n) }))
      .sort((a, b) => a.days - b.days),
    delay: pick('delay_bucket')
      .filter((r) => r.delay_bucket !== null)
      .map((r) => ({ bucket: num(r.delay_bucket), count: num(r.n) }))
      .sort((a, b) => a.bucket - b.bucket),
    byRole: desc(pick('person_role').map((r) => ({ role: String(r.person_role), count: num(r.n) }))),
    repeat,
    reported,
  };
}

export type DashboardData = Awaited<ReturnType<typeof getDashboardData>>;

import 'server-only';
import { asc, sql, type SQL } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { charges, detentions, elections, places, type ChargeOutcome, type PenaltyKind, type PenaltyUnit } from '@/db/schema';
import { seesRestricted, type Actor } from '@/lib/auth/policy';
import { DEFAULT_WINDOW, PERIOD_KEYS, type CaseFilters } from '@/lib/filters/definition';
import { custodyCondition, custodyInRollups, detentionConditions, DETENTIONS_TABLE, dimensionConditions, periodCondition, placedInPeriod, ROLLUP_TABLE, undatedInPeriod } from '@/lib/filters/sql';
import { latestToday } from '@/lib/dates/partial-date';
import { visibleSource } from '@/lib/sources/visibility';
import type { DashboardParams, DateAxis } from './params';
import { DETENTION_ROWS, rulingYear, selectedDetentionRows } from './stats';

/**
 * Where the aggregates come from: the rollups (the app: detention_stats, and charge_stats and
 * penalty_stats for the charge, outcome, penalty and money panels), or every detention row and its
 * charges and penalties (the plain GROUP BY baseline, for the benchmark and the tests). Custody
 * and repeat detainees read the matched records in both cases.
 */
export type Source = 'rollup' | 'detentions';
/**
 * Where a query reads from: the rollup, or the records as rollup-shaped rows. `matched` (disjoint
 * conditions over the detentions table, recordParts) limits the latter to the detentions they
 * select, so their dimensions are computed for those only (the views the rollup cannot answer);
 * the plain GROUP BY baseline passes none.
 */
type From = { source: Source; matched?: SQL[]; /** The view has only filters the day rollups carry (timelines read them). */ byDay?: boolean };
const fromSource = ({ source, matched }: From) =>
  source === 'rollup'
    ? sql`detention_stats t`
    : matched
      ? sql`(${selectedDetentionRows(matched)}) t`
      : sql`(${DETENTION_ROWS}) t`;

export type Election = { id: number; name: string; heldOn: string; /** Live detentions tied to it, counted up to TIED_CAP. */ tied?: number };

/** Tied detentions are counted up to this many per election: enough to tell the main one apart, cheap at any size. */
const TIED_CAP = 1000;

/**
 * The elections, each with the live detentions tied to it that `actor` may see: the default view
 * follows these counts, so restricted records must not steer a reader who may not see them (the
 * election a researcher's dashboard opened on told them where hidden records were).
 */
export async function listElections(actor: Actor): Promise<Election[]> {
  const visible = seesRestricted(actor) ? sql`` : sql`AND d.confidentiality = 'shareable'`;
  // Written out: drizzle leaves a column of the selected table unqualified, which the subquery would read as its own.
  const tied = sql<number>`(SELECT count(*)::int FROM (SELECT 1 FROM detentions d
    WHERE d.election_id = elections.id AND d.deleted_at IS NULL ${visible} LIMIT ${TIED_CAP}) AS tied)`;
  const rows = await db.select({ id: elections.id, name: elections.name, heldOn: elections.heldOn, tied }).from(elections).orderBy(asc(elections.heldOn));
  return rows.map((e) => ({ ...e, tied: Number(e.tied) }));
}

/**
 * The view's election: the one asked for, else the one most detentions are tied to (the one the
 * monitors are recording; the latest on a tie), else the latest. Decided by the data, never by a
 * name in the seed.
 */
export function resolveLens(all: Election[], params: DashboardParams) {
  const most = all.reduce<Election | null>((best, e) => ((e.tied ?? 0) > 0 && (e.tied ?? 0) >= (best?.tied ?? 0) ? e : best), null);
  const lens = all.find((e) => e.id === params.lens) ?? most ?? all.at(-1) ?? null;
  const compare = all.filter((e) => params.compare.includes(e.id) && e.id !== lens?.id);
  return { lens, compare };
}

/**
 * The period the panels count, by detention date: every date (uncertain ones included), an
 * explicit date range (either end open: null), or else the lens election's window.
 */
export type Scope = { from: string | null; to: string | null; undatedElectionId: number | null; all?: true };

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function resolveScope(params: DashboardParams, lens: Election | null): Scope {
  if (params.all && !params.from && !params.to) return { from: null, to: null, undatedElectionId: null, all: true };
  if (params.from || params.to || !lens) return { from: params.from ?? null, to: params.to ?? null, undatedElectionId: null };
  // Detentions tied to the election whose day is uncertain still count in its window.
  return { from: addDays(lens.heldOn, -params.before), to: addDays(lens.heldOn, params.after), undatedElectionId: lens.id };
}

/** Filters the rollup cannot answer: they are applied to the records (`source` becomes 'detentions'). */
function needsRecords(params: DashboardParams): boolean {
  // Charge and outcome together mean "a charge under X with outcome Y", one charge at a time.
  return (params.custody !== undefined && !custodyInRollups(params.custody)) || (params.charge !== undefined && params.outcome !== undefined);
}

/**
 * The view's filters as SQL over a table aliased `t` that has the detention dimensions (the rollup,
 * or DETENTION_ROWS; the record-only filters need the latter): lib/filters/sql.ts, the mapping the
 * case list uses too, so a panel's link opens the cases it counted.
 */
export function dimensionFilters(actor: Actor, params: DashboardParams, today = latestToday()): SQL[] {
  return dimensionConditions(actor, ROLLUP_TABLE, params, today);
}

export function scopeFilter(scope: Scope): SQL {
  return scope.all ? sql`true` : periodCondition(ROLLUP_TABLE, scope);
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`true`);

type Row = Record<string, string | number | null>;
const num = (v: unknown) => Number(v ?? 0);

/** The day a record (row `t`, or `alias`) is placed on, on the chosen axis (null: uncertain on that axis). */
export function axisDay(axis: DateAxis, alias = 't'): SQL {
  const t = sql.raw(alias);
  if (axis === 'sentenced') return sql`${t}.sentenced_on`;
  if (axis === 'known') return sql`coalesce(${t}.detained_on, ${t}.sentenced_on)`;
  return sql`${t}.detained_on`;
}

/** The detention-level panels' aggregates, in one pass (GROUPING SETS). */
async function aggregate(where: SQL, source: From) {
  const result = await db.execute(sql`
    SELECT
      GROUPING(t.place_id, t.region, t.person_role, t.arrest_days, t.delay_bucket, t.detained_on) AS grouping_set,
      t.place_id, t.region, t.person_role::text AS person_role, t.arrest_days, t.delay_bucket, t.detained_on::text AS detained_on,
      sum(t.detentions)::bigint AS n,
      sum(t.arrest_days_total)::bigint AS arrest_days_total,
      coalesce(sum(t.detentions) FILTER (WHERE t.detained_on IS NULL), 0)::bigint AS uncertain_detained,
      coalesce(sum(t.detentions) FILTER (WHERE t.sentenced_on IS NULL), 0)::bigint AS uncertain_sentenced,
      coalesce(sum(t.detentions) FILTER (WHERE t.detained_on IS NULL AND t.sentenced_on IS NULL), 0)::bigint AS uncertain_known
    FROM ${fromSource(source)}
    WHERE ${where}
    GROUP BY GROUPING SETS ((t.place_id, t.region), (t.person_role), (t.arrest_days), (t.delay_bucket), (t.detained_on), ())
    HAVING sum(t.detentions) <> 0`);
  return rowsOf<Row>(result);
}

/** The rollup columns in GROUPING() order; a set's id has a 1 bit for each column it leaves out. */
const GROUPED = ['place_id', 'region', 'person_role', 'arrest_days', 'delay_bucket', 'detained_on'];
const mask = (all: string[], columns: string[]) => all.reduce((m, column, i) => m | (columns.includes(column) ? 0 : 1 << (all.length - 1 - i)), 0);
const groupingSet = (...columns: string[]) => mask(GROUPED, columns);

/** The sets of day_detention_stats, by its `panel` (GROUPING() over these columns: lib/dashboard/stats.ts DAY_DETENTION_ROLLUP). */
const DAY_PANEL_COLUMNS = ['place_id', 'region', 'person_role', 'arrest_days', 'delay_bucket', 'sentenced_on'];
const dayPanel = (...columns: string[]) => mask(DAY_PANEL_COLUMNS, columns);
/** The day-level set: every detention once, by its day and its sentence's day. */
const DAY_TOTAL = dayPanel('sentenced_on');

/**
 * aggregate()'s rows (same sets, same grouping_set ids) from the day rollup, for views whose only
 * conditions are the period and visibility: each panel sums its own set's rows, the days and
 * totals the day-level set's.
 */
async function aggregateByDay(where: SQL) {
  const sets = [['place_id', 'region'], ['person_role'], ['arrest_days'], ['delay_bucket']];
  const setId = sql.raw(`CASE m.panel ${sets.map((columns) => `WHEN ${dayPanel(...columns)} THEN ${groupingSet(...columns)}`).join(' ')} END`);
  const none = sql`0::bigint AS uncertain_detained, 0::bigint AS uncertain_sentenced, 0::bigint AS uncertain_known`;
  const result = await db.execute(sql`
    WITH m AS MATERIALIZED (SELECT * FROM day_detention_stats t WHERE ${where})
    SELECT ${setId} AS grouping_set, m.place_id, m.region, m.person_role::text AS person_role, m.arrest_days, m.delay_bucket, NULL::text AS detained_on,
      sum(m.detentions)::bigint AS n, sum(m.arrest_days_total)::bigint AS arrest_days_total, ${none}
    FROM m WHERE m.panel <> ${DAY_TOTAL}
    GROUP BY m.panel, m.place_id, m.region, m.person_role, m.arrest_days, m.delay_bucket
    HAVING sum(m.detentions) <> 0
    UNION ALL
    SELECT ${groupingSet('detained_on')}, NULL, NULL, NULL, NULL, NULL, m.detained_on::text,
      sum(m.detentions)::bigint, sum(m.arrest_days_total)::bigint, ${none}
    FROM m WHERE m.panel = ${DAY_TOTAL}
    GROUP BY m.detained_on
    HAVING sum(m.detentions) <> 0
    UNION ALL
    SELECT ${groupingSet()}, NULL, NULL, NULL, NULL, NULL, NULL,
      sum(m.detentions)::bigint, sum(m.arrest_days_total)::bigint,
      coalesce(sum(m.detentions) FILTER (WHERE m.detained_on IS NULL), 0)::bigint,
      coalesce(sum(m.detentions) FILTER (WHERE m.sentenced_on IS NULL), 0)::bigint,
      coalesce(sum(m.detentions) FILTER (WHERE m.detained_on IS NULL AND m.sentenced_on IS NULL), 0)::bigint
    FROM m WHERE m.panel = ${DAY_TOTAL}
    HAVING sum(m.detentions) <> 0`);
  return rowsOf<Row>(result);
}

/**
 * The view's parameters the day rollups answer: the period, visibility, whether the day is known,
 * and how the timelines are drawn (elections overlaid, the date axis: the day-level set carries
 * both days). A view setting any other parameter needs a rollup with its dimension. Whitelisted
 * over every parameter, so a new filter never reads a table without it.
 */
const DAY_ROLLUP_PARAMS = new Set<string>([...PERIOD_KEYS, 'dated', 'confidentiality', 'all', 'compare', 'axis']);
function answeredByDayRollups(params: DashboardParams): boolean {
  return Object.entries(params).every(([key, value]) => DAY_ROLLUP_PARAMS.has(key) || value === undefined);
}

/** Detentions per day around each election, relative to its election day, on the chosen axis. */
async function timelines(actor: Actor, params: DashboardParams, chosen: Election[], source: From, today: string) {
  if (chosen.length === 0) return [];
  const windows = sql.join(
    chosen.map((e) => sql`(${e.id}::int, ${e.heldOn}::date)`),
    sql`, `,
  );
  const day = axisDay(params.axis);
  // Read from the matched records (the views the rollup cannot answer), only the days and only those
  // in a window: the view's filters are already in `matched`, so no rollup dimension is computed.
  // Computing them for every record in custody, on every date, took 2.2 s at 1M.
  const inAWindow = sql.join(
    chosen.map((e) => sql`${axisDay(params.axis, 'detentions')} BETWEEN ${e.heldOn}::date - ${params.before}::int AND ${e.heldOn}::date + ${params.after}::int`),
    sql` OR `,
  );
  const from = source.matched
    ? sql`(SELECT detentions.detained_on, detentions.sentenced_on, 1 AS detentions FROM detentions WHERE ${anyOf(source.matched)} AND (${inAWindow})) t`
    : source.byDay
      ? sql`(SELECT * FROM day_detention_stats WHERE panel = ${DAY_TOTAL}) t`
      : fromSource(source);
  const result = await db.execute(sql`
    SELECT e.id AS election_id, (${day} - e.day) AS offset_days, sum(t.detentions)::bigint AS n
    FROM ${from}
    JOIN (VALUES ${windows}) AS e(id, day)
      ON ${day} BETWEEN e.day - ${params.before}::int AND e.day + ${params.after}::int
    WHERE ${source.matched ? sql`true` : and(dimensionFilters(actor, params, today))}
    GROUP BY e.id, ${day} - e.day`);
  const counts = new Map(rowsOf<Row>(result).map((r) => [`${r.election_id}:${r.offset_days}`, num(r.n)]));
  return chosen.map((e) => electionDays(e, params, (offset) => counts.get(`${e.id}:${offset}`) ?? 0));
}

/** An election's window, day by day, with the count `count` gives for each day's offset and date. */
function electionDays(e: Election, params: DashboardParams, count: (offset: number, date: string) => number) {
  return {
    ...e,
    days: Array.from({ length: params.before + params.after + 1 }, (_, i) => {
      const offset = i - params.before;
      const date = addDays(e.heldOn, offset);
      return { offset, date, count: count(offset, date) };
    }),
  };
}

/**
 * People detained more than once in the scope (over the matched detentions `t`): how many, and the
 * ten detained most often (ties by name). Counted per person first; then only the people with at
 * least the tenth-highest count are looked up for their names (at 1M, 22,854 people were detained
 * more than once in the default window: looking all of them up to sort by name took 36 ms).
 */
const REPEAT_SQL = sql`r AS (SELECT t.person_id, count(*)::int AS n FROM t GROUP BY t.person_id HAVING count(*) > 1),
    re AS (SELECT p.id AS person_id, p.display_name AS name, p.role::text AS role, r.n, (SELECT count(*) FROM r)::int AS people
      FROM r JOIN people p ON p.id = r.person_id
      WHERE r.n >= coalesce((SELECT r.n FROM r ORDER BY r.n DESC OFFSET 9 LIMIT 1), 0)
      ORDER BY r.n DESC, p.display_name
      LIMIT 10)`;

/**
 * REPEAT_SQL's rows for an election's default window, from window_people (each person's detentions
 * in the window, kept in the write transaction): the people counted more than once, by an index.
 */
async function repeatInWindow(electionId: number, withRestricted: boolean): Promise<Row[]> {
  // Each part a range of window_people_count_idx: the count of people above one, the tenth-highest
  // count (read backwards), and the people at or above it. Materializing the 22,413 people counted
  // more than once in the default window at 1M to rank them took 16-26 ms; this counts index entries
  // and reads the rows of a few more than ten people.
  const mine = sql`w.election_id = ${electionId} AND w.with_restricted = ${withRestricted}`;
  const result = await db.execute(sql`
    WITH cut AS (SELECT coalesce((SELECT w.detentions FROM window_people w WHERE ${mine} AND w.detentions > 1
      ORDER BY w.detentions DESC OFFSET 9 LIMIT 1), 2) AS n)
    SELECT p.id AS person_id, p.display_name AS name, p.role::text AS role, w.detentions AS n,
      (SELECT count(*) FROM window_people w WHERE ${mine} AND w.detentions > 1)::int AS people
    FROM window_people w JOIN people p ON p.id = w.person_id
    WHERE ${mine} AND w.detentions >= (SELECT n FROM cut)
    ORDER BY w.detentions DESC, p.display_name
    LIMIT 10`);
  return rowsOf<Row>(result);
}

/**
 * Whether window_people answers the view's repeat detainees: the lens's default window with no
 * other condition than what the reader may see (all records, or the shareable ones), and with
 * which of its two counts.
 */
function windowCount(actor: Actor, params: DashboardParams, scope: Scope, lens: Election | null, dayRollups: boolean) {
  const defaultWindow = params.before === DEFAULT_WINDOW.before && params.after === DEFAULT_WINDOW.after;
  if (!dayRollups || !lens || scope.undatedElectionId !== lens.id || !defaultWindow || params.dated) return null;
  if (!seesRestricted(actor) || params.confidentiality === 'shareable') return { electionId: lens.id, withRestricted: false };
  return params.confidentiality ? null : { electionId: lens.id, withRestricted: true };
}

function repeatDetainees(rows: Row[]) {
  rows.sort((a, b) => num(b.n) - num(a.n) || String(a.name).localeCompare(String(b.name)));
  return {
    people: num(rows[0]?.people),
    top: rows.map((r) => ({ personId: num(r.person_id), name: String(r.name), role: String(r.role), count: num(r.n) })),
  };
}

export type ChargeBar = {
  chargeId: number | null;
  legalBasis: string | null;
  name: string | null;
  /** The article's part as cited; null: not stated (or no article). */
  part: string | null;
  /** No vocabulary entry: only the words of the source (true), or nothing at all (false). */
  textOnly: boolean;
  stated: number;
  inferred: number;
  /** Charges without a legal basis (text only or nothing). */
  none: number;
  count: number;
};

/**
 * Per charge: charges by article and part, split by whether the source states the legal basis;
 * outcomes; plea against outcome. A detention with two charges counts in both.
 */
const CHARGES_SQL = sql`SELECT GROUPING(dc.charge_id, x.cited_part, x.text_only, dc.basis_origin, dc.outcome, t.plea) AS grouping_set,
      dc.charge_id, x.cited_part, x.text_only, dc.basis_origin::text AS basis_origin, dc.outcome::text AS outcome, t.plea::text AS plea,
      count(*)::bigint AS n
    FROM t
    JOIN detention_charges dc ON dc.detention_id = t.detention_id,
    LATERAL (SELECT nullif(btrim(dc.part), '') AS cited_part,
      (dc.charge_id IS NULL AND nullif(btrim(dc.charge_text), '') IS NOT NULL)::int AS text_only) x
    GROUP BY GROUPING SETS ((dc.charge_id, x.cited_part, x.text_only, dc.basis_origin), (dc.outcome), (t.plea, dc.outcome))`;

/**
 * CHARGES_SQL's rows from the charges rollup (charge_stats), or from its day rollup (day_charge_stats,
 * which stores each row's set), for the view's filters `where` over `t`.
 */
async function chargeRollup(where: SQL, byDay = false): Promise<Row[]> {
  const columns = sql`t.charge_id, t.cited_part, t.text_only::int AS text_only, t.basis_origin::text AS basis_origin, t.outcome::text AS outcome, t.plea::text AS plea,
      sum(t.charges)::bigint AS n`;
  const result = await db.execute(
    byDay
      ? sql`SELECT t.grouping_set, ${columns}
    FROM day_charge_stats t
    WHERE ${where}
    GROUP BY t.grouping_set, t.charge_id, t.cited_part, t.text_only, t.basis_origin, t.outcome, t.plea`
      : sql`SELECT GROUPING(t.charge_id, t.cited_part, t.text_only, t.basis_origin, t.outcome, t.plea) AS grouping_set, ${columns}
    FROM charge_stats t
    WHERE ${where}
    GROUP BY GROUPING SETS ((t.charge_id, t.cited_part, t.text_only, t.basis_origin), (t.outcome), (t.plea, t.outcome))`,
  );
  return rowsOf<Row>(result);
}

function chargePanels(rows: Row[], chargeRows: { id: number; name: string; legalBasis: string }[]) {
  const setOf = (...columns: string[]) => {
    const all = ['charge_id', 'cited_part', 'text_only', 'basis_origin', 'outcome', 'plea'];
    return all.reduce((mask, c, i) => mask | (columns.includes(c) ? 0 : 1 << (all.length - 1 - i)), 0);
  };
  const pick = (...columns: string[]) => rows.filter((r) => num(r.grouping_set) === setOf(...columns));
  const chargeById = new Map(chargeRows.map((c) => [c.id, c]));
  const bars = new Map<string, ChargeBar>();
  for (const r of pick('charge_id', 'cited_part', 'text_only', 'basis_origin')) {
    const chargeId = r.charge_id === null ? null : num(r.charge_id);
    const part = chargeId === null ? null : (r.cited_part as string | null);
    const textOnly = chargeId === null && num(r.text_only) === 1;
    const key = `${chargeId}:${part}:${textOnly}`;
    const charge = chargeId === null ? null : chargeById.get(chargeId) ?? null;
    const bar = bars.get(key) ?? { chargeId, legalBasis: charge?.legalBasis ?? null, name: charge?.name ?? null, part, textOnly, stated: 0, inferred: 0, none: 0, count: 0 };
    const n = num(r.n);
    if (r.basis_origin === 'stated') bar.stated += n;
    else if (r.basis_origin === 'inferred') bar.inferred += n;
    else bar.none += n;
    bar.count += n;
    bars.set(key, bar);
  }
  const byCharge = desc([...bars.values()]);
  const byArticle = desc(
    [...groupBy(byCharge.filter((c) => c.chargeId !== null), (c) => c.chargeId)].map(([chargeId, list]) => ({
      chargeId: chargeId!,
      legalBasis: list[0].legalBasis,
      name: list[0].name,
      stated: list.reduce((a, c) => a + c.stated, 0),
      inferred: list.reduce((a, c) => a + c.inferred, 0),
      count: list.reduce((a, c) => a + c.count, 0),
    })),
  );
  return {
    charges: byCharge.reduce((a, c) => a + c.count, 0),
    byCharge,
    byArticle,
    byOutcome: desc(pick('outcome').map((r) => ({ outcome: String(r.outcome) as ChargeOutcome, count: num(r.n) }))),
    pleaOutcome: desc(pick('plea', 'outcome').map((r) => ({ plea: String(r.plea), outcome: String(r.outcome) as ChargeOutcome, count: num(r.n) }))),
  };
}

export const MONEY_UNITS_SHOWN = ['KZT', 'MCI', 'USD', 'EUR', 'RUB'] as const;

/**
 * Penalties in force (not replaced on appeal) by kind, and fines by currency. THE definition of a
 * fine on the dashboard: a penalty of kind 'fine' in force; every fine figure comes from here.
 * Money is never added across currencies; only MCI is converted to tenge, with the MCI value of
 * the ruling's year, and labelled computed.
 */
const PENALTIES_SQL = sql`SELECT pn.kind::text AS kind, pn.unit::text AS unit,
      count(*)::bigint AS n,
      count(pn.amount)::bigint AS with_amount,
      coalesce(sum(pn.amount), 0)::numeric AS amount,
      coalesce(sum(pn.amount * m.tenge) FILTER (WHERE pn.unit = 'MCI'), 0)::numeric AS mci_tenge,
      count(*) FILTER (WHERE pn.unit = 'MCI' AND pn.amount IS NOT NULL AND m.tenge IS NOT NULL)::bigint AS mci_converted,
      count(*) FILTER (WHERE pn.unit = 'MCI' AND pn.amount IS NOT NULL AND t.ruling_year IS NULL)::bigint AS mci_no_year,
      count(*) FILTER (WHERE pn.unit = 'MCI' AND pn.amount IS NOT NULL AND t.ruling_year IS NOT NULL AND m.tenge IS NULL)::bigint AS mci_no_value
    FROM t
    JOIN detention_charges dc ON dc.detention_id = t.detention_id
    JOIN penalties pn ON pn.detention_charge_id = dc.id AND pn.replaced_by_position IS NULL
    LEFT JOIN mci_values m ON m.year = t.ruling_year
    GROUP BY pn.kind, pn.unit`;

/** PENALTIES_SQL's rows from the penalties rollup (penalty_stats, or day_penalty_stats: same columns), for the view's filters `where` over `t`. */
async function penaltyRollup(where: SQL, byDay = false): Promise<Row[]> {
  const result = await db.execute(sql`SELECT t.kind::text AS kind, t.unit::text AS unit,
      sum(t.penalties)::bigint AS n,
      sum(t.with_amount)::bigint AS with_amount,
      coalesce(sum(t.amount), 0)::numeric AS amount,
      coalesce(sum(t.amount * m.tenge) FILTER (WHERE t.unit = 'MCI'), 0)::numeric AS mci_tenge,
      coalesce(sum(t.with_amount) FILTER (WHERE t.unit = 'MCI' AND m.tenge IS NOT NULL), 0)::bigint AS mci_converted,
      coalesce(sum(t.with_amount) FILTER (WHERE t.unit = 'MCI' AND t.ruling_year IS NULL), 0)::bigint AS mci_no_year,
      coalesce(sum(t.with_amount) FILTER (WHERE t.unit = 'MCI' AND t.ruling_year IS NOT NULL AND m.tenge IS NULL), 0)::bigint AS mci_no_value
    FROM ${byDay ? sql`day_penalty_stats` : sql`penalty_stats`} t
    LEFT JOIN mci_values m ON m.year = t.ruling_year
    WHERE ${where}
    GROUP BY t.kind, t.unit`);
  return rowsOf<Row>(result);
}

function penaltyPanels(rows: Row[]) {
  const byKind = desc(
    [...groupBy(rows, (r) => String(r.kind))].map(([kind, list]) => ({ kind: kind as PenaltyKind, count: list.reduce((a, r) => a + num(r.n), 0) })),
  );
  const fines = rows.filter((r) => r.kind === 'fine');
  const unit = (u: string) => fines.find((r) => r.unit === u);
  const byCurrency = MONEY_UNITS_SHOWN.map((u) => ({ unit: u as PenaltyUnit, count: num(unit(u)?.n), total: Number(unit(u)?.amount ?? 0) })).filter((c) => c.count > 0);
  const mci = unit('MCI');
  const kzt = Number(unit('KZT')?.amount ?? 0);
  const mciTenge = Number(mci?.mci_tenge ?? 0);
  return {
    byKind,
    money: {
      fines: fines.reduce((a, r) => a + num(r.n), 0),
      byCurrency,
      /** Fines whose amount the source does not give. */
      amountNotStated: fines.reduce((a, r) => a + num(r.n) - num(r.with_amount), 0),
      /** KZT fines plus MCI fines converted with the MCI of their ruling's year (computed). */
      tengeComputed: Math.round((kzt + mciTenge) * 100) / 100,
      tengeComputedFrom: { kzt: num(unit('KZT')?.with_amount), mci: num(mci?.mci_converted) },
      mciNotConverted: { noYear: num(mci?.mci_no_year), noValue: num(mci?.mci_no_value) },
    },
  };
}

/**
 * The derived custody columns the custody panel and custodyCondition read. The matched rows carry
 * them (and the panel names its row set "detentions"), so the panel never joins the table again.
 */
const CUSTODY_COLUMNS = sql.raw(
  ['custody_status', 'custody_days', 'custody_from', 'expected_release_on', 'whereabouts_unknown_since', 'next_hearing_on'].map((c) => `detentions.${c}`).join(', '),
);

/** Upper bounds (inclusive) of the days-in-custody buckets; the last is open. */
export const CUSTODY_BUCKETS = [1, 3, 7, 15, 30, 90, 365] as const;
/** Every bucket's bound, the open one (more than a year) as the last bound + 1. */
const OPEN_BUCKET = CUSTODY_BUCKETS.at(-1)! + 1;
const DAY_BUCKETS = [...CUSTODY_BUCKETS, OPEN_BUCKET];

/**
 * Where people stand today (held, whereabouts unknown for more than 24 hours, a hearing in the next
 * 7 days, released) by the same conditions as the case list's custody filter, and the days in
 * custody of people released (on a recorded day, or presumed once their expected release day has
 * passed). Read from rows standing for several records alike (the custody day rollup, or the
 * matched records grouped), never from a count kept by day: "today" moves.
 */
function custodySql(today: string, rows: SQL) {
  // Each row stands for `detentions` records alike (a day rollup row, or the matched records grouped).
  const count = (condition: SQL) => sql`coalesce(sum(detentions.detentions) FILTER (WHERE ${condition}), 0)::bigint`;
  // Days served: recorded at release, or up to the expected release day once it has passed (as custodyNow).
  const served = sql`CASE
    WHEN detentions.custody_status = 'released' THEN detentions.custody_days
    WHEN detentions.expected_release_on <= ${today} AND detentions.custody_from IS NOT NULL THEN detentions.expected_release_on - detentions.custody_from
  END`;
  // One row, one pass: a count per bucket instead of grouping by bucket (no hash, no second pass).
  // OFFSET 0 keeps `served` computed once per row: flattened, its CASE was copied into every
  // FILTER (44 of 90 ms for the default view at 1M; 16 ms computed once).
  const buckets = DAY_BUCKETS.map((upTo, i) => {
    const above = i === 0 ? sql`true` : sql`served > ${sql.raw(String(DAY_BUCKETS[i - 1]))}`;
    const below = upTo === OPEN_BUCKET ? sql`true` : sql`served <= ${sql.raw(String(upTo))}`;
    return sql`${count(sql`${above} AND ${below}`)} AS ${sql.raw(`days_${upTo}`)}`;
  });
  return sql`SELECT ${count(sql`served IS NOT NULL`)} AS with_days,
      coalesce(sum(served::bigint * detentions.detentions), 0)::bigint AS days,
      ${count(custodyCondition('held', today))} AS held,
      ${count(custodyCondition('missing', today))} AS missing,
      ${count(custodyCondition('hearing_soon', today))} AS hearing_soon,
      ${count(custodyCondition('released', today))} AS released,
      ${sql.join(buckets, sql`, `)}
    FROM (SELECT detentions.*, ${served} AS served FROM ${rows} AS detentions OFFSET 0) AS detentions`;
}

/**
 * The matched records `t` grouped by what the custody panel reads of them, each column kept only
 * for the statuses it is read for (as day_custody_stats): the panel's conditions then run once per
 * group, weighted by its count, instead of once per record. On PGlite at 100k the record panels
 * took about 10% less (the custody view 107-127 -> 92-96 ms); on the server at 1M, no difference.
 */
const CUSTODY_GROUPED_ROWS = sql`(SELECT t.custody_status,
      CASE WHEN t.custody_status = 'released' THEN t.custody_days END AS custody_days,
      CASE WHEN t.custody_status <> 'released' THEN t.custody_from END AS custody_from,
      CASE WHEN t.custody_status <> 'released' THEN t.expected_release_on END AS expected_release_on,
      CASE WHEN t.custody_status = 'whereabouts_unknown' THEN t.whereabouts_unknown_since END AS whereabouts_unknown_since,
      t.next_hearing_on, count(*)::int AS detentions
    FROM t GROUP BY 1, 2, 3, 4, 5, 6)`;

/** The custody panel's row from the custody day rollup (day_custody_stats), for the view's conditions `where` over `t`. */
async function custodyByDay(where: SQL, today: string): Promise<Row[]> {
  const result = await db.execute(custodySql(today, sql`(SELECT t.* FROM day_custody_stats t WHERE ${where})`));
  return rowsOf<Row>(result);
}

function custodyPanels([total]: Row[]) {
  return {
    held: num(total?.held),
    missing: num(total?.missing),
    hearingSoon: num(total?.hearing_soon),
    released: num(total?.released),
    withDays: num(total?.with_days),
    totalDays: num(total?.days),
    days: DAY_BUCKETS.map((upTo) => ({ upTo, count: num(total?.[`days_${upTo}`]) })).filter((b) => b.count > 0),
  };
}

/**
 * The view's filters as conditions over the detentions table itself (the case list's mapping,
 * lib/filters/sql.ts DETENTIONS_TABLE): live records in the scope, as disjoint parts (records placed
 * on a day in the period, records not placed on a day that belong to it), so that each part is a
 * plain range over `detentions_panel_idx`: an OR of both made PostgreSQL read every matched row from
 * the table (a bitmap heap scan, 142 ms of 290 for the default view at 1M). The record panels select
 * their detentions with them, by the table's own columns and indexes, without computing any rollup
 * dimension per record.
 */
function recordParts(actor: Actor, params: DashboardParams, scope: Scope, today: string): SQL[] {
  const live = [sql`detentions.deleted_at IS NULL`, ...dimensionConditions(actor, DETENTIONS_TABLE, params, today)];
  if (scope.all) return [and(live)];
  return [and([placedInPeriod(DETENTIONS_TABLE, scope), ...live]), and([undatedInPeriod(DETENTIONS_TABLE, scope), ...live])];
}

/** The parts as one condition. */
const anyOf = (parts: SQL[]) => (parts.length === 1 ? parts[0] : sql`(${sql.join(parts.map((part) => sql`(${part})`), sql` OR `)})`);

/**
 * The panels that count charges, penalties, custody and people, in ONE statement over the matched
 * detentions (computed once): the panels that cannot come from the rollup cost one scan, not four.
 * `parts` are disjoint conditions over the detentions table (unaliased), read one after another.
 * Without the charge and penalty panels only the columns `detentions_panel_idx` carries are read,
 * so each part can be an index-only scan.
 */
async function recordPanels(parts: SQL[], today: string, { charges = true, penalties = true, custody = true } = {}) {
  const none = sql`SELECT 1 WHERE false`;
  const custodyColumns = custody ? sql`, ${CUSTODY_COLUMNS}` : sql``;
  const columns =
    charges || penalties
      ? sql`detentions.id AS detention_id, detentions.person_id, detentions.plea, ${rulingYear(sql`detentions`)} AS ruling_year${custodyColumns}`
      : sql`detentions.person_id${custodyColumns}`;
  const matched = sql.join(
    parts.map((where) => sql`SELECT ${columns} FROM detentions WHERE ${where}`),
    sql` UNION ALL `,
  );
  const result = await db.execute(sql`
    WITH t AS MATERIALIZED (${matched}),
      c AS (${charges ? CHARGES_SQL : none}), pe AS (${penalties ? PENALTIES_SQL : none}), cu AS (${custody ? custodySql(today, CUSTODY_GROUPED_ROWS) : none}), ${REPEAT_SQL}
    SELECT (SELECT coalesce(jsonb_agg(c), '[]'::jsonb) FROM c) AS charges,
      (SELECT coalesce(jsonb_agg(pe), '[]'::jsonb) FROM pe) AS penalties,
      (SELECT coalesce(jsonb_agg(cu), '[]'::jsonb) FROM cu) AS custody,
      (SELECT coalesce(jsonb_agg(re), '[]'::jsonb) FROM re) AS repeat`);
  const [row] = rowsOf<Record<'charges' | 'penalties' | 'custody' | 'repeat', Row[] | string>>(result);
  const parse = (v: Row[] | string): Row[] => (typeof v === 'string' ? JSON.parse(v) : v);
  return { charges: parse(row.charges), penalties: parse(row.penalties), custody: parse(row.custody), repeat: parse(row.repeat) };
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

function groupBy<T, K>(items: T[], key: (item: T) => K): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}

/** Largest first; ties in a fixed order, so the same data always gives the same output. */
const desc = <T extends { count: number }>(rows: T[]) =>
  rows.sort((a, b) => b.count - a.count || JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Cities (records naming none are one bar of their own, never a guessed city) and regions. */
function placePanels(cells: Row[], placeRows: Awaited<ReturnType<typeof vocabulary>>['placeRows']) {
  const placeById = new Map(placeRows.map((p) => [p.id, p]));
  const placeCells = cells.map((r) => ({ placeId: r.place_id === null ? null : num(r.place_id), region: r.region as string | null, count: num(r.n) }));
  const byPlace = desc(
    placeCells
      .filter((c) => c.placeId !== null)
      .map((c) => {
        const place = placeById.get(c.placeId!)!;
        return { placeId: place.id, name: place.name, region: place.region, latitude: place.latitude, longitude: place.longitude, count: c.count };
      }),
  );
  // Regions: cities' counts plus records naming only the region; no region at all is its own bar.
  const byRegion = desc(
    [...groupBy(placeCells.filter((c) => c.region !== null), (c) => c.region!)].map(([region, list]) => ({
      region,
      count: list.reduce((a, c) => a + c.count, 0),
      regionOnly: list.filter((c) => c.placeId === null).reduce((a, c) => a + c.count, 0),
    })),
  );
  return {
    byPlace,
    placeNotStated: placeCells.filter((c) => c.placeId === null).reduce((a, c) => a + c.count, 0),
    byRegion,
    regionNotStated: placeCells.filter((c) => c.region === null).reduce((a, c) => a + c.count, 0),
  };
}

/**
 * Everything the dashboard shows, for what this actor may see. `today` (custody: who is held now,
 * hearings in the next 7 days) is the case list's, latestToday(); tests pin it.
 */
export async function getDashboardData(actor: Actor, params: DashboardParams, source: Source = 'rollup', today = latestToday()) {
  const allElections = await listElections(actor);
  const { lens, compare } = resolveLens(allElections, params);
  const scope = resolveScope(params, lens);
  const where = and([scopeFilter(scope), ...dimensionFilters(actor, params, today)]);
  const parts = recordParts(actor, params, scope, today);
  // Views the rollup cannot answer read the records, limited to the matched ones (the baseline reads them all).
  const records = needsRecords(params) && source === 'rollup';
  // Views filtered by period and visibility only read the day rollups (the default view among them).
  const dayRollups = source === 'rollup' && answeredByDayRollups(params);
  const from: From = needsRecords(params) ? { source: 'detentions', matched: records ? parts : undefined } : { source };
  const fromTimelines: From = needsRecords(params)
    ? { source: 'detentions', matched: records ? recordParts(actor, params, { from: null, to: null, undatedElectionId: null, all: true }, today) : undefined }
    : { source, byDay: dayRollups };
  // Charges and penalties come from their rollups whenever the detentions' do.
  const rolled = from.source === 'rollup';
  // When the scope is the lens's window on the detention axis (the default view), the lens's timeline
  // is the aggregates' detentions per day: taken from them instead of counted a second time.
  const lensIsScope = lens !== null && params.axis === 'detained' && scope.undatedElectionId === lens.id;
  const inWindow = windowCount(actor, params, scope, lens, dayRollups);
  const [{ placeRows, chargeRows }, rows, timeline, recordRows, chargeRowsRolled, penaltyRowsRolled, reported, custodyRows, repeatRows] = await Promise.all([
    vocabulary(),
    // Matched records already meet the view's filters: applied again over their rollup-shaped rows,
    // the custody filter alone read every record in custody (421,566 at 1M) a second time.
    dayRollups ? aggregateByDay(where) : aggregate(from.matched ? sql`true` : where, from),
    timelines(actor, params, lens && !lensIsScope ? [lens, ...compare] : compare, fromTimelines, today),
    // The default views need no record at all: every panel, repeat detainees included, has its rollup.
    inWindow ? null : recordPanels(parts, today, { charges: !rolled, penalties: !rolled, custody: !dayRollups }),
    rolled ? chargeRollup(where, dayRollups) : null,
    rolled ? penaltyRollup(where, dayRollups) : null,
    reportedTotals(actor, lens, params),
    dayRollups ? custodyByDay(where, today) : null,
    inWindow ? repeatInWindow(inWindow.electionId, inWindow.withRestricted) : null,
  ]);
  const repeat = repeatDetainees(repeatRows ?? recordRows?.repeat ?? []);
  const chargeData = chargePanels(chargeRowsRolled ?? recordRows?.charges ?? [], chargeRows);
  const penaltyData = penaltyPanels(penaltyRowsRolled ?? recordRows?.penalties ?? []);
  const custody = custodyPanels(custodyRows ?? recordRows?.custody ?? []);
  const pick = (...columns: string[]) => rows.filter((r) => num(r.grouping_set) === groupingSet(...columns));
  const total = pick()[0];
  const places = placePanels(pick('place_id', 'region'), placeRows);
  const byDay = pick('detained_on')
    .filter((r) => r.detained_on !== null)
    .map((r) => ({ date: String(r.detained_on), count: num(r.n) }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const perDay = new Map(byDay.map((d) => [d.date, d.count]));

  return {
    lens,
    compare,
    elections: allElections,
    scope,
    axis: params.axis,
    today,
    totals: {
      detentions: num(total?.n),
      arrestDays: num(total?.arrest_days_total),
      charges: chargeData.charges,
    },
    /** Detentions in the scope with no day on each axis: counted, shown beside the timelines. */
    uncertain: {
      detained: num(total?.uncertain_detained),
      sentenced: num(total?.uncertain_sentenced),
      known: num(total?.uncertain_known),
    },
    timeline: lensIsScope && lens ? [electionDays(lens, params, (_, date) => perDay.get(date) ?? 0), ...timeline] : timeline,
    byDay,
    ...places,
    byCharge: chargeData.byCharge,
    byArticle: chargeData.byArticle,
    byOutcome: chargeData.byOutcome,
    pleaOutcome: chargeData.pleaOutcome,
    byPenalty: penaltyData.byKind,
    money: penaltyData.money,
    custody,
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

/**
 * The dashboard's panels (same definitions) for exactly the detentions the case list shows for
 * `filters` (name search included), whatever their dates: the PDF report's figures.
 */
export async function getCaseSetPanels(actor: Actor, filters: Partial<CaseFilters>, today = latestToday()) {
  const where = sql`t.detention_id IN (SELECT ${detentions.id} FROM ${detentions} WHERE ${detentionConditions(actor, filters, today)})`;
  const { placeRows, chargeRows } = await vocabulary();
  const [rows, records] = await Promise.all([
    aggregate(where, { source: 'detentions' }),
    recordPanels([sql`detentions.deleted_at IS NULL AND ${detentionConditions(actor, filters, today)}`], today),
  ]);
  const chargeData = chargePanels(records.charges, chargeRows);
  const penaltyData = penaltyPanels(records.penalties);
  const custody = custodyPanels(records.custody);
  const total = rows.find((r) => num(r.grouping_set) === groupingSet());
  return {
    totals: { detentions: num(total?.n), arrestDays: num(total?.arrest_days_total), charges: chargeData.charges, uncertain: num(total?.uncertain_detained) },
    ...placePanels(rows.filter((r) => num(r.grouping_set) === groupingSet('place_id', 'region')), placeRows),
    byCharge: chargeData.byCharge,
    byOutcome: chargeData.byOutcome,
    byPenalty: penaltyData.byKind,
    money: penaltyData.money,
    custody,
  };
}

export type CaseSetPanels = Awaited<ReturnType<typeof getCaseSetPanels>>;

/**
 * THE mapping from the filters (lib/filters/definition.ts) to SQL, for any table that carries the
 * detention dimensions: the detentions themselves (case list, exports, report) and the dashboard's
 * rollup or its plain GROUP BY baseline (a table aliased `t`, lib/dashboard/stats.ts). Each filter
 * is decided here once; a table only says where its dimensions live. So a dashboard panel counts
 * exactly the detentions its link opens in the case list.
 */
import { and, eq, exists, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { detentionCharges, detentions, elections, people, personNames, places } from '@/db/schema';
import { can, seesRestricted, type Actor } from '@/lib/auth/policy';
import { latestToday } from '@/lib/dates/partial-date';
import { foldName } from '@/lib/names/fold';
import { visibleDetention } from './visibility';
import { DEFAULT_WINDOW, type CaseFilters, type CustodyFilter } from './definition';

/** The filters both the case list and the dashboard apply (the dashboard's view adds its lens). */
export type DimensionFilters = Pick<
  CaseFilters,
  'city' | 'region' | 'place' | 'dated' | 'charge' | 'outcome' | 'penalty' | 'plea' | 'election' | 'custody' | 'role' | 'review' | 'confidentiality'
>;

/**
 * A period by detention date: placed on a day inside it, or not placed on a day with the whole
 * interval of possible days inside it ("2021" is in 2021); either end open (null). With an
 * election, its records of uncertain date count too (the dashboard's election window).
 */
export type Period = { from: SQL | string | null; to: SQL | string | null; undatedElectionId: SQL | number | null };

/** Where a table keeps the dimensions, and how it answers the filters that read other tables. */
export type DimensionTable = {
  placeId: SQL;
  detainedOn: SQL;
  detainedEarliest: SQL;
  detainedLatest: SQL;
  electionId: SQL;
  plea: SQL;
  reviewStatus: SQL;
  confidentiality: SQL;
  region: (region: string) => SQL;
  role: (role: NonNullable<CaseFilters['role']>) => SQL;
  /** Any charge under `charge` (with outcome `outcome` when both are given: one charge, both true). */
  charges: (charge: number | undefined, outcome: CaseFilters['outcome']) => SQL;
  penalty: (kind: NonNullable<CaseFilters['penalty']>) => SQL;
  custody: (filter: CustodyFilter, today: string) => SQL;
};

const col = (c: { name: string }) => sql`${sql.identifier('detentions')}.${sql.identifier(c.name)}`;

/** The detentions table itself (drizzle's `detentions`, unaliased). */
export const DETENTIONS_TABLE: DimensionTable = {
  placeId: col(detentions.placeId),
  detainedOn: col(detentions.detainedOn),
  detainedEarliest: col(detentions.detainedEarliest),
  detainedLatest: col(detentions.detainedLatest),
  electionId: col(detentions.electionId),
  plea: col(detentions.plea),
  reviewStatus: col(detentions.reviewStatus),
  confidentiality: col(detentions.confidentiality),
  // The rollups' rule, and the region the case list shows: a city's region decides; the region the
  // source names counts only for a record naming no city. The case form refuses a region beside a
  // city (errors.regionOnlyForRegion), so the two rules differ only for data written some other way.
  region: (region) => or(inArray(detentions.placeId, regionPlaces(region)), and(isNull(detentions.placeId), eq(detentions.region, region)))!,
  role: (role) => inArray(detentions.personId, sql`(SELECT ${people.id} FROM ${people} WHERE ${people.role} = ${role})`),
  // "Any charge under X" and "any charge with outcome Y" read the record's arrays (kept by
  // lib/dashboard/stats.ts refreshDetailArrays); only "one charge with both" needs the charges.
  charges: (charge, outcome) =>
    charge && outcome
      ? exists(
          sql`(SELECT 1 FROM ${detentionCharges} WHERE ${and(
            eq(detentionCharges.detentionId, detentions.id),
            eq(detentionCharges.chargeId, charge),
            eq(detentionCharges.outcome, outcome),
          )})`,
        )
      : charge
        ? sql`${charge}::int = ANY(${col(detentions.chargeIds)})`
        : sql`${outcome}::charge_outcome = ANY(${col(detentions.outcomes)})`,
  penalty: (kind) => sql`${kind}::penalty_kind = ANY(${col(detentions.penaltyKinds)})`,
  custody: (filter, today) => custodyCondition(filter, today),
};

/**
 * A table aliased `t` shaped like the dashboard rollup (detention_stats, or DETENTION_ROWS): the
 * region already resolved, the person's role, and each detention's charges, outcomes and penalty
 * kinds as arrays, and custody as two columns. "A charge under X with outcome Y", custody missing
 * and a hearing soon need the records: they read them by `t.detention_id` (only DETENTION_ROWS has
 * it; lib/dashboard/queries.ts needsRecords).
 */
export const ROLLUP_TABLE: DimensionTable = {
  placeId: sql`t.place_id`,
  detainedOn: sql`t.detained_on`,
  detainedEarliest: sql`t.detained_earliest`,
  detainedLatest: sql`t.detained_latest`,
  electionId: sql`t.election_id`,
  plea: sql`t.plea`,
  reviewStatus: sql`t.review_status`,
  confidentiality: sql`t.confidentiality`,
  region: (region) => sql`t.region = ${region}`,
  role: (role) => sql`t.person_role = ${role}`,
  charges: (charge, outcome) =>
    charge && outcome
      ? sql`EXISTS (SELECT 1 FROM detention_charges dc WHERE dc.detention_id = t.detention_id AND dc.charge_id = ${charge} AND dc.outcome = ${outcome})`
      : charge
        ? sql`${charge}::int = ANY(t.charge_ids)`
        : sql`${outcome}::charge_outcome = ANY(t.outcomes)`,
  penalty: (kind) => sql`${kind}::penalty_kind = ANY(t.penalty_kinds)`,
  // Held and released compare the day custody ends with today (custodyCondition's rule, over the
  // rollups' custody columns: lib/dashboard/stats.ts CUSTODY_ENDS_ON). Missing and a hearing soon
  // read other dates of the record: they need the records (by t.detention_id).
  custody: (filter, today) => {
    if (filter === 'held') return sql`(t.custody_open AND t.custody_ends_on > ${today}::date)`;
    if (filter === 'released') return sql`t.custody_ends_on <= ${today}::date`;
    return sql`t.detention_id IN (SELECT detentions.id FROM detentions WHERE ${custodyCondition(filter, today)})`;
  },
};

/** The custody filters the rollups answer (ROLLUP_TABLE.custody); the others read the records. */
export const custodyInRollups = (filter: CustodyFilter) => filter === 'held' || filter === 'released';

/** The places of a region (the city's region decides where the record names a city). */
export function regionPlaces(region: string): SQL {
  return sql`(SELECT ${places.id} FROM ${places} WHERE ${places.region} = ${region})`;
}

/** The filters as conditions over `table`, within what the actor may see of confidentiality. */
export function dimensionConditions(actor: Actor, table: DimensionTable, filters: Partial<DimensionFilters>, today: string): SQL[] {
  const where: SQL[] = [];
  if (!seesRestricted(actor)) where.push(sql`${table.confidentiality} = 'shareable'`);
  else if (filters.confidentiality) where.push(sql`${table.confidentiality} = ${filters.confidentiality}`);
  if (filters.city) where.push(sql`${table.placeId} = ${filters.city}`);
  if (filters.place === 'not_stated') where.push(sql`${table.placeId} IS NULL`);
  if (filters.region) where.push(table.region(filters.region));
  if (filters.dated === 'uncertain') where.push(sql`${table.detainedOn} IS NULL`);
  if (filters.charge || filters.outcome) where.push(table.charges(filters.charge, filters.outcome));
  if (filters.penalty) where.push(table.penalty(filters.penalty));
  if (filters.plea) where.push(sql`${table.plea} = ${filters.plea}`);
  if (filters.election) where.push(sql`${table.electionId} = ${filters.election}`);
  if (filters.review) where.push(sql`${table.reviewStatus} = ${filters.review}`);
  if (filters.role) where.push(table.role(filters.role));
  if (filters.custody) where.push(table.custody(filters.custody, today));
  return where;
}

/** The period of a case-list URL: its date range, else its election window (lens), else none. */
export function periodOfFilters(filters: Pick<Partial<CaseFilters>, 'from' | 'to' | 'lens' | 'before' | 'after'>): Period | null {
  if (filters.from || filters.to) return { from: filters.from ?? null, to: filters.to ?? null, undatedElectionId: null };
  if (!filters.lens) return null;
  const day = sql`(SELECT ${elections.heldOn} FROM ${elections} WHERE ${elections.id} = ${filters.lens})`;
  return {
    from: sql`${day} - ${filters.before ?? DEFAULT_WINDOW.before}::int`,
    to: sql`${day} + ${filters.after ?? DEFAULT_WINDOW.after}::int`,
    undatedElectionId: filters.lens,
  };
}


const value = (v: SQL | string | number) => (typeof v === 'object' ? v : sql`${v}`);

/** The period's records placed on a day (detained_on set): their day is in the period. */
export function placedInPeriod(table: DimensionTable, { from, to }: Period): SQL {
  return sql`(${from !== null ? sql`${table.detainedOn} >= ${value(from)}` : sql`${table.detainedOn} IS NOT NULL`} AND ${
    to !== null ? sql`${table.detainedOn} <= ${value(to)}` : sql`true`
  })`;
}

/**
 * The period's records not placed on a day (detained_on unset): their interval lies in the period,
 * or, in an election's window, they are tied to that election.
 */
export function undatedInPeriod(table: DimensionTable, period: Period): SQL {
  const { from, to } = period;
  const within = sql`${from !== null ? sql`${table.detainedEarliest} >= ${value(from)}` : sql`${table.detainedEarliest} IS NOT NULL`}
    AND ${to !== null ? sql`${table.detainedLatest} <= ${value(to)}` : sql`${table.detainedLatest} IS NOT NULL`}`;
  if (period.undatedElectionId === null) return sql`(${table.detainedOn} IS NULL AND ${within})`;
  return sql`(${table.detainedOn} IS NULL AND ((${within}) OR ${table.electionId} = ${value(period.undatedElectionId)}))`;
}

/** The period as a condition over `table` (see Period): placed in it, or undated and within it. */
export function periodCondition(table: DimensionTable, period: Period): SQL {
  return sql`(${placedInPeriod(table, period)} OR ${undatedInPeriod(table, period)})`;
}

/** The custody filters over the derived columns, as of `today` (see lib/custody/timeline.ts custodyNow). */
export function custodyCondition(filter: CustodyFilter, today: string): SQL {
  const expectedPassed = sql`(${detentions.expectedReleaseOn} IS NOT NULL AND ${detentions.expectedReleaseOn} <= ${today})`;
  switch (filter) {
    case 'held':
      return sql`(${detentions.custodyStatus} IN ('in_custody', 'whereabouts_unknown') AND NOT ${expectedPassed})`;
    case 'missing':
      return sql`(${detentions.custodyStatus} = 'whereabouts_unknown' AND NOT ${expectedPassed}
        AND ${detentions.whereaboutsUnknownSince} <= ${today}::date - 1)`;
    case 'hearing_soon':
      return sql`(${detentions.nextHearingOn} BETWEEN ${today}::date AND ${today}::date + 7)`;
    case 'released':
      return sql`(${detentions.custodyStatus} = 'released' OR ${expectedPassed})`;
  }
}

/**
 * The case list's WHERE clause (also the exports' and the report's): the filters over the
 * detentions, the name search, and deleted records for those who may restore them, always within
 * what the actor may see.
 */
export function detentionConditions(actor: Actor, filters: Partial<CaseFilters>, today = latestToday()): SQL {
  const showDeleted = filters.deleted === '1' && can(actor.role, 'restore');
  const conditions: SQL[] = [
    showDeleted ? and(isNotNull(detentions.deletedAt), visibleDetention(actor, { includeDeleted: true }))! : visibleDetention(actor),
    ...dimensionConditions(actor, DETENTIONS_TABLE, filters, today),
  ];
  const period = periodOfFilters(filters);
  if (period) conditions.push(periodCondition(DETENTIONS_TABLE, period));
  if (filters.q) {
    const key = foldName(filters.q).replace(/[%_\\]/g, '');
    if (key) {
      conditions.push(
        inArray(detentions.personId, sql`(SELECT ${personNames.personId} FROM ${personNames} WHERE ${personNames.searchKey} LIKE ${`%${key}%`})`),
      );
    }
  }
  return and(...conditions)!;
}

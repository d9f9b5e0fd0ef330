/**
 * The case tracker's data model.
 *
 * Informed by HURIDOCS' Events Standard Formats (a person, an act, its sources), ACLED's codebook
 * (dates with precision, a gazetteer instead of free-text places) and what Uwazi's users missed
 * (record history, links from every record to its sources).
 *
 * Dates of events are `date` columns read as 'YYYY-MM-DD' strings with a separate precision:
 * a detention "in January 2021" is stored as 2021-01-01 with precision 'month', never as a
 * timestamp that a time zone could move to 31 December.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  type AnyPgColumn,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  smallint,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['admin', 'monitor', 'researcher']);
export const personRole = pgEnum('person_role', [
  'activist',
  'election_observer',
  'journalist',
  'party_member',
  'other',
]);
export const nameScript = pgEnum('name_script', ['latin', 'cyrillic']);
export const datePrecision = pgEnum('date_precision', ['day', 'month', 'year', 'unknown']);
export const electionKind = pgEnum('election_kind', [
  'parliamentary',
  'presidential',
  'referendum',
  'local',
  'other',
]);
export const legalCode = pgEnum('legal_code', ['administrative', 'criminal']);
export const sentenceKind = pgEnum('sentence_kind', [
  'administrative_arrest',
  'fine',
  'restricted_freedom',
  'imprisonment',
  'suspended',
  'warning',
  'acquitted',
  'pending',
  'unknown',
]);
export const sentenceUnit = pgEnum('sentence_unit', ['days', 'months', 'years', 'tenge']);
/**
 * How a date interval relates to what the source says: "on 6 January" (exact), "became known on
 * 18 March" (on or before), "since May" (on or after), "between…and…", "about six months ago".
 */
export const dateQualifier = pgEnum('date_qualifier', ['exact', 'on_or_before', 'on_or_after', 'between', 'approximately', 'unknown']);
/** How precisely the source locates a detention. 'not_stated': the source does not say where. */
export const placePrecision = pgEnum('place_precision', ['address', 'city', 'region', 'country', 'not_stated']);
/** Whether a charge's legal basis (article and part) is in the source or was inferred by the monitor. */
export const basisOrigin = pgEnum('basis_origin', ['stated', 'inferred']);
export const chargeOutcome = pgEnum('charge_outcome', ['pending', 'dropped', 'convicted', 'acquitted', 'on_appeal', 'unknown']);
export const penaltyKind = pgEnum('penalty_kind', [
  'administrative_arrest',
  'fine',
  'restricted_freedom',
  'imprisonment',
  'probation',
  'activity_ban',
  'community_work',
  'warning',
]);
/** A penalty's unit: a term (hours of community work, days, months, years) or money (a currency, or MCI). */
export const penaltyUnit = pgEnum('penalty_unit', ['hours', 'days', 'months', 'years', 'KZT', 'USD', 'EUR', 'RUB', 'MCI']);
export const custodyEventKind = pgEnum('custody_event_kind', [
  'detained',
  'whereabouts_unknown',
  'location_confirmed',
  'charged',
  'hearing_scheduled',
  'hearing_held',
  'sentenced',
  'appeal_filed',
  'appeal_decided',
  'released',
  'transferred',
]);
/** Where a person stands, derived from the custody timeline (lib/custody/timeline.ts). */
export const custodyStatus = pgEnum('custody_status', ['in_custody', 'whereabouts_unknown', 'released', 'not_detained', 'unknown']);
export const plea = pgEnum('plea', ['guilty', 'not_guilty', 'no_plea', 'unknown']);
export const detentionStatus = pgEnum('detention_status', [
  'detained',
  'charged',
  'awaiting_trial',
  'sentenced',
  'released',
  'unknown',
]);
export const confidentiality = pgEnum('confidentiality', ['shareable', 'restricted']);
export const reviewStatus = pgEnum('review_status', ['draft', 'verified']);
export const recordKind = pgEnum('record_kind', ['detention', 'person', 'source']);
export const revisionAction = pgEnum('revision_action', ['create', 'update', 'delete', 'restore']);
/** A monitor's answer to "are these two people the same?" (lib/people/decisions.ts). */
export const personVerdict = pgEnum('person_verdict', ['same', 'different', 'unsure']);
/** The interface languages; the English catalogue is the reference (lib/i18n). */
export const uiLocale = pgEnum('ui_locale', ['en', 'kk', 'ru']);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Columns of every record that keeps a history: optimistic version and soft delete. */
const versioned = {
  version: integer('version').notNull().default(1),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
};

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: userRole('role').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  /** Bumped by every change of role or status: an admin's form made before another admin's change is refused. */
  version: integer('version').notNull().default(1),
  /** The interface language the user chose; null: follow the browser's Accept-Language. */
  locale: uiLocale('locale'),
  /** The authenticator app's TOTP secret, sealed with AES-256-GCM under a key derived from AUTH_SECRET (lib/two-factor/secret-box.ts). */
  totpSecret: text('totp_secret'),
  /** Set once the user has confirmed a first code; null while two-factor sign-in is off. */
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last TOTP time step accepted, so a code can't be replayed within its window. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  ...timestamps,
}, (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)]);

export const places = pgTable('places', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  region: text('region').notNull(),
  kind: text('kind').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  note: text('note'),
}, (t) => [uniqueIndex('places_name_key').on(t.name), index('places_region_idx').on(t.region)]);

/** Every other spelling of a place (Nur-Sultan, Нұр-Сұлтан, Aqtobe…), for matching imports and search. */
export const placeNames = pgTable('place_names', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  placeId: integer('place_id').notNull().references(() => places.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  script: nameScript('script').notNull(),
  searchKey: text('search_key').notNull(),
}, (t) => [
  index('place_names_place_idx').on(t.placeId),
  index('place_names_search_key_idx').on(t.searchKey),
]);

export const elections = pgTable('elections', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  kind: electionKind('kind').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  /** The name in Kazakh and Russian; null falls back to `name`. */
  nameKk: text('name_kk'),
  nameRu: text('name_ru'),
}, (t) => [uniqueIndex('elections_name_key').on(t.name)]);

/** The controlled vocabulary of charges, each tied to its legal basis. */
export const charges = pgTable('charges', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  code: legalCode('code').notNull(),
  /** The article number ("488"); a detention's charge adds the part. */
  article: text('article').notNull(),
  /** e.g. "CoAO art. 488" */
  legalBasis: text('legal_basis').notNull(),
  /** The name in Kazakh and Russian; null falls back to `name` (entries admins added without them). */
  nameKk: text('name_kk'),
  nameRu: text('name_ru'),
  /** Set for entries admins added; null for the seeded vocabulary. */
  createdById: integer('created_by_id').references(() => users.id),
}, (t) => [
  uniqueIndex('charges_slug_key').on(t.slug),
  uniqueIndex('charges_code_article_key').on(t.code, t.article),
  index('charges_created_by_idx').on(t.createdById),
]);

export const people = pgTable('people', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  displayName: text('display_name').notNull(),
  role: personRole('role').notNull().default('activist'),
  affiliation: text('affiliation'),
  /** Restricted: never shown to researchers, never exported to them. */
  notes: text('notes'),
  createdById: integer('created_by_id').references(() => users.id),
  /**
   * Set while a "same person" decision has merged this person into another (person_decisions): the
   * person is hidden from lists and search, and withdrawing the decision clears it again.
   */
  mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => people.id),
  ...versioned,
  ...timestamps,
}, (t) => [index('people_created_by_idx').on(t.createdById), index('people_merged_into_idx').on(t.mergedIntoId)]);

/** Name variants of a person, in both scripts. The display name is always one of them. */
export const personNames = pgTable('person_names', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  script: nameScript('script').notNull(),
  /** Folded form (see lib/names/fold.ts) so Serikbayev, Serikbaev and Серікбаев meet. */
  searchKey: text('search_key').notNull(),
  /**
   * The matcher's comparable keys of this name (lib/names/match.ts), space-separated, for finding
   * candidates in SQL before ranking them; null until computed (written on save, backfilled at start).
   */
  matchKey: text('match_key'),
}, (t) => [
  index('person_names_person_idx').on(t.personId),
  index('person_names_search_key_trgm_idx').using('gin', t.searchKey.op('gin_trgm_ops')),
  index('person_names_match_key_trgm_idx').using('gin', t.matchKey.op('gin_trgm_ops')),
]);

/**
 * Decisions about whether two people are one (the nomenklatura way: a judgement, not a rewrite).
 * The pair is stored in id order (person_id < other_person_id). "same" with `merge` set means the
 * other person was merged into `survivor_id`; `merge` holds what the merge moved, so withdrawing
 * the decision restores both people exactly. "different" stops the pair being suggested again.
 * A withdrawn decision stays as history; at most one decision per pair is in force.
 */
export const personDecisions = pgTable('person_decisions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  personId: integer('person_id').notNull().references(() => people.id),
  otherPersonId: integer('other_person_id').notNull().references(() => people.id),
  verdict: personVerdict('verdict').notNull(),
  /** Where it was decided: 'case_form', 'person_page', 'import', 'review'. */
  context: text('context').notNull(),
  reason: text('reason'),
  /** The person kept when the decision merged the pair; null when nothing was merged. */
  survivorId: integer('survivor_id').references(() => people.id),
  /** What the merge changed, for an exact undo (shape in lib/people/decisions.ts). */
  merge: jsonb('merge'),
  decidedById: integer('decided_by_id').notNull().references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  withdrawnById: integer('withdrawn_by_id').references(() => users.id),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
}, (t) => [
  check('person_decisions_pair_order', sql`${t.personId} < ${t.otherPersonId}`),
  uniqueIndex('person_decisions_pair_in_force_key').on(t.personId, t.otherPersonId).where(sql`${t.withdrawnAt} IS NULL`),
  index('person_decisions_other_idx').on(t.otherPersonId),
]);

/**
 * Administrative divisions (17 regions and 3 cities of republican significance since 2022), keyed by
 * the English name that places.region and detentions.region store, with their Kazakh and Russian names.
 */
export const regions = pgTable('regions', {
  name: text('name').primaryKey(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  /** 'region' or 'city' (of republican significance). */
  kind: text('kind').notNull(),
});

export const sources = pgTable('sources', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  url: text('url').notNull(),
  title: text('title').notNull(),
  publisher: text('publisher'),
  publishedOn: date('published_on', { mode: 'string' }),
  publishedPrecision: datePrecision('published_precision').notNull().default('unknown'),
  language: text('language'),
  accessedOn: date('accessed_on', { mode: 'string' }),
  createdById: integer('created_by_id').references(() => users.id),
  ...versioned,
  ...timestamps,
}, (t) => [
  uniqueIndex('sources_url_key').on(t.url),
  index('sources_created_by_idx').on(t.createdById),
  index('sources_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
  check('sources_url_scheme', sql`${t.url} ~* '^https?://'`),
]);

/**
 * Dates of a detention are intervals of possible days (lib/dates/interval.ts): `*_earliest` and
 * `*_latest` (null = open), a qualifier and the words as reported. `detained_on` and
 * `detained_precision` are derived from the interval on every save: the day the record is placed on
 * timelines and in period filters when the interval is at most a month long, else null ("date
 * uncertain", counted in its own bucket). The same holds for the sentence date.
 */
export const detentions = pgTable('detentions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  personId: integer('person_id').notNull().references(() => people.id),
  /** Null when the source names no city (only a region, only the country, or nothing). */
  placeId: integer('place_id').references(() => places.id),
  /** The oblast when the source names only the region (a place's region otherwise comes from places). */
  region: text('region'),
  placePrecision: placePrecision('place_precision').notNull().default('city'),
  placeDetail: text('place_detail'),
  detainedEarliest: date('detained_earliest', { mode: 'string' }),
  detainedLatest: date('detained_latest', { mode: 'string' }),
  detainedQualifier: dateQualifier('detained_qualifier').notNull().default('unknown'),
  detainedAsReported: text('detained_as_reported'),
  detainedOn: date('detained_on', { mode: 'string' }),
  detainedPrecision: datePrecision('detained_precision').notNull(),
  court: text('court'),
  sentencedEarliest: date('sentenced_earliest', { mode: 'string' }),
  sentencedLatest: date('sentenced_latest', { mode: 'string' }),
  sentencedQualifier: dateQualifier('sentenced_qualifier').notNull().default('unknown'),
  sentencedAsReported: text('sentenced_as_reported'),
  sentencedOn: date('sentenced_on', { mode: 'string' }),
  sentencedPrecision: datePrecision('sentenced_precision').notNull().default('unknown'),
  plea: plea('plea').notNull().default('unknown'),
  /** Derived from the custody timeline on every save (lib/custody/timeline.ts). */
  custodyStatus: custodyStatus('custody_status').notNull().default('unknown'),
  /** First day in custody and the day of release (derived); days in custody run while held. */
  custodyFrom: date('custody_from', { mode: 'string' }),
  releasedOn: date('released_on', { mode: 'string' }),
  custodyDays: integer('custody_days'),
  /** Since when nobody knows where the person is held (derived; null when known). */
  whereaboutsUnknownSince: date('whereabouts_unknown_since', { mode: 'string' }),
  nextHearingOn: date('next_hearing_on', { mode: 'string' }),
  expectedReleaseOn: date('expected_release_on', { mode: 'string' }),
  electionId: integer('election_id').references(() => elections.id),
  /**
   * The detention's charges, outcomes and penalty kinds as sorted arrays (the rollups' dimensions),
   * and its days of arrest, derived from detention_charges and penalties by the rollup machinery in the same transaction as
   * every change (lib/dashboard/stats.ts refreshDetailArrays). The filters read these instead of
   * joining the child tables: the dashboard's record panels with a penalty filter hashed every
   * charge and penalty (0.9 s at 1M).
   */
  chargeIds: integer('charge_ids').array().notNull().default(sql`'{}'`),
  outcomes: chargeOutcome('outcomes').array().notNull().default(sql`'{}'`),
  penaltyKinds: penaltyKind('penalty_kinds').array().notNull().default(sql`'{}'`),
  /** Days of administrative arrest in force, summed over its charges (null: none); derived with the arrays. */
  arrestDays: bigint('arrest_days', { mode: 'number' }),
  /** Internal notes: monitors and admins only, never exported to researchers. */
  notes: text('notes'),
  /** Public notes: shown to researchers and exported. */
  publicNotes: text('public_notes'),
  confidentiality: confidentiality('confidentiality').notNull().default('shareable'),
  reviewStatus: reviewStatus('review_status').notNull().default('draft'),
  createdById: integer('created_by_id').references(() => users.id),
  updatedById: integer('updated_by_id').references(() => users.id),
  ...versioned,
  ...timestamps,
}, (t) => [
  index('detentions_person_idx').on(t.personId),
  // A city's records in the case list's order: a city filter walks only that city's entries, in
  // order, instead of the whole list-order index (a city + date range view at 1M: 747 → 85 ms).
  // Also serves every lookup by place_id, so it replaces the plain place index.
  index('detentions_place_list_order_idx').on(t.placeId, t.detainedOn.desc().nullsLast(), t.id.desc()),
  index('detentions_election_idx').on(t.electionId),
  // The dashboard picks its default election by counting each one's live detentions (up to 1,000):
  // off this index alone, without reading each row for deleted_at (PGlite at 100k: 4.1 → 0.9 ms a view).
  // Confidentiality too: a reader who may not see restricted records has them left out of the count.
  index('detentions_live_election_idx').on(t.electionId, t.confidentiality).where(sql`${t.deletedAt} IS NULL`),
  index('detentions_created_by_idx').on(t.createdById),
  index('detentions_updated_by_idx').on(t.updatedById),
  index('detentions_next_hearing_idx').on(t.nextHearingOn),
  // The case list's order (newest first, unknown dates last): read straight off the index.
  index('detentions_list_order_idx').on(t.detainedOn.desc().nullsLast(), t.id.desc()),
  // The dashboard's record panels (custody, repeat detainees) read the live records of a period
  // from this index alone (an index-only scan): day first for the range, then every column those
  // panels and the dashboard's filters read. Without it the default view at 1M read its 132k rows
  // from all over the table (142 ms of a 290 ms statement; docs/PERFORMANCE.md).
  index('detentions_panel_idx')
    .on(
      t.detainedOn, t.confidentiality, t.id, t.personId, t.placeId, t.region, t.electionId, t.detainedEarliest, t.detainedLatest,
      t.plea, t.reviewStatus, t.custodyStatus, t.custodyDays, t.custodyFrom, t.expectedReleaseOn, t.whereaboutsUnknownSince, t.nextHearingOn,
      t.chargeIds, t.outcomes, t.penaltyKinds,
    )
    .where(sql`${t.deletedAt} IS NULL`),
  // The people detained in a period by those who may not see restricted records (repeat detainees
  // of a view without filters, whose other panels read the day rollups): a sixth of the panel
  // index's pages for the default view at 1M.
  index('detentions_person_day_idx').on(t.confidentiality, t.detainedOn, t.personId).where(sql`${t.deletedAt} IS NULL`),
  check('detentions_detained_interval', sql`${t.detainedEarliest} IS NULL OR ${t.detainedLatest} IS NULL OR ${t.detainedEarliest} <= ${t.detainedLatest}`),
  check('detentions_sentenced_interval', sql`${t.sentencedEarliest} IS NULL OR ${t.sentencedLatest} IS NULL OR ${t.sentencedEarliest} <= ${t.sentencedLatest}`),
  check('detentions_placement_matches_precision', sql`(${t.detainedOn} IS NULL) = (${t.detainedPrecision} IN ('year', 'unknown'))`),
  check('detentions_place_stated', sql`(${t.placeId} IS NULL) = (${t.placePrecision} IN ('region', 'country', 'not_stated'))`),
]);

/**
 * A charge brought against a detained person. One detention may carry several (CoAO 488 and 489),
 * each with its own outcome. The vocabulary entry and part are the legal basis; `basis_origin`
 * says whether the source states it or the monitor inferred it from the charge text.
 */
export const detentionCharges = pgTable('detention_charges', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  detentionId: integer('detention_id').notNull().references(() => detentions.id, { onDelete: 'cascade' }),
  position: smallint('position').notNull(),
  chargeId: integer('charge_id').references(() => charges.id),
  /** The article's part as cited ("3" for CoAO 488(3)); null when not given. */
  part: text('part'),
  /** The charge exactly as the source words it. */
  chargeText: text('charge_text'),
  basisOrigin: basisOrigin('basis_origin'),
  outcome: chargeOutcome('outcome').notNull().default('unknown'),
  outcomeEarliest: date('outcome_earliest', { mode: 'string' }),
  outcomeLatest: date('outcome_latest', { mode: 'string' }),
  outcomeQualifier: dateQualifier('outcome_qualifier').notNull().default('unknown'),
  outcomeAsReported: text('outcome_as_reported'),
}, (t) => [
  uniqueIndex('detention_charges_position_key').on(t.detentionId, t.position),
  index('detention_charges_charge_idx').on(t.chargeId),
  check('detention_charges_basis', sql`(${t.chargeId} IS NULL) = (${t.basisOrigin} IS NULL)`),
]);

/** A penalty imposed on one charge: "7 days of arrest", "a fine of 30 MCI", "banned for 3 years". */
export const penalties = pgTable('penalties', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  detentionChargeId: integer('detention_charge_id').notNull().references(() => detentionCharges.id, { onDelete: 'cascade' }),
  position: smallint('position').notNull(),
  kind: penaltyKind('kind').notNull(),
  /** A term or a sum: numeric so "$135.50" and "0.5 years" keep their value. */
  amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
  unit: penaltyUnit('unit'),
  /** The words as reported ("about $135", "seven days"). */
  asReported: text('as_reported'),
  /** Set when an appeal replaced this penalty by another on the same charge (by position). */
  replacedByPosition: smallint('replaced_by_position'),
}, (t) => [
  uniqueIndex('penalties_position_key').on(t.detentionChargeId, t.position),
  check('penalties_amount_unit', sql`(${t.amount} IS NULL OR ${t.amount} > 0) AND (${t.amount} IS NULL OR ${t.unit} IS NOT NULL)`),
]);

/** What happened over time: dated events of one detention, each with its place and source. */
export const custodyEvents = pgTable('custody_events', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  detentionId: integer('detention_id').notNull().references(() => detentions.id, { onDelete: 'cascade' }),
  position: smallint('position').notNull(),
  kind: custodyEventKind('kind').notNull(),
  earliest: date('earliest', { mode: 'string' }),
  latest: date('latest', { mode: 'string' }),
  qualifier: dateQualifier('qualifier').notNull().default('unknown'),
  asReported: text('as_reported'),
  placeId: integer('place_id').references(() => places.id),
  /** A named place of detention, court or colony. */
  placeDetail: text('place_detail'),
  note: text('note'),
  /** The source that reports this event (one of the detention's sources). */
  sourceId: integer('source_id').references(() => sources.id),
}, (t) => [
  uniqueIndex('custody_events_position_key').on(t.detentionId, t.position),
  index('custody_events_kind_day_idx').on(t.kind, t.earliest),
  index('custody_events_place_idx').on(t.placeId),
  index('custody_events_source_idx').on(t.sourceId),
  check('custody_events_interval', sql`${t.earliest} IS NULL OR ${t.latest} IS NULL OR ${t.earliest} <= ${t.latest}`),
]);

/** The monthly calculation index (MCI, МРП): 1 MCI in tenge for each year, set by the budget law. */
export const mciValues = pgTable('mci_values', {
  year: smallint('year').primaryKey(),
  tenge: integer('tenge').notNull(),
});

/**
 * A monitor's secret calendar feed (.ics) of upcoming hearings and expected releases. Only a
 * SHA-256 of the secret is kept; revoking deletes the row, so the old URL stops working at once.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('calendar_feeds_token_hash_key').on(t.tokenHash),
  uniqueIndex('calendar_feeds_user_key').on(t.userId),
]);

/** A source supporting a detention: one article can support many detentions. */
export const citations = pgTable('citations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  detentionId: integer('detention_id').notNull().references(() => detentions.id, { onDelete: 'cascade' }),
  sourceId: integer('source_id').notNull().references(() => sources.id),
  /** A quote or a locator (paragraph, page, timestamp). */
  locator: text('locator'),
  /** Which facts of the detention this source supports; empty means not stated. */
  supports: text('supports').array().notNull().default(sql`'{}'::text[]`),
}, (t) => [
  uniqueIndex('citations_detention_source_key').on(t.detentionId, t.sourceId),
  index('citations_source_idx').on(t.sourceId),
]);

/** One row per create, update, delete or restore, written in the same transaction as the change. */
export const revisions = pgTable('revisions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  recordKind: recordKind('record_kind').notNull(),
  recordId: integer('record_id').notNull(),
  action: revisionAction('action').notNull(),
  version: integer('version').notNull(),
  userId: integer('user_id').references(() => users.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  /** For updates: { field: [before, after] }; for creates: the new values. */
  changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
  reason: text('reason'),
}, (t) => [
  index('revisions_record_idx').on(t.recordKind, t.recordId),
  index('revisions_user_idx').on(t.userId),
]);

/**
 * Custody as the dashboard's custody filters read it from a rollup (lib/filters/sql.ts
 * ROLLUP_TABLE.custody; computed in lib/dashboard/stats.ts CUSTODY_ENDS_ON): whether the record
 * says the person is held (in custody, or whereabouts unknown), and the day that custody ends as the
 * record has it: the expected release ('infinity' when none is expected) for those held,
 * '-infinity' for the released, the expected release (if any) otherwise. "Held today" is then open
 * and ending after today, "released" ending by today: dates rather than a status as of one day, so
 * the rows stay right as the days pass.
 */
const rollupCustodyColumns = () => ({
  custodyOpen: boolean('custody_open').notNull(),
  custodyEndsOn: date('custody_ends_on', { mode: 'string' }),
});

/**
 * The dashboard's rollup: detentions counted by every dimension the dashboard filters or charts
 * by, kept current in the same transaction as each change (lib/dashboard/stats.ts). Dashboards
 * read this instead of scanning every detention. Deleted detentions are not counted.
 * Per-charge and per-penalty panels (charges by article and part, outcomes, penalties, money) read
 * the narrower charge_stats and penalty_stats below; the custody panel, whose meaning changes with
 * today's date, and repeat detainees (per person) read the records themselves.
 */
export const detentionStats = pgTable('detention_stats', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  /** The day the detention is placed on (null: "date uncertain"). */
  detainedOn: date('detained_on', { mode: 'string' }),
  /** The detention interval's bounds, kept only when it is not placed on a day (period filters). */
  detainedEarliest: date('detained_earliest', { mode: 'string' }),
  detainedLatest: date('detained_latest', { mode: 'string' }),
  /** The day the sentence is placed on (the sentence-date and "any known date" axes). */
  sentencedOn: date('sentenced_on', { mode: 'string' }),
  /** Null: no city stated (region only, country, or nothing). */
  placeId: integer('place_id'),
  /** The city's region, or the region the source names when it names no city; null: not stated. */
  region: text('region'),
  /** Distinct vocabulary entries of the detention's charges, sorted ('{}': none). */
  chargeIds: integer('charge_ids').array().notNull(),
  /** Distinct outcomes of its charges, sorted. */
  outcomes: chargeOutcome('outcomes').array().notNull(),
  /** Distinct kinds of its penalties (replaced ones included, as the case list's filter), sorted. */
  penaltyKinds: penaltyKind('penalty_kinds').array().notNull(),
  plea: plea('plea').notNull(),
  electionId: integer('election_id'),
  personRole: personRole('person_role').notNull(),
  reviewStatus: reviewStatus('review_status').notNull(),
  confidentiality: confidentiality('confidentiality').notNull(),
  ...rollupCustodyColumns(),
  /** Days of administrative arrest in force (summed over its charges), when there are any. */
  arrestDays: bigint('arrest_days', { mode: 'number' }),
  /** Days from detention to sentence, bucketed (0, 1, 2, 3, 8, 31 = "31 or more"), when both days are known. */
  delayBucket: smallint('delay_bucket'),
  detentions: integer('detentions').notNull(),
  arrestDaysTotal: bigint('arrest_days_total', { mode: 'number' }).notNull(),
}, (t) => [
  unique('detention_stats_key')
    .on(t.detainedOn, t.detainedEarliest, t.detainedLatest, t.sentencedOn, t.placeId, t.region, t.chargeIds, t.outcomes, t.penaltyKinds,
      t.plea, t.electionId, t.personRole, t.reviewStatus, t.confidentiality, t.custodyOpen, t.custodyEndsOn, t.arrestDays, t.delayBucket)
    .nullsNotDistinct(),
  index('detention_stats_day_idx').on(t.detainedOn),
]);

/** The detention dimensions the dashboard's filters read, shared by the narrower rollups below. */
const rollupFilterColumns = () => ({
  detainedOn: date('detained_on', { mode: 'string' }),
  detainedEarliest: date('detained_earliest', { mode: 'string' }),
  detainedLatest: date('detained_latest', { mode: 'string' }),
  placeId: integer('place_id'),
  region: text('region'),
  chargeIds: integer('charge_ids').array().notNull(),
  outcomes: chargeOutcome('outcomes').array().notNull(),
  penaltyKinds: penaltyKind('penalty_kinds').array().notNull(),
  plea: plea('plea').notNull(),
  electionId: integer('election_id'),
  personRole: personRole('person_role').notNull(),
  reviewStatus: reviewStatus('review_status').notNull(),
  confidentiality: confidentiality('confidentiality').notNull(),
  ...rollupCustodyColumns(),
});

/**
 * The charges panels' rollup: charges (live detentions only) counted by their detention's filter
 * dimensions (as detention_stats) and by what the panels show of a charge. Kept current in the same
 * transaction as each change, with detention_stats (lib/dashboard/stats.ts).
 */
export const chargeStats = pgTable('charge_stats', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  ...rollupFilterColumns(),
  /** Null: no vocabulary entry. */
  chargeId: integer('charge_id'),
  /** The article's part as cited, trimmed; null: not given. */
  citedPart: text('cited_part'),
  /** No vocabulary entry but the source's words. */
  textOnly: boolean('text_only').notNull(),
  basisOrigin: basisOrigin('basis_origin'),
  outcome: chargeOutcome('outcome').notNull(),
  charges: integer('charges').notNull(),
}, (t) => [
  unique('charge_stats_key')
    .on(t.detainedOn, t.detainedEarliest, t.detainedLatest, t.placeId, t.region, t.chargeIds, t.outcomes, t.penaltyKinds, t.plea, t.electionId,
      t.personRole, t.reviewStatus, t.confidentiality, t.custodyOpen, t.custodyEndsOn, t.chargeId, t.citedPart, t.textOnly, t.basisOrigin, t.outcome)
    .nullsNotDistinct(),
  index('charge_stats_day_idx').on(t.detainedOn),
]);

/**
 * The penalty and money panels' rollup: penalties in force (not replaced on appeal) of live
 * detentions by their detention's filter dimensions, kind, unit and ruling year (the MCI value that
 * converts a fine to tenge is the year's), with the number that state an amount and the amounts'
 * sum. Kept current with detention_stats.
 */
export const penaltyStats = pgTable('penalty_stats', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  ...rollupFilterColumns(),
  kind: penaltyKind('kind').notNull(),
  unit: penaltyUnit('unit'),
  rulingYear: integer('ruling_year'),
  penalties: integer('penalties').notNull(),
  withAmount: integer('with_amount').notNull(),
  amount: numeric('amount', { mode: 'string' }).notNull(),
}, (t) => [
  unique('penalty_stats_key')
    .on(t.detainedOn, t.detainedEarliest, t.detainedLatest, t.placeId, t.region, t.chargeIds, t.outcomes, t.penaltyKinds, t.plea, t.electionId,
      t.personRole, t.reviewStatus, t.confidentiality, t.custodyOpen, t.custodyEndsOn, t.kind, t.unit, t.rulingYear)
    .nullsNotDistinct(),
  index('penalty_stats_day_idx').on(t.detainedOn),
]);

/**
 * The period and visibility of a detention, the only dimensions the day rollups below carry: the
 * views without a filter (the default view, a date range, "date uncertain") read those instead of
 * the rollups above, which carry every filter's dimension and so hold 1.5 detentions per row.
 * Custody is not among them: the day custody ends would split their rows (2.2-2.6 times as many at
 * 1M, the default view 32 -> 54 ms; session 30).
 * Keyed by day and by what a panel shows, they hold one row per day and bar. The election is kept
 * only for records not placed on a day (a window counts those by their election).
 */
const dayRollupColumns = () => ({
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  detainedOn: date('detained_on', { mode: 'string' }),
  detainedEarliest: date('detained_earliest', { mode: 'string' }),
  detainedLatest: date('detained_latest', { mode: 'string' }),
  electionId: integer('election_id'),
  confidentiality: confidentiality('confidentiality').notNull(),
});

/**
 * Detentions per day by each detention-level panel (cities and regions, role, days of arrest, time
 * to sentence, and the sentence's day: timelines on every axis, dates uncertain): `panel` is the GROUPING() of the set a row
 * belongs to (lib/dashboard/stats.ts DAY_DETENTION_ROLLUP); the other sets' columns are null.
 */
export const dayDetentionStats = pgTable('day_detention_stats', {
  ...dayRollupColumns(),
  panel: smallint('panel').notNull(),
  placeId: integer('place_id'),
  region: text('region'),
  personRole: personRole('person_role'),
  arrestDays: bigint('arrest_days', { mode: 'number' }),
  delayBucket: smallint('delay_bucket'),
  sentencedOn: date('sentenced_on', { mode: 'string' }),
  detentions: integer('detentions').notNull(),
  arrestDaysTotal: bigint('arrest_days_total', { mode: 'number' }).notNull(),
}, (t) => [
  unique('day_detention_stats_key')
    .on(t.detainedOn, t.detainedEarliest, t.detainedLatest, t.electionId, t.confidentiality, t.panel, t.placeId, t.region, t.personRole,
      t.arrestDays, t.delayBucket, t.sentencedOn)
    .nullsNotDistinct(),
  index('day_detention_stats_day_idx').on(t.detainedOn),
]);

/** Charges per day by the charges panels' sets (`grouping_set`, as charge_stats is read). */
export const dayChargeStats = pgTable('day_charge_stats', {
  ...dayRollupColumns(),
  groupingSet: smallint('grouping_set').notNull(),
  chargeId: integer('charge_id'),
  citedPart: text('cited_part'),
  textOnly: boolean('text_only'),
  basisOrigin: basisOrigin('basis_origin'),
  outcome: chargeOutcome('outcome'),
  plea: plea('plea'),
  charges: integer('charges').notNull(),
}, (t) => [
  unique('day_charge_stats_key')
    .on(t.detainedOn, t.detainedEarliest, t.detainedLatest, t.electionId, t.confidentiality, t.groupingSet, t.chargeId, t.citedPart, t.textOnly,
      t.basisOrigin, t.outcome, t.plea)
    .nullsNotDistinct(),
  index('day_charge_stats_day_idx').on(t.detainedOn),
]);

/** Penalties in force per day by kind, unit and ruling year (as penalty_stats). */
export const dayPenaltyStats = pgTable('day_penalty_stats', {
  ...dayRollupColumns(),
  kind: penaltyKind('kind').notNull(),
  unit: penaltyUnit('unit'),
  rulingYear: integer('ruling_year'),
  penalties: integer('penalties').notNull(),
  withAmount: integer('with_amount').notNull(),
  amount: numeric('amount', { mode: 'string' }).notNull(),
}, (t) => [
  unique('day_penalty_stats_key')
    .on(t.detainedOn, t.detainedEarliest, t.detainedLatest, t.electionId, t.confidentiality, t.kind, t.unit, t.rulingYear)
    .nullsNotDistinct(),
  index('day_penalty_stats_day_idx').on(t.detainedOn),
]);

/**
 * Detentions per day by the custody columns the custody panel reads as of today (who is held,
 * missing, has a hearing soon, is released, and days served): each kept only where the panel reads
 * it (days served for the released; the expected release and start for the others; since when
 * whereabouts are unknown for those), so rows group many detentions.
 */
export const dayCustodyStats = pgTable('day_custody_stats', {
  ...dayRollupColumns(),
  custodyStatus: custodyStatus('custody_status').notNull(),
  custodyDays: integer('custody_days'),
  custodyFrom: date('custody_from', { mode: 'string' }),
  expectedReleaseOn: date('expected_release_on', { mode: 'string' }),
  whereaboutsUnknownSince: date('whereabouts_unknown_since', { mode: 'string' }),
  nextHearingOn: date('next_hearing_on', { mode: 'string' }),
  detentions: integer('detentions').notNull(),
}, (t) => [
  unique('day_custody_stats_key')
    .on(t.detainedOn, t.detainedEarliest, t.detainedLatest, t.electionId, t.confidentiality, t.custodyStatus, t.custodyDays, t.custodyFrom,
      t.expectedReleaseOn, t.whereaboutsUnknownSince, t.nextHearingOn)
    .nullsNotDistinct(),
  index('day_custody_stats_day_idx').on(t.detainedOn),
]);

/**
 * Each person's detentions in each election's default window (DEFAULT_WINDOW days around election
 * day, and the records not placed on a day that lie within it or are tied to the election), for
 * readers who see restricted records (`with_restricted`) and for those who do not: the default
 * views' repeat detainees, read by an index instead of counting every detention of the window per
 * person. Kept current in the write transaction with the other rollups (lib/dashboard/stats.ts).
 */
export const windowPeople = pgTable('window_people', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  electionId: integer('election_id').notNull(),
  withRestricted: boolean('with_restricted').notNull(),
  personId: integer('person_id').notNull(),
  detentions: integer('detentions').notNull(),
}, (t) => [
  unique('window_people_key').on(t.electionId, t.withRestricted, t.personId).nullsNotDistinct(),
  index('window_people_count_idx').on(t.electionId, t.withRestricted, t.detentions),
]);

/**
 * Each detention's export cells, computed once and kept until something they show changes
 * (lib/exports/export-rows.ts): the CSV and JSON exports then join these texts instead of
 * computing about 100 cells per row. Only what does not depend on the export is kept: the id, the
 * link (the app's origin), the custody columns (the export's day) and the padding of the numbered
 * groups (the file's shape) are added when the file is written. One table per format, so an export
 * reads only its own (a JSON row is about three times a CSV row).
 *
 * A row exists for every detention (inserted by a trigger). Triggers on every table whose values
 * the cells show (migration 0023) clear a row's cells in the same transaction as the change; an
 * export fills cleared rows under a row lock, from a snapshot taken after the lock, so a fill
 * never stores what a concurrent change has already made stale. `format` is a hash of the SQL
 * that computed the cells: rows of another format count as cleared, so a new release never
 * writes cells computed by old code.
 */
export const exportCsvRows = pgTable('export_csv_rows', {
  detentionId: integer('detention_id').primaryKey().references(() => detentions.id, { onDelete: 'cascade' }),
  format: text('format'),
  /** The cells from `activist` to `confidentiality`, as CSV text. */
  head: text('head'),
  /** The internal notes as one CSV cell (written only when the export includes notes). */
  notes: text('notes'),
  /** Each charge's cells followed by its penalties' cells, unpadded, in position order. */
  charges: text('charges').array(),
  /** How many penalties each of `charges` holds (to pad them to the file's penalty count). */
  penaltyCounts: smallint('penalty_counts').array(),
  events: text('events').array(),
  sources: text('sources').array(),
  /** How many charges, penalties of one charge (the most), events and citations: an export's column groups. */
  chargeCount: smallint('charge_count'),
  penaltyMax: smallint('penalty_max'),
  eventCount: smallint('event_count'),
  sourceCount: smallint('source_count'),
  // Migration 0023 adds export_csv_rows_shape_idx (detention_id) INCLUDE (format and the four counts), which
  // Drizzle cannot declare: a file's shape is read from it alone (tens of MB at 1M rows, the table about 900).
});

/** The JSON export's members of each detention, kept as exportCsvRows keeps the CSV cells. */
export const exportJsonRows = pgTable('export_json_rows', {
  detentionId: integer('detention_id').primaryKey().references(() => detentions.id, { onDelete: 'cascade' }),
  format: text('format'),
  /** The members from `activist` to `public_notes`, without braces. */
  head: text('head'),
  notes: text('notes'),
  /** `review_status` and `confidentiality`. */
  middle: text('middle'),
  /** `charges`, `events` and `sources`. */
  lists: text('lists'),
  // Migration 0023 adds export_json_rows_format_idx (detention_id) INCLUDE (format), for finding stale rows
  // (lib/exports/warm.ts), and keeps rows whole up to a page (toast_tuple_target), uncompressed.
});

/**
 * What monitors know as a number without names: "over 350 detained in 9 cities, 109 identified",
 * with the source that reports it. Shown beside the named records on the dashboard.
 */
export const reportedCounts = pgTable('reported_counts', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  electionId: integer('election_id').references(() => elections.id),
  placeId: integer('place_id').references(() => places.id),
  reportedOn: date('reported_on', { mode: 'string' }),
  reportedPrecision: datePrecision('reported_precision').notNull().default('unknown'),
  description: text('description').notNull(),
  detainedCount: integer('detained_count').notNull(),
  identifiedCount: integer('identified_count'),
  sourceId: integer('source_id').notNull().references(() => sources.id),
  createdById: integer('created_by_id').references(() => users.id),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  ...timestamps,
}, (t) => [
  index('reported_counts_election_idx').on(t.electionId),
  index('reported_counts_place_idx').on(t.placeId),
  index('reported_counts_source_idx').on(t.sourceId),
  index('reported_counts_created_by_idx').on(t.createdById),
  check('reported_counts_positive', sql`${t.detainedCount} > 0 AND (${t.identifiedCount} IS NULL OR ${t.identifiedCount} >= 0)`),
]);

/** Formats a case export is written in (PDF is the observers' report). */
export const exportFormat = pgEnum('export_format', ['csv', 'xlsx', 'json', 'pdf']);

/**
 * One row per export or report: who took which records out of the system, when, how. Written when
 * the download starts; rows and completion are filled in when the last row has been sent.
 */
export const exportLog = pgTable('export_log', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  userId: integer('user_id').notNull().references(() => users.id),
  format: exportFormat('format').notNull(),
  /** The filters as parsed (the query string's meaning, not its text). */
  filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
  /** Whether internal notes were included (monitors and admins only, opted in). */
  includesNotes: boolean('includes_notes').notNull().default(false),
  rowCount: integer('row_count'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
}, (t) => [
  index('export_log_user_idx').on(t.userId),
  index('export_log_started_at_idx').on(t.startedAt),
]);

export const importStatus = pgEnum('import_status', ['pending', 'imported']);

/**
 * A bulk import between its preview and its commit: the uploaded CSV is kept on the server so the
 * monitor confirms without uploading again, and the commit validates it again from this copy.
 * The CSV text is dropped once imported (the records and their revisions are the lasting trace).
 */
export const importBatches = pgTable('import_batches', {
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  fileName: text('file_name').notNull(),
  csv: text('csv'),
  status: importStatus('status').notNull().default('pending'),
  rowCount: integer('row_count').notNull(),
  importedCount: integer('imported_count'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  importedAt: timestamp('imported_at', { withTimezone: true }),
}, (t) => [
  index('import_batches_user_idx').on(t.userId),
  index('import_batches_created_at_idx').on(t.createdAt),
]);

/** Bearer tokens of the read-only partner API. Only a SHA-256 hash of each token is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  /** Hex SHA-256 of the whole token. */
  tokenHash: text('token_hash').notNull(),
  /** The token's first characters, to tell tokens apart in the admin list. */
  prefix: text('prefix').notNull(),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  revokedById: integer('revoked_by_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
  index('api_tokens_created_by_idx').on(t.createdById),
  index('api_tokens_revoked_by_idx').on(t.revokedById),
]);

/**
 * Requests per token per fixed window, counted in the database so that every app instance
 * enforces the same limit.
 */
export const apiRateWindows = pgTable('api_rate_windows', {
  tokenId: integer('token_id').notNull().references(() => apiTokens.id, { onDelete: 'cascade' }),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  requests: integer('requests').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tokenId, t.windowStart] }),
  index('api_rate_windows_window_start_idx').on(t.windowStart),
]);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Place = typeof places.$inferSelect;
export type Election = typeof elections.$inferSelect;
export type Charge = typeof charges.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Source = typeof sources.$inferSelect;
export type Detention = typeof detentions.$inferSelect;
export type NewDetention = typeof detentions.$inferInsert;
export type Citation = typeof citations.$inferSelect;
export type Revision = typeof revisions.$inferSelect;
export type DetentionCharge = typeof detentionCharges.$inferSelect;
export type Penalty = typeof penalties.$inferSelect;
export type CustodyEvent = typeof custodyEvents.$inferSelect;
export type DateQualifier = (typeof dateQualifier.enumValues)[number];
export type PlacePrecision = (typeof placePrecision.enumValues)[number];
export type BasisOrigin = (typeof basisOrigin.enumValues)[number];
export type ChargeOutcome = (typeof chargeOutcome.enumValues)[number];
export type PenaltyKind = (typeof penaltyKind.enumValues)[number];
export type PenaltyUnit = (typeof penaltyUnit.enumValues)[number];
export type CustodyEventKind = (typeof custodyEventKind.enumValues)[number];
export type CustodyStatus = (typeof custodyStatus.enumValues)[number];
export type ReportedCount = typeof reportedCounts.$inferSelect;

export type UserRole = (typeof userRole.enumValues)[number];
export type PersonRole = (typeof personRole.enumValues)[number];
export type NameScript = (typeof nameScript.enumValues)[number];
export type DatePrecision = (typeof datePrecision.enumValues)[number];
export type SentenceKind = (typeof sentenceKind.enumValues)[number];
export type SentenceUnit = (typeof sentenceUnit.enumValues)[number];
export type Plea = (typeof plea.enumValues)[number];
export type DetentionStatus = (typeof detentionStatus.enumValues)[number];
export type Confidentiality = (typeof confidentiality.enumValues)[number];
export type ReviewStatus = (typeof reviewStatus.enumValues)[number];
export type PersonVerdict = (typeof personVerdict.enumValues)[number];
export type UiLocale = (typeof uiLocale.enumValues)[number];
export type RecordKind = (typeof recordKind.enumValues)[number];
export type ExportFormat = (typeof exportFormat.enumValues)[number];
export type ExportLogEntry = typeof exportLog.$inferSelect;
export type ImportBatch = typeof importBatches.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;


/**
 * Server-side sessions. The session cookie (an Auth.js JWT) carries only a random session id; this
 * table holds its SHA-256 and is checked on every request, so sign-out, "sign out everywhere",
 * disabling an account, a password change or a role change end or update a session at once.
 */
export const userSessions = pgTable('user_sessions', {
  /** Hex SHA-256 of the random id carried in the cookie. */
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** A short description of the browser (from User-Agent), shown in the user's session list. */
  device: text('device'),
  ip: text('ip'),
}, (t) => [
  index('user_sessions_user_idx').on(t.userId),
  index('user_sessions_expires_at_idx').on(t.expiresAt),
]);

/** One-time recovery codes for two-factor sign-in; only a hash of each is stored. */
export const recoveryCodes = pgTable('recovery_codes', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('recovery_codes_user_idx').on(t.userId)]);

/**
 * A sign-in in progress. The browser (or the Auth.js callback) holds a random id; the row holds its
 * SHA-256, the stage reached, an expiry and a count of wrong codes.
 */
export const signInChallenges = pgTable('sign_in_challenges', {
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /**
   * 'second_factor': the password was right, a code is due. 'ticket': every factor passed; the id
   * is redeemed once, within a minute, by the Auth.js credentials provider for a session.
   */
  stage: text('stage').$type<'second_factor' | 'ticket'>().notNull(),
  /** Where a successful sign-in goes next (already checked to be one of the app's own paths). */
  redirectTo: text('redirect_to').notNull().default('/cases'),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sign_in_challenges_user_idx').on(t.userId)]);

/** Per-role security policy set by admins: whether two-factor sign-in is required. */
export const rolePolicies = pgTable('role_policies', {
  role: userRole('role').primaryKey(),
  requireTwoFactor: boolean('require_two_factor').notNull().default(false),
  updatedById: integer('updated_by_id').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('role_policies_updated_by_idx').on(t.updatedById)]);

/**
 * Sign-in throttle: one counter per key (an HMAC of the account, of the client address, or of
 * both), updated in one atomic statement per attempt so concurrent guesses can't slip past it.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  /** No attempt on this key is checked before this moment (progressive delay). */
  blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('sign_in_throttle_updated_at_idx').on(t.updatedAt)]);

/**
 * The audit trail: who did what, when, from where. Append-only: a trigger refuses UPDATE, TRUNCATE
 * and DELETE, except the retention purge of rows older than the configured period
 * (lib/audit/log.ts), which can never reach the last 30 days.
 */
export const auditEvents = pgTable('audit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: integer('actor_id').references(() => users.id),
  /** e.g. 'sign_in', 'sign_in_failed', 'export', 'view_restricted_detention'. */
  action: text('action').notNull(),
  targetKind: text('target_kind'),
  targetId: text('target_id'),
  ip: text('ip'),
  /** What else matters: filters, row counts, the outcome. Never passwords, codes or tokens. */
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [
  index('audit_events_at_idx').on(t.at),
  index('audit_events_actor_idx').on(t.actorId),
  index('audit_events_action_idx').on(t.action, t.at),
]);

export type UserSession = typeof userSessions.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;

/** Raw bytes (Postgres bytea), read and written as Node Buffers by both drivers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

// ---------------------------------------------------------------------------------------------
// Evidence: what each source said when it was captured (lib/evidence).
// ---------------------------------------------------------------------------------------------

/** How a capture came to be: the server fetched the URL, or a monitor uploaded what they saved. */
export const captureMethod = pgEnum('capture_method', ['fetch', 'upload']);
/** How a fetch ended. Only 'ok' captures carry the page; the others record the attempt. */
export const captureOutcome = pgEnum('capture_outcome', [
  'ok',
  'http_error',
  'timeout',
  'too_large',
  'blocked',
  'unsupported_type',
  'network_error',
]);
/**
 * The files of one capture: the body exactly as received ('response'), the WARC record of the
 * exchange, the readable text, Chromium's renderings, an uploaded file, the TLS certificate chain.
 */
export const evidenceFileRole = pgEnum('evidence_file_role', ['response', 'warc', 'text', 'pdf', 'png', 'upload', 'tls_chain']);
export const timestampStatus = pgEnum('timestamp_status', ['ok', 'failed']);
export const captureRequestStatus = pgEnum('capture_request_status', ['pending', 'running', 'done', 'failed']);

/**
 * Stored bytes, addressed by their SHA-256 (lowercase hex): the same bytes are kept once. `bytes`
 * is null when the file lives under EVIDENCE_DIR (named by its hash); the hash stays here either way.
 */
export const evidenceBlobs = pgTable('evidence_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  bytes: bytea('bytes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [check('evidence_blobs_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`)]);

/**
 * One capture of a source: append-only (a trigger refuses UPDATE and DELETE), a new capture never
 * replaces an old one. `manifest` lists the capture's files and hashes in a canonical form; its
 * SHA-256 is what timestamp authorities sign.
 */
export const sourceCaptures = pgTable('source_captures', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  sourceId: integer('source_id').notNull().references(() => sources.id),
  method: captureMethod('method').notNull(),
  requestedById: integer('requested_by_id').references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  /** When the response arrived (fetch) or the file was received (upload), UTC. */
  capturedAt: timestamp('captured_at', { withTimezone: true }).notNull(),
  requestedUrl: text('requested_url').notNull(),
  /** After redirects; null when nothing answered. */
  finalUrl: text('final_url'),
  httpStatus: integer('http_status'),
  outcome: captureOutcome('outcome').notNull(),
  /** Why it failed, in words safe to show (never a stack trace). */
  detail: text('detail'),
  responseHeaders: jsonb('response_headers').$type<[string, string][]>(),
  contentType: text('content_type'),
  /** The SHA-256 of the bytes as received: the response body or the uploaded file. */
  primarySha256: text('primary_sha256').references(() => evidenceBlobs.sha256),
  uploadFilename: text('upload_filename'),
  readableTitle: text('readable_title'),
  readableText: text('readable_text'),
  /** Why there is no rendering (e.g. "Chromium not available"), when there is none. */
  renderNote: text('render_note'),
  manifest: text('manifest').notNull(),
  manifestSha256: text('manifest_sha256').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('source_captures_source_idx').on(t.sourceId, t.capturedAt),
  index('source_captures_requested_by_idx').on(t.requestedById),
  check('source_captures_manifest_hex', sql`${t.manifestSha256} ~ '^[0-9a-f]{64}$'`),
]);

/** The files of a capture (append-only, like the capture). */
export const captureFiles = pgTable('capture_files', {
  captureId: integer('capture_id').notNull().references(() => sourceCaptures.id),
  role: evidenceFileRole('role').notNull(),
  sha256: text('sha256').notNull().references(() => evidenceBlobs.sha256),
  size: integer('size').notNull(),
  contentType: text('content_type').notNull(),
}, (t) => [primaryKey({ columns: [t.captureId, t.role] }), index('capture_files_sha256_idx').on(t.sha256)]);

/**
 * RFC 3161 timestamps over a capture's manifest hash, one per authority asked (append-only). The
 * token is the DER TimeStampToken; `certificates` the PEM chain the token was verified against.
 */
export const captureTimestamps = pgTable('capture_timestamps', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  captureId: integer('capture_id').notNull().references(() => sourceCaptures.id),
  tsaUrl: text('tsa_url').notNull(),
  status: timestampStatus('status').notNull(),
  token: bytea('token'),
  certificates: text('certificates'),
  /** The time the authority signed (genTime), UTC. */
  genTime: timestamp('gen_time', { withTimezone: true }),
  serialNumber: text('serial_number'),
  tsaName: text('tsa_name'),
  detail: text('detail'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('capture_timestamps_capture_idx').on(t.captureId)]);

/**
 * Captures asked for and not yet done: written in the transaction that adds a source, worked off
 * right after the response (and by any instance that finds one left pending), so a slow site never
 * holds up a save.
 */
export const captureRequests = pgTable('capture_requests', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  sourceId: integer('source_id').notNull().references(() => sources.id),
  requestedById: integer('requested_by_id').references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  status: captureRequestStatus('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  claimedAt: timestamp('claimed_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  captureId: integer('capture_id').references(() => sourceCaptures.id),
}, (t) => [
  index('capture_requests_pending_idx').on(t.requestedAt).where(sql`${t.status} in ('pending', 'running')`),
  index('capture_requests_source_idx').on(t.sourceId),
]);

/** A check of a source's live page against its first capture (npm run check-links). */
export const linkChecks = pgTable('link_checks', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  sourceId: integer('source_id').notNull().references(() => sources.id),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  outcome: captureOutcome('outcome').notNull(),
  httpStatus: integer('http_status'),
  finalUrl: text('final_url'),
  /** SHA-256 of the readable text now, to compare with the first capture's. */
  textSha256: text('text_sha256'),
  /** The page no longer answers with the article (4xx/5xx, gone, blocked). */
  gone: boolean('gone').notNull(),
  /** The readable text differs from the first capture's. */
  changed: boolean('changed').notNull(),
  detail: text('detail'),
}, (t) => [index('link_checks_source_idx').on(t.sourceId, t.checkedAt)]);

export type SourceCapture = typeof sourceCaptures.$inferSelect;
export type CaptureFile = typeof captureFiles.$inferSelect;
export type CaptureTimestamp = typeof captureTimestamps.$inferSelect;

-- Custody held or released becomes a dimension of the three wide rollups (lib/dashboard/stats.ts
-- CUSTODY_ENDS_ON), so the dashboard answers those views from them instead of the records. Every
-- rollup is counted again from the records with the code's own statements (lib/dashboard/stats.ts
-- REBUILD_STATEMENTS, as rendered when this migration was written; stats.test.ts checks it; the day
-- rollups and window_people count as before), before the new unique keys are built.
TRUNCATE detention_stats, charge_stats, penalty_stats, day_detention_stats, day_charge_stats, day_penalty_stats, day_custody_stats, window_people;--> statement-breakpoint
ALTER TABLE "charge_stats" DROP CONSTRAINT "charge_stats_key";--> statement-breakpoint
ALTER TABLE "detention_stats" DROP CONSTRAINT "detention_stats_key";--> statement-breakpoint
ALTER TABLE "penalty_stats" DROP CONSTRAINT "penalty_stats_key";--> statement-breakpoint
ALTER TABLE "charge_stats" ADD COLUMN "custody_open" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "charge_stats" ADD COLUMN "custody_ends_on" date;--> statement-breakpoint
ALTER TABLE "detention_stats" ADD COLUMN "custody_open" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "detention_stats" ADD COLUMN "custody_ends_on" date;--> statement-breakpoint
ALTER TABLE "penalty_stats" ADD COLUMN "custody_open" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "penalty_stats" ADD COLUMN "custody_ends_on" date;--> statement-breakpoint
INSERT INTO detention_stats (detained_on, detained_earliest, detained_latest, sentenced_on, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, arrest_days, delay_bucket, detentions, arrest_days_total) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality,
            d.custody_status IN ('in_custody', 'whereabouts_unknown') AS custody_open, CASE
    WHEN d.custody_status IN ('in_custody', 'whereabouts_unknown') THEN coalesce(d.expected_release_on, 'infinity'::date)
    WHEN d.custody_status = 'released' THEN '-infinity'::date
    ELSE d.expected_release_on
  END AS custody_ends_on, d.arrest_days, CASE
    WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
      CASE
        WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
        WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
        WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
        ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
      END
  END AS delay_bucket,
            CASE
    WHEN date_part('year', d.sentenced_earliest) = date_part('year', d.sentenced_latest) THEN date_part('year', d.sentenced_earliest)::int
    WHEN date_part('year', d.detained_earliest) = date_part('year', d.detained_latest) THEN date_part('year', d.detained_earliest)::int
  END AS ruling_year,
            d.custody_status, d.custody_days, d.custody_from, d.expected_release_on, d.whereabouts_unknown_since, d.next_hearing_on,
            d.person_id
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          WHERE d.id IN (SELECT id FROM sel)) SELECT detained_on, detained_earliest, detained_latest, sentenced_on, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, arrest_days, delay_bucket, count(*)::int AS detentions, coalesce(sum(arrest_days), 0)::bigint AS arrest_days_total
    FROM x GROUP BY detained_on, detained_earliest, detained_latest, sentenced_on, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, arrest_days, delay_bucket;--> statement-breakpoint
INSERT INTO charge_stats (detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, charge_id, cited_part, text_only, basis_origin, outcome, charges) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality,
            d.custody_status IN ('in_custody', 'whereabouts_unknown') AS custody_open, CASE
    WHEN d.custody_status IN ('in_custody', 'whereabouts_unknown') THEN coalesce(d.expected_release_on, 'infinity'::date)
    WHEN d.custody_status = 'released' THEN '-infinity'::date
    ELSE d.expected_release_on
  END AS custody_ends_on, d.arrest_days, CASE
    WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
      CASE
        WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
        WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
        WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
        ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
      END
  END AS delay_bucket,
            CASE
    WHEN date_part('year', d.sentenced_earliest) = date_part('year', d.sentenced_latest) THEN date_part('year', d.sentenced_earliest)::int
    WHEN date_part('year', d.detained_earliest) = date_part('year', d.detained_latest) THEN date_part('year', d.detained_earliest)::int
  END AS ruling_year,
            d.custody_status, d.custody_days, d.custody_from, d.expected_release_on, d.whereabouts_unknown_since, d.next_hearing_on,
            d.person_id
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          WHERE d.id IN (SELECT id FROM sel)) SELECT detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, charge_id, cited_part, text_only, basis_origin, outcome, count(*)::int AS charges
    FROM (SELECT x.*, dc.charge_id, nullif(btrim(dc.part), '') AS cited_part,
            (dc.charge_id IS NULL AND nullif(btrim(dc.charge_text), '') IS NOT NULL) AS text_only, dc.basis_origin, dc.outcome
          FROM x JOIN detention_charges dc ON dc.detention_id = x.detention_id) c
    GROUP BY detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, charge_id, cited_part, text_only, basis_origin, outcome;--> statement-breakpoint
INSERT INTO penalty_stats (detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, kind, unit, ruling_year, penalties, with_amount, amount) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality,
            d.custody_status IN ('in_custody', 'whereabouts_unknown') AS custody_open, CASE
    WHEN d.custody_status IN ('in_custody', 'whereabouts_unknown') THEN coalesce(d.expected_release_on, 'infinity'::date)
    WHEN d.custody_status = 'released' THEN '-infinity'::date
    ELSE d.expected_release_on
  END AS custody_ends_on, d.arrest_days, CASE
    WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
      CASE
        WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
        WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
        WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
        ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
      END
  END AS delay_bucket,
            CASE
    WHEN date_part('year', d.sentenced_earliest) = date_part('year', d.sentenced_latest) THEN date_part('year', d.sentenced_earliest)::int
    WHEN date_part('year', d.detained_earliest) = date_part('year', d.detained_latest) THEN date_part('year', d.detained_earliest)::int
  END AS ruling_year,
            d.custody_status, d.custody_days, d.custody_from, d.expected_release_on, d.whereabouts_unknown_since, d.next_hearing_on,
            d.person_id
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          WHERE d.id IN (SELECT id FROM sel)) SELECT detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, kind, unit, ruling_year, count(*)::int AS penalties, count(amount)::int AS with_amount, coalesce(sum(amount), 0)::numeric AS amount
    FROM (SELECT x.*, pn.kind, pn.unit, pn.amount
          FROM x JOIN detention_charges dc ON dc.detention_id = x.detention_id
          JOIN penalties pn ON pn.detention_charge_id = dc.id AND pn.replaced_by_position IS NULL) c
    GROUP BY detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, custody_open, custody_ends_on, kind, unit, ruling_year;--> statement-breakpoint
INSERT INTO day_detention_stats (detained_on, detained_earliest, detained_latest, election_id, confidentiality, panel, place_id, region, person_role, arrest_days, delay_bucket, sentenced_on, detentions, arrest_days_total) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality,
            d.custody_status IN ('in_custody', 'whereabouts_unknown') AS custody_open, CASE
    WHEN d.custody_status IN ('in_custody', 'whereabouts_unknown') THEN coalesce(d.expected_release_on, 'infinity'::date)
    WHEN d.custody_status = 'released' THEN '-infinity'::date
    ELSE d.expected_release_on
  END AS custody_ends_on, d.arrest_days, CASE
    WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
      CASE
        WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
        WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
        WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
        ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
      END
  END AS delay_bucket,
            CASE
    WHEN date_part('year', d.sentenced_earliest) = date_part('year', d.sentenced_latest) THEN date_part('year', d.sentenced_earliest)::int
    WHEN date_part('year', d.detained_earliest) = date_part('year', d.detained_latest) THEN date_part('year', d.detained_earliest)::int
  END AS ruling_year,
            d.custody_status, d.custody_days, d.custody_from, d.expected_release_on, d.whereabouts_unknown_since, d.next_hearing_on,
            d.person_id
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          WHERE d.id IN (SELECT id FROM sel)) SELECT detained_on, detained_earliest, detained_latest, election_id, confidentiality, GROUPING(place_id, region, person_role, arrest_days, delay_bucket, sentenced_on)::smallint AS panel, place_id, region, person_role, arrest_days, delay_bucket, sentenced_on,
      count(*)::int AS detentions, coalesce(sum(arrest_days), 0)::bigint AS arrest_days_total
    FROM (SELECT x.detained_on, x.detained_earliest, x.detained_latest, CASE WHEN x.detained_on IS NULL THEN x.election_id END AS election_id,
      x.confidentiality, x.place_id, x.region, x.person_role, x.arrest_days, x.delay_bucket, x.sentenced_on FROM x) x
    GROUP BY detained_on, detained_earliest, detained_latest, election_id, confidentiality, GROUPING SETS ((place_id, region), (person_role), (arrest_days), (delay_bucket), (sentenced_on));--> statement-breakpoint
INSERT INTO day_charge_stats (detained_on, detained_earliest, detained_latest, election_id, confidentiality, grouping_set, charge_id, cited_part, text_only, basis_origin, outcome, plea, charges) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality,
            d.custody_status IN ('in_custody', 'whereabouts_unknown') AS custody_open, CASE
    WHEN d.custody_status IN ('in_custody', 'whereabouts_unknown') THEN coalesce(d.expected_release_on, 'infinity'::date)
    WHEN d.custody_status = 'released' THEN '-infinity'::date
    ELSE d.expected_release_on
  END AS custody_ends_on, d.arrest_days, CASE
    WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
      CASE
        WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
        WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
        WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
        ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
      END
  END AS delay_bucket,
            CASE
    WHEN date_part('year', d.sentenced_earliest) = date_part('year', d.sentenced_latest) THEN date_part('year', d.sentenced_earliest)::int
    WHEN date_part('year', d.detained_earliest) = date_part('year', d.detained_latest) THEN date_part('year', d.detained_earliest)::int
  END AS ruling_year,
            d.custody_status, d.custody_days, d.custody_from, d.expected_release_on, d.whereabouts_unknown_since, d.next_hearing_on,
            d.person_id
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          WHERE d.id IN (SELECT id FROM sel)) SELECT detained_on, detained_earliest, detained_latest, election_id, confidentiality, GROUPING(charge_id, cited_part, text_only, basis_origin, outcome, plea)::smallint AS grouping_set, charge_id, cited_part, text_only, basis_origin, outcome, plea,
      count(*)::int AS charges
    FROM (SELECT x.*, dc.charge_id, nullif(btrim(dc.part), '') AS cited_part,
            (dc.charge_id IS NULL AND nullif(btrim(dc.charge_text), '') IS NOT NULL) AS text_only, dc.basis_origin, dc.outcome
          FROM (SELECT x.detained_on, x.detained_earliest, x.detained_latest, CASE WHEN x.detained_on IS NULL THEN x.election_id END AS election_id,
      x.confidentiality, x.detention_id, x.plea FROM x) x JOIN detention_charges dc ON dc.detention_id = x.detention_id) x
    GROUP BY detained_on, detained_earliest, detained_latest, election_id, confidentiality, GROUPING SETS ((charge_id, cited_part, text_only, basis_origin), (outcome), (plea, outcome));--> statement-breakpoint
INSERT INTO day_penalty_stats (detained_on, detained_earliest, detained_latest, election_id, confidentiality, kind, unit, ruling_year, penalties, with_amount, amount) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality,
            d.custody_status IN ('in_custody', 'whereabouts_unknown') AS custody_open, CASE
    WHEN d.custody_status IN ('in_custody', 'whereabouts_unknown') THEN coalesce(d.expected_release_on, 'infinity'::date)
    WHEN d.custody_status = 'released' THEN '-infinity'::date
    ELSE d.expected_release_on
  END AS custody_ends_on, d.arrest_days, CASE
    WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
      CASE
        WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
        WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
        WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
        ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
      END
  END AS delay_bucket,
            CASE
    WHEN date_part('year', d.sentenced_earliest) = date_part('year', d.sentenced_latest) THEN date_part('year', d.sentenced_earliest)::int
    WHEN date_part('year', d.detained_earliest) = date_part('year', d.detained_latest) THEN date_part('year', d.detained_earliest)::int
  END AS ruling_year,
            d.custody_status, d.custody_days, d.custody_from, d.expected_release_on, d.whereabouts_unknown_since, d.next_hearing_on,
            d.person_id
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          WHERE d.id IN (SELECT id FROM sel)) SELECT detained_on, detained_earliest, detained_latest, election_id, confidentiality, kind, unit, ruling_year, count(*)::int AS penalties, count(amount)::int AS with_amount, coalesce(sum(amount), 0)::numeric AS amount
    FROM (SELECT x.*, pn.kind, pn.unit, pn.amount
          FROM (SELECT x.detained_on, x.detained_earliest, x.detained_latest, CASE WHEN x.detained_on IS NULL THEN x.election_id END AS election_id,
      x.confidentiality, x.detention_id, x.ruling_year FROM x) x JOIN detention_charges dc ON dc.detention_id = x.detention_id
          JOIN penalties pn ON pn.detention_charge_id = dc.id AND pn.replaced_by_position IS NULL) x
    GROUP BY detained_on, detained_earliest, detained_latest, election_id, confidentiality, kind, unit, ruling_year;--> statement-breakpoint
INSERT INTO day_custody_stats (detained_on, detained_earliest, detained_latest, election_id, confidentiality, custody_status, custody_days, custody_from, expected_release_on, whereabouts_unknown_since, next_hearing_on, detentions) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality,
            d.custody_status IN ('in_custody', 'whereabouts_unknown') AS custody_open, CASE
    WHEN d.custody_status IN ('in_custody', 'whereabouts_unknown') THEN coalesce(d.expected_release_on, 'infinity'::date)
    WHEN d.custody_status = 'released' THEN '-infinity'::date
    ELSE d.expected_release_on
  END AS custody_ends_on, d.arrest_days, CASE
    WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
      CASE
        WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
        WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
        WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
        ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
      END
  END AS delay_bucket,
            CASE
    WHEN date_part('year', d.sentenced_earliest) = date_part('year', d.sentenced_latest) THEN date_part('year', d.sentenced_earliest)::int
    WHEN date_part('year', d.detained_earliest) = date_part('year', d.detained_latest) THEN date_part('year', d.detained_earliest)::int
  END AS ruling_year,
            d.custody_status, d.custody_days, d.custody_from, d.expected_release_on, d.whereabouts_unknown_since, d.next_hearing_on,
            d.person_id
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          WHERE d.id IN (SELECT id FROM sel)) SELECT detained_on, detained_earliest, detained_latest, election_id, confidentiality, custody_status, custody_days, custody_from, expected_release_on, whereabouts_unknown_since, next_hearing_on, count(*)::int AS detentions
    FROM (SELECT x.detained_on, x.detained_earliest, x.detained_latest, CASE WHEN x.detained_on IS NULL THEN x.election_id END AS election_id,
      x.confidentiality, x.custody_status,
        CASE WHEN x.custody_status = 'released' THEN x.custody_days END AS custody_days,
        CASE WHEN x.custody_status <> 'released' THEN x.custody_from END AS custody_from,
        CASE WHEN x.custody_status <> 'released' THEN x.expected_release_on END AS expected_release_on,
        CASE WHEN x.custody_status = 'whereabouts_unknown' THEN x.whereabouts_unknown_since END AS whereabouts_unknown_since,
        x.next_hearing_on FROM x) x
    GROUP BY detained_on, detained_earliest, detained_latest, election_id, confidentiality, custody_status, custody_days, custody_from, expected_release_on, whereabouts_unknown_since, next_hearing_on;--> statement-breakpoint
INSERT INTO window_people (election_id, with_restricted, person_id, detentions) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality,
            d.custody_status IN ('in_custody', 'whereabouts_unknown') AS custody_open, CASE
    WHEN d.custody_status IN ('in_custody', 'whereabouts_unknown') THEN coalesce(d.expected_release_on, 'infinity'::date)
    WHEN d.custody_status = 'released' THEN '-infinity'::date
    ELSE d.expected_release_on
  END AS custody_ends_on, d.arrest_days, CASE
    WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
      CASE
        WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
        WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
        WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
        ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
      END
  END AS delay_bucket,
            CASE
    WHEN date_part('year', d.sentenced_earliest) = date_part('year', d.sentenced_latest) THEN date_part('year', d.sentenced_earliest)::int
    WHEN date_part('year', d.detained_earliest) = date_part('year', d.detained_latest) THEN date_part('year', d.detained_earliest)::int
  END AS ruling_year,
            d.custody_status, d.custody_days, d.custody_from, d.expected_release_on, d.whereabouts_unknown_since, d.next_hearing_on,
            d.person_id
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          WHERE d.id IN (SELECT id FROM sel)) SELECT e.id AS election_id, v.with_restricted, t.person_id, count(*)::int AS detentions
    FROM x t
    JOIN elections e ON ((t.detained_on >= e.held_on - 60 AND t.detained_on <= e.held_on + 30) OR (t.detained_on IS NULL AND ((t.detained_earliest >= e.held_on - 60
    AND t.detained_latest <= e.held_on + 30) OR t.election_id = e.id)))
    JOIN (VALUES (true), (false)) AS v(with_restricted) ON v.with_restricted OR t.confidentiality = 'shareable'
    GROUP BY e.id, v.with_restricted, t.person_id;--> statement-breakpoint
ALTER TABLE "charge_stats" ADD CONSTRAINT "charge_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","detained_earliest","detained_latest","place_id","region","charge_ids","outcomes","penalty_kinds","plea","election_id","person_role","review_status","confidentiality","custody_open","custody_ends_on","charge_id","cited_part","text_only","basis_origin","outcome");--> statement-breakpoint
ALTER TABLE "detention_stats" ADD CONSTRAINT "detention_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","detained_earliest","detained_latest","sentenced_on","place_id","region","charge_ids","outcomes","penalty_kinds","plea","election_id","person_role","review_status","confidentiality","custody_open","custody_ends_on","arrest_days","delay_bucket");--> statement-breakpoint
ALTER TABLE "penalty_stats" ADD CONSTRAINT "penalty_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","detained_earliest","detained_latest","place_id","region","charge_ids","outcomes","penalty_kinds","plea","election_id","person_role","review_status","confidentiality","custody_open","custody_ends_on","kind","unit","ruling_year");--> statement-breakpoint
ANALYZE detention_stats;--> statement-breakpoint
ANALYZE charge_stats;--> statement-breakpoint
ANALYZE penalty_stats;--> statement-breakpoint
ANALYZE day_detention_stats;--> statement-breakpoint
ANALYZE day_charge_stats;--> statement-breakpoint
ANALYZE day_penalty_stats;--> statement-breakpoint
ANALYZE day_custody_stats;--> statement-breakpoint
ANALYZE window_people;

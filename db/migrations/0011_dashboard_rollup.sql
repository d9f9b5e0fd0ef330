-- The rollup is rebuilt from the records below: its old rows counted the single-charge model.
DELETE FROM "detention_stats";--> statement-breakpoint
ALTER TABLE "detention_stats" DROP CONSTRAINT "detention_stats_key";--> statement-breakpoint
ALTER TABLE "detention_stats" ALTER COLUMN "arrest_days" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "detention_stats" ADD COLUMN "detained_earliest" date;--> statement-breakpoint
ALTER TABLE "detention_stats" ADD COLUMN "detained_latest" date;--> statement-breakpoint
ALTER TABLE "detention_stats" ADD COLUMN "sentenced_on" date;--> statement-breakpoint
ALTER TABLE "detention_stats" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "detention_stats" ADD COLUMN "charge_ids" integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "detention_stats" ADD COLUMN "outcomes" charge_outcome[] NOT NULL;--> statement-breakpoint
ALTER TABLE "detention_stats" ADD COLUMN "penalty_kinds" "penalty_kind"[] NOT NULL;--> statement-breakpoint
ALTER TABLE "detention_stats" DROP COLUMN "charge_id";--> statement-breakpoint
ALTER TABLE "detention_stats" DROP COLUMN "sentence_kind";--> statement-breakpoint
ALTER TABLE "detention_stats" DROP COLUMN "fines";--> statement-breakpoint
ALTER TABLE "detention_stats" DROP COLUMN "fine_total";--> statement-breakpoint
ALTER TABLE "detention_stats" ADD CONSTRAINT "detention_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","detained_earliest","detained_latest","sentenced_on","place_id","region","charge_ids","outcomes","penalty_kinds","plea","election_id","person_role","review_status","confidentiality","arrest_days","delay_bucket");--> statement-breakpoint
-- Count every live detention again (the same statement as REBUILD_STATEMENT in lib/dashboard/stats.ts:
-- charges and penalties aggregated in one pass, never a subquery per detention, which on a large
-- table without planner statistics scans every penalty once per detention).
INSERT INTO detention_stats (detained_on, detained_earliest, detained_latest, sentenced_on, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, arrest_days, delay_bucket, detentions, arrest_days_total)
WITH ch AS (
    SELECT dc.detention_id,
      coalesce(array_agg(DISTINCT dc.charge_id ORDER BY dc.charge_id) FILTER (WHERE dc.charge_id IS NOT NULL), '{}')::int[] AS charge_ids,
      array_agg(DISTINCT dc.outcome ORDER BY dc.outcome)::charge_outcome[] AS outcomes
    FROM detention_charges dc GROUP BY dc.detention_id),
  pe AS (
    SELECT dc.detention_id,
      array_agg(DISTINCT pn.kind ORDER BY pn.kind)::penalty_kind[] AS penalty_kinds,
      round(sum(pn.amount) FILTER (WHERE pn.replaced_by_position IS NULL AND pn.kind = 'administrative_arrest' AND pn.unit = 'days'))::bigint AS arrest_days
    FROM penalties pn JOIN detention_charges dc ON dc.id = pn.detention_charge_id GROUP BY dc.detention_id)
SELECT detained_on, detained_earliest, detained_latest, sentenced_on, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, arrest_days, delay_bucket, count(*)::int, coalesce(sum(arrest_days), 0)::bigint
FROM (
  SELECT d.detained_on,
    CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest,
    CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest,
    d.sentenced_on, d.place_id, coalesce(pl.region, d.region) AS region,
    coalesce(ch.charge_ids, '{}') AS charge_ids, coalesce(ch.outcomes, '{}') AS outcomes, coalesce(pe.penalty_kinds, '{}') AS penalty_kinds,
    d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality, pe.arrest_days,
    CASE
      WHEN d.detained_precision = 'day' AND d.sentenced_precision = 'day' THEN
        CASE
          WHEN d.sentenced_on - d.detained_on >= 31 THEN 31
          WHEN d.sentenced_on - d.detained_on >= 8 THEN 8
          WHEN d.sentenced_on - d.detained_on >= 3 THEN 3
          ELSE GREATEST(d.sentenced_on - d.detained_on, 0)
        END
    END AS delay_bucket
  FROM detentions d JOIN people p ON p.id = d.person_id
  LEFT JOIN places pl ON pl.id = d.place_id
  LEFT JOIN ch ON ch.detention_id = d.id
  LEFT JOIN pe ON pe.detention_id = d.id
  WHERE d.deleted_at IS NULL) x
GROUP BY detained_on, detained_earliest, detained_latest, sentenced_on, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, arrest_days, delay_bucket;

DROP INDEX "detentions_panel_idx";--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "charge_ids" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "outcomes" charge_outcome[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "penalty_kinds" "penalty_kind"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "arrest_days" bigint;--> statement-breakpoint
-- Backfill: each detention's charges, outcomes, penalty kinds and days of arrest, as lib/dashboard/stats.ts refreshDetailArrays derives them.
UPDATE "detentions" d SET "charge_ids" = a.charge_ids, "outcomes" = a.outcomes, "penalty_kinds" = a.penalty_kinds, "arrest_days" = a.arrest_days
FROM (
  SELECT d2.id,
    coalesce(ch.charge_ids, '{}')::int[] AS charge_ids, coalesce(ch.outcomes, '{}')::charge_outcome[] AS outcomes,
    coalesce(pe.penalty_kinds, '{}')::penalty_kind[] AS penalty_kinds, pe.arrest_days
  FROM "detentions" d2
  LEFT JOIN (SELECT dc.detention_id,
      coalesce(array_agg(DISTINCT dc.charge_id ORDER BY dc.charge_id) FILTER (WHERE dc.charge_id IS NOT NULL), '{}') AS charge_ids,
      array_agg(DISTINCT dc.outcome ORDER BY dc.outcome) AS outcomes
    FROM "detention_charges" dc GROUP BY dc.detention_id) ch ON ch.detention_id = d2.id
  LEFT JOIN (SELECT dc.detention_id, array_agg(DISTINCT pn.kind ORDER BY pn.kind) AS penalty_kinds,
      round(sum(pn.amount) FILTER (WHERE pn.replaced_by_position IS NULL AND pn.kind = 'administrative_arrest' AND pn.unit = 'days'))::bigint AS arrest_days
    FROM "penalties" pn JOIN "detention_charges" dc ON dc.id = pn.detention_charge_id GROUP BY dc.detention_id) pe ON pe.detention_id = d2.id
) a
WHERE d.id = a.id AND (a.charge_ids <> '{}' OR a.outcomes <> '{}' OR a.penalty_kinds <> '{}' OR a.arrest_days IS NOT NULL);--> statement-breakpoint
CREATE INDEX "detentions_panel_idx" ON "detentions" USING btree ("detained_on","confidentiality","id","person_id","place_id","region","election_id","detained_earliest","detained_latest","plea","review_status","custody_status","custody_days","custody_from","expected_release_on","whereabouts_unknown_since","next_hearing_on","charge_ids","outcomes","penalty_kinds") WHERE "detentions"."deleted_at" IS NULL;
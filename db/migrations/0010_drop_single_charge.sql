ALTER TABLE "detentions" DROP CONSTRAINT "detentions_sentence_amount_positive";--> statement-breakpoint
ALTER TABLE "detentions" DROP CONSTRAINT "detentions_date_matches_precision";--> statement-breakpoint
ALTER TABLE "detentions" DROP CONSTRAINT "detentions_charge_id_charges_id_fk";
--> statement-breakpoint
DROP INDEX "detentions_charge_idx";--> statement-breakpoint
ALTER TABLE "detentions" DROP COLUMN "charge_id";--> statement-breakpoint
ALTER TABLE "detentions" DROP COLUMN "charge_text";--> statement-breakpoint
ALTER TABLE "detentions" DROP COLUMN "sentence_kind";--> statement-breakpoint
ALTER TABLE "detentions" DROP COLUMN "sentence_amount";--> statement-breakpoint
ALTER TABLE "detentions" DROP COLUMN "sentence_unit";--> statement-breakpoint
ALTER TABLE "detentions" DROP COLUMN "status";--> statement-breakpoint
-- A date known only to its year is no longer placed on a day: it counts as "date uncertain".
UPDATE "detentions" SET "detained_on" = NULL WHERE "detained_precision" = 'year';--> statement-breakpoint
UPDATE "detentions" SET "sentenced_on" = NULL WHERE "sentenced_precision" = 'year';--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_placement_matches_precision" CHECK (("detentions"."detained_on" IS NULL) = ("detentions"."detained_precision" IN ('year', 'unknown')));
CREATE TYPE "public"."basis_origin" AS ENUM('stated', 'inferred');--> statement-breakpoint
CREATE TYPE "public"."charge_outcome" AS ENUM('pending', 'dropped', 'convicted', 'acquitted', 'on_appeal', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."custody_event_kind" AS ENUM('detained', 'whereabouts_unknown', 'location_confirmed', 'charged', 'hearing_scheduled', 'hearing_held', 'sentenced', 'appeal_filed', 'appeal_decided', 'released', 'transferred');--> statement-breakpoint
CREATE TYPE "public"."custody_status" AS ENUM('in_custody', 'whereabouts_unknown', 'released', 'not_detained', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."date_qualifier" AS ENUM('exact', 'on_or_before', 'on_or_after', 'between', 'approximately', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."penalty_kind" AS ENUM('administrative_arrest', 'fine', 'restricted_freedom', 'imprisonment', 'probation', 'activity_ban', 'community_work', 'warning');--> statement-breakpoint
CREATE TYPE "public"."penalty_unit" AS ENUM('hours', 'days', 'months', 'years', 'KZT', 'USD', 'EUR', 'RUB', 'MCI');--> statement-breakpoint
CREATE TYPE "public"."place_precision" AS ENUM('address', 'city', 'region', 'country', 'not_stated');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "calendar_feeds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "custody_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "custody_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"detention_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"kind" "custody_event_kind" NOT NULL,
	"earliest" date,
	"latest" date,
	"qualifier" date_qualifier DEFAULT 'unknown' NOT NULL,
	"as_reported" text,
	"place_id" integer,
	"place_detail" text,
	"note" text,
	"source_id" integer,
	CONSTRAINT "custody_events_interval" CHECK ("custody_events"."earliest" IS NULL OR "custody_events"."latest" IS NULL OR "custody_events"."earliest" <= "custody_events"."latest")
);
--> statement-breakpoint
CREATE TABLE "detention_charges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "detention_charges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"detention_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"charge_id" integer,
	"part" text,
	"charge_text" text,
	"basis_origin" "basis_origin",
	"outcome" charge_outcome DEFAULT 'unknown' NOT NULL,
	"outcome_earliest" date,
	"outcome_latest" date,
	"outcome_qualifier" date_qualifier DEFAULT 'unknown' NOT NULL,
	"outcome_as_reported" text,
	CONSTRAINT "detention_charges_basis" CHECK (("detention_charges"."charge_id" IS NULL) = ("detention_charges"."basis_origin" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "mci_values" (
	"year" smallint PRIMARY KEY NOT NULL,
	"tenge" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalties" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "penalties_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"detention_charge_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"kind" "penalty_kind" NOT NULL,
	"amount" numeric(14, 2),
	"unit" "penalty_unit",
	"as_reported" text,
	"replaced_by_position" smallint,
	CONSTRAINT "penalties_amount_unit" CHECK (("penalties"."amount" IS NULL OR "penalties"."amount" > 0) AND ("penalties"."amount" IS NULL OR "penalties"."unit" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "detention_stats" ALTER COLUMN "place_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "detentions" ALTER COLUMN "place_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "charges" ADD COLUMN "article" text;--> statement-breakpoint
UPDATE "charges" SET "article" = coalesce(substring("legal_basis" from '([0-9]+[0-9.-]*)\s*$'), "slug");--> statement-breakpoint
ALTER TABLE "charges" ALTER COLUMN "article" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "charges" ADD COLUMN "created_by_id" integer;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "place_precision" "place_precision" DEFAULT 'city' NOT NULL;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "detained_earliest" date;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "detained_latest" date;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "detained_qualifier" date_qualifier DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "detained_as_reported" text;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "sentenced_earliest" date;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "sentenced_latest" date;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "sentenced_qualifier" date_qualifier DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "sentenced_as_reported" text;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "custody_status" "custody_status" DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "custody_from" date;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "released_on" date;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "custody_days" integer;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "whereabouts_unknown_since" date;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "next_hearing_on" date;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "expected_release_on" date;--> statement-breakpoint
ALTER TABLE "detentions" ADD COLUMN "public_notes" text;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_detention_id_detentions_id_fk" FOREIGN KEY ("detention_id") REFERENCES "public"."detentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detention_charges" ADD CONSTRAINT "detention_charges_detention_id_detentions_id_fk" FOREIGN KEY ("detention_id") REFERENCES "public"."detentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detention_charges" ADD CONSTRAINT "detention_charges_charge_id_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."charges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalties" ADD CONSTRAINT "penalties_detention_charge_id_detention_charges_id_fk" FOREIGN KEY ("detention_charge_id") REFERENCES "public"."detention_charges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_user_key" ON "calendar_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custody_events_position_key" ON "custody_events" USING btree ("detention_id","position");--> statement-breakpoint
CREATE INDEX "custody_events_kind_day_idx" ON "custody_events" USING btree ("kind","earliest");--> statement-breakpoint
CREATE INDEX "custody_events_place_idx" ON "custody_events" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "custody_events_source_idx" ON "custody_events" USING btree ("source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "detention_charges_position_key" ON "detention_charges" USING btree ("detention_id","position");--> statement-breakpoint
CREATE INDEX "detention_charges_charge_idx" ON "detention_charges" USING btree ("charge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "penalties_position_key" ON "penalties" USING btree ("detention_charge_id","position");--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charges_code_article_key" ON "charges" USING btree ("code","article");--> statement-breakpoint
CREATE INDEX "charges_created_by_idx" ON "charges" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "detentions_next_hearing_idx" ON "detentions" USING btree ("next_hearing_on");--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_detained_interval" CHECK ("detentions"."detained_earliest" IS NULL OR "detentions"."detained_latest" IS NULL OR "detentions"."detained_earliest" <= "detentions"."detained_latest");--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_sentenced_interval" CHECK ("detentions"."sentenced_earliest" IS NULL OR "detentions"."sentenced_latest" IS NULL OR "detentions"."sentenced_earliest" <= "detentions"."sentenced_latest");--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_place_stated" CHECK (("detentions"."place_id" IS NULL) = ("detentions"."place_precision" IN ('region', 'country', 'not_stated')));
--> statement-breakpoint
-- Data: every existing detention moves to the new model without loss.
-- Dates: a partial date becomes the interval of its day, month or year.
UPDATE "detentions" SET
  "detained_earliest" = "detained_on",
  "detained_latest" = CASE "detained_precision"
    WHEN 'day' THEN "detained_on"
    WHEN 'month' THEN ("detained_on" + interval '1 month' - interval '1 day')::date
    WHEN 'year' THEN ("detained_on" + interval '1 year' - interval '1 day')::date
  END,
  "detained_qualifier" = CASE WHEN "detained_on" IS NULL THEN 'unknown' ELSE 'exact' END::date_qualifier,
  "sentenced_earliest" = "sentenced_on",
  "sentenced_latest" = CASE "sentenced_precision"
    WHEN 'day' THEN "sentenced_on"
    WHEN 'month' THEN ("sentenced_on" + interval '1 month' - interval '1 day')::date
    WHEN 'year' THEN ("sentenced_on" + interval '1 year' - interval '1 day')::date
  END,
  "sentenced_qualifier" = CASE WHEN "sentenced_on" IS NULL THEN 'unknown' ELSE 'exact' END::date_qualifier;--> statement-breakpoint
-- The single charge becomes the first charge; a legal basis picked from the vocabulary is marked
-- "inferred" because the old form could not say whether the source stated it.
INSERT INTO "detention_charges" ("detention_id", "position", "charge_id", "charge_text", "basis_origin", "outcome",
  "outcome_earliest", "outcome_latest", "outcome_qualifier")
SELECT d."id", 0, d."charge_id", d."charge_text",
  CASE WHEN d."charge_id" IS NULL THEN NULL ELSE 'inferred' END::basis_origin,
  CASE d."sentence_kind" WHEN 'acquitted' THEN 'acquitted' WHEN 'pending' THEN 'pending' WHEN 'unknown' THEN 'unknown' ELSE 'convicted' END::charge_outcome,
  CASE WHEN d."sentence_kind" IN ('unknown', 'pending') THEN NULL ELSE d."sentenced_earliest" END,
  CASE WHEN d."sentence_kind" IN ('unknown', 'pending') THEN NULL ELSE d."sentenced_latest" END,
  CASE WHEN d."sentence_kind" IN ('unknown', 'pending') THEN 'unknown' ELSE d."sentenced_qualifier" END::date_qualifier
FROM "detentions" d
WHERE d."charge_id" IS NOT NULL OR d."charge_text" IS NOT NULL OR d."sentence_kind" <> 'unknown';--> statement-breakpoint
INSERT INTO "penalties" ("detention_charge_id", "position", "kind", "amount", "unit")
SELECT c."id", 0,
  CASE d."sentence_kind" WHEN 'suspended' THEN 'probation' ELSE d."sentence_kind"::text END::penalty_kind,
  CASE WHEN d."sentence_unit" IS NULL AND d."sentence_kind" <> 'administrative_arrest' THEN NULL ELSE d."sentence_amount" END,
  CASE
    WHEN d."sentence_amount" IS NULL THEN NULL
    WHEN d."sentence_unit" = 'tenge' THEN 'KZT'
    WHEN d."sentence_unit" IS NULL THEN CASE WHEN d."sentence_kind" = 'administrative_arrest' THEN 'days' END
    ELSE d."sentence_unit"::text
  END::penalty_unit
FROM "detention_charges" c JOIN "detentions" d ON d."id" = c."detention_id"
WHERE d."sentence_kind" IN ('administrative_arrest', 'fine', 'restricted_freedom', 'imprisonment', 'suspended', 'warning');--> statement-breakpoint
-- The custody timeline: what the old status said. "Released" becomes a release of unknown date;
-- "detained" and "awaiting trial" say the person was held, kept as a detention event on the
-- detention's dates. The detention and sentence dates stay on the detention itself.
INSERT INTO "custody_events" ("detention_id", "position", "kind", "earliest", "latest", "qualifier")
SELECT "id", 0, 'detained', "detained_earliest", "detained_latest", "detained_qualifier" FROM "detentions"
WHERE "status" IN ('detained', 'awaiting_trial');--> statement-breakpoint
INSERT INTO "custody_events" ("detention_id", "position", "kind", "qualifier")
SELECT "id", 0, 'released', 'unknown' FROM "detentions" WHERE "status" = 'released';--> statement-breakpoint
-- Derived custody facts, as lib/custody/timeline.ts derives them for these events.
UPDATE "detentions" d SET
  "custody_from" = CASE WHEN d."detained_earliest" = d."detained_latest" THEN d."detained_earliest" END,
  "expected_release_on" = CASE WHEN d."status" <> 'released' AND d."detained_earliest" = d."detained_latest" THEN
    (SELECT max(CASE p."unit"
        WHEN 'days' THEN d."detained_earliest" + p."amount"::int
        WHEN 'months' THEN (d."detained_earliest" + make_interval(months => p."amount"::int))::date
        WHEN 'years' THEN (d."detained_earliest" + make_interval(years => p."amount"::int))::date
      END)
      FROM "penalties" p JOIN "detention_charges" c ON c."id" = p."detention_charge_id"
      WHERE c."detention_id" = d."id" AND c."outcome" IN ('convicted', 'on_appeal')
        AND p."kind" IN ('administrative_arrest', 'imprisonment') AND p."amount" IS NOT NULL)
  END;--> statement-breakpoint
-- Where the person stands: released, held (a detention event, or serving an arrest or prison
-- term), else unknown.
UPDATE "detentions" d SET "custody_status" = CASE
    WHEN d."status" = 'released' THEN 'released'
    WHEN d."status" IN ('detained', 'awaiting_trial') OR d."expected_release_on" IS NOT NULL THEN 'in_custody'
    ELSE 'unknown'
  END::custody_status;

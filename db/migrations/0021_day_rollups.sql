CREATE TABLE "day_charge_stats" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "day_charge_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"detained_on" date,
	"detained_earliest" date,
	"detained_latest" date,
	"election_id" integer,
	"confidentiality" "confidentiality" NOT NULL,
	"grouping_set" smallint NOT NULL,
	"charge_id" integer,
	"cited_part" text,
	"text_only" boolean,
	"basis_origin" "basis_origin",
	"outcome" charge_outcome,
	"plea" "plea",
	"charges" integer NOT NULL,
	CONSTRAINT "day_charge_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","detained_earliest","detained_latest","election_id","confidentiality","grouping_set","charge_id","cited_part","text_only","basis_origin","outcome","plea")
);
--> statement-breakpoint
CREATE TABLE "day_custody_stats" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "day_custody_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"detained_on" date,
	"detained_earliest" date,
	"detained_latest" date,
	"election_id" integer,
	"confidentiality" "confidentiality" NOT NULL,
	"custody_status" "custody_status" NOT NULL,
	"custody_days" integer,
	"custody_from" date,
	"expected_release_on" date,
	"whereabouts_unknown_since" date,
	"next_hearing_on" date,
	"detentions" integer NOT NULL,
	CONSTRAINT "day_custody_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","detained_earliest","detained_latest","election_id","confidentiality","custody_status","custody_days","custody_from","expected_release_on","whereabouts_unknown_since","next_hearing_on")
);
--> statement-breakpoint
CREATE TABLE "day_detention_stats" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "day_detention_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"detained_on" date,
	"detained_earliest" date,
	"detained_latest" date,
	"election_id" integer,
	"confidentiality" "confidentiality" NOT NULL,
	"panel" smallint NOT NULL,
	"place_id" integer,
	"region" text,
	"person_role" "person_role",
	"arrest_days" bigint,
	"delay_bucket" smallint,
	"sentenced_on" date,
	"detentions" integer NOT NULL,
	"arrest_days_total" bigint NOT NULL,
	CONSTRAINT "day_detention_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","detained_earliest","detained_latest","election_id","confidentiality","panel","place_id","region","person_role","arrest_days","delay_bucket","sentenced_on")
);
--> statement-breakpoint
CREATE TABLE "day_penalty_stats" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "day_penalty_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"detained_on" date,
	"detained_earliest" date,
	"detained_latest" date,
	"election_id" integer,
	"confidentiality" "confidentiality" NOT NULL,
	"kind" "penalty_kind" NOT NULL,
	"unit" "penalty_unit",
	"ruling_year" integer,
	"penalties" integer NOT NULL,
	"with_amount" integer NOT NULL,
	"amount" numeric NOT NULL,
	CONSTRAINT "day_penalty_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","detained_earliest","detained_latest","election_id","confidentiality","kind","unit","ruling_year")
);
--> statement-breakpoint
CREATE INDEX "day_charge_stats_day_idx" ON "day_charge_stats" USING btree ("detained_on");--> statement-breakpoint
CREATE INDEX "day_custody_stats_day_idx" ON "day_custody_stats" USING btree ("detained_on");--> statement-breakpoint
CREATE INDEX "day_detention_stats_day_idx" ON "day_detention_stats" USING btree ("detained_on");--> statement-breakpoint
CREATE INDEX "day_penalty_stats_day_idx" ON "day_penalty_stats" USING btree ("detained_on");--> statement-breakpoint
CREATE INDEX "detentions_person_day_idx" ON "detentions" USING btree ("confidentiality","detained_on","person_id") WHERE "detentions"."deleted_at" IS NULL;--> statement-breakpoint
-- Count every live detention in the day rollups (the statements of REBUILD_STATEMENTS in lib/dashboard/stats.ts
-- for these tables, as rendered when this migration was written; stats.test.ts checks that they still agree).
INSERT INTO day_detention_stats (detained_on, detained_earliest, detained_latest, election_id, confidentiality, panel, place_id, region, person_role, arrest_days, delay_bucket, sentenced_on, detentions, arrest_days_total) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality, d.arrest_days, CASE
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
    GROUP BY detained_on, detained_earliest, detained_latest, election_id, confidentiality, GROUPING SETS ((place_id, region), (person_role), (arrest_days), (delay_bucket), (sentenced_on));
--> statement-breakpoint
INSERT INTO day_charge_stats (detained_on, detained_earliest, detained_latest, election_id, confidentiality, grouping_set, charge_id, cited_part, text_only, basis_origin, outcome, plea, charges) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality, d.arrest_days, CASE
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
    GROUP BY detained_on, detained_earliest, detained_latest, election_id, confidentiality, GROUPING SETS ((charge_id, cited_part, text_only, basis_origin), (outcome), (plea, outcome));
--> statement-breakpoint
INSERT INTO day_penalty_stats (detained_on, detained_earliest, detained_latest, election_id, confidentiality, kind, unit, ruling_year, penalties, with_amount, amount) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality, d.arrest_days, CASE
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
    GROUP BY detained_on, detained_earliest, detained_latest, election_id, confidentiality, kind, unit, ruling_year;
--> statement-breakpoint
INSERT INTO day_custody_stats (detained_on, detained_earliest, detained_latest, election_id, confidentiality, custody_status, custody_days, custody_from, expected_release_on, whereabouts_unknown_since, next_hearing_on, detentions) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, d.charge_ids, d.outcomes, d.penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality, d.arrest_days, CASE
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
    GROUP BY detained_on, detained_earliest, detained_latest, election_id, confidentiality, custody_status, custody_days, custody_from, expected_release_on, whereabouts_unknown_since, next_hearing_on;

CREATE TABLE "charge_stats" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "charge_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"detained_on" date,
	"detained_earliest" date,
	"detained_latest" date,
	"place_id" integer,
	"region" text,
	"charge_ids" integer[] NOT NULL,
	"outcomes" charge_outcome[] NOT NULL,
	"penalty_kinds" "penalty_kind"[] NOT NULL,
	"plea" "plea" NOT NULL,
	"election_id" integer,
	"person_role" "person_role" NOT NULL,
	"review_status" "review_status" NOT NULL,
	"confidentiality" "confidentiality" NOT NULL,
	"charge_id" integer,
	"cited_part" text,
	"text_only" boolean NOT NULL,
	"basis_origin" "basis_origin",
	"outcome" charge_outcome NOT NULL,
	"charges" integer NOT NULL,
	CONSTRAINT "charge_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","detained_earliest","detained_latest","place_id","region","charge_ids","outcomes","penalty_kinds","plea","election_id","person_role","review_status","confidentiality","charge_id","cited_part","text_only","basis_origin","outcome")
);
--> statement-breakpoint
CREATE TABLE "penalty_stats" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "penalty_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"detained_on" date,
	"detained_earliest" date,
	"detained_latest" date,
	"place_id" integer,
	"region" text,
	"charge_ids" integer[] NOT NULL,
	"outcomes" charge_outcome[] NOT NULL,
	"penalty_kinds" "penalty_kind"[] NOT NULL,
	"plea" "plea" NOT NULL,
	"election_id" integer,
	"person_role" "person_role" NOT NULL,
	"review_status" "review_status" NOT NULL,
	"confidentiality" "confidentiality" NOT NULL,
	"kind" "penalty_kind" NOT NULL,
	"unit" "penalty_unit",
	"ruling_year" integer,
	"penalties" integer NOT NULL,
	"with_amount" integer NOT NULL,
	"amount" numeric NOT NULL,
	CONSTRAINT "penalty_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","detained_earliest","detained_latest","place_id","region","charge_ids","outcomes","penalty_kinds","plea","election_id","person_role","review_status","confidentiality","kind","unit","ruling_year")
);
--> statement-breakpoint
CREATE INDEX "charge_stats_day_idx" ON "charge_stats" USING btree ("detained_on");--> statement-breakpoint
CREATE INDEX "penalty_stats_day_idx" ON "penalty_stats" USING btree ("detained_on");--> statement-breakpoint
-- Fresh statistics first: after an upgrade that just moved every record (0010), the planner would otherwise
-- guess these tables empty and nest loops over them (minutes at 100,000 records on PGlite).
ANALYZE detentions, detention_charges, penalties, people, places;--> statement-breakpoint
-- Count every live detention's charges and penalties in force (the same statements as REBUILD_STATEMENTS in
-- lib/dashboard/stats.ts).
INSERT INTO charge_stats (detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, charge_id, cited_part, text_only, basis_origin, outcome, charges) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    ch AS (
      SELECT dc.detention_id,
        coalesce(array_agg(DISTINCT dc.charge_id ORDER BY dc.charge_id) FILTER (WHERE dc.charge_id IS NOT NULL), '{}')::int[] AS charge_ids,
        array_agg(DISTINCT dc.outcome ORDER BY dc.outcome)::charge_outcome[] AS outcomes
      FROM detention_charges dc WHERE dc.detention_id IN (SELECT id FROM sel) GROUP BY dc.detention_id),
    pe AS (
      SELECT dc.detention_id,
        array_agg(DISTINCT pn.kind ORDER BY pn.kind)::penalty_kind[] AS penalty_kinds,
        round(sum(pn.amount) FILTER (WHERE pn.replaced_by_position IS NULL AND pn.kind = 'administrative_arrest' AND pn.unit = 'days'))::bigint AS arrest_days
      FROM penalties pn JOIN detention_charges dc ON dc.id = pn.detention_charge_id
      WHERE dc.detention_id IN (SELECT id FROM sel) GROUP BY dc.detention_id),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, coalesce(ch.charge_ids, '{}') AS charge_ids,
            coalesce(ch.outcomes, '{}') AS outcomes, coalesce(pe.penalty_kinds, '{}') AS penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality, pe.arrest_days, CASE
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
  END AS ruling_year
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          LEFT JOIN ch ON ch.detention_id = d.id
          LEFT JOIN pe ON pe.detention_id = d.id
          WHERE d.id IN (SELECT id FROM sel))
    SELECT detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, charge_id, cited_part, text_only, basis_origin, outcome, count(*)::int AS charges
    FROM (SELECT x.*, dc.charge_id, nullif(btrim(dc.part), '') AS cited_part,
            (dc.charge_id IS NULL AND nullif(btrim(dc.charge_text), '') IS NOT NULL) AS text_only, dc.basis_origin, dc.outcome
          FROM x JOIN detention_charges dc ON dc.detention_id = x.detention_id) c
    GROUP BY detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, charge_id, cited_part, text_only, basis_origin, outcome;--> statement-breakpoint
INSERT INTO penalty_stats (detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, kind, unit, ruling_year, penalties, with_amount, amount) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
    ch AS (
      SELECT dc.detention_id,
        coalesce(array_agg(DISTINCT dc.charge_id ORDER BY dc.charge_id) FILTER (WHERE dc.charge_id IS NOT NULL), '{}')::int[] AS charge_ids,
        array_agg(DISTINCT dc.outcome ORDER BY dc.outcome)::charge_outcome[] AS outcomes
      FROM detention_charges dc WHERE dc.detention_id IN (SELECT id FROM sel) GROUP BY dc.detention_id),
    pe AS (
      SELECT dc.detention_id,
        array_agg(DISTINCT pn.kind ORDER BY pn.kind)::penalty_kind[] AS penalty_kinds,
        round(sum(pn.amount) FILTER (WHERE pn.replaced_by_position IS NULL AND pn.kind = 'administrative_arrest' AND pn.unit = 'days'))::bigint AS arrest_days
      FROM penalties pn JOIN detention_charges dc ON dc.id = pn.detention_charge_id
      WHERE dc.detention_id IN (SELECT id FROM sel) GROUP BY dc.detention_id),
    x AS (SELECT d.id AS detention_id, d.detained_on, CASE WHEN d.detained_on IS NULL THEN d.detained_earliest END AS detained_earliest, CASE WHEN d.detained_on IS NULL THEN d.detained_latest END AS detained_latest, d.sentenced_on,
            d.place_id, coalesce(pl.region, d.region) AS region, coalesce(ch.charge_ids, '{}') AS charge_ids,
            coalesce(ch.outcomes, '{}') AS outcomes, coalesce(pe.penalty_kinds, '{}') AS penalty_kinds,
            d.plea, d.election_id, p.role AS person_role, d.review_status, d.confidentiality, pe.arrest_days, CASE
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
  END AS ruling_year
          FROM detentions d JOIN people p ON p.id = d.person_id
          LEFT JOIN places pl ON pl.id = d.place_id
          LEFT JOIN ch ON ch.detention_id = d.id
          LEFT JOIN pe ON pe.detention_id = d.id
          WHERE d.id IN (SELECT id FROM sel))
    SELECT detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, kind, unit, ruling_year, count(*)::int AS penalties, count(amount)::int AS with_amount, coalesce(sum(amount), 0)::numeric AS amount
    FROM (SELECT x.*, pn.kind, pn.unit, pn.amount
          FROM x JOIN detention_charges dc ON dc.detention_id = x.detention_id
          JOIN penalties pn ON pn.detention_charge_id = dc.id AND pn.replaced_by_position IS NULL) c
    GROUP BY detained_on, detained_earliest, detained_latest, place_id, region, charge_ids, outcomes, penalty_kinds, plea, election_id, person_role, review_status, confidentiality, kind, unit, ruling_year;

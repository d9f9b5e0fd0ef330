CREATE TABLE "window_people" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "window_people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"election_id" integer NOT NULL,
	"with_restricted" boolean NOT NULL,
	"person_id" integer NOT NULL,
	"detentions" integer NOT NULL,
	CONSTRAINT "window_people_key" UNIQUE NULLS NOT DISTINCT("election_id","with_restricted","person_id")
);
--> statement-breakpoint
CREATE INDEX "window_people_count_idx" ON "window_people" USING btree ("election_id","with_restricted","detentions");--> statement-breakpoint
-- Count every live detention's person in each election's default window (the statement of REBUILD_STATEMENTS
-- in lib/dashboard/stats.ts for this table, as rendered when this migration was written; stats.test.ts checks it).
INSERT INTO window_people (election_id, with_restricted, person_id, detentions) WITH sel AS (SELECT d.id FROM detentions d WHERE d.deleted_at IS NULL AND (true)),
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
          WHERE d.id IN (SELECT id FROM sel)) SELECT e.id AS election_id, v.with_restricted, t.person_id, count(*)::int AS detentions
    FROM x t
    JOIN elections e ON ((t.detained_on >= e.held_on - 60 AND t.detained_on <= e.held_on + 30) OR (t.detained_on IS NULL AND ((t.detained_earliest >= e.held_on - 60
    AND t.detained_latest <= e.held_on + 30) OR t.election_id = e.id)))
    JOIN (VALUES (true), (false)) AS v(with_restricted) ON v.with_restricted OR t.confidentiality = 'shareable'
    GROUP BY e.id, v.with_restricted, t.person_id;

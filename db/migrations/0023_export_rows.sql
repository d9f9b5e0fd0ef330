CREATE TABLE "export_csv_rows" (
	"detention_id" integer PRIMARY KEY NOT NULL,
	"format" text,
	"head" text,
	"notes" text,
	"charges" text[],
	"penalty_counts" smallint[],
	"events" text[],
	"sources" text[],
	"charge_count" smallint,
	"penalty_max" smallint,
	"event_count" smallint,
	"source_count" smallint
);
--> statement-breakpoint
CREATE TABLE "export_json_rows" (
	"detention_id" integer PRIMARY KEY NOT NULL,
	"format" text,
	"head" text,
	"notes" text,
	"middle" text,
	"lists" text
);
--> statement-breakpoint
ALTER TABLE "export_csv_rows" ADD CONSTRAINT "export_csv_rows_detention_id_detentions_id_fk" FOREIGN KEY ("detention_id") REFERENCES "public"."detentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_json_rows" ADD CONSTRAINT "export_json_rows_detention_id_detentions_id_fk" FOREIGN KEY ("detention_id") REFERENCES "public"."detentions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Clears the export cells of the given detentions (lib/exports/export-rows.ts), both formats.
-- First every row is locked, in id order (two changes clearing overlapping sets wait for each other
-- instead of deadlocking), even a row already cleared: that lock is what keeps an export from
-- storing cells computed before this change commits. Then, in a statement of its own, so that its
-- snapshot sees a fill that held a row and committed meanwhile, the rows holding cells are cleared.
-- (One UPDATE that locks in a subquery and skips cleared rows would judge "cleared" by its own
-- snapshot, taken before the wait, and miss the fill's cells.) The ids are joined, not matched
-- with = ANY(ids): a bulk change passes a million, and ANY scans the array per row.
CREATE FUNCTION export_rows_clear(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM export_csv_rows e JOIN (SELECT DISTINCT unnest(ids) AS id) AS i ON i.id = e.detention_id
    ORDER BY e.detention_id FOR UPDATE OF e;
  UPDATE export_csv_rows e SET format = NULL, head = NULL, notes = NULL, charges = NULL, penalty_counts = NULL, events = NULL, sources = NULL,
      charge_count = NULL, penalty_max = NULL, event_count = NULL, source_count = NULL
    FROM (SELECT DISTINCT unnest(ids) AS id) AS i WHERE i.id = e.detention_id AND e.format IS NOT NULL;
  PERFORM 1 FROM export_json_rows e JOIN (SELECT DISTINCT unnest(ids) AS id) AS i ON i.id = e.detention_id
    ORDER BY e.detention_id FOR UPDATE OF e;
  UPDATE export_json_rows e SET format = NULL, head = NULL, notes = NULL, middle = NULL, lists = NULL
    FROM (SELECT DISTINCT unnest(ids) AS id) AS i WHERE i.id = e.detention_id AND e.format IS NOT NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION export_rows_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO export_csv_rows (detention_id) SELECT id FROM changed ORDER BY id ON CONFLICT DO NOTHING;
  INSERT INTO export_json_rows (detention_id) SELECT id FROM changed ORDER BY id ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_insert AFTER INSERT ON detentions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_insert();
--> statement-breakpoint
-- Any change of a detention: its own cells (everything but custody, which the export computes).
CREATE FUNCTION export_rows_of_detention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT id FROM changed));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_detention_update AFTER UPDATE ON detentions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_detention();
--> statement-breakpoint
-- Charges, custody events and citations: rows of one detention each.
CREATE FUNCTION export_rows_of_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT DISTINCT detention_id FROM changed));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An update may move a row to another detention: both the old and the new one are cleared.
CREATE FUNCTION export_rows_of_moved_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT detention_id FROM old_rows UNION SELECT detention_id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_charge_insert AFTER INSERT ON detention_charges REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_child();
--> statement-breakpoint
CREATE TRIGGER export_rows_charge_update AFTER UPDATE ON detention_charges REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_moved_child();
--> statement-breakpoint
CREATE TRIGGER export_rows_charge_delete AFTER DELETE ON detention_charges REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_child();
--> statement-breakpoint
CREATE TRIGGER export_rows_event_insert AFTER INSERT ON custody_events REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_child();
--> statement-breakpoint
CREATE TRIGGER export_rows_event_update AFTER UPDATE ON custody_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_moved_child();
--> statement-breakpoint
CREATE TRIGGER export_rows_event_delete AFTER DELETE ON custody_events REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_child();
--> statement-breakpoint
CREATE TRIGGER export_rows_citation_insert AFTER INSERT ON citations REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_child();
--> statement-breakpoint
CREATE TRIGGER export_rows_citation_update AFTER UPDATE ON citations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_moved_child();
--> statement-breakpoint
CREATE TRIGGER export_rows_citation_delete AFTER DELETE ON citations REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_child();
--> statement-breakpoint
-- Penalties belong to a charge. A penalty deleted with its charge needs nothing: the charge's
-- own trigger has cleared the detention.
CREATE FUNCTION export_rows_of_penalty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT DISTINCT dc.detention_id FROM changed p JOIN detention_charges dc ON dc.id = p.detention_charge_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_penalty_insert AFTER INSERT ON penalties REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_penalty();
--> statement-breakpoint
CREATE FUNCTION export_rows_of_moved_penalty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT dc.detention_id FROM detention_charges dc
    WHERE dc.id IN (SELECT detention_charge_id FROM old_rows UNION SELECT detention_charge_id FROM new_rows)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_penalty_update AFTER UPDATE ON penalties REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_moved_penalty();
--> statement-breakpoint
CREATE TRIGGER export_rows_penalty_delete AFTER DELETE ON penalties REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_penalty();
--> statement-breakpoint
-- A person's name, role or affiliation; any change of their names (the Cyrillic one is exported).
CREATE FUNCTION export_rows_of_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT d.id FROM detentions d WHERE d.person_id IN (
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.display_name, n.role, n.affiliation) IS DISTINCT FROM (o.display_name, o.role, o.affiliation))));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_person_update AFTER UPDATE ON people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_person();
--> statement-breakpoint
CREATE FUNCTION export_rows_of_person_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT d.id FROM detentions d WHERE d.person_id IN (SELECT person_id FROM changed)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_person_name_insert AFTER INSERT ON person_names REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_person_name();
--> statement-breakpoint
CREATE FUNCTION export_rows_of_moved_person_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT d.id FROM detentions d
    WHERE d.person_id IN (SELECT person_id FROM old_rows UNION SELECT person_id FROM new_rows)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_person_name_update AFTER UPDATE ON person_names REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_moved_person_name();
--> statement-breakpoint
CREATE TRIGGER export_rows_person_name_delete AFTER DELETE ON person_names REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_person_name();
--> statement-breakpoint
-- A place's name or region: the detentions there and the events there.
CREATE FUNCTION export_rows_of_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(
    WITH moved AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.name, n.region) IS DISTINCT FROM (o.name, o.region))
    SELECT d.id FROM detentions d WHERE d.place_id IN (SELECT id FROM moved)
    UNION SELECT e.detention_id FROM custody_events e WHERE e.place_id IN (SELECT id FROM moved)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_place_update AFTER UPDATE ON places REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_place();
--> statement-breakpoint
CREATE FUNCTION export_rows_of_election() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT d.id FROM detentions d WHERE d.election_id IN (
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_election_update AFTER UPDATE ON elections REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_election();
--> statement-breakpoint
-- A vocabulary entry of charges: every detention charged under it.
CREATE FUNCTION export_rows_of_charge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT DISTINCT dc.detention_id FROM detention_charges dc WHERE dc.charge_id IN (
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.slug, n.name, n.code, n.article, n.legal_basis) IS DISTINCT FROM (o.slug, o.name, o.code, o.article, o.legal_basis))));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_charge_entry_update AFTER UPDATE ON charges REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_charge();
--> statement-breakpoint
-- A source's citation cells: the detentions citing it and the events it reports.
CREATE FUNCTION export_rows_of_source() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(
    WITH edited AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.url, n.title, n.publisher, n.published_on, n.published_precision, n.language)
        IS DISTINCT FROM (o.url, o.title, o.publisher, o.published_on, o.published_precision, o.language))
    SELECT c.detention_id FROM citations c WHERE c.source_id IN (SELECT id FROM edited)
    UNION SELECT e.detention_id FROM custody_events e WHERE e.source_id IN (SELECT id FROM edited)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_source_update AFTER UPDATE ON sources REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_source();
--> statement-breakpoint
-- A capture may become a source's first (its time and hash are exported with every citation).
CREATE FUNCTION export_rows_of_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT DISTINCT c.detention_id FROM citations c WHERE c.source_id IN (SELECT source_id FROM changed)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_capture_insert AFTER INSERT ON source_captures REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_capture();
--> statement-breakpoint
CREATE FUNCTION export_rows_of_moved_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT DISTINCT c.detention_id FROM citations c
    WHERE c.source_id IN (SELECT source_id FROM old_rows UNION SELECT source_id FROM new_rows)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_capture_update AFTER UPDATE ON source_captures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_moved_capture();
--> statement-breakpoint
CREATE TRIGGER export_rows_capture_delete AFTER DELETE ON source_captures REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_capture();
--> statement-breakpoint
-- TRUNCATE of a table the cells read (no transition table says which rows): every row is cleared.
CREATE FUNCTION export_rows_of_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_rows_clear(ARRAY(SELECT detention_id FROM export_csv_rows UNION SELECT detention_id FROM export_json_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER export_rows_truncate AFTER TRUNCATE ON detention_charges FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_truncate();
--> statement-breakpoint
CREATE TRIGGER export_rows_truncate AFTER TRUNCATE ON penalties FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_truncate();
--> statement-breakpoint
CREATE TRIGGER export_rows_truncate AFTER TRUNCATE ON custody_events FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_truncate();
--> statement-breakpoint
CREATE TRIGGER export_rows_truncate AFTER TRUNCATE ON citations FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_truncate();
--> statement-breakpoint
CREATE TRIGGER export_rows_truncate AFTER TRUNCATE ON person_names FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_truncate();
--> statement-breakpoint
CREATE TRIGGER export_rows_truncate AFTER TRUNCATE ON source_captures FOR EACH STATEMENT EXECUTE FUNCTION export_rows_of_truncate();
--> statement-breakpoint
CREATE INDEX export_csv_rows_shape_idx ON export_csv_rows (detention_id) INCLUDE (format, charge_count, penalty_max, event_count, source_count);
--> statement-breakpoint
INSERT INTO export_csv_rows (detention_id) SELECT id FROM detentions;
--> statement-breakpoint
-- A JSON row is about 2.3 kB: by default PostgreSQL compresses rows over 2 kB, and every export
-- would decompress them (about 3 µs a row). Kept whole in the row instead, up to a page.
ALTER TABLE export_json_rows SET (toast_tuple_target = 8160);
--> statement-breakpoint
-- Finding the rows without current cells (lib/exports/warm.ts) reads this, not 2 kB rows.
CREATE INDEX export_json_rows_format_idx ON export_json_rows (detention_id) INCLUDE (format);
--> statement-breakpoint
INSERT INTO export_json_rows (detention_id) SELECT id FROM detentions;

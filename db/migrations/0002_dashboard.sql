CREATE TABLE "detention_stats" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "detention_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"detained_on" date,
	"place_id" integer NOT NULL,
	"charge_id" integer,
	"sentence_kind" "sentence_kind" NOT NULL,
	"plea" "plea" NOT NULL,
	"election_id" integer,
	"person_role" "person_role" NOT NULL,
	"review_status" "review_status" NOT NULL,
	"confidentiality" "confidentiality" NOT NULL,
	"arrest_days" smallint,
	"delay_bucket" smallint,
	"detentions" integer NOT NULL,
	"arrest_days_total" bigint NOT NULL,
	"fines" integer NOT NULL,
	"fine_total" bigint NOT NULL,
	CONSTRAINT "detention_stats_key" UNIQUE NULLS NOT DISTINCT("detained_on","place_id","charge_id","sentence_kind","plea","election_id","person_role","review_status","confidentiality","arrest_days","delay_bucket")
);
--> statement-breakpoint
CREATE TABLE "reported_counts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reported_counts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"election_id" integer,
	"place_id" integer,
	"reported_on" date,
	"reported_precision" date_precision DEFAULT 'unknown' NOT NULL,
	"description" text NOT NULL,
	"detained_count" integer NOT NULL,
	"identified_count" integer,
	"source_id" integer NOT NULL,
	"created_by_id" integer,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reported_counts_positive" CHECK ("reported_counts"."detained_count" > 0 AND ("reported_counts"."identified_count" IS NULL OR "reported_counts"."identified_count" >= 0))
);
--> statement-breakpoint
ALTER TABLE "reported_counts" ADD CONSTRAINT "reported_counts_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_counts" ADD CONSTRAINT "reported_counts_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_counts" ADD CONSTRAINT "reported_counts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_counts" ADD CONSTRAINT "reported_counts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "detention_stats_day_idx" ON "detention_stats" USING btree ("detained_on");--> statement-breakpoint
CREATE INDEX "reported_counts_election_idx" ON "reported_counts" USING btree ("election_id");--> statement-breakpoint
CREATE INDEX "reported_counts_place_idx" ON "reported_counts" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "reported_counts_source_idx" ON "reported_counts" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "reported_counts_created_by_idx" ON "reported_counts" USING btree ("created_by_id");
CREATE TYPE "public"."confidentiality" AS ENUM('shareable', 'restricted');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'year', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."detention_status" AS ENUM('detained', 'charged', 'awaiting_trial', 'sentenced', 'released', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."election_kind" AS ENUM('parliamentary', 'presidential', 'referendum', 'local', 'other');--> statement-breakpoint
CREATE TYPE "public"."legal_code" AS ENUM('administrative', 'criminal');--> statement-breakpoint
CREATE TYPE "public"."name_script" AS ENUM('latin', 'cyrillic');--> statement-breakpoint
CREATE TYPE "public"."person_role" AS ENUM('activist', 'election_observer', 'journalist', 'party_member', 'other');--> statement-breakpoint
CREATE TYPE "public"."plea" AS ENUM('guilty', 'not_guilty', 'no_plea', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."record_kind" AS ENUM('detention', 'person', 'source');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('draft', 'verified');--> statement-breakpoint
CREATE TYPE "public"."revision_action" AS ENUM('create', 'update', 'delete', 'restore');--> statement-breakpoint
CREATE TYPE "public"."sentence_kind" AS ENUM('administrative_arrest', 'fine', 'restricted_freedom', 'imprisonment', 'suspended', 'warning', 'acquitted', 'pending', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."sentence_unit" AS ENUM('days', 'months', 'years', 'tenge');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'monitor', 'researcher');--> statement-breakpoint
CREATE TABLE "charges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "charges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"code" "legal_code" NOT NULL,
	"legal_basis" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "citations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"detention_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	"locator" text,
	"supports" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detentions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "detentions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"place_id" integer NOT NULL,
	"place_detail" text,
	"detained_on" date,
	"detained_precision" date_precision NOT NULL,
	"charge_id" integer,
	"charge_text" text,
	"court" text,
	"sentenced_on" date,
	"sentenced_precision" date_precision DEFAULT 'unknown' NOT NULL,
	"sentence_kind" "sentence_kind" DEFAULT 'unknown' NOT NULL,
	"sentence_amount" integer,
	"sentence_unit" "sentence_unit",
	"plea" "plea" DEFAULT 'unknown' NOT NULL,
	"status" "detention_status" DEFAULT 'unknown' NOT NULL,
	"election_id" integer,
	"notes" text,
	"confidentiality" "confidentiality" DEFAULT 'shareable' NOT NULL,
	"review_status" "review_status" DEFAULT 'draft' NOT NULL,
	"created_by_id" integer,
	"updated_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "detentions_sentence_amount_positive" CHECK ("detentions"."sentence_amount" IS NULL OR "detentions"."sentence_amount" > 0),
	CONSTRAINT "detentions_date_matches_precision" CHECK (("detentions"."detained_on" IS NULL) = ("detentions"."detained_precision" = 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "elections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "elections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" "election_kind" NOT NULL,
	"held_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"display_name" text NOT NULL,
	"role" "person_role" DEFAULT 'activist' NOT NULL,
	"affiliation" text,
	"notes" text,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_names" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_names_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"name" text NOT NULL,
	"script" "name_script" NOT NULL,
	"search_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_names" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "place_names_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"place_id" integer NOT NULL,
	"name" text NOT NULL,
	"script" "name_script" NOT NULL,
	"search_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "places_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"region" text NOT NULL,
	"kind" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"record_kind" "record_kind" NOT NULL,
	"record_id" integer NOT NULL,
	"action" "revision_action" NOT NULL,
	"version" integer NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" jsonb NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"url" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text,
	"published_on" date,
	"published_precision" date_precision DEFAULT 'unknown' NOT NULL,
	"language" text,
	"accessed_on" date,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_url_scheme" CHECK ("sources"."url" ~* '^https?://')
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_detention_id_detentions_id_fk" FOREIGN KEY ("detention_id") REFERENCES "public"."detentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_charge_id_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."charges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_names" ADD CONSTRAINT "place_names_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charges_slug_key" ON "charges" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "citations_detention_source_key" ON "citations" USING btree ("detention_id","source_id");--> statement-breakpoint
CREATE INDEX "citations_source_idx" ON "citations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "detentions_person_idx" ON "detentions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "detentions_place_idx" ON "detentions" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "detentions_charge_idx" ON "detentions" USING btree ("charge_id");--> statement-breakpoint
CREATE INDEX "detentions_election_idx" ON "detentions" USING btree ("election_id");--> statement-breakpoint
CREATE INDEX "detentions_created_by_idx" ON "detentions" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "detentions_updated_by_idx" ON "detentions" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "detentions_detained_on_idx" ON "detentions" USING btree ("detained_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "elections_name_key" ON "elections" USING btree ("name");--> statement-breakpoint
CREATE INDEX "people_created_by_idx" ON "people" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "person_names_person_idx" ON "person_names" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_names_search_key_trgm_idx" ON "person_names" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "place_names_place_idx" ON "place_names" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "place_names_search_key_idx" ON "place_names" USING btree ("search_key");--> statement-breakpoint
CREATE UNIQUE INDEX "places_name_key" ON "places" USING btree ("name");--> statement-breakpoint
CREATE INDEX "places_region_idx" ON "places" USING btree ("region");--> statement-breakpoint
CREATE INDEX "revisions_record_idx" ON "revisions" USING btree ("record_kind","record_id");--> statement-breakpoint
CREATE INDEX "revisions_user_idx" ON "revisions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_url_key" ON "sources" USING btree ("url");--> statement-breakpoint
CREATE INDEX "sources_created_by_idx" ON "sources" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "sources_title_trgm_idx" ON "sources" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));
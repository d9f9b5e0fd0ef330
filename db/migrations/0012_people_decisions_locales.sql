CREATE TYPE "public"."person_verdict" AS ENUM('same', 'different', 'unsure');--> statement-breakpoint
CREATE TYPE "public"."ui_locale" AS ENUM('en', 'kk', 'ru');--> statement-breakpoint
CREATE TABLE "person_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"other_person_id" integer NOT NULL,
	"verdict" "person_verdict" NOT NULL,
	"context" text NOT NULL,
	"reason" text,
	"survivor_id" integer,
	"merge" jsonb,
	"decided_by_id" integer NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_by_id" integer,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "person_decisions_pair_order" CHECK ("person_decisions"."person_id" < "person_decisions"."other_person_id")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"name" text PRIMARY KEY NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "charges" ADD COLUMN "name_kk" text;--> statement-breakpoint
ALTER TABLE "charges" ADD COLUMN "name_ru" text;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "name_kk" text;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "name_ru" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "merged_into_id" integer;--> statement-breakpoint
ALTER TABLE "person_names" ADD COLUMN "match_key" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" "ui_locale";--> statement-breakpoint
ALTER TABLE "person_decisions" ADD CONSTRAINT "person_decisions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_decisions" ADD CONSTRAINT "person_decisions_other_person_id_people_id_fk" FOREIGN KEY ("other_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_decisions" ADD CONSTRAINT "person_decisions_survivor_id_people_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_decisions" ADD CONSTRAINT "person_decisions_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_decisions" ADD CONSTRAINT "person_decisions_withdrawn_by_id_users_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_decisions_pair_in_force_key" ON "person_decisions" USING btree ("person_id","other_person_id") WHERE "person_decisions"."withdrawn_at" IS NULL;--> statement-breakpoint
CREATE INDEX "person_decisions_other_idx" ON "person_decisions" USING btree ("other_person_id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_merged_into_id_people_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_merged_into_idx" ON "people" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "person_names_match_key_trgm_idx" ON "person_names" USING gin ("match_key" gin_trgm_ops);
CREATE TYPE "public"."capture_method" AS ENUM('fetch', 'upload');--> statement-breakpoint
CREATE TYPE "public"."capture_outcome" AS ENUM('ok', 'http_error', 'timeout', 'too_large', 'blocked', 'unsupported_type', 'network_error');--> statement-breakpoint
CREATE TYPE "public"."capture_request_status" AS ENUM('pending', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."evidence_file_role" AS ENUM('response', 'warc', 'text', 'pdf', 'png', 'upload', 'tls_chain');--> statement-breakpoint
CREATE TYPE "public"."timestamp_status" AS ENUM('ok', 'failed');--> statement-breakpoint
CREATE TABLE "capture_files" (
	"capture_id" integer NOT NULL,
	"role" "evidence_file_role" NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content_type" text NOT NULL,
	CONSTRAINT "capture_files_capture_id_role_pk" PRIMARY KEY("capture_id","role")
);
--> statement-breakpoint
CREATE TABLE "capture_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "capture_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"requested_by_id" integer,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "capture_request_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"capture_id" integer
);
--> statement-breakpoint
CREATE TABLE "capture_timestamps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "capture_timestamps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"capture_id" integer NOT NULL,
	"tsa_url" text NOT NULL,
	"status" timestamp_status NOT NULL,
	"token" "bytea",
	"certificates" text,
	"gen_time" timestamp with time zone,
	"serial_number" text,
	"tsa_name" text,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_blobs_sha256_hex" CHECK ("evidence_blobs"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "link_checks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "link_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" "capture_outcome" NOT NULL,
	"http_status" integer,
	"final_url" text,
	"text_sha256" text,
	"gone" boolean NOT NULL,
	"changed" boolean NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "source_captures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "source_captures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"method" "capture_method" NOT NULL,
	"requested_by_id" integer,
	"requested_at" timestamp with time zone NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"requested_url" text NOT NULL,
	"final_url" text,
	"http_status" integer,
	"outcome" "capture_outcome" NOT NULL,
	"detail" text,
	"response_headers" jsonb,
	"content_type" text,
	"primary_sha256" text,
	"upload_filename" text,
	"readable_title" text,
	"readable_text" text,
	"render_note" text,
	"manifest" text NOT NULL,
	"manifest_sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_captures_manifest_hex" CHECK ("source_captures"."manifest_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "capture_files" ADD CONSTRAINT "capture_files_capture_id_source_captures_id_fk" FOREIGN KEY ("capture_id") REFERENCES "public"."source_captures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capture_files" ADD CONSTRAINT "capture_files_sha256_evidence_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capture_requests" ADD CONSTRAINT "capture_requests_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capture_requests" ADD CONSTRAINT "capture_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capture_requests" ADD CONSTRAINT "capture_requests_capture_id_source_captures_id_fk" FOREIGN KEY ("capture_id") REFERENCES "public"."source_captures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capture_timestamps" ADD CONSTRAINT "capture_timestamps_capture_id_source_captures_id_fk" FOREIGN KEY ("capture_id") REFERENCES "public"."source_captures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_checks" ADD CONSTRAINT "link_checks_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_captures" ADD CONSTRAINT "source_captures_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_captures" ADD CONSTRAINT "source_captures_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_captures" ADD CONSTRAINT "source_captures_primary_sha256_evidence_blobs_sha256_fk" FOREIGN KEY ("primary_sha256") REFERENCES "public"."evidence_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capture_files_sha256_idx" ON "capture_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "capture_requests_pending_idx" ON "capture_requests" USING btree ("requested_at") WHERE "capture_requests"."status" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "capture_requests_source_idx" ON "capture_requests" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "capture_timestamps_capture_idx" ON "capture_timestamps" USING btree ("capture_id");--> statement-breakpoint
CREATE INDEX "link_checks_source_idx" ON "link_checks" USING btree ("source_id","checked_at");--> statement-breakpoint
CREATE INDEX "source_captures_source_idx" ON "source_captures" USING btree ("source_id","captured_at");--> statement-breakpoint
CREATE INDEX "source_captures_requested_by_idx" ON "source_captures" USING btree ("requested_by_id");--> statement-breakpoint
-- Captures are evidence: once written, a capture, its files and its timestamps never change and are
-- never removed (a new capture is added instead). Verification (npm run verify-evidence) is what
-- catches tampering by someone who can bypass these triggers; they stop the app and mistakes.
CREATE FUNCTION evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER source_captures_append_only BEFORE UPDATE OR DELETE ON source_captures
  FOR EACH ROW EXECUTE FUNCTION evidence_append_only();--> statement-breakpoint
CREATE TRIGGER capture_files_append_only BEFORE UPDATE OR DELETE ON capture_files
  FOR EACH ROW EXECUTE FUNCTION evidence_append_only();--> statement-breakpoint
CREATE TRIGGER capture_timestamps_append_only BEFORE UPDATE OR DELETE ON capture_timestamps
  FOR EACH ROW EXECUTE FUNCTION evidence_append_only();

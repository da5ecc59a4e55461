CREATE TABLE "alerts" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"candidate_domain_id" integer NOT NULL,
	"verdict" text NOT NULL,
	"score" double precision NOT NULL,
	"signals" jsonb NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"explanation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reference_profile_id" integer,
	"candidate_profile_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"reviewer" text,
	"note" text,
	"decided_at" timestamp with time zone,
	"dismissed_score" double precision,
	"dismissed_evidence_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capture_failures" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"url" text NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"reason" text NOT NULL,
	"message" text NOT NULL,
	"status" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "captures" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"domain_id" integer NOT NULL,
	"requested_url" text NOT NULL,
	"final_url" text NOT NULL,
	"redirect_chain" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" integer,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"timings" jsonb NOT NULL,
	"mode" text NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"title" text,
	"html_sha256" text NOT NULL,
	"text_sha256" text NOT NULL,
	"artifacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outlinks" jsonb NOT NULL,
	"scripts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stylesheets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"favicon_url" text,
	"favicon_sha256" text,
	"truncated" boolean DEFAULT false NOT NULL,
	"features" jsonb,
	"imported" boolean DEFAULT false NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"domain_id" integer NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"first_capture_id" integer,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crawl_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"site_id" integer,
	"domain_id" integer NOT NULL,
	"cycle_id" text,
	"mode" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"storage_dir" text,
	"pages_ok" integer DEFAULT 0 NOT NULL,
	"pages_failed" integer DEFAULT 0 NOT NULL,
	"bytes" integer DEFAULT 0 NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dns_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"domain_id" integer NOT NULL,
	"state" text NOT NULL,
	"addresses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"records" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"observed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "domains" (
	"id" serial PRIMARY KEY NOT NULL,
	"hostname" text NOT NULL,
	"role" text NOT NULL,
	"site_id" integer,
	"origin_site_id" integer,
	"source" text NOT NULL,
	"source_detail" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"dns_state" text DEFAULT 'unknown' NOT NULL,
	"dns_addresses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dns_checked_at" timestamp with time zone,
	"dns_changed_at" timestamp with time zone,
	"last_crawled_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fingerprints" (
	"id" serial PRIMARY KEY NOT NULL,
	"profile_id" integer NOT NULL,
	"kind" text NOT NULL,
	"value" bigint NOT NULL,
	"band0" smallint NOT NULL,
	"band1" smallint NOT NULL,
	"band2" smallint NOT NULL,
	"band3" smallint NOT NULL,
	"ref" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_profiles" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer,
	"domain_id" integer,
	"run_id" text,
	"page_count" integer NOT NULL,
	"profile" jsonb NOT NULL,
	"latest" boolean DEFAULT true NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"case_ref" text NOT NULL,
	"region" text DEFAULT 'FR' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"schedule" text,
	"crawl" jsonb,
	"origin" text DEFAULT 'config' NOT NULL,
	"promoted_from_alert_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"live_state" text DEFAULT 'unknown' NOT NULL,
	"live_state_changed_at" timestamp with time zone,
	"last_crawled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locks" (
	"key" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"acquired_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_candidate_domain_id_domains_id_fk" FOREIGN KEY ("candidate_domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_reference_profile_id_site_profiles_id_fk" FOREIGN KEY ("reference_profile_id") REFERENCES "public"."site_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_candidate_profile_id_site_profiles_id_fk" FOREIGN KEY ("candidate_profile_id") REFERENCES "public"."site_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capture_failures" ADD CONSTRAINT "capture_failures_run_id_crawl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."crawl_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_run_id_crawl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."crawl_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_first_capture_id_captures_id_fk" FOREIGN KEY ("first_capture_id") REFERENCES "public"."captures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD CONSTRAINT "crawl_runs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD CONSTRAINT "crawl_runs_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dns_events" ADD CONSTRAINT "dns_events_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domains" ADD CONSTRAINT "domains_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domains" ADD CONSTRAINT "domains_origin_site_id_sites_id_fk" FOREIGN KEY ("origin_site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fingerprints" ADD CONSTRAINT "fingerprints_profile_id_site_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."site_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_profiles" ADD CONSTRAINT "site_profiles_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_profiles" ADD CONSTRAINT "site_profiles_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_site_candidate_uq" ON "alerts" USING btree ("site_id","candidate_domain_id");--> statement-breakpoint
CREATE INDEX "alerts_status_score_idx" ON "alerts" USING btree ("status","score");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "capture_failures_run_url_uq" ON "capture_failures" USING btree ("run_id","url");--> statement-breakpoint
CREATE UNIQUE INDEX "captures_run_url_uq" ON "captures" USING btree ("run_id","requested_url");--> statement-breakpoint
CREATE INDEX "captures_domain_idx" ON "captures" USING btree ("domain_id","captured_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_domain_kind_value_uq" ON "contacts" USING btree ("domain_id","kind","value");--> statement-breakpoint
CREATE INDEX "contacts_value_idx" ON "contacts" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "crawl_runs_domain_idx" ON "crawl_runs" USING btree ("domain_id","started_at");--> statement-breakpoint
CREATE INDEX "crawl_runs_status_idx" ON "crawl_runs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "dns_events_domain_idx" ON "dns_events" USING btree ("domain_id","observed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "domains_hostname_uq" ON "domains" USING btree ("hostname");--> statement-breakpoint
CREATE INDEX "domains_site_idx" ON "domains" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "domains_role_dns_idx" ON "domains" USING btree ("role","dns_state");--> statement-breakpoint
CREATE INDEX "fingerprints_profile_idx" ON "fingerprints" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "fingerprints_band0_idx" ON "fingerprints" USING btree ("kind","band0");--> statement-breakpoint
CREATE INDEX "fingerprints_band1_idx" ON "fingerprints" USING btree ("kind","band1");--> statement-breakpoint
CREATE INDEX "fingerprints_band2_idx" ON "fingerprints" USING btree ("kind","band2");--> statement-breakpoint
CREATE INDEX "fingerprints_band3_idx" ON "fingerprints" USING btree ("kind","band3");--> statement-breakpoint
CREATE INDEX "site_profiles_site_idx" ON "site_profiles" USING btree ("site_id","latest");--> statement-breakpoint
CREATE INDEX "site_profiles_domain_idx" ON "site_profiles" USING btree ("domain_id","latest");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_name_uq" ON "sites" USING btree ("name");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_name_uq" ON "users" USING btree ("name");
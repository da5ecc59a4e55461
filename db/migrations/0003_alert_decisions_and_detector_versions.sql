CREATE TABLE "alert_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"alert_id" integer NOT NULL,
	"status" text NOT NULL,
	"reviewer" text NOT NULL,
	"note" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"verdict" text NOT NULL,
	"score" double precision NOT NULL,
	"signals" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"reference_profile_id" integer,
	"candidate_profile_id" integer,
	"detector_version" integer
);
--> statement-breakpoint
ALTER TABLE "captures" ADD COLUMN "features_version" integer;--> statement-breakpoint
ALTER TABLE "site_profiles" ADD COLUMN "detector_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_decisions" ADD CONSTRAINT "alert_decisions_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_decisions" ADD CONSTRAINT "alert_decisions_reference_profile_id_site_profiles_id_fk" FOREIGN KEY ("reference_profile_id") REFERENCES "public"."site_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_decisions" ADD CONSTRAINT "alert_decisions_candidate_profile_id_site_profiles_id_fk" FOREIGN KEY ("candidate_profile_id") REFERENCES "public"."site_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_decisions_alert_idx" ON "alert_decisions" USING btree ("alert_id","decided_at");
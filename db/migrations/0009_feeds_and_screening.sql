CREATE TABLE "feed_files" (
	"source" text NOT NULL,
	"file_key" text NOT NULL,
	"lines_done" integer DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feed_files_source_file_key_pk" PRIMARY KEY("source","file_key")
);
--> statement-breakpoint
CREATE TABLE "feed_sources" (
	"name" text PRIMARY KEY NOT NULL,
	"names_in" bigint DEFAULT 0 NOT NULL,
	"names_new" bigint DEFAULT 0 NOT NULL,
	"errors" bigint DEFAULT 0 NOT NULL,
	"last_name" text,
	"last_seen_at" timestamp with time zone,
	"last_error" text,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "domains" ADD COLUMN "screen_state" text;--> statement-breakpoint
ALTER TABLE "domains" ADD COLUMN "screen_reason" text;--> statement-breakpoint
ALTER TABLE "domains" ADD COLUMN "screened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "domains" ADD COLUMN "next_screen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "domains" ADD COLUMN "screen_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "domains" ADD COLUMN "lexical_score" real DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "domains_screen_due_idx" ON "domains" USING btree ("next_screen_at");
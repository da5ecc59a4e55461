CREATE TABLE "layout_corpora" (
	"cycle_id" text PRIMARY KEY NOT NULL,
	"documents" integer NOT NULL,
	"frequencies" jsonb NOT NULL,
	"subjects" integer NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);

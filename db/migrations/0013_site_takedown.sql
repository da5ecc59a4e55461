ALTER TABLE "sites" ADD COLUMN "takedown_date" date;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "takedown_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "takedown_by" text;

CREATE TABLE "journal_seals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"through_seq" bigint NOT NULL,
	"through_hash" text NOT NULL,
	"timestamp" jsonb,
	"timestamp_error" text
);
--> statement-breakpoint
-- Hand-written: seals are append-only, and their time is the server's clock (no backdated seal). search_path is
-- pinned and names qualified, so a session's TEMP table cannot stand in for them.
CREATE OR REPLACE FUNCTION public.phenix_journal_seals_append_only() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'journal_seals is append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.phenix_journal_seals_stamp() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  NEW.at := pg_catalog.clock_timestamp();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER journal_seals_no_update_delete
  BEFORE UPDATE OR DELETE ON public.journal_seals
  FOR EACH ROW EXECUTE FUNCTION public.phenix_journal_seals_append_only();
--> statement-breakpoint
CREATE TRIGGER journal_seals_no_truncate
  BEFORE TRUNCATE ON public.journal_seals
  FOR EACH STATEMENT EXECUTE FUNCTION public.phenix_journal_seals_append_only();
--> statement-breakpoint
CREATE TRIGGER journal_seals_stamp
  BEFORE INSERT ON public.journal_seals
  FOR EACH ROW EXECUTE FUNCTION public.phenix_journal_seals_stamp();
--> statement-breakpoint
-- The application role may add and read seals, never change them (as for audit_log).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'phenix_app') THEN
    REVOKE ALL ON public.journal_seals FROM phenix_app;
    GRANT SELECT, INSERT ON public.journal_seals TO phenix_app;
    GRANT USAGE, SELECT ON SEQUENCE public.journal_seals_id_seq TO phenix_app;
  END IF;
END $$;

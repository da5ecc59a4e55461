-- Tamper-evident audit log (issue 12.4) and the application role (hand-written: triggers, functions, grants).
--
-- 1. Every entry is chained: hash = SHA-256 of phenix_audit_entry_text(prev_hash, seq, at, fields), computed here in
--    the database under an advisory lock, so concurrent writers (serve, workers, CLI) keep one chain, and `at` is
--    the server's clock at insertion: a caller cannot backdate an entry. `phenix audit verify` recomputes every
--    hash outside the database (review/README.md gives the format) and names the entry that was removed, changed
--    or moved.
-- 2. phenix_app: a role the application can run as (GRANT phenix_app TO <login role>). It reads and writes every
--    table but may only INSERT and SELECT on audit_log. It owns nothing, so it cannot disable the triggers,
--    alter the table or replace the functions.
CREATE OR REPLACE FUNCTION phenix_audit_entry_text(
  p_prev text, p_seq bigint, p_at timestamptz, p_actor text, p_action text,
  p_subject_type text, p_subject_id text, p_details jsonb
) RETURNS text AS $$
  -- Length-prefixed fields (bytes of UTF-8), so no choice of field values can imitate another entry.
  SELECT 'phenix-audit-v1'
    || '|' || p_prev
    || '|' || p_seq::text
    || '|' || to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    || '|' || octet_length(p_actor)::text || ':' || p_actor
    || '|' || octet_length(p_action)::text || ':' || p_action
    || '|' || octet_length(p_subject_type)::text || ':' || p_subject_type
    || '|' || octet_length(p_subject_id)::text || ':' || p_subject_id
    || '|' || octet_length(p_details::text)::text || ':' || p_details::text;
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION phenix_audit_log_chain() RETURNS trigger AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- One chain: writers take turns until their transaction ends (the key is Phénix's own, fixed).
  PERFORM pg_advisory_xact_lock(7262021604512);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.at := clock_timestamp();
  NEW.hash := encode(sha256(convert_to(phenix_audit_entry_text(
    NEW.prev_hash, NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.subject_type, NEW.subject_id, NEW.details
  ), 'UTF8')), 'hex');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql VOLATILE;
--> statement-breakpoint
-- Entries written before this migration are chained in the order they were written (their `at` was the caller's).
ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
DO $$
DECLARE
  r record;
  prev text := repeat('0', 64);
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY at, id LOOP
    n := n + 1;
    UPDATE audit_log SET seq = n, prev_hash = prev,
      hash = encode(sha256(convert_to(phenix_audit_entry_text(
        prev, n, r.at, r.actor, r.action, r.subject_type, r.subject_id, r.details), 'UTF8')), 'hex')
    WHERE id = r.id RETURNING hash INTO prev;
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "seq" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" SET NOT NULL;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain
  BEFORE INSERT ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION phenix_audit_log_chain();
--> statement-breakpoint
-- Roles belong to the whole server: another Phénix database on it may have made phenix_app already. An owner
-- without CREATEROLE gets a notice instead of a failed migration; the DBA then creates the role and runs the
-- grants below by hand (review/README.md).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'phenix_app') THEN
    BEGIN
      CREATE ROLE phenix_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'phenix_app not created (no CREATEROLE): create it and grant it by hand, see review/README.md';
        RETURN;
    END;
  END IF;
  GRANT USAGE ON SCHEMA public TO phenix_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO phenix_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO phenix_app;
  -- The journal: read and append only.
  REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM phenix_app;
  -- Tables added by later migrations are usable by the application too (audit_log keeps its narrower grant).
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO phenix_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO phenix_app;
  -- The application checks at start that the database is migrated (it reads the list, never writes it).
  GRANT USAGE ON SCHEMA drizzle TO phenix_app;
  GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO phenix_app;
END $$;

CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key_hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "cli_token_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "db_role" text;--> statement-breakpoint
CREATE INDEX "login_attempts_key_at_idx" ON "login_attempts" USING btree ("key_hash","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_cli_token_hash_uq" ON "users" USING btree ("cli_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "users_db_role_uq" ON "users" USING btree ("db_role");--> statement-breakpoint
-- Every trigger function runs with a fixed search_path and names its tables with their schema (issue 19.9): a
-- session's own `CREATE TEMP TABLE audit_log` would otherwise be read first (pg_temp comes before public unless
-- placed last), and the chain would continue from the fake table's last entry. pg_temp is named last on purpose:
-- left out, it would be searched first.
CREATE OR REPLACE FUNCTION public.phenix_audit_log_append_only() RETURNS trigger
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.phenix_alert_decisions_append_only() RETURNS trigger
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'alert_decisions is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.phenix_audit_entry_text(
  p_prev text, p_seq bigint, p_at timestamptz, p_actor text, p_action text,
  p_subject_type text, p_subject_id text, p_details jsonb
) RETURNS text
  SET search_path = pg_catalog, public, pg_temp
AS $$
  -- Length-prefixed fields (bytes of UTF-8), so no choice of field values can imitate another entry.
  SELECT 'phenix-audit-v1'
    || '|' || p_prev
    || '|' || p_seq::text
    || '|' || pg_catalog.to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    || '|' || pg_catalog.octet_length(p_actor)::text || ':' || p_actor
    || '|' || pg_catalog.octet_length(p_action)::text || ':' || p_action
    || '|' || pg_catalog.octet_length(p_subject_type)::text || ':' || p_subject_type
    || '|' || pg_catalog.octet_length(p_subject_id)::text || ':' || p_subject_id
    || '|' || pg_catalog.octet_length(p_details::text)::text || ':' || p_details::text;
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.phenix_audit_log_chain() RETURNS trigger
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- One chain: writers take turns until their transaction ends (the key is Phénix's own, fixed).
  PERFORM pg_catalog.pg_advisory_xact_lock(7262021604512);
  SELECT seq, hash INTO last_seq, last_hash FROM public.audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, pg_catalog.repeat('0', 64));
  NEW.at := pg_catalog.clock_timestamp();
  NEW.hash := pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(public.phenix_audit_entry_text(
    NEW.prev_hash, NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.subject_type, NEW.subject_id, NEW.details
  ), 'UTF8')), 'hex');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql VOLATILE;
--> statement-breakpoint
-- Webhook URLs are secrets (issue 19.8): deliveries were keyed `webhook:<url>`, and failed attempts quoted the URL
-- (with any user:password@). Both become the key notify/webhook-url.ts computes: `webhook#<first 8 hex of SHA-256
-- of the URL> (<host as written>)`. The attempts first, while the old target still names the URL.
UPDATE public.notification_attempts a
SET detail = replace(a.detail, substr(d.target, 9), 'webhook#' || left(encode(sha256(convert_to(substr(d.target, 9), 'UTF8')), 'hex'), 8)
    || ' (' || coalesce(substring(substr(d.target, 9) from '^[hH][tT][tT][pP][sS]?://(?:[^@/?#]*@)?([^/?#]+)'), '?') || ')')
FROM public.notification_deliveries d
WHERE a.delivery_id = d.id AND d.target LIKE 'webhook:%';
--> statement-breakpoint
UPDATE public.notification_deliveries d
SET last_error = replace(d.last_error, substr(d.target, 9), 'webhook#' || left(encode(sha256(convert_to(substr(d.target, 9), 'UTF8')), 'hex'), 8)
    || ' (' || coalesce(substring(substr(d.target, 9) from '^[hH][tT][tT][pP][sS]?://(?:[^@/?#]*@)?([^/?#]+)'), '?') || ')'),
  target = 'webhook#' || left(encode(sha256(convert_to(substr(d.target, 9), 'UTF8')), 'hex'), 8)
    || ' (' || coalesce(substring(substr(d.target, 9) from '^[hH][tT][tT][pP][sS]?://(?:[^@/?#]*@)?([^/?#]+)'), '?') || ')'
WHERE d.target LIKE 'webhook:%';

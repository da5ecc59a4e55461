-- A decision keeps the evidence the analyst saw: later cycles add evidence beside it, never rewrite it.
CREATE OR REPLACE FUNCTION phenix_alert_decisions_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'alert_decisions is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER alert_decisions_no_update_delete
  BEFORE UPDATE OR DELETE ON "alert_decisions"
  FOR EACH ROW EXECUTE FUNCTION phenix_alert_decisions_append_only();
--> statement-breakpoint
CREATE TRIGGER alert_decisions_no_truncate
  BEFORE TRUNCATE ON "alert_decisions"
  FOR EACH STATEMENT EXECUTE FUNCTION phenix_alert_decisions_append_only();

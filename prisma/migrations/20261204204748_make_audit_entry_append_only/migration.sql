-- The audit log proves who read or changed which patient's data: once written, a row must not
-- change or disappear, whoever connects (issue 13, finding 8). A trigger, because it holds for
-- every role, the table's owner included (REVOKE binds only roles that are not the owner; the
-- compose stack's separate app role, when it has one, gets the REVOKE as well). Retention, if
-- the region decides on one, is a migration of its own that says so.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;

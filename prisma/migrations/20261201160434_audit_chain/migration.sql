-- Tamper-evident audit trail (issue 12). `admin_actions` becomes a hash chain: each row carries the
-- SHA-256 of the previous row (`prev_hash`) and its own (`hash`, over every column and prev_hash),
-- so an altered, inserted or deleted row breaks the chain at that point (lib/admin/audit.ts verifies).
-- The chain is built by a trigger, so every INSERT (whoever writes it) is chained; rows are written
-- inside the transaction of the action they record (recordAudit(tx, ...)), and nothing may update,
-- delete or truncate them.

ALTER TABLE "admin_actions" ADD COLUMN "actor_role" TEXT;
ALTER TABLE "admin_actions" ADD COLUMN "ip" TEXT;
ALTER TABLE "admin_actions" ADD COLUMN "prev_hash" TEXT;
ALTER TABLE "admin_actions" ADD COLUMN "hash" TEXT;

-- The one definition of a row's hash; the trigger and the verifier both call it. Fields are joined
-- with the unit separator (0x1f); jsonb's text form is canonical (sorted keys, no extra spaces) and
-- the timestamp is rendered in UTC to the microsecond, so the text does not depend on the session.
CREATE FUNCTION "audit_row_hash"(p_id BIGINT, p_created_at TIMESTAMPTZ, p_admin_id INTEGER, p_actor_role TEXT,
  p_action TEXT, p_player_id INTEGER, p_details JSONB, p_ip TEXT, p_prev_hash TEXT)
RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(
    p_id::text || E'\x1f' ||
    to_char(p_created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\x1f' ||
    p_admin_id::text || E'\x1f' ||
    coalesce(p_actor_role, '') || E'\x1f' ||
    p_action || E'\x1f' ||
    coalesce(p_player_id::text, '') || E'\x1f' ||
    p_details::text || E'\x1f' ||
    coalesce(p_ip, '') || E'\x1f' ||
    coalesce(p_prev_hash, ''), 'UTF8')), 'hex')
$$;

-- Chain the existing rows in id order (before the append-only trigger exists).
DO $$
DECLARE r RECORD; prev TEXT := NULL; h TEXT;
BEGIN
  FOR r IN SELECT a.*, p."role"::text AS prole FROM "admin_actions" a LEFT JOIN "players" p ON p."id" = a."admin_id" ORDER BY a."id" LOOP
    h := "audit_row_hash"(r."id", r."created_at", r."admin_id", r.prole, r."action", r."player_id", r."details", NULL, prev);
    UPDATE "admin_actions" SET "actor_role" = r.prole, "prev_hash" = prev, "hash" = h WHERE "id" = r."id";
    prev := h;
  END LOOP;
END $$;
ALTER TABLE "admin_actions" ALTER COLUMN "hash" SET NOT NULL;

-- Appends one link. A transaction-scoped advisory lock serializes writers, and the row's id is
-- taken here (last id + 1) rather than from the sequence, so id order is chain order even when
-- transactions that started in one order commit in another. The lock is held until COMMIT: write
-- the audit row last in a transaction (after the wallet or player locks) so that no lock cycle forms.
CREATE FUNCTION "admin_actions_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last_id BIGINT; last_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(7306120001);
  -- A statement of its own, so in READ COMMITTED it sees the link committed by the lock's last holder.
  SELECT "id", "hash" INTO last_id, last_hash FROM "admin_actions" ORDER BY "id" DESC LIMIT 1;
  NEW."id" := coalesce(last_id, 0) + 1;
  NEW."created_at" := date_trunc('milliseconds', clock_timestamp());
  NEW."details" := coalesce(NEW."details", '{}'::jsonb);
  IF NEW."actor_role" IS NULL THEN
    SELECT "role"::text INTO NEW."actor_role" FROM "players" WHERE "id" = NEW."admin_id";
  END IF;
  NEW."prev_hash" := last_hash;
  NEW."hash" := "audit_row_hash"(NEW."id", NEW."created_at", NEW."admin_id", NEW."actor_role", NEW."action",
    NEW."player_id", NEW."details", NEW."ip", NEW."prev_hash");
  RETURN NEW;
END $$;
CREATE TRIGGER "admin_actions_chain" BEFORE INSERT ON "admin_actions" FOR EACH ROW EXECUTE FUNCTION "admin_actions_chain"();

CREATE FUNCTION "admin_actions_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'admin_actions is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "admin_actions_no_update_delete" BEFORE UPDATE OR DELETE ON "admin_actions"
  FOR EACH ROW EXECUTE FUNCTION "admin_actions_append_only"();
CREATE TRIGGER "admin_actions_no_truncate" BEFORE TRUNCATE ON "admin_actions"
  FOR EACH STATEMENT EXECUTE FUNCTION "admin_actions_append_only"();

-- Audit page filters: by staff member, by action, by date (newest first).
CREATE INDEX "admin_actions_admin_id_id_idx" ON "admin_actions"("admin_id", "id" DESC);
CREATE INDEX "admin_actions_action_id_idx" ON "admin_actions"("action", "id" DESC);
CREATE INDEX "admin_actions_created_at_idx" ON "admin_actions"("created_at" DESC);

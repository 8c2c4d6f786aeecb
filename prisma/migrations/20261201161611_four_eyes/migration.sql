-- Four-eyes adjustments (issue 12): an adjustment above the approval threshold is a pending request
-- until a second staff member (finance or admin, not the requester, not the player) approves it.

CREATE TABLE "adjustment_requests" (
  "id" BIGSERIAL NOT NULL,
  "player_id" INTEGER NOT NULL,
  "currency" TEXT NOT NULL,
  "amount" DECIMAL(38,8) NOT NULL,
  "reason" TEXT NOT NULL,
  "requested_by" INTEGER NOT NULL,
  "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status" TEXT NOT NULL DEFAULT 'pending',
  "decided_by" INTEGER,
  "decided_at" TIMESTAMPTZ(3),
  "decision_note" TEXT,
  "ledger_entry_id" BIGINT,
  CONSTRAINT "adjustment_requests_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "adjustment_requests_status_check" CHECK ("status" IN ('pending', 'approved', 'rejected')),
  -- The database itself refuses a self-approval or an adjustment of one's own wallet.
  CONSTRAINT "adjustment_requests_four_eyes_check" CHECK (
    "requested_by" <> "player_id" AND ("decided_by" IS NULL OR ("decided_by" <> "requested_by" AND "decided_by" <> "player_id"))
  ),
  CONSTRAINT "adjustment_requests_decided_check" CHECK (("status" = 'pending') = ("decided_by" IS NULL))
);
CREATE INDEX "adjustment_requests_status_requested_at_idx" ON "adjustment_requests"("status", "requested_at" DESC);
CREATE INDEX "adjustment_requests_player_id_idx" ON "adjustment_requests"("player_id");
ALTER TABLE "adjustment_requests" ADD CONSTRAINT "adjustment_requests_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "adjustment_requests" ADD CONSTRAINT "adjustment_requests_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "players"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "adjustment_requests" ADD CONSTRAINT "adjustment_requests_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "players"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The ledger entry of an approved adjustment names both: admin_id (who asked) and approved_by.
-- Set from a transaction-local setting by a trigger, so the wallet's own SQL functions stay as they are.
ALTER TABLE "ledger_entries" ADD COLUMN "approved_by" INTEGER;
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "players"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION "ledger_entries_adjustment_approver"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE approver TEXT := current_setting('webgames.adjustment_approver', true);
BEGIN
  IF approver IS NOT NULL AND approver <> '' THEN
    NEW."approved_by" := approver::integer;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ledger_entries_adjustment_approver" BEFORE INSERT ON "ledger_entries"
  FOR EACH ROW WHEN (NEW."kind" = 'adjustment') EXECUTE FUNCTION "ledger_entries_adjustment_approver"();

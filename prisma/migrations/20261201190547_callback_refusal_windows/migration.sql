-- Refused callbacks that never reached the wallet (not-allowed address, oversized or malformed
-- body, bad md5, invalid fields) are logged per source address at most
-- CALLBACK_REFUSAL_LOG_LIMIT times per window of CALLBACK_REFUSAL_LOG_WINDOW_SECONDS; beyond that
-- they are only counted here (lib/callbacks/refusal-log.ts), one row per (source, window), so a
-- flood of forged calls costs one row update each instead of one callback_logs row each.
CREATE TABLE "callback_refusal_windows" (
  "source" TEXT NOT NULL,
  "window_start" TIMESTAMPTZ(3) NOT NULL,
  "logged" INTEGER NOT NULL DEFAULT 0,
  "dropped" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "callback_refusal_windows_pkey" PRIMARY KEY ("source", "window_start")
);
CREATE INDEX "callback_refusal_windows_window_start_idx" ON "callback_refusal_windows"("window_start");

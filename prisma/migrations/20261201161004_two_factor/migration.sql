-- Two-factor sign-in (issue 12): TOTP for every staff member, optional for players.
-- Secrets are stored encrypted (AES-256-GCM, key derived from AUTH_SECRET: lib/auth/two-factor.ts).

-- The confirmed secret, when it was confirmed, and the last accepted time step (a code is accepted
-- once: any code of that step or an earlier one is refused). `totp_pending_secret` is the secret
-- shown during enrolment until its first code confirms it.
ALTER TABLE "players" ADD COLUMN "totp_secret" TEXT;
ALTER TABLE "players" ADD COLUMN "totp_enabled_at" TIMESTAMPTZ(3);
ALTER TABLE "players" ADD COLUMN "totp_last_step" BIGINT;
ALTER TABLE "players" ADD COLUMN "totp_pending_secret" TEXT;

-- Ten one-time recovery codes per enrolment, only their HMAC stored.
CREATE TABLE "recovery_codes" (
  "id" BIGSERIAL NOT NULL,
  "player_id" INTEGER NOT NULL,
  "code_hash" TEXT NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "recovery_codes_player_id_code_hash_key" ON "recovery_codes"("player_id", "code_hash");
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sign-in sessions (the `sid` in the session cookie) that passed the second factor. The guards
-- accept a staff member, or a player who turned two-factor on, only with a live row here for the
-- cookie's sid (not ended; staff: verified within the last 12 hours). Signing out or a factor reset
-- ends the rows; they stay as the history of completed sign-ins ("previous sign-in" for staff).
CREATE TABLE "second_factor_passes" (
  "session_id" TEXT NOT NULL,
  "player_id" INTEGER NOT NULL,
  "method" TEXT NOT NULL,
  "verified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "ip" TEXT,
  "user_agent" TEXT,
  "ended_at" TIMESTAMPTZ(3),
  CONSTRAINT "second_factor_passes_pkey" PRIMARY KEY ("session_id"),
  CONSTRAINT "second_factor_passes_method_check" CHECK ("method" IN ('totp', 'recovery', 'enrolment'))
);
CREATE INDEX "second_factor_passes_player_id_verified_at_idx" ON "second_factor_passes"("player_id", "verified_at" DESC);
ALTER TABLE "second_factor_passes" ADD CONSTRAINT "second_factor_passes_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Wrong codes per account (5 per 15 minutes), counted under the account's row lock.
CREATE TABLE "second_factor_failures" (
  "id" BIGSERIAL NOT NULL,
  "player_id" INTEGER NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "second_factor_failures_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "second_factor_failures_player_id_created_at_idx" ON "second_factor_failures"("player_id", "created_at");
ALTER TABLE "second_factor_failures" ADD CONSTRAINT "second_factor_failures_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

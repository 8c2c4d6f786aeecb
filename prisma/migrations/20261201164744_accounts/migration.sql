-- Accounts a player can recover: verified email, password reset, session versions, sign-in
-- history, and the mail outbox (docs/accounts.md).

-- email_verified_at: NULL until the player follows a verification link (real money needs it).
-- session_version: every session cookie carries a stamp of it; bumping it ("Sign out everywhere",
-- a password reset or change) makes every older cookie worthless on its next request.
ALTER TABLE "players"
  ADD COLUMN "email_verified_at" TIMESTAMPTZ(3),
  ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0,
  ADD CONSTRAINT "players_session_version_check" CHECK ("session_version" >= 0);

-- One-time links sent by mail. Only the SHA-256 of the token is stored; `email` is the address the
-- link was sent to (for change_email: the new address, switched to when the link is used).
CREATE TABLE "account_tokens" (
  "id" BIGSERIAL NOT NULL,
  "player_id" INTEGER NOT NULL,
  "purpose" TEXT NOT NULL,
  "token_hash" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  CONSTRAINT "account_tokens_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "account_tokens_purpose_check" CHECK ("purpose" IN ('verify_email', 'reset_password', 'change_email')),
  CONSTRAINT "account_tokens_expiry_check" CHECK ("expires_at" > "created_at")
);
CREATE UNIQUE INDEX "account_tokens_token_hash_key" ON "account_tokens"("token_hash");
CREATE INDEX "account_tokens_player_id_purpose_created_at_idx" ON "account_tokens"("player_id", "purpose", "created_at" DESC);
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Mail is written here in the transaction of whatever caused it, then sent by a background worker
-- (lib/mail/outbox.ts): a slow or failing SMTP server never blocks or breaks the action. `payload`
-- (text and HTML bodies) is encrypted with a key derived from AUTH_SECRET, because it holds the
-- raw one-time link, and is wiped once the mail is sent or given up.
CREATE TABLE "mail_outbox" (
  "id" BIGSERIAL NOT NULL,
  "player_id" INTEGER,
  "to_address" TEXT NOT NULL,
  "template" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "payload" BYTEA,
  "status" TEXT NOT NULL DEFAULT 'pending',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "locked_until" TIMESTAMPTZ(3),
  "last_error" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "sent_at" TIMESTAMPTZ(3),
  CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "mail_outbox_status_check" CHECK ("status" IN ('pending', 'sent', 'failed')),
  CONSTRAINT "mail_outbox_attempts_check" CHECK ("attempts" >= 0)
);
CREATE INDEX "mail_outbox_status_next_attempt_at_idx" ON "mail_outbox"("status", "next_attempt_at");
CREATE INDEX "mail_outbox_player_id_created_at_idx" ON "mail_outbox"("player_id", "created_at" DESC);
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rate limits of the account flows (verification resend, password reset per address and per email):
-- one row per counted request, keyed by a hash (the table holds neither emails nor addresses).
CREATE TABLE "account_rate_events" (
  "id" BIGSERIAL NOT NULL,
  "key" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "account_rate_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "account_rate_events_key_created_at_idx" ON "account_rate_events"("key", "created_at");

-- Recent successful sign-ins, shown on the account's security page (time, address, browser).
CREATE TABLE "sign_ins" (
  "id" BIGSERIAL NOT NULL,
  "player_id" INTEGER NOT NULL,
  "ip" TEXT,
  "user_agent" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sign_ins_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sign_ins_player_id_created_at_idx" ON "sign_ins"("player_id", "created_at" DESC);
ALTER TABLE "sign_ins" ADD CONSTRAINT "sign_ins_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

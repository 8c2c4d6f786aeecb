-- Initial schema: players, wallets, game sessions, rounds, the append-only ledger, callback log.
-- Hand-written (see ENVIRONMENT.md): it carries what schema.prisma cannot say (CHECK constraints,
-- the append-only trigger). tests/db/schema-drift.test.ts keeps the two in agreement.

CREATE TYPE "player_role" AS ENUM ('player', 'admin');
CREATE TYPE "ledger_kind" AS ENUM ('bet', 'win', 'adjustment');
CREATE TYPE "round_status" AS ENUM ('open', 'closed');

-- ISO 4217 minor units (8 for crypto) decide how many fractional digits an amount may have (D7).
CREATE TABLE "currencies" (
  "code" TEXT NOT NULL,
  "minor_units" SMALLINT NOT NULL,
  CONSTRAINT "currencies_pkey" PRIMARY KEY ("code"),
  CONSTRAINT "currencies_minor_units_check" CHECK ("minor_units" BETWEEN 0 AND 8)
);

INSERT INTO "currencies" ("code", "minor_units") VALUES
 ('AED',2),('ALL',2),('AMD',2),('AOA',2),('ARS',2),('AUD',2),('AZN',2),('BAM',2),('BDT',2),('BGN',2),
 ('BHD',3),('BOB',2),('BRL',2),('BSX',8),('BTC',8),('BYN',2),('CAD',2),('CDF',2),('CFA',0),('CHF',2),
 ('CLP',0),('CNY',2),('COP',2),('CZK',2),('DASH',8),('DEEX',8),('DKK',2),('DMO',2),('DOP',2),('DTC',8),
 ('DZD',2),('EGP',2),('ETB',2),('ETH',8),('EUR',2),('FAU',8),('FBu',0),('GAME',8),('GBP',2),('GEL',2),
 ('GHS',2),('GMC',8),('GMD',2),('GNF',0),('HC',8),('HKD',2),('HRK',2),('HTG',2),('HUF',2),('IDR',2),
 ('ILS',2),('INR',2),('IQD',3),('IRR',2),('ISK',0),('JOD',3),('JPY',0),('KES',2),('KGS',2),('KM',2),
 ('KRW',0),('KWD',3),('KZT',2),('LBP',2),('LTC',8),('MAD',2),('MDL',2),('MKD',2),('MMK',2),('MNT',2),
 ('MVR',2),('MXN',2),('MYR',2),('MZN',2),('NGN',2),('NIS',2),('NOK',2),('NZD',2),('OMR',3),('PEN',2),
 ('PHP',2),('PICK',8),('PKR',2),('PLN',2),('PRB',2),('PYG',0),('QAR',2),('RON',2),('RSD',2),('RUB',2),
 ('RUR',2),('SAR',2),('SDG',2),('SEK',2),('SGD',2),('THB',2),('TJS',2),('TMT',2),('TND',3),('TRY',2),
 ('TWD',2),('TZS',2),('UAH',2),('UGX',0),('USD',2),('USDC',8),('USDT',8),('UYU',2),('UZS',2),('VEF',2),
 ('VND',0),('XAF',0),('XEM',8),('XMR',8),('XOF',0),('ZAR',2),('ZEC',8),('ZMW',2),('ZWL',2),('mBT',8),
 ('mETH',8),('uBTC',8);

CREATE TABLE "players" (
  "id" SERIAL NOT NULL,
  "email" TEXT NOT NULL,
  "password_hash" TEXT NOT NULL,
  "nick" TEXT NOT NULL,
  "currency" TEXT NOT NULL,
  "role" "player_role" NOT NULL DEFAULT 'player',
  "blocked" BOOLEAN NOT NULL DEFAULT false,
  "language" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "players_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "players_email_lower_check" CHECK ("email" = lower("email")),
  CONSTRAINT "players_currency_not_demo_check" CHECK ("currency" <> 'DMO')
);
CREATE UNIQUE INDEX "players_email_key" ON "players"("email");
ALTER TABLE "players" ADD CONSTRAINT "players_currency_fkey" FOREIGN KEY ("currency") REFERENCES "currencies"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One wallet per player, in the player's currency. The CHECK is the last line of defence for D8.
CREATE TABLE "wallets" (
  "player_id" INTEGER NOT NULL,
  "currency" TEXT NOT NULL,
  "balance" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "wallets_pkey" PRIMARY KEY ("player_id"),
  CONSTRAINT "wallets_balance_check" CHECK ("balance" >= 0)
);
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_currency_fkey" FOREIGN KEY ("currency") REFERENCES "currencies"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One launch of one game by one player (D3/D4). Only the token's SHA-256 is stored.
CREATE TABLE "game_sessions" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "token_hash" TEXT NOT NULL,
  "player_id" INTEGER NOT NULL,
  "game_id" INTEGER NOT NULL,
  "currency" TEXT NOT NULL,
  "language" TEXT,
  "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "consumed_at" TIMESTAMPTZ(3),
  "last_seen_at" TIMESTAMPTZ(3),
  "revoked_at" TIMESTAMPTZ(3),
  CONSTRAINT "game_sessions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "game_sessions_token_hash_check" CHECK ("token_hash" ~ '^[0-9a-f]{64}$')
);
CREATE UNIQUE INDEX "game_sessions_token_hash_key" ON "game_sessions"("token_hash");
CREATE INDEX "game_sessions_player_id_issued_at_idx" ON "game_sessions"("player_id", "issued_at" DESC);
ALTER TABLE "game_sessions" ADD CONSTRAINT "game_sessions_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A round is (player_id, round_id) (D6).
CREATE TABLE "rounds" (
  "id" BIGSERIAL NOT NULL,
  "player_id" INTEGER NOT NULL,
  "round_id" TEXT NOT NULL,
  "game_id" INTEGER NOT NULL,
  "session_id" UUID,
  "currency" TEXT NOT NULL,
  "status" "round_status" NOT NULL DEFAULT 'open',
  "bet_total" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "win_total" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "closed_at" TIMESTAMPTZ(3),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "rounds_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "rounds_totals_check" CHECK ("bet_total" >= 0 AND "win_total" >= 0),
  CONSTRAINT "rounds_closed_at_check" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL))
);
CREATE UNIQUE INDEX "rounds_player_id_round_id_key" ON "rounds"("player_id", "round_id");
CREATE INDEX "rounds_status_opened_at_idx" ON "rounds"("status", "opened_at");
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "game_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The append-only ledger: `amount` is the signed change to the balance, so for every player
-- balance = sum(amount). The idempotency key is (player_id, round_id, transaction_id) (D5) and
-- `response` is the exact answer first given, replayed byte for byte.
CREATE TABLE "ledger_entries" (
  "id" BIGSERIAL NOT NULL,
  "player_id" INTEGER NOT NULL,
  "currency" TEXT NOT NULL,
  "kind" "ledger_kind" NOT NULL,
  "amount" DECIMAL(38,8) NOT NULL,
  "balance_after" DECIMAL(38,8) NOT NULL,
  "round_pk" BIGINT,
  "round_id" TEXT,
  "transaction_id" TEXT,
  "game_id" INTEGER,
  "session_id" UUID,
  "bet_amount" DECIMAL(38,8),
  "is_close" BOOLEAN,
  "response" TEXT,
  "admin_id" INTEGER,
  "reason" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ledger_entries_balance_after_check" CHECK ("balance_after" >= 0),
  CONSTRAINT "ledger_entries_kind_sign_check" CHECK (
    ("kind" = 'bet' AND "amount" <= 0 AND "transaction_id" IS NOT NULL AND "round_id" IS NOT NULL) OR
    ("kind" = 'win' AND "amount" >= 0 AND "transaction_id" IS NOT NULL AND "round_id" IS NOT NULL) OR
    ("kind" = 'adjustment' AND "reason" IS NOT NULL AND length(btrim("reason")) > 0)
  )
);
CREATE UNIQUE INDEX "ledger_entries_player_id_round_id_transaction_id_key" ON "ledger_entries"("player_id", "round_id", "transaction_id");
CREATE INDEX "ledger_entries_created_at_id_idx" ON "ledger_entries"("created_at" DESC, "id" DESC);
CREATE INDEX "ledger_entries_player_id_id_idx" ON "ledger_entries"("player_id", "id" DESC);
CREATE INDEX "ledger_entries_round_pk_idx" ON "ledger_entries"("round_pk");
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_round_pk_fkey" FOREIGN KEY ("round_pk") REFERENCES "rounds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "players"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION "ledger_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "ledger_entries_no_update_delete" BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entries_append_only"();
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entries_append_only"();

-- Every callback, whatever its outcome (D11). Never the api_key or the raw token.
CREATE TABLE "callback_logs" (
  "id" BIGSERIAL NOT NULL,
  "method" TEXT NOT NULL,
  "player_id" TEXT,
  "round_id" TEXT,
  "transaction_id" TEXT,
  "game_id" TEXT,
  "amount" TEXT,
  "code" INTEGER NOT NULL,
  "message" TEXT NOT NULL,
  "latency_ms" DOUBLE PRECISION NOT NULL,
  "ledger_entry_id" BIGINT,
  "ip" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "callback_logs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "callback_logs_created_at_idx" ON "callback_logs"("created_at" DESC);
CREATE INDEX "callback_logs_method_code_created_at_idx" ON "callback_logs"("method", "code", "created_at" DESC);

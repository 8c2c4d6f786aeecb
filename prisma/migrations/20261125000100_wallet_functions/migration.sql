-- The wallet's three provider operations and the admin adjustment, each one statement and so one
-- transaction and one round trip. Every money operation first locks the player's wallet row, so
-- all operations of one player are serialized: concurrent duplicates see each other's ledger row
-- (D5), the overdraft check sees the latest balance (D8), and with a single lock per transaction
-- (always wallet first, then round) there is no lock-order deadlock. Codes are PROTOCOL.md's.

CREATE TYPE "wallet_result" AS (
  "code" INTEGER,
  "message" TEXT,
  "body" TEXT,             -- the exact success answer (stored in the ledger, replayed on repeats)
  "balance" TEXT,          -- balance formatted to the currency's minor units
  "ledger_id" BIGINT,
  "external_session" TEXT,
  "nick" TEXT,
  "currency" TEXT
);

CREATE FUNCTION "wallet_fmt"(v NUMERIC, sc INTEGER) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT round(v, sc)::text
$$;

CREATE FUNCTION "wallet_err"(c INTEGER, m TEXT, bal TEXT DEFAULT NULL) RETURNS "wallet_result"
LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(c, m, NULL, bal, NULL, NULL, NULL, NULL)::"wallet_result"
$$;

-- D3: the first Authorization consumes the launch; an identical repeat within 60 s is answered
-- the same; later ones, unknown, foreign or expired tokens are 14. D9: blocked players get 4.
CREATE FUNCTION "wallet_authorize"(p_player_id INTEGER, p_game_id INTEGER, p_token_hash TEXT)
RETURNS "wallet_result" LANGUAGE plpgsql AS $$
DECLARE
  pl "players"%ROWTYPE;
  s "game_sessions"%ROWTYPE;
  w "wallets"%ROWTYPE;
  sc INTEGER;
BEGIN
  SELECT * INTO pl FROM "players" WHERE "id" = p_player_id;
  IF NOT FOUND THEN RETURN "wallet_err"(11, 'Player not found'); END IF;
  IF pl."blocked" THEN RETURN "wallet_err"(4, 'Player blocked'); END IF;

  SELECT * INTO s FROM "game_sessions" WHERE "token_hash" = p_token_hash FOR UPDATE;
  IF NOT FOUND OR s."player_id" <> p_player_id OR s."game_id" <> p_game_id OR s."revoked_at" IS NOT NULL THEN
    RETURN "wallet_err"(14, 'Non-valid token');
  END IF;
  IF s."consumed_at" IS NULL THEN
    IF s."expires_at" <= now() THEN RETURN "wallet_err"(14, 'Non-valid token'); END IF;
    UPDATE "game_sessions" SET "consumed_at" = now(), "last_seen_at" = now() WHERE "id" = s."id";
  ELSIF s."consumed_at" > now() - interval '60 seconds' THEN
    UPDATE "game_sessions" SET "last_seen_at" = now() WHERE "id" = s."id";
  ELSE
    RETURN "wallet_err"(14, 'Non-valid token');
  END IF;

  SELECT * INTO w FROM "wallets" WHERE "player_id" = p_player_id;
  SELECT "minor_units" INTO sc FROM "currencies" WHERE "code" = w."currency";
  RETURN ROW(0, 'Ok', NULL, "wallet_fmt"(w."balance", sc), NULL, s."id"::text, pl."nick", w."currency")::"wallet_result";
END $$;

-- Shared prologue of bet and win: the player, the wallet lock, and the idempotent replay (D5).
-- Returns NULL when the request is new and the caller should go on.
CREATE FUNCTION "wallet_replay"(p_kind "ledger_kind", p_player_id INTEGER, p_round_id TEXT,
  p_transaction_id TEXT, p_game_id INTEGER, p_amount NUMERIC, OUT res "wallet_result",
  OUT w "wallets", OUT sc INTEGER, OUT pl "players")
LANGUAGE plpgsql AS $$
DECLARE
  prior "ledger_entries"%ROWTYPE;
BEGIN
  SELECT * INTO pl FROM "players" WHERE "id" = p_player_id;
  IF NOT FOUND THEN res := "wallet_err"(11, 'Player not found'); RETURN; END IF;
  SELECT * INTO w FROM "wallets" WHERE "player_id" = p_player_id FOR UPDATE;
  SELECT "minor_units" INTO sc FROM "currencies" WHERE "code" = w."currency";

  SELECT * INTO prior FROM "ledger_entries"
   WHERE "player_id" = p_player_id AND "round_id" = p_round_id AND "transaction_id" = p_transaction_id;
  IF FOUND THEN
    IF prior."kind" = p_kind AND abs(prior."amount") = p_amount AND prior."game_id" = p_game_id THEN
      res := ROW(0, 'Ok', prior."response", NULL, prior."id", NULL, NULL, NULL)::"wallet_result";
    ELSE
      res := "wallet_err"(1, 'transaction mismatch', "wallet_fmt"(w."balance", sc));
    END IF;
  END IF;
END $$;

-- The provider's Credit: take a bet. D4 (live session), D6 (rounds), D7 (amount), D8, D9.
CREATE FUNCTION "wallet_bet"(p_player_id INTEGER, p_round_id TEXT, p_transaction_id TEXT,
  p_game_id INTEGER, p_token_hash TEXT, p_amount NUMERIC, p_is_close BOOLEAN, p_idle_seconds INTEGER)
RETURNS "wallet_result" LANGUAGE plpgsql AS $$
DECLARE
  pro RECORD;
  w "wallets";
  sc INTEGER;
  s "game_sessions"%ROWTYPE;
  r "rounds"%ROWTYPE;
  new_balance NUMERIC;
  entry_id BIGINT;
  answer TEXT;
BEGIN
  SELECT * INTO pro FROM "wallet_replay"('bet', p_player_id, p_round_id, p_transaction_id, p_game_id, p_amount);
  IF (pro.res)."code" IS NOT NULL THEN RETURN pro.res; END IF;
  w := pro.w; sc := pro.sc;
  IF (pro.pl)."blocked" THEN RETURN "wallet_err"(4, 'Player blocked', "wallet_fmt"(w."balance", sc)); END IF;

  SELECT * INTO s FROM "game_sessions" WHERE "token_hash" = p_token_hash;
  IF NOT FOUND OR s."player_id" <> p_player_id OR s."game_id" <> p_game_id
     OR s."consumed_at" IS NULL OR s."revoked_at" IS NOT NULL
     OR s."last_seen_at" <= now() - make_interval(secs => p_idle_seconds) THEN
    RETURN "wallet_err"(14, 'Non-valid token', "wallet_fmt"(w."balance", sc));
  END IF;
  IF p_amount < 0 OR p_amount <> round(p_amount, sc) THEN
    RETURN "wallet_err"(1, 'Invalid amount', "wallet_fmt"(w."balance", sc));
  END IF;

  SELECT * INTO r FROM "rounds" WHERE "player_id" = p_player_id AND "round_id" = p_round_id FOR UPDATE;
  IF FOUND AND r."status" = 'closed' THEN
    RETURN "wallet_err"(5, 'Round closed', "wallet_fmt"(w."balance", sc));
  END IF;
  IF FOUND AND r."game_id" <> p_game_id THEN
    RETURN "wallet_err"(1, 'round belongs to another game', "wallet_fmt"(w."balance", sc));
  END IF;
  IF w."balance" < p_amount THEN
    RETURN "wallet_err"(2, 'Insufficient funds', "wallet_fmt"(w."balance", sc));
  END IF;

  new_balance := w."balance" - p_amount;
  UPDATE "wallets" SET "balance" = new_balance, "updated_at" = now() WHERE "player_id" = p_player_id;
  IF r."id" IS NULL THEN
    INSERT INTO "rounds" ("player_id", "round_id", "game_id", "session_id", "currency", "status", "bet_total", "closed_at")
    VALUES (p_player_id, p_round_id, p_game_id, s."id", w."currency",
            CASE WHEN p_is_close THEN 'closed'::"round_status" ELSE 'open'::"round_status" END,
            p_amount, CASE WHEN p_is_close THEN now() END)
    RETURNING * INTO r;
  ELSE
    UPDATE "rounds" SET "bet_total" = "bet_total" + p_amount, "updated_at" = now(),
           "status" = CASE WHEN p_is_close THEN 'closed'::"round_status" ELSE "status" END,
           "closed_at" = CASE WHEN p_is_close THEN now() ELSE "closed_at" END
     WHERE "id" = r."id";
  END IF;

  entry_id := nextval(pg_get_serial_sequence('"ledger_entries"', 'id'));
  answer := format('{"code":0,"message":"Ok","balance":%s,"external_session_id":%s}', "wallet_fmt"(new_balance, sc), entry_id);
  INSERT INTO "ledger_entries" ("id", "player_id", "currency", "kind", "amount", "balance_after", "round_pk",
    "round_id", "transaction_id", "game_id", "session_id", "is_close", "response")
  VALUES (entry_id, p_player_id, w."currency", 'bet', -p_amount, new_balance, r."id",
    p_round_id, p_transaction_id, p_game_id, s."id", p_is_close, answer);
  UPDATE "game_sessions" SET "last_seen_at" = now() WHERE "id" = s."id";
  RETURN ROW(0, 'Ok', answer, NULL, entry_id, NULL, NULL, NULL)::"wallet_result";
END $$;

-- The provider's Debit: pay a win. Money owed is never refused (D4, D9): a win for a round the
-- session opened is paid even when the session went idle or the player was blocked since.
CREATE FUNCTION "wallet_win"(p_player_id INTEGER, p_round_id TEXT, p_transaction_id TEXT,
  p_game_id INTEGER, p_token_hash TEXT, p_amount NUMERIC, p_bet_amount NUMERIC, p_is_close BOOLEAN,
  p_idle_seconds INTEGER)
RETURNS "wallet_result" LANGUAGE plpgsql AS $$
DECLARE
  pro RECORD;
  w "wallets";
  sc INTEGER;
  s "game_sessions"%ROWTYPE;
  r "rounds"%ROWTYPE;
  live BOOLEAN;
  new_balance NUMERIC;
  entry_id BIGINT;
  answer TEXT;
BEGIN
  SELECT * INTO pro FROM "wallet_replay"('win', p_player_id, p_round_id, p_transaction_id, p_game_id, p_amount);
  IF (pro.res)."code" IS NOT NULL THEN RETURN pro.res; END IF;
  w := pro.w; sc := pro.sc;

  SELECT * INTO s FROM "game_sessions" WHERE "token_hash" = p_token_hash;
  IF NOT FOUND OR s."player_id" <> p_player_id OR s."game_id" <> p_game_id OR s."consumed_at" IS NULL THEN
    RETURN "wallet_err"(14, 'Non-valid token', "wallet_fmt"(w."balance", sc));
  END IF;
  IF p_amount < 0 OR p_amount <> round(p_amount, sc) THEN
    RETURN "wallet_err"(1, 'Invalid amount', "wallet_fmt"(w."balance", sc));
  END IF;

  SELECT * INTO r FROM "rounds" WHERE "player_id" = p_player_id AND "round_id" = p_round_id FOR UPDATE;
  IF NOT FOUND THEN RETURN "wallet_err"(8, 'Round not found', "wallet_fmt"(w."balance", sc)); END IF;
  IF r."status" = 'closed' THEN RETURN "wallet_err"(5, 'Round closed', "wallet_fmt"(w."balance", sc)); END IF;
  IF r."game_id" <> p_game_id THEN
    RETURN "wallet_err"(1, 'round belongs to another game', "wallet_fmt"(w."balance", sc));
  END IF;
  live := s."revoked_at" IS NULL AND s."last_seen_at" > now() - make_interval(secs => p_idle_seconds);
  IF r."session_id" IS DISTINCT FROM s."id" AND NOT live THEN
    RETURN "wallet_err"(14, 'Non-valid token', "wallet_fmt"(w."balance", sc));
  END IF;

  new_balance := w."balance" + p_amount;
  UPDATE "wallets" SET "balance" = new_balance, "updated_at" = now() WHERE "player_id" = p_player_id;
  UPDATE "rounds" SET "win_total" = "win_total" + p_amount, "updated_at" = now(),
         "status" = CASE WHEN p_is_close THEN 'closed'::"round_status" ELSE "status" END,
         "closed_at" = CASE WHEN p_is_close THEN now() ELSE "closed_at" END
   WHERE "id" = r."id";

  entry_id := nextval(pg_get_serial_sequence('"ledger_entries"', 'id'));
  answer := format('{"code":0,"message":"Ok","balance":%s,"external_session_id":%s}', "wallet_fmt"(new_balance, sc), entry_id);
  INSERT INTO "ledger_entries" ("id", "player_id", "currency", "kind", "amount", "balance_after", "round_pk",
    "round_id", "transaction_id", "game_id", "session_id", "bet_amount", "is_close", "response")
  VALUES (entry_id, p_player_id, w."currency", 'win', p_amount, new_balance, r."id",
    p_round_id, p_transaction_id, p_game_id, s."id", p_bet_amount, p_is_close, answer);
  -- A late win does not revive an idle session for new bets.
  IF live THEN UPDATE "game_sessions" SET "last_seen_at" = now() WHERE "id" = s."id"; END IF;
  RETURN ROW(0, 'Ok', answer, NULL, entry_id, NULL, NULL, NULL)::"wallet_result";
END $$;

-- One provider callback = one statement: the operation and its D11 log row commit together.
-- latency_ms: time from request arrival (p_pre_ms measured by the app up to this call) to decision.
CREATE FUNCTION "wallet_callback"(p_method TEXT, p_player_id INTEGER, p_round_id TEXT,
  p_transaction_id TEXT, p_game_id INTEGER, p_token_hash TEXT, p_amount NUMERIC, p_bet_amount NUMERIC,
  p_is_close BOOLEAN, p_idle_seconds INTEGER, p_pre_ms DOUBLE PRECISION, p_ip TEXT)
RETURNS "wallet_result" LANGUAGE plpgsql AS $$
DECLARE
  res "wallet_result";
BEGIN
  IF p_method = 'Authorization' THEN
    res := "wallet_authorize"(p_player_id, p_game_id, p_token_hash);
  ELSIF p_method = 'Credit' THEN
    res := "wallet_bet"(p_player_id, p_round_id, p_transaction_id, p_game_id, p_token_hash, p_amount, p_is_close, p_idle_seconds);
  ELSIF p_method = 'Debit' THEN
    res := "wallet_win"(p_player_id, p_round_id, p_transaction_id, p_game_id, p_token_hash, p_amount, p_bet_amount, p_is_close, p_idle_seconds);
  ELSE
    RAISE EXCEPTION 'unknown wallet method %', p_method;
  END IF;
  INSERT INTO "callback_logs" ("method", "player_id", "round_id", "transaction_id", "game_id", "amount",
    "code", "message", "latency_ms", "ledger_entry_id", "ip")
  VALUES (p_method, p_player_id::text, p_round_id, p_transaction_id, p_game_id::text, p_amount::text,
    res."code", res."message",
    p_pre_ms + 1000 * extract(epoch FROM clock_timestamp() - statement_timestamp())::double precision,
    res."ledger_id", p_ip);
  RETURN res;
END $$;

-- Admin adjustments, the demo cashier and the seed: a signed amount with a reason, never below 0.
CREATE FUNCTION "wallet_adjust"(p_player_id INTEGER, p_amount NUMERIC, p_reason TEXT, p_admin_id INTEGER)
RETURNS "wallet_result" LANGUAGE plpgsql AS $$
DECLARE
  w "wallets"%ROWTYPE;
  sc INTEGER;
  new_balance NUMERIC;
  entry_id BIGINT;
BEGIN
  SELECT * INTO w FROM "wallets" WHERE "player_id" = p_player_id FOR UPDATE;
  IF NOT FOUND THEN RETURN "wallet_err"(11, 'Player not found'); END IF;
  SELECT "minor_units" INTO sc FROM "currencies" WHERE "code" = w."currency";
  IF p_amount = 0 OR p_amount <> round(p_amount, sc) THEN
    RETURN "wallet_err"(1, 'Invalid amount', "wallet_fmt"(w."balance", sc));
  END IF;
  IF p_reason IS NULL OR length(btrim(p_reason)) = 0 THEN
    RETURN "wallet_err"(1, 'A reason is required', "wallet_fmt"(w."balance", sc));
  END IF;
  new_balance := w."balance" + p_amount;
  IF new_balance < 0 THEN RETURN "wallet_err"(2, 'Insufficient funds', "wallet_fmt"(w."balance", sc)); END IF;
  UPDATE "wallets" SET "balance" = new_balance, "updated_at" = now() WHERE "player_id" = p_player_id;
  INSERT INTO "ledger_entries" ("player_id", "currency", "kind", "amount", "balance_after", "admin_id", "reason")
  VALUES (p_player_id, w."currency", 'adjustment', p_amount, new_balance, p_admin_id, btrim(p_reason))
  RETURNING "id" INTO entry_id;
  RETURN ROW(0, 'Ok', NULL, "wallet_fmt"(new_balance, sc), entry_id, NULL, NULL, w."currency")::"wallet_result";
END $$;

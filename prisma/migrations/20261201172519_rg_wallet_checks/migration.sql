-- PROTOCOL D12 in the money path: wallet_authorize and wallet_bet refuse a player in a time-out or
-- self-exclusion (4) and a play session past its session-time limit (4); wallet_bet refuses a bet
-- that would pass a loss or wager limit (2, the message names the limit). The checks run after the
-- wallet-row lock, in the same transaction as the balance check, so concurrent bets of one player
-- see each other (the counters are written by the ledger trigger of 20261201172518_responsible_gaming
-- before the lock is released). Wins (wallet_win) are not touched: money owed is always paid.
-- Both bodies are those of 20261125000100_wallet_functions plus the marked RG checks.

CREATE OR REPLACE FUNCTION "rg_exclusion_message"(p_kind TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_kind WHEN 'self_exclusion' THEN 'Player self-excluded' ELSE 'Player in time-out' END
$$;

-- Whether the play session of game session s is past the player's session-time limit at t.
CREATE OR REPLACE FUNCTION "rg_session_over"(s "game_sessions", t TIMESTAMPTZ) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
  SELECT COALESCE(t - COALESCE(s."play_started_at", s."consumed_at", s."issued_at")
                  > make_interval(secs => ("rg_session_minutes"(s."player_id", t) * 60)::double precision), false)
$$;

CREATE OR REPLACE FUNCTION "wallet_authorize"(p_player_id INTEGER, p_game_id INTEGER, p_token_hash TEXT)
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
  -- RG: time-out / self-exclusion (D12).
  IF pl."excluded_until" > now() THEN RETURN "wallet_err"(4, "rg_exclusion_message"(pl."exclusion_kind")); END IF;

  SELECT * INTO s FROM "game_sessions" WHERE "token_hash" = p_token_hash FOR UPDATE;
  IF NOT FOUND OR s."player_id" <> p_player_id OR s."game_id" <> p_game_id OR s."revoked_at" IS NOT NULL THEN
    RETURN "wallet_err"(14, 'Non-valid token');
  END IF;
  -- RG: the play session is past its session-time limit (D12).
  IF "rg_session_over"(s, now()) THEN RETURN "wallet_err"(4, 'Session time limit reached'); END IF;
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

CREATE OR REPLACE FUNCTION "wallet_bet"(p_player_id INTEGER, p_round_id TEXT, p_transaction_id TEXT,
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
  refusal TEXT;
BEGIN
  SELECT * INTO pro FROM "wallet_replay"('bet', p_player_id, p_round_id, p_transaction_id, p_game_id, p_amount);
  IF (pro.res)."code" IS NOT NULL THEN RETURN pro.res; END IF;
  w := pro.w; sc := pro.sc;
  IF (pro.pl)."blocked" THEN RETURN "wallet_err"(4, 'Player blocked', "wallet_fmt"(w."balance", sc)); END IF;
  -- RG: time-out / self-exclusion (D12).
  IF (pro.pl)."excluded_until" > now() THEN
    RETURN "wallet_err"(4, "rg_exclusion_message"((pro.pl)."exclusion_kind"), "wallet_fmt"(w."balance", sc));
  END IF;

  SELECT * INTO s FROM "game_sessions" WHERE "token_hash" = p_token_hash;
  IF NOT FOUND OR s."player_id" <> p_player_id OR s."game_id" <> p_game_id
     OR s."consumed_at" IS NULL OR s."revoked_at" IS NOT NULL
     OR s."last_seen_at" <= now() - make_interval(secs => p_idle_seconds) THEN
    RETURN "wallet_err"(14, 'Non-valid token', "wallet_fmt"(w."balance", sc));
  END IF;
  IF p_amount < 0 OR p_amount <> round(p_amount, sc) THEN
    RETURN "wallet_err"(1, 'Invalid amount', "wallet_fmt"(w."balance", sc));
  END IF;
  -- RG: the play session is past its session-time limit (D12).
  IF "rg_session_over"(s, now()) THEN RETURN "wallet_err"(4, 'Session time limit reached', "wallet_fmt"(w."balance", sc)); END IF;

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
  -- RG: loss and wager limits, against the period counters, under the wallet-row lock (D12).
  refusal := "rg_bet_refusal"(p_player_id, p_amount, now());
  IF refusal IS NOT NULL THEN RETURN "wallet_err"(2, refusal, "wallet_fmt"(w."balance", sc)); END IF;

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

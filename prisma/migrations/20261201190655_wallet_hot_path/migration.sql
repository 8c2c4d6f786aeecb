-- A cheaper hot path (issue 15), from what `npm run profile:wallet` (pg_stat_statements, track =
-- all) showed: of the 5.4 ms a bet or win spent in wallet_callback at concurrency 8, about 70 % was
-- spent in the report rollup's triggers (20261201162228_report_rollup) waiting for row locks on
-- report_daily. Its rows were sharded by player_id % 16, so two concurrent callbacks of different
-- players on the same (day, game, currency) collided whenever their ids agreed mod 16 (at 32
-- concurrent callbacks, nearly always), and each waited until the other's COMMIT (its WAL flush).
--
-- 1. The rollup shards by the database backend instead: pg_backend_pid() % 64. Two transactions
--    that run at the same time are always on different backends, so they only collide when their
--    pids agree mod 64 (a connection pool's backends mostly do not). The reports sum the shards and
--    never read them as players (lib/admin/reports.ts), report_rebuild keeps its own assignment and
--    report_fold is unchanged; a row per (day, game, currency) stays bounded by 64 shards, and days
--    before yesterday are folded into one row as before.
-- 2. wallet_bet and wallet_win take the ledger id from the sequence by name (not a catalog lookup
--    with pg_get_serial_sequence on every call) and return the balance after, and wallet_replay
--    returns a repeat's balance from its entry, so wallet_callback's read-back of the ledger entry
--    (kept there for anything else) no longer runs. Answers are unchanged byte for byte: the same
--    wallet_fmt of the same balance_after and id (D5).
--
-- Bodies: wallet_bet is 20261201172519_rg_wallet_checks's, wallet_win 20261201170301_win_review's,
-- wallet_replay 20261125000100_wallet_functions's, each with the lines marked HOT PATH changed;
-- nothing else. Before and after: `npm run bench:callbacks` (figures in the README, "Operating it").

CREATE OR REPLACE FUNCTION "report_on_ledger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d DATE := (NEW."created_at" AT TIME ZONE 'UTC')::date; s SMALLINT := (pg_backend_pid() % 64)::smallint;
BEGIN
  INSERT INTO "report_daily" AS r ("day", "game_id", "currency", "shard", "bets", "wins", "bet_count", "win_count")
  VALUES (d, coalesce(NEW."game_id", 0), NEW."currency", s,
          CASE WHEN NEW."kind" = 'bet' THEN -NEW."amount" ELSE 0 END, CASE WHEN NEW."kind" = 'win' THEN NEW."amount" ELSE 0 END,
          (NEW."kind" = 'bet')::int, (NEW."kind" = 'win')::int)
  ON CONFLICT ("day", "game_id", "currency", "shard") DO UPDATE
    SET "bets" = r."bets" + EXCLUDED."bets", "wins" = r."wins" + EXCLUDED."wins",
        "bet_count" = r."bet_count" + EXCLUDED."bet_count", "win_count" = r."win_count" + EXCLUDED."win_count";
  IF NEW."kind" = 'bet' THEN
    INSERT INTO "report_player_days" ("day", "player_id") VALUES (d, NEW."player_id") ON CONFLICT DO NOTHING;
    IF FOUND THEN
      INSERT INTO "report_active_daily" AS a ("day", "currency", "shard", "players") VALUES (d, NEW."currency", s, 1)
      ON CONFLICT ("day", "currency", "shard") DO UPDATE SET "players" = a."players" + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "report_on_round"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "report_daily" AS r ("day", "game_id", "currency", "shard", "rounds")
  VALUES ((NEW."opened_at" AT TIME ZONE 'UTC')::date, NEW."game_id", NEW."currency", (pg_backend_pid() % 64)::smallint, 1)
  ON CONFLICT ("day", "game_id", "currency", "shard") DO UPDATE SET "rounds" = r."rounds" + 1;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "wallet_replay"(p_kind "ledger_kind", p_player_id INTEGER, p_round_id TEXT,
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
      -- HOT PATH: a repeat's answer balance from its entry (same currency, so the same minor units
      -- wallet_callback would use); NULL otherwise, and wallet_callback reads it as before.
      res := ROW(0, 'Ok', prior."response",
        CASE WHEN prior."currency" = w."currency" THEN "wallet_fmt"(prior."balance_after", sc) END,
        prior."id", NULL, NULL, NULL)::"wallet_result";
    ELSE
      res := "wallet_err"(1, 'transaction mismatch', "wallet_fmt"(w."balance", sc));
    END IF;
  END IF;
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
  balance_text TEXT;
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

  -- HOT PATH: the sequence by name (not pg_get_serial_sequence per call); the balance is formatted once.
  entry_id := nextval('"ledger_entries_id_seq"'::regclass);
  balance_text := "wallet_fmt"(new_balance, sc);
  answer := format('{"code":0,"message":"Ok","balance":%s,"external_session_id":%s}', balance_text, entry_id);
  INSERT INTO "ledger_entries" ("id", "player_id", "currency", "kind", "amount", "balance_after", "round_pk",
    "round_id", "transaction_id", "game_id", "session_id", "is_close", "response")
  VALUES (entry_id, p_player_id, w."currency", 'bet', -p_amount, new_balance, r."id",
    p_round_id, p_transaction_id, p_game_id, s."id", p_is_close, answer);
  UPDATE "game_sessions" SET "last_seen_at" = now() WHERE "id" = s."id";
  -- HOT PATH: the balance after is returned, so wallet_callback need not read the entry back.
  RETURN ROW(0, 'Ok', answer, balance_text, entry_id, NULL, NULL, NULL)::"wallet_result";
END $$;

CREATE OR REPLACE FUNCTION "wallet_win"(p_player_id INTEGER, p_round_id TEXT, p_transaction_id TEXT,
  p_game_id INTEGER, p_token_hash TEXT, p_amount NUMERIC, p_bet_amount NUMERIC, p_is_close BOOLEAN,
  p_idle_seconds INTEGER, p_review JSONB DEFAULT NULL)
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
  balance_text TEXT;
  review TEXT;
  lim_multiple NUMERIC;
  lim_ceiling NUMERIC;
  round_wins NUMERIC;
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

  -- D13: never refused for its size (money owed), but a round whose wins pass a multiple of its
  -- bets, or the currency's ceiling, is flagged for review in this same transaction.
  IF p_review IS NOT NULL AND p_amount > 0 THEN
    lim_multiple := NULLIF(p_review->>'multiple', '')::numeric;
    lim_ceiling := NULLIF(p_review->'ceilings'->>w."currency", '')::numeric;
    round_wins := r."win_total" + p_amount;
    IF lim_multiple IS NOT NULL AND round_wins > r."bet_total" * lim_multiple THEN
      review := format('wins %s %s are over %sx the round''s bets of %s', "wallet_fmt"(round_wins, sc), w."currency",
        lim_multiple::text, "wallet_fmt"(r."bet_total", sc));
    END IF;
    IF lim_ceiling IS NOT NULL AND round_wins > lim_ceiling THEN
      review := concat_ws('; ', review, format('wins %s %s are over the %s ceiling of %s', "wallet_fmt"(round_wins, sc), w."currency",
        w."currency", "wallet_fmt"(lim_ceiling, sc)));
    END IF;
    IF review IS NOT NULL THEN
      UPDATE "rounds" SET "review_reason" = review, "flagged_at" = now(), "reviewed_at" = NULL, "reviewed_by" = NULL
       WHERE "id" = r."id";
      -- Read by lib/wallet/operations.ts, which logs it as a warning.
      RAISE WARNING USING MESSAGE = 'win_review', DETAIL = json_build_object('playerId', p_player_id, 'roundId', p_round_id,
        'transactionId', p_transaction_id, 'amount', "wallet_fmt"(p_amount, sc), 'currency', w."currency", 'reason', review)::text;
    END IF;
  END IF;

  -- HOT PATH: the sequence by name (not pg_get_serial_sequence per call); the balance is formatted once.
  entry_id := nextval('"ledger_entries_id_seq"'::regclass);
  balance_text := "wallet_fmt"(new_balance, sc);
  answer := format('{"code":0,"message":"Ok","balance":%s,"external_session_id":%s}', balance_text, entry_id);
  INSERT INTO "ledger_entries" ("id", "player_id", "currency", "kind", "amount", "balance_after", "round_pk",
    "round_id", "transaction_id", "game_id", "session_id", "bet_amount", "is_close", "response")
  VALUES (entry_id, p_player_id, w."currency", 'win', p_amount, new_balance, r."id",
    p_round_id, p_transaction_id, p_game_id, s."id", p_bet_amount, p_is_close, answer);
  -- A late win does not revive an idle session for new bets.
  IF live THEN UPDATE "game_sessions" SET "last_seen_at" = now() WHERE "id" = s."id"; END IF;
  -- HOT PATH: the balance after is returned, so wallet_callback need not read the entry back.
  RETURN ROW(0, 'Ok', answer, balance_text, entry_id, NULL, NULL, NULL)::"wallet_result";
END $$;

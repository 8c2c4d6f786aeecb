-- D13, wins to review: a win is never refused for its size (money owed), but when the round's wins
-- pass a multiple of its bets (WALLET_REVIEW_WIN_MULTIPLE, default 1000) or the currency's ceiling
-- (WALLET_REVIEW_WIN_CEILINGS), the win is paid and the round is flagged with the reason in the
-- same transaction; the back office lists flagged rounds until a staff member marks one reviewed
-- (who and when recorded here, the audit row by lib/admin/win-review.ts).
-- wallet_win and wallet_callback gain a trailing `p_review JSONB DEFAULT NULL` (the limits, as
-- {"multiple": "1000", "ceilings": {"EUR": "10000"}}); their bodies are otherwise those of
-- 20261125000100_wallet_functions and 20261201161317_wallet_domain_operations.
ALTER TABLE "rounds"
  ADD COLUMN "review_reason" TEXT,
  ADD COLUMN "flagged_at" TIMESTAMPTZ(3),
  ADD COLUMN "reviewed_at" TIMESTAMPTZ(3),
  ADD COLUMN "reviewed_by" INTEGER,
  ADD CONSTRAINT "rounds_reviewed_by_fkey" FOREIGN KEY ("reviewed_by") REFERENCES "players"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD CONSTRAINT "rounds_review_check" CHECK ("reviewed_at" IS NULL OR "flagged_at" IS NOT NULL);

CREATE INDEX "rounds_flagged_at_idx" ON "rounds"("flagged_at");

DROP FUNCTION "wallet_callback"(TEXT, INTEGER, TEXT, TEXT, INTEGER, TEXT, NUMERIC, NUMERIC, BOOLEAN, INTEGER, DOUBLE PRECISION, TEXT, TEXT);
DROP FUNCTION "wallet_win"(INTEGER, TEXT, TEXT, INTEGER, TEXT, NUMERIC, NUMERIC, BOOLEAN, INTEGER);

CREATE FUNCTION "wallet_win"(p_player_id INTEGER, p_round_id TEXT, p_transaction_id TEXT,
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

CREATE FUNCTION "wallet_callback"(p_op TEXT, p_player_id INTEGER, p_round_id TEXT,
  p_transaction_id TEXT, p_game_id INTEGER, p_token_hash TEXT, p_amount NUMERIC, p_bet_amount NUMERIC,
  p_is_close BOOLEAN, p_idle_seconds INTEGER, p_pre_ms DOUBLE PRECISION, p_ip TEXT, p_log_method TEXT, p_review JSONB DEFAULT NULL)
RETURNS "wallet_result" LANGUAGE plpgsql AS $$
DECLARE
  res "wallet_result";
BEGIN
  IF p_op = 'authorize' THEN
    res := "wallet_authorize"(p_player_id, p_game_id, p_token_hash);
  ELSIF p_op = 'bet' THEN
    res := "wallet_bet"(p_player_id, p_round_id, p_transaction_id, p_game_id, p_token_hash, p_amount, p_is_close, p_idle_seconds);
  ELSIF p_op = 'win' THEN
    res := "wallet_win"(p_player_id, p_round_id, p_transaction_id, p_game_id, p_token_hash, p_amount, p_bet_amount, p_is_close, p_idle_seconds, p_review);
  ELSE
    RAISE EXCEPTION 'unknown wallet operation %', p_op;
  END IF;
  IF res."code" = 0 AND res."ledger_id" IS NOT NULL AND res."balance" IS NULL THEN
    SELECT "wallet_fmt"(e."balance_after", c."minor_units") INTO res."balance"
      FROM "ledger_entries" e JOIN "currencies" c ON c."code" = e."currency"
     WHERE e."id" = res."ledger_id";
  END IF;
  INSERT INTO "callback_logs" ("method", "player_id", "round_id", "transaction_id", "game_id", "amount",
    "code", "message", "latency_ms", "ledger_entry_id", "ip")
  VALUES (p_log_method, p_player_id::text, p_round_id, p_transaction_id, p_game_id::text, p_amount::text,
    res."code", res."message",
    p_pre_ms + 1000 * extract(epoch FROM clock_timestamp() - statement_timestamp())::double precision,
    res."ledger_id", p_ip);
  RETURN res;
END $$;

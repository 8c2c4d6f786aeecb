-- The wallet speaks its own words: `wallet_callback` dispatches on the operation ('authorize',
-- 'bet', 'win'), not on the provider's method names. The name of the call as the provider made it
-- ("Authorization", "Credit", "Debit") is only a label for the D11 log, passed in by the edge
-- (lib/callbacks) and recorded as is.
--
-- A successful bet or win now also returns the balance after it (read from its ledger entry, also
-- for a D5 repeat), so the edge can build the answer from the result alone. The entry's id and
-- balance_after never change (append-only ledger), so a repeat rebuilds the same bytes as the
-- first answer; `ledger_entries.response` stays the audit copy of what was sent, and a test
-- (tests/wallet/credit-debit.test.ts) checks that the answer and that copy agree byte for byte.
DROP FUNCTION "wallet_callback"(TEXT, INTEGER, TEXT, TEXT, INTEGER, TEXT, NUMERIC, NUMERIC, BOOLEAN, INTEGER, DOUBLE PRECISION, TEXT);

CREATE FUNCTION "wallet_callback"(p_op TEXT, p_player_id INTEGER, p_round_id TEXT,
  p_transaction_id TEXT, p_game_id INTEGER, p_token_hash TEXT, p_amount NUMERIC, p_bet_amount NUMERIC,
  p_is_close BOOLEAN, p_idle_seconds INTEGER, p_pre_ms DOUBLE PRECISION, p_ip TEXT, p_log_method TEXT)
RETURNS "wallet_result" LANGUAGE plpgsql AS $$
DECLARE
  res "wallet_result";
BEGIN
  IF p_op = 'authorize' THEN
    res := "wallet_authorize"(p_player_id, p_game_id, p_token_hash);
  ELSIF p_op = 'bet' THEN
    res := "wallet_bet"(p_player_id, p_round_id, p_transaction_id, p_game_id, p_token_hash, p_amount, p_is_close, p_idle_seconds);
  ELSIF p_op = 'win' THEN
    res := "wallet_win"(p_player_id, p_round_id, p_transaction_id, p_game_id, p_token_hash, p_amount, p_bet_amount, p_is_close, p_idle_seconds);
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

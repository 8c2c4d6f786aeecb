-- Responsible gaming (issue 11, PROTOCOL D12): limits, cooling-off, time-out, self-exclusion,
-- reality checks. The wallet reads what it needs under the player's wallet-row lock:
--  * players.excluded_until / exclusion_kind: the time-out or self-exclusion in force (only ever
--    extended: GREATEST in rg_exclude, no other writer), read with the player row it already loads;
--  * rg_limits: at most 10 rows per player (primary key lookup);
--  * rg_counters: one row per player with the calendar-period sums (UTC day, ISO week from Monday,
--    month), kept by a trigger on every bet and win in the same transaction as the ledger insert, so
--    a check costs one row read instead of a sum over the ledger.
-- A raised or removed limit only takes effect after the cooling-off: it waits in pending_value /
-- pending_from, and every reader takes "pending_from <= now()" as the moment it applies, so no job
-- has to run at that time (writers fold an applied pending change into value).

ALTER TABLE "players"
  ADD COLUMN "excluded_until" TIMESTAMPTZ(3),
  ADD COLUMN "exclusion_kind" TEXT,
  ADD COLUMN "reality_check_seconds" INTEGER NOT NULL DEFAULT 3600,
  ADD CONSTRAINT "players_exclusion_kind_check" CHECK ("exclusion_kind" IN ('timeout', 'self_exclusion')),
  ADD CONSTRAINT "players_exclusion_pair_check" CHECK (("excluded_until" IS NULL) = ("exclusion_kind" IS NULL)),
  ADD CONSTRAINT "players_reality_check_seconds_check" CHECK ("reality_check_seconds" BETWEEN 1 AND 86400);

-- The play session a game session belongs to: launches less than the idle timeout apart continue
-- one play session (the session-time limit and the reality check count from its start).
ALTER TABLE "game_sessions" ADD COLUMN "play_started_at" TIMESTAMPTZ(3);

CREATE TABLE "rg_limits" (
  "player_id" INTEGER NOT NULL,
  "kind" TEXT NOT NULL,
  "period" TEXT NOT NULL,
  -- In force until pending_from; money in the player's currency, minutes for kind 'session'.
  "value" DECIMAL(38,8) NOT NULL,
  -- A raise (or, when NULL with pending_from set, a removal) waiting for its cooling-off.
  "pending_value" DECIMAL(38,8),
  "pending_from" TIMESTAMPTZ(3),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "rg_limits_pkey" PRIMARY KEY ("player_id", "kind", "period"),
  CONSTRAINT "rg_limits_kind_check" CHECK ("kind" IN ('deposit', 'loss', 'wager', 'session')),
  CONSTRAINT "rg_limits_period_check" CHECK (
    ("kind" = 'session' AND "period" = 'session') OR ("kind" <> 'session' AND "period" IN ('day', 'week', 'month'))),
  CONSTRAINT "rg_limits_value_check" CHECK ("value" > 0 AND ("pending_value" IS NULL OR "pending_value" > 0)),
  CONSTRAINT "rg_limits_pending_check" CHECK ("pending_value" IS NULL OR "pending_from" IS NOT NULL)
);
ALTER TABLE "rg_limits" ADD CONSTRAINT "rg_limits_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "rg_counters" (
  "player_id" INTEGER NOT NULL,
  "day" DATE NOT NULL,
  "day_bets" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "day_wins" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "day_deposits" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "week" DATE NOT NULL,
  "week_bets" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "week_wins" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "week_deposits" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "month" DATE NOT NULL,
  "month_bets" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "month_wins" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "month_deposits" DECIMAL(38,8) NOT NULL DEFAULT 0,
  CONSTRAINT "rg_counters_pkey" PRIMARY KEY ("player_id")
);
ALTER TABLE "rg_counters" ADD CONSTRAINT "rg_counters_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every change of a limit, exclusion or reality-check interval, by the player (actor_id NULL) or
-- staff (actor_id, with a reason). Append-only in practice; the account page and the back office
-- show it.
CREATE TABLE "rg_events" (
  "id" BIGSERIAL NOT NULL,
  "player_id" INTEGER NOT NULL,
  "actor_id" INTEGER,
  "action" TEXT NOT NULL,
  "kind" TEXT,
  "period" TEXT,
  "old_value" DECIMAL(38,8),
  "new_value" DECIMAL(38,8),
  "effective_at" TIMESTAMPTZ(3),
  "reason" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "rg_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "rg_events_player_id_created_at_idx" ON "rg_events"("player_id", "created_at" DESC);

-- The start of each calendar period (UTC) that contains t.
CREATE FUNCTION "rg_day"(t TIMESTAMPTZ) RETURNS DATE LANGUAGE sql IMMUTABLE AS $$ SELECT (t AT TIME ZONE 'UTC')::date $$;
CREATE FUNCTION "rg_week"(t TIMESTAMPTZ) RETURNS DATE LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('week', t AT TIME ZONE 'UTC')::date $$;
CREATE FUNCTION "rg_month"(t TIMESTAMPTZ) RETURNS DATE LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', t AT TIME ZONE 'UTC')::date $$;

-- Adds bets, wins and deposits at time t to the player's period sums, restarting a period's sums
-- when t falls in a later period than the stored one.
CREATE FUNCTION "rg_count"(p_player_id INTEGER, t TIMESTAMPTZ, p_bets NUMERIC, p_wins NUMERIC, p_deposits NUMERIC)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "rg_counters" AS c ("player_id", "day", "day_bets", "day_wins", "day_deposits",
    "week", "week_bets", "week_wins", "week_deposits", "month", "month_bets", "month_wins", "month_deposits")
  VALUES (p_player_id, "rg_day"(t), p_bets, p_wins, p_deposits, "rg_week"(t), p_bets, p_wins, p_deposits,
    "rg_month"(t), p_bets, p_wins, p_deposits)
  ON CONFLICT ("player_id") DO UPDATE SET
    "day_bets" = CASE WHEN c."day" = EXCLUDED."day" THEN c."day_bets" + p_bets ELSE p_bets END,
    "day_wins" = CASE WHEN c."day" = EXCLUDED."day" THEN c."day_wins" + p_wins ELSE p_wins END,
    "day_deposits" = CASE WHEN c."day" = EXCLUDED."day" THEN c."day_deposits" + p_deposits ELSE p_deposits END,
    "day" = EXCLUDED."day",
    "week_bets" = CASE WHEN c."week" = EXCLUDED."week" THEN c."week_bets" + p_bets ELSE p_bets END,
    "week_wins" = CASE WHEN c."week" = EXCLUDED."week" THEN c."week_wins" + p_wins ELSE p_wins END,
    "week_deposits" = CASE WHEN c."week" = EXCLUDED."week" THEN c."week_deposits" + p_deposits ELSE p_deposits END,
    "week" = EXCLUDED."week",
    "month_bets" = CASE WHEN c."month" = EXCLUDED."month" THEN c."month_bets" + p_bets ELSE p_bets END,
    "month_wins" = CASE WHEN c."month" = EXCLUDED."month" THEN c."month_wins" + p_wins ELSE p_wins END,
    "month_deposits" = CASE WHEN c."month" = EXCLUDED."month" THEN c."month_deposits" + p_deposits ELSE p_deposits END,
    "month" = EXCLUDED."month"
$$;

CREATE FUNCTION "rg_count_ledger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" = 'bet' THEN
    PERFORM "rg_count"(NEW."player_id", NEW."created_at", -NEW."amount", 0, 0);
  ELSIF NEW."kind" = 'win' THEN
    PERFORM "rg_count"(NEW."player_id", NEW."created_at", 0, NEW."amount", 0);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "ledger_entries_rg_count" AFTER INSERT ON "ledger_entries"
  FOR EACH ROW WHEN (NEW."kind" IN ('bet', 'win')) EXECUTE FUNCTION "rg_count_ledger"();

-- A period's sum as of time t (0 when the stored period is an earlier one).
CREATE FUNCTION "rg_used"(c "rg_counters", p_kind TEXT, p_period TEXT, t TIMESTAMPTZ) RETURNS NUMERIC
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN c."player_id" IS NULL THEN 0
    WHEN p_period = 'day' THEN CASE WHEN c."day" = "rg_day"(t) THEN
      CASE p_kind WHEN 'wager' THEN c."day_bets" WHEN 'loss' THEN c."day_bets" - c."day_wins" ELSE c."day_deposits" END ELSE 0 END
    WHEN p_period = 'week' THEN CASE WHEN c."week" = "rg_week"(t) THEN
      CASE p_kind WHEN 'wager' THEN c."week_bets" WHEN 'loss' THEN c."week_bets" - c."week_wins" ELSE c."week_deposits" END ELSE 0 END
    WHEN p_period = 'month' THEN CASE WHEN c."month" = "rg_month"(t) THEN
      CASE p_kind WHEN 'wager' THEN c."month_bets" WHEN 'loss' THEN c."month_bets" - c."month_wins" ELSE c."month_deposits" END ELSE 0 END
    ELSE 0
  END
$$;

-- The value of a limit in force at t: the pending change once its cooling-off is over (NULL = removed).
CREATE FUNCTION "rg_effective"(l "rg_limits", t TIMESTAMPTZ) RETURNS NUMERIC LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN l."pending_from" IS NOT NULL AND l."pending_from" <= t THEN l."pending_value" ELSE l."value" END
$$;

CREATE FUNCTION "rg_limit_label"(p_kind TEXT, p_period TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_kind WHEN 'session' THEN 'Session time limit'
    ELSE initcap(CASE p_period WHEN 'day' THEN 'daily' WHEN 'week' THEN 'weekly' ELSE 'monthly' END) || ' ' || p_kind || ' limit' END
$$;

-- The first loss or wager limit that a bet of p_amount at t would pass, as its label; NULL if none.
-- Call it holding the player's wallet-row lock (as wallet_bet does), so concurrent bets see each
-- other's counters.
CREATE FUNCTION "rg_bet_refusal"(p_player_id INTEGER, p_amount NUMERIC, t TIMESTAMPTZ) RETURNS TEXT
LANGUAGE sql STABLE AS $$
  SELECT "rg_limit_label"(l."kind", l."period") || ' reached'
    FROM "rg_limits" l LEFT JOIN "rg_counters" c ON c."player_id" = l."player_id"
   WHERE l."player_id" = p_player_id AND l."kind" IN ('loss', 'wager')
     AND "rg_effective"(l, t) IS NOT NULL
     AND "rg_used"(c, l."kind", l."period", t) + p_amount > "rg_effective"(l, t)
   ORDER BY CASE l."period" WHEN 'day' THEN 1 WHEN 'week' THEN 2 ELSE 3 END, l."kind"
   LIMIT 1
$$;

-- The session-time limit in force at t, in minutes; NULL if none.
CREATE FUNCTION "rg_session_minutes"(p_player_id INTEGER, t TIMESTAMPTZ) RETURNS NUMERIC LANGUAGE sql STABLE AS $$
  SELECT "rg_effective"(l, t) FROM "rg_limits" l WHERE l."player_id" = p_player_id AND l."kind" = 'session' AND l."period" = 'session'
$$;

-- The demo cashier's deposit: refused (4) during a time-out or self-exclusion; deposit limits checked and counted under the wallet-row lock, then
-- the ledger adjustment (wallet_adjust) in the same transaction. Code 2 names the limit.
CREATE FUNCTION "rg_deposit"(p_player_id INTEGER, p_amount NUMERIC, p_reason TEXT) RETURNS "wallet_result"
LANGUAGE plpgsql AS $$
DECLARE
  refusal TEXT;
  res "wallet_result";
BEGIN
  PERFORM 1 FROM "wallets" WHERE "player_id" = p_player_id FOR UPDATE;
  IF NOT FOUND THEN RETURN "wallet_err"(11, 'Player not found'); END IF;
  IF EXISTS (SELECT 1 FROM "players" WHERE "id" = p_player_id AND "excluded_until" > now()) THEN
    RETURN "wallet_err"(4, 'Player excluded');
  END IF;
  SELECT "rg_limit_label"(l."kind", l."period") || ' reached' INTO refusal
    FROM "rg_limits" l LEFT JOIN "rg_counters" c ON c."player_id" = l."player_id"
   WHERE l."player_id" = p_player_id AND l."kind" = 'deposit'
     AND "rg_effective"(l, now()) IS NOT NULL
     AND "rg_used"(c, 'deposit', l."period", now()) + p_amount > "rg_effective"(l, now())
   ORDER BY CASE l."period" WHEN 'day' THEN 1 WHEN 'week' THEN 2 ELSE 3 END
   LIMIT 1;
  IF refusal IS NOT NULL THEN RETURN "wallet_err"(2, refusal); END IF;
  res := "wallet_adjust"(p_player_id, p_amount, p_reason, NULL);
  IF res."code" = 0 THEN PERFORM "rg_count"(p_player_id, now(), 0, 0, p_amount); END IF;
  RETURN res;
END $$;

-- Where a new launch at t starts its play session: the start of the player's latest play session
-- if that one was active less than p_gap_seconds ago (the wallet's idle timeout), else t. Stopping
-- a game and launching again therefore does not reset the session clock; a real break does.
CREATE FUNCTION "rg_play_started_at"(p_player_id INTEGER, p_gap_seconds INTEGER, t TIMESTAMPTZ) RETURNS TIMESTAMPTZ
LANGUAGE sql STABLE AS $$
  SELECT COALESCE((
    SELECT CASE WHEN GREATEST(s."issued_at", s."last_seen_at") > t - make_interval(secs => p_gap_seconds)
                THEN COALESCE(s."play_started_at", s."consumed_at", s."issued_at") END
      FROM "game_sessions" s WHERE s."player_id" = p_player_id ORDER BY s."issued_at" DESC LIMIT 1), t)
$$;

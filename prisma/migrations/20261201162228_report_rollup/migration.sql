-- Reports (issue 12): a rollup kept current by triggers in the same transaction as each bet, win
-- and new round, so reports read a few thousand rows instead of the ledger, and always agree with it.
--
-- Contention: a single (day, game, currency) row would be updated by every player's bet and
-- serialize all callbacks on one row lock. Each row is split into 16 shards by player_id % 16, so
-- concurrent callbacks of different players mostly touch different rows; the reports sum the shards.
-- `player_days` is touched only by the player's own transactions (already serialized by the wallet lock).
-- The wallet's SQL functions are not edited: the triggers sit on ledger_entries and rounds inserts.

-- Per UTC day (of the ledger entry), game, currency and shard: bets and wins (positive amounts),
-- their counts, and rounds opened (by the round's opening day).
CREATE TABLE "report_daily" (
  "day" DATE NOT NULL,
  "game_id" INTEGER NOT NULL,
  "currency" TEXT NOT NULL,
  "shard" SMALLINT NOT NULL,
  "bets" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "wins" DECIMAL(38,8) NOT NULL DEFAULT 0,
  "bet_count" INTEGER NOT NULL DEFAULT 0,
  "win_count" INTEGER NOT NULL DEFAULT 0,
  "rounds" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "report_daily_pkey" PRIMARY KEY ("day", "game_id", "currency", "shard")
);

-- Who placed at least one bet on a day (distinct active players), and its per-day count.
CREATE TABLE "report_player_days" (
  "day" DATE NOT NULL,
  "player_id" INTEGER NOT NULL,
  CONSTRAINT "report_player_days_pkey" PRIMARY KEY ("day", "player_id")
);
CREATE TABLE "report_active_daily" (
  "day" DATE NOT NULL,
  "currency" TEXT NOT NULL,
  "shard" SMALLINT NOT NULL,
  "players" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "report_active_daily_pkey" PRIMARY KEY ("day", "currency", "shard")
);

CREATE FUNCTION "report_on_ledger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d DATE := (NEW."created_at" AT TIME ZONE 'UTC')::date; s SMALLINT := (NEW."player_id" % 16)::smallint;
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
CREATE TRIGGER "report_on_ledger" AFTER INSERT ON "ledger_entries"
  FOR EACH ROW WHEN (NEW."kind" IN ('bet', 'win')) EXECUTE FUNCTION "report_on_ledger"();

CREATE FUNCTION "report_on_round"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "report_daily" AS r ("day", "game_id", "currency", "shard", "rounds")
  VALUES ((NEW."opened_at" AT TIME ZONE 'UTC')::date, NEW."game_id", NEW."currency", (NEW."player_id" % 16)::smallint, 1)
  ON CONFLICT ("day", "game_id", "currency", "shard") DO UPDATE SET "rounds" = r."rounds" + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER "report_on_round" AFTER INSERT ON "rounds" FOR EACH ROW EXECUTE FUNCTION "report_on_round"();

-- Folding: rows of days that are over (before yesterday, UTC) no longer need shards, since no wallet
-- transaction writes to them any more. report_fold() replaces their shards by one row (shard -1) in
-- one statement, so reports over a long range read one row per (day, game, currency) instead of 16.
-- Exact whatever happens: a late write to a folded day just creates a shard row again, folded later.
-- lib/admin/reports.ts runs it (cheaply) before reading.
CREATE INDEX "report_daily_unfolded_idx" ON "report_daily"("day") WHERE "shard" >= 0;
CREATE INDEX "report_active_daily_unfolded_idx" ON "report_active_daily"("day") WHERE "shard" >= 0;
CREATE FUNCTION "report_fold"(p_before DATE) RETURNS VOID LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM "report_daily" WHERE "day" < p_before AND "shard" >= 0 RETURNING *)
  INSERT INTO "report_daily" AS r ("day", "game_id", "currency", "shard", "bets", "wins", "bet_count", "win_count", "rounds")
  SELECT "day", "game_id", "currency", -1, sum("bets"), sum("wins"), sum("bet_count"), sum("win_count"), sum("rounds")
  FROM gone GROUP BY "day", "game_id", "currency"
  ON CONFLICT ("day", "game_id", "currency", "shard") DO UPDATE
    SET "bets" = r."bets" + EXCLUDED."bets", "wins" = r."wins" + EXCLUDED."wins", "bet_count" = r."bet_count" + EXCLUDED."bet_count",
        "win_count" = r."win_count" + EXCLUDED."win_count", "rounds" = r."rounds" + EXCLUDED."rounds";
  WITH gone AS (DELETE FROM "report_active_daily" WHERE "day" < p_before AND "shard" >= 0 RETURNING *)
  INSERT INTO "report_active_daily" AS a ("day", "currency", "shard", "players")
  SELECT "day", "currency", -1, sum("players") FROM gone GROUP BY "day", "currency"
  ON CONFLICT ("day", "currency", "shard") DO UPDATE SET "players" = a."players" + EXCLUDED."players";
$$;

-- Recomputes every rollup table from the ledger and rounds (this migration's backfill; also
-- `npm run seed:bulk`, which inserts with the row triggers disabled and rebuilds once at the end).
CREATE FUNCTION "report_rebuild"() RETURNS VOID LANGUAGE sql AS $$
  DELETE FROM "report_daily";
  DELETE FROM "report_active_daily";
  DELETE FROM "report_player_days";
  INSERT INTO "report_daily" ("day", "game_id", "currency", "shard", "bets", "wins", "bet_count", "win_count", "rounds")
  SELECT day, game_id, currency, shard, sum(bets), sum(wins), sum(bet_count), sum(win_count), sum(rounds) FROM (
    SELECT ("created_at" AT TIME ZONE 'UTC')::date AS day, coalesce("game_id", 0) AS game_id, "currency", ("player_id" % 16)::smallint AS shard,
           coalesce(-sum("amount") FILTER (WHERE "kind" = 'bet'), 0) AS bets, coalesce(sum("amount") FILTER (WHERE "kind" = 'win'), 0) AS wins,
           count(*) FILTER (WHERE "kind" = 'bet')::int AS bet_count, count(*) FILTER (WHERE "kind" = 'win')::int AS win_count, 0 AS rounds
    FROM "ledger_entries" WHERE "kind" IN ('bet', 'win') GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT ("opened_at" AT TIME ZONE 'UTC')::date, "game_id", "currency", ("player_id" % 16)::smallint, 0, 0, 0, 0, count(*)::int
    FROM "rounds" GROUP BY 1, 2, 3, 4
  ) x GROUP BY day, game_id, currency, shard;
  INSERT INTO "report_player_days" ("day", "player_id")
  SELECT DISTINCT ("created_at" AT TIME ZONE 'UTC')::date, "player_id" FROM "ledger_entries" WHERE "kind" = 'bet';
  INSERT INTO "report_active_daily" ("day", "currency", "shard", "players")
  SELECT d."day", p."currency", (d."player_id" % 16)::smallint, count(*)::int
  FROM "report_player_days" d JOIN "players" p ON p."id" = d."player_id" GROUP BY 1, 2, 3;
  SELECT "report_fold"((now() AT TIME ZONE 'UTC')::date - 1);
$$;

-- What already happened before this migration.
SELECT "report_rebuild"();

-- Dashboard "biggest wins": per currency, the wins in amount order (a partial index, so not in
-- schema.prisma, which cannot express WHERE; the drift test only requires the schema's indexes).
CREATE INDEX "ledger_entries_win_currency_amount_idx" ON "ledger_entries"("currency", "amount" DESC, "id" DESC) WHERE "kind" = 'win';

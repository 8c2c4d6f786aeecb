-- Lobby: the last good provider catalog, players' favorites, and failed sign-in attempts.

-- The last good catalog (merged GetListGames + extended), one row per game type. Every app
-- instance reads it when its in-process cache is empty (after a restart) and serves it when the
-- provider fails. `last_error_at` later than `fetched_at` means the provider is failing: stale.
CREATE TABLE "catalog_snapshots" (
  "type" TEXT NOT NULL,
  "games" JSONB NOT NULL,
  "game_count" INTEGER NOT NULL,
  "fetched_at" TIMESTAMPTZ(3) NOT NULL,
  "last_error" TEXT,
  "last_error_at" TIMESTAMPTZ(3),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "catalog_snapshots_pkey" PRIMARY KEY ("type"),
  CONSTRAINT "catalog_snapshots_game_count_check" CHECK ("game_count" >= 0)
);

CREATE TABLE "favorites" (
  "player_id" INTEGER NOT NULL,
  "game_id" INTEGER NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "favorites_pkey" PRIMARY KEY ("player_id", "game_id"),
  CONSTRAINT "favorites_game_id_check" CHECK ("game_id" > 0)
);
CREATE INDEX "favorites_player_id_created_at_idx" ON "favorites"("player_id", "created_at" DESC);
ALTER TABLE "favorites" ADD CONSTRAINT "favorites_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Failed sign-ins, keyed by a hash of (email, client IP): the limiter counts recent rows, so it
-- holds across app instances. Rows older than the window are deleted opportunistically.
CREATE TABLE "login_failures" (
  "id" BIGSERIAL NOT NULL,
  "key" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "login_failures_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "login_failures_key_created_at_idx" ON "login_failures"("key", "created_at");

-- The provider's extended catalog (a spreadsheet: the published URL and/or a file an admin
-- uploaded) and the operator's control of the lobby.

-- The last good extended catalog of each source, like catalog_snapshots for GetListGames: a
-- failed fetch or a bad file never replaces it, it only records the error. `problems` is the
-- last parse's report of skipped rows ({row, reason}).
CREATE TABLE "extended_catalogs" (
  "source" TEXT NOT NULL,
  "rows" JSONB NOT NULL,
  "row_count" INTEGER NOT NULL,
  "problems" JSONB NOT NULL DEFAULT '[]',
  "origin" TEXT NOT NULL,
  "loaded_at" TIMESTAMPTZ(3) NOT NULL,
  "loaded_by" INTEGER,
  "last_error" TEXT,
  "last_error_at" TIMESTAMPTZ(3),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "extended_catalogs_pkey" PRIMARY KEY ("source"),
  CONSTRAINT "extended_catalogs_source_check" CHECK ("source" IN ('url', 'upload')),
  CONSTRAINT "extended_catalogs_row_count_check" CHECK ("row_count" >= 0)
);

-- What the operator decided for one game. The provider stays the source of which games exist:
-- a row here for a game the provider no longer lists has no effect.
CREATE TABLE "lobby_controls" (
  "game_id" INTEGER NOT NULL,
  "hidden" BOOLEAN NOT NULL DEFAULT false,
  "badge_new" BOOLEAN NOT NULL DEFAULT false,
  "badge_hot" BOOLEAN NOT NULL DEFAULT false,
  "featured" BOOLEAN NOT NULL DEFAULT false,
  "pin" INTEGER,
  "updated_by" INTEGER,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "lobby_controls_pkey" PRIMARY KEY ("game_id"),
  CONSTRAINT "lobby_controls_game_id_check" CHECK ("game_id" > 0),
  CONSTRAINT "lobby_controls_pin_check" CHECK ("pin" IS NULL OR "pin" BETWEEN 1 AND 100000)
);

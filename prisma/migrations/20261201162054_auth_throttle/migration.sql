-- Sign-in and sign-up throttling as one counter row per key, hit with one atomic statement
-- (INSERT … ON CONFLICT DO UPDATE … RETURNING): parallel attempts each see the previous one's count,
-- so N parallel attempts count N. Replaces login_failures, whose check-then-insert was not atomic.
-- key: sha256 hex of what is limited (email + client address, the address alone, …); no clear text.
CREATE TABLE "auth_throttle" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_ms" INTEGER NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "auth_throttle_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "auth_throttle_hits_check" CHECK ("hits" >= 0),
    CONSTRAINT "auth_throttle_window_ms_check" CHECK ("window_ms" > 0)
);

CREATE INDEX "auth_throttle_window_start_idx" ON "auth_throttle"("window_start");

DROP TABLE "login_failures";

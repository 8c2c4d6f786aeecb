import "server-only";
import { pool } from "@/lib/db";
import { playSessionGapSeconds } from "./launch-check";

/**
 * Play sessions: launches less than the wallet's idle timeout apart form one play session
 * (game_sessions.play_started_at, see rg_play_started_at in the migration). The session-time limit,
 * the play bar's clock and net result, and the reality check all count from its start.
 */
export { exclusionMessage, type LaunchRefusal, launchRefusal, playSessionGapSeconds, playStartForNewLaunch } from "./launch-check";

export interface PlaySessionFacts {
  sessionId: string;
  startedAt: string;
  serverNow: string;
  /** Net result since the play session started: wins minus bets (negative = lost). */
  net: string;
  currency: string;
  realityCheckSeconds: number;
  /** False once the game session was ended (Stop playing, time-out, block). */
  live: boolean;
}

/** The play bar's facts for one of the player's game sessions; null if it is not theirs. */
export async function playSessionFacts(playerId: number, sessionId: string): Promise<PlaySessionFacts | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const res = await pool.query<{
    start: Date;
    t: Date;
    net: string;
    currency: string;
    reality_check_seconds: number;
    revoked: boolean;
  }>(
    `SELECT COALESCE(s.play_started_at, s.consumed_at, s.issued_at) AS start, now() AS t, s.currency,
            p.reality_check_seconds, s.revoked_at IS NOT NULL AS revoked,
            (SELECT COALESCE(sum(l.amount), 0)::text FROM ledger_entries l
              WHERE l.player_id = s.player_id AND l.kind IN ('bet', 'win')
                AND l.created_at >= COALESCE(s.play_started_at, s.consumed_at, s.issued_at)) AS net
       FROM game_sessions s JOIN players p ON p.id = s.player_id
      WHERE s.id = $2::uuid AND s.player_id = $1`,
    [playerId, sessionId],
  );
  const row = res.rows[0];
  if (!row) return null;
  return {
    sessionId,
    startedAt: row.start.toISOString(),
    serverNow: row.t.toISOString(),
    net: row.net,
    currency: row.currency,
    realityCheckSeconds: row.reality_check_seconds,
    live: !row.revoked,
  };
}

/** "Stop playing": ends the player's game session for new bets (wins of its open rounds are still paid). */
export async function endGameSession(playerId: number, sessionId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  const res = await pool.query(
    `UPDATE game_sessions SET revoked_at = now() WHERE id = $2::uuid AND player_id = $1 AND revoked_at IS NULL`,
    [playerId, sessionId],
  );
  return (res.rowCount ?? 0) > 0;
}

/**
 * The player's previous play session, for "your previous session was…": the latest one, unless it
 * is still going on (a game session of it neither ended nor idle), then the one before.
 */
export async function previousPlaySession(playerId: number): Promise<{ startedAt: Date; endedAt: Date } | null> {
  const res = await pool.query<{ started: Date; ended: Date; live: boolean }>(
    `SELECT start AS started, max(active) AS ended,
            bool_or(revoked_at IS NULL AND active > now() - make_interval(secs => $2)) AS live
       FROM (SELECT COALESCE(play_started_at, consumed_at) AS start, GREATEST(issued_at, last_seen_at) AS active, revoked_at
               FROM game_sessions WHERE player_id = $1 AND consumed_at IS NOT NULL
              ORDER BY issued_at DESC LIMIT 200) s
      GROUP BY start ORDER BY start DESC LIMIT 2`,
    [playerId, playSessionGapSeconds()],
  );
  const rows = res.rows[0]?.live ? res.rows.slice(1) : res.rows;
  const row = rows[0];
  return row ? { startedAt: row.started, endedAt: row.ended } : null;
}

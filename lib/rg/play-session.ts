import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { type ExclusionKind, formatUtc } from "./definitions";

/**
 * Play sessions: launches less than the wallet's idle timeout apart form one play session
 * (game_sessions.play_started_at, see rg_play_started_at in the migration). The session-time limit,
 * the play bar's clock and net result, and the reality check all count from its start.
 */
export const playSessionGapSeconds = () => env.WALLET_SESSION_IDLE_MINUTES * 60;

export type LaunchRefusal =
  | { reason: ExclusionKind; until: Date; message: string }
  | { reason: "session_limit"; until: Date; minutes: number; message: string };

export function exclusionMessage(kind: ExclusionKind, until: Date): string {
  return kind === "timeout"
    ? `You are taking a break from real-money play until ${formatUtc(until)}. You can still sign in to see your balance and history.`
    : `You have excluded yourself from real-money play until ${formatUtc(until)}. This cannot be shortened. You can still sign in to see your balance and history.`;
}

/** Why a real-money launch would be refused now for responsible-gaming reasons (D12), or null. */
export async function launchRefusal(playerId: number, opts: { now?: Date } = {}): Promise<LaunchRefusal | null> {
  const res = await pool.query<{
    excluded_until: Date | null;
    exclusion_kind: ExclusionKind | null;
    t: Date;
    minutes: string | null;
    play_start: Date;
    last_active: Date | null;
  }>(
    `WITH t AS (SELECT COALESCE($3::timestamptz, now()) AS t)
     SELECT p.excluded_until, p.exclusion_kind, t.t, rg_session_minutes(p.id, t.t)::text AS minutes,
            rg_play_started_at(p.id, $2, t.t) AS play_start,
            (SELECT GREATEST(s.issued_at, s.last_seen_at) FROM game_sessions s WHERE s.player_id = p.id
              ORDER BY s.issued_at DESC LIMIT 1) AS last_active
       FROM players p, t WHERE p.id = $1`,
    [playerId, playSessionGapSeconds(), opts.now ? opts.now.toISOString() : null],
  );
  const row = res.rows[0];
  if (!row) return null;
  if (row.excluded_until && row.exclusion_kind && row.excluded_until > row.t) {
    return { reason: row.exclusion_kind, until: row.excluded_until, message: exclusionMessage(row.exclusion_kind, row.excluded_until) };
  }
  if (row.minutes !== null) {
    const minutes = Number(row.minutes);
    if (row.t.getTime() - row.play_start.getTime() > minutes * 60_000) {
      const until = new Date((row.last_active ?? row.t).getTime() + playSessionGapSeconds() * 1000);
      return {
        reason: "session_limit",
        until,
        minutes,
        message: `You reached your session time limit of ${minutes} minutes. A new session can start after a break, from ${formatUtc(until)}.`,
      };
    }
  }
  return null;
}

/** The play-session start a launch issued now gets (stored on the new game session). */
export async function playStartForNewLaunch(playerId: number): Promise<Date> {
  const res = await pool.query<{ start: Date }>(`SELECT rg_play_started_at($1, $2, now()) AS start`, [playerId, playSessionGapSeconds()]);
  return res.rows[0]!.start;
}

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

/** The player's previous play session (not the one still going on), for "your last session was…". */
export async function previousPlaySession(playerId: number): Promise<{ startedAt: Date; endedAt: Date } | null> {
  const res = await pool.query<{ started: Date; ended: Date; live: boolean }>(
    `SELECT start AS started, max(active) AS ended, max(active) > now() - make_interval(secs => $2) AS live
       FROM (SELECT COALESCE(play_started_at, consumed_at) AS start, GREATEST(issued_at, last_seen_at) AS active
               FROM game_sessions WHERE player_id = $1 AND consumed_at IS NOT NULL
              ORDER BY issued_at DESC LIMIT 200) s
      GROUP BY start ORDER BY start DESC LIMIT 2`,
    [playerId, playSessionGapSeconds()],
  );
  const rows = res.rows[0]?.live ? res.rows.slice(1) : res.rows;
  const row = rows[0];
  return row ? { startedAt: row.started, endedAt: row.ended } : null;
}

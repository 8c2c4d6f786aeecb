import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { type ExclusionKind, formatUtc } from "./definitions";

/**
 * The responsible-gaming part of a real-money launch (D12), shared by the play page and
 * lib/wallet/launch (also used by scripts, hence no "server-only" here): why a launch is refused,
 * and where the new game session's play session starts. Launches less than the wallet's idle
 * timeout apart form one play session (rg_play_started_at in the migration).
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

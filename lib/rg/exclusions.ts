import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/db";
import { EXCLUSIONS, type ExclusionKind } from "./definitions";
import { type Actor, rgTransaction } from "./limits";

/**
 * Time-out ("Take a break") and self-exclusion. Either one ends the player's live game sessions at
 * once and, until it ends, refuses launch, Authorization and bets (code 4, docs/protocol.md D12); wins of
 * rounds already open are still paid (D4). Nothing can shorten one: the end only ever moves later
 * (GREATEST), and there is no other writer of players.excluded_until.
 */
export interface Exclusion {
  kind: ExclusionKind;
  until: Date;
}

const clock = (now?: Date) => (now ? now.toISOString() : null);

export async function exclude(opts: {
  playerId: number;
  kind: ExclusionKind;
  durationId: string;
  actor: Actor;
  now?: Date;
  /** Runs last in the same transaction (staff: the audit-trail row). */
  inTransaction?: (client: PoolClient, exclusion: Exclusion, revokedSessions: number) => Promise<void>;
}): Promise<{ ok: true; exclusion: Exclusion; revokedSessions: number } | { ok: false; message: string }> {
  const option = EXCLUSIONS[opts.kind]?.find((o) => o.id === opts.durationId);
  if (!option) return { ok: false, message: "Choose one of the offered lengths." };
  return rgTransaction(async (c) => {
    const res = await c.query<{ excluded_until: Date; exclusion_kind: ExclusionKind; t: Date }>(
      `WITH t AS (SELECT COALESCE($4::timestamptz, now()) AS t)
       UPDATE players p SET
         exclusion_kind = CASE WHEN p.excluded_until IS NULL OR p.excluded_until <= t.t + $3::interval THEN $2 ELSE p.exclusion_kind END,
         excluded_until = CASE WHEN p.excluded_until IS NULL THEN t.t + $3::interval ELSE GREATEST(p.excluded_until, t.t + $3::interval) END,
         updated_at = now()
       FROM t WHERE p.id = $1
       RETURNING p.excluded_until, p.exclusion_kind, t.t`,
      [opts.playerId, opts.kind, option.interval, clock(opts.now)],
    );
    const row = res.rows[0];
    if (!row) return { ok: false, message: "Player not found." };
    const revoked = await c.query(`UPDATE game_sessions SET revoked_at = $2 WHERE player_id = $1 AND revoked_at IS NULL`, [
      opts.playerId,
      row.t,
    ]);
    await c.query(
      `INSERT INTO rg_events (player_id, actor_id, action, kind, period, effective_at, reason, created_at)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7)`,
      [opts.playerId, opts.actor.staffId, opts.kind, option.label, row.excluded_until, opts.actor.reason ?? null, row.t],
    );
    const exclusion = { kind: row.exclusion_kind, until: row.excluded_until };
    await opts.inTransaction?.(c, exclusion, revoked.rowCount ?? 0);
    return { ok: true, exclusion, revokedSessions: revoked.rowCount ?? 0 };
  });
}

/** The time-out or self-exclusion in force at `now` (default: the database clock), if any. */
export async function activeExclusion(playerId: number, opts: { now?: Date } = {}): Promise<Exclusion | null> {
  const res = await pool.query<{ excluded_until: Date; exclusion_kind: ExclusionKind }>(
    `SELECT excluded_until, exclusion_kind FROM players WHERE id = $1 AND excluded_until > COALESCE($2::timestamptz, now())`,
    [playerId, clock(opts.now)],
  );
  const row = res.rows[0];
  return row ? { kind: row.exclusion_kind, until: row.excluded_until } : null;
}

export async function setRealityCheckMinutes(playerId: number, minutes: number): Promise<void> {
  await rgTransaction(async (c) => {
    const res = await c.query<{ old: number }>(
      `UPDATE players p SET reality_check_seconds = $2, updated_at = now()
        FROM (SELECT reality_check_seconds AS old FROM players WHERE id = $1 FOR NO KEY UPDATE) o
       WHERE p.id = $1 RETURNING o.old`,
      [playerId, minutes * 60],
    );
    if (res.rows[0] && res.rows[0].old !== minutes * 60) {
      await c.query(
        `INSERT INTO rg_events (player_id, action, old_value, new_value) VALUES ($1, 'reality_check_interval', $2::numeric / 60, $3)`,
        [playerId, res.rows[0].old, minutes],
      );
    }
  });
}

export interface RgEventRow {
  id: string;
  createdAt: Date;
  actorId: number | null;
  actorEmail: string | null;
  action: string;
  kind: string | null;
  period: string | null;
  oldValue: string | null;
  newValue: string | null;
  effectiveAt: Date | null;
  reason: string | null;
}

export async function rgHistory(playerId: number, limit = 50): Promise<RgEventRow[]> {
  const res = await pool.query<{
    id: string;
    created_at: Date;
    actor_id: number | null;
    email: string | null;
    action: string;
    kind: string | null;
    period: string | null;
    old_value: string | null;
    new_value: string | null;
    effective_at: Date | null;
    reason: string | null;
  }>(
    `SELECT e.id::text, e.created_at, e.actor_id, a.email, e.action, e.kind, e.period, e.old_value::text, e.new_value::text,
            e.effective_at, e.reason
       FROM rg_events e LEFT JOIN players a ON a.id = e.actor_id
      WHERE e.player_id = $1 ORDER BY e.created_at DESC, e.id DESC LIMIT $2`,
    [playerId, limit],
  );
  return res.rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    actorId: r.actor_id,
    actorEmail: r.email,
    action: r.action,
    kind: r.kind,
    period: r.period,
    oldValue: r.old_value,
    newValue: r.new_value,
    effectiveAt: r.effective_at,
    reason: r.reason,
  }));
}

import "server-only";
import { pool } from "@/lib/db";
import { inTransaction, recordAudit } from "./audit";
import { assertCan, type Viewer } from "./permissions";
import type { ActionContext, ActionState } from "./player-actions";

/**
 * D13 in the back office: rounds whose wins were flagged by wallet_win (over
 * WALLET_REVIEW_WIN_MULTIPLE times the round's bets, or over the currency's ceiling). The win was
 * paid; the round stays listed as "to review" until a staff member holding wins.review marks it
 * reviewed (who and when go on the round, an audit row in the same transaction).
 */
export interface FlaggedRound {
  pk: string;
  playerId: number;
  email: string;
  roundId: string;
  gameId: number;
  currency: string;
  betTotal: string;
  winTotal: string;
  reason: string;
  flaggedAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
}

export async function listFlaggedRounds(viewer: Viewer, opts: { reviewed?: boolean; limit?: number } = {}): Promise<FlaggedRound[]> {
  assertCan(viewer, "wins.view");
  const r = await pool.query<FlaggedRound>(
    `SELECT r.id::text AS pk, r.player_id AS "playerId", p.email, r.round_id AS "roundId", r.game_id AS "gameId", r.currency,
            r.bet_total::text AS "betTotal", r.win_total::text AS "winTotal", r.review_reason AS reason,
            to_char(r.flagged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "flaggedAt",
            to_char(r.reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reviewedAt",
            s.email AS "reviewedBy"
       FROM rounds r JOIN players p ON p.id = r.player_id LEFT JOIN players s ON s.id = r.reviewed_by
      WHERE r.flagged_at IS NOT NULL AND (r.reviewed_at IS NOT NULL) = $1
      ORDER BY r.flagged_at DESC LIMIT $2`,
    [opts.reviewed ?? false, Math.min(opts.limit ?? 100, 500)],
  );
  return r.rows;
}

/** Marks one flagged round reviewed; refused when it is not flagged or already reviewed. */
export async function markWinReviewedAs(viewer: Viewer, roundPk: string, ctx: ActionContext = {}): Promise<ActionState> {
  const staff = assertCan(viewer, "wins.review");
  if (!/^\d{1,18}$/.test(roundPk)) return { status: "error", message: "Round not found." };
  const done = await inTransaction(async (tx) => {
    const r = await tx.query<{ player_id: number; round_id: string; review_reason: string }>(
      `UPDATE rounds SET reviewed_at = now(), reviewed_by = $2
        WHERE id = $1 AND flagged_at IS NOT NULL AND reviewed_at IS NULL
        RETURNING player_id, round_id, review_reason`,
      [roundPk, staff.id],
    );
    const row = r.rows[0];
    if (!row) return null;
    await recordAudit(tx, {
      actorId: staff.id,
      action: "win_reviewed",
      playerId: row.player_id,
      details: { roundId: row.round_id, reason: row.review_reason },
      ip: ctx.ip,
    });
    return row;
  });
  if (!done) return { status: "error", message: "This round is not waiting for a review (already reviewed, or never flagged)." };
  return { status: "ok", message: `Round ${done.round_id} marked reviewed.` };
}

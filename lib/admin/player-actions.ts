import "server-only";
import type pg from "pg";
import { z } from "zod";
import { pool } from "@/lib/db";
import type { FormState } from "@/lib/form-state";
import { adjustBalance } from "@/lib/wallet/adjust";
import { WalletError } from "@/lib/wallet/errors";
import { formatMoney, parseMoneyInput } from "@/lib/wallet/money";
import { approvalThreshold, createRequest, needsApproval } from "./adjustments";
import { inTransaction, recordAudit } from "./audit";
import { assertCan, type Viewer } from "./permissions";

/**
 * The player page's actions. Each takes the viewer explicitly and checks it first; the server
 * actions in app/admin are one-line wrappers that pass the signed-in player, so the same checks
 * are exercised by tests without a request.
 *
 * Each action and its audit row are one transaction (recordAudit last): either both are written
 * or neither, so the trail can never miss an action that happened.
 */
export type ActionState = FormState<"amount" | "reason">;

/** Where the request came from (the staff member's address), for the audit row. */
export interface ActionContext {
  ip?: string | null;
}

/** Ends the player's live game sessions for new bets (D9), in the caller's transaction. */
async function revokeLiveSessions(db: pg.PoolClient, playerId: number): Promise<number> {
  const res = await db.query(`UPDATE game_sessions SET revoked_at = now() WHERE player_id = $1 AND revoked_at IS NULL`, [playerId]);
  return res.rowCount ?? 0;
}

async function playerCurrency(playerId: number): Promise<string | null> {
  const r = await pool.query<{ currency: string }>(`SELECT currency FROM players WHERE id = $1`, [playerId]);
  return r.rows[0]?.currency ?? null;
}

export async function setBlockedAs(viewer: Viewer, playerId: number, blocked: boolean, ctx: ActionContext = {}): Promise<ActionState> {
  const staff = assertCan(viewer, "players.block");
  if (playerId === staff.id && blocked) return { status: "error", message: "You cannot block your own account." };
  if (!(await playerCurrency(playerId))) return { status: "error", message: "Player not found." };
  const revoked = await inTransaction(async (tx) => {
    await tx.query(`UPDATE players SET blocked = $2, updated_at = now() WHERE id = $1`, [playerId, blocked]);
    const count = blocked ? await revokeLiveSessions(tx, playerId) : 0;
    await recordAudit(tx, {
      actorId: staff.id,
      action: blocked ? "block" : "unblock",
      playerId,
      details: blocked ? { revokedSessions: count } : {},
      ip: ctx.ip,
    });
    return count;
  });
  return { status: "ok", message: blocked ? `Player blocked; ${revoked} live game session(s) revoked.` : "Player unblocked." };
}

export async function revokeSessionsAs(viewer: Viewer, playerId: number, ctx: ActionContext = {}): Promise<ActionState> {
  const staff = assertCan(viewer, "players.revokeSessions");
  if (!(await playerCurrency(playerId))) return { status: "error", message: "Player not found." };
  const count = await inTransaction(async (tx) => {
    const n = await revokeLiveSessions(tx, playerId);
    await recordAudit(tx, { actorId: staff.id, action: "revoke_sessions", playerId, details: { revoked: n }, ip: ctx.ip });
    return n;
  });
  return { status: "ok", message: `${count} game session(s) revoked.` };
}

const adjustSchema = z.object({
  amount: z.string().trim().min(1, "Enter an amount, e.g. 25.00 or -10.50."),
  reason: z.string().trim().min(3, "A reason of at least 3 characters is required.").max(500, "Keep the reason under 500 characters."),
});

/**
 * A signed balance adjustment in the player's currency, written to the ledger with the staff
 * member's id. Above the currency's approval threshold it becomes a pending request instead
 * (lib/admin/adjustments.ts: four eyes). Nobody adjusts their own wallet.
 */
export async function adjustBalanceAs(
  viewer: Viewer,
  playerId: number,
  form: { amount: unknown; reason: unknown },
  ctx: ActionContext = {},
): Promise<ActionState> {
  const admin = assertCan(viewer, "adjustments.request");
  if (playerId === admin.id) return { status: "error", message: "Nobody adjusts their own wallet: ask a colleague." };
  const parsed = adjustSchema.safeParse({
    amount: typeof form.amount === "string" ? form.amount : "",
    reason: typeof form.reason === "string" ? form.reason : "",
  });
  if (!parsed.success) {
    const fieldErrors: ActionState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if ((key === "amount" || key === "reason") && !fieldErrors[key]) fieldErrors[key] = [issue.message];
    }
    return { status: "error", message: "Please fix the fields below.", fieldErrors };
  }
  const currency = await playerCurrency(playerId);
  if (!currency) return { status: "error", message: "Player not found." };
  const amount = parseMoneyInput(parsed.data.amount, currency);
  if (amount === null || /^-?0(\.0+)?$/.test(amount)) {
    return {
      status: "error",
      message: "Please fix the fields below.",
      fieldErrors: { amount: [`Enter a non-zero amount in ${currency} (at most its decimal places), negative to debit.`] },
    };
  }
  const reason = parsed.data.reason;
  if (needsApproval(amount, currency)) {
    const id = await inTransaction((tx) => createRequest(tx, { playerId, currency, amount, reason, requestedBy: admin.id, ip: ctx.ip }));
    return {
      status: "ok",
      message: `Above ${formatMoney(approvalThreshold(currency), currency)}: request #${id} waits for a second finance or admin member's approval. Nothing moved yet.`,
    };
  }
  try {
    const res = await inTransaction(async (tx) => {
      const adj = await adjustBalance({ playerId, amount, reason, adminId: admin.id }, tx);
      await recordAudit(tx, {
        actorId: admin.id,
        action: "adjust_balance",
        playerId,
        details: { amount, currency, reason, ledgerId: adj.ledgerId },
        ip: ctx.ip,
      });
      return adj;
    });
    return {
      status: "ok",
      message: `Adjusted by ${formatMoney(amount, currency)}. New balance ${formatMoney(res.balance, currency)} (ledger #${res.ledgerId}).`,
    };
  } catch (err) {
    if (err instanceof WalletError) {
      const message = err.code === 2 ? "That would take the balance below zero." : err.message;
      return { status: "error", message, fieldErrors: err.code === 2 ? { amount: [message] } : undefined };
    }
    throw err;
  }
}

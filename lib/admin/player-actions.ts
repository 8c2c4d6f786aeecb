import "server-only";
import { z } from "zod";
import { assertStaff, type Viewer } from "@/lib/auth/staff";
import { pool } from "@/lib/db";
import { adjustBalance } from "@/lib/wallet/adjust";
import { WalletError } from "@/lib/wallet/errors";
import { revokeSessions, setBlocked } from "@/lib/wallet/launch";
import { formatMoney, parseMoneyInput } from "@/lib/wallet/money";
import { recordAdminAction } from "./audit";

/**
 * The player page's actions. Each takes the viewer explicitly and checks it first; the server
 * actions in app/admin are one-line wrappers that pass the signed-in player, so the same checks
 * are exercised by tests without a request.
 */
export interface ActionState {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Partial<Record<"amount" | "reason", string>>;
}

export const IDLE: ActionState = { status: "idle" };

async function playerCurrency(playerId: number): Promise<string | null> {
  const r = await pool.query<{ currency: string }>(`SELECT currency FROM players WHERE id = $1`, [playerId]);
  return r.rows[0]?.currency ?? null;
}

export async function setBlockedAs(viewer: Viewer, playerId: number, blocked: boolean): Promise<ActionState> {
  const admin = assertStaff(viewer, "players.block");
  if (playerId === admin.id && blocked) return { status: "error", message: "You cannot block your own account." };
  if (!(await playerCurrency(playerId))) return { status: "error", message: "Player not found." };
  await setBlocked(playerId, blocked);
  await recordAdminAction(admin.id, blocked ? "block" : "unblock", playerId);
  return { status: "ok", message: blocked ? "Player blocked; live game sessions revoked." : "Player unblocked." };
}

export async function revokeSessionsAs(viewer: Viewer, playerId: number): Promise<ActionState> {
  const admin = assertStaff(viewer, "players.revoke_sessions");
  if (!(await playerCurrency(playerId))) return { status: "error", message: "Player not found." };
  const count = await revokeSessions(playerId);
  await recordAdminAction(admin.id, "revoke_sessions", playerId, { revoked: count });
  return { status: "ok", message: `${count} game session(s) revoked.` };
}

const adjustSchema = z.object({
  amount: z.string().trim().min(1, "Enter an amount, e.g. 25.00 or -10.50."),
  reason: z.string().trim().min(3, "A reason of at least 3 characters is required.").max(500, "Keep the reason under 500 characters."),
});

/** A signed balance adjustment in the player's currency, written to the ledger with the admin's id. */
export async function adjustBalanceAs(viewer: Viewer, playerId: number, form: { amount: unknown; reason: unknown }): Promise<ActionState> {
  const admin = assertStaff(viewer, "money.adjust");
  const parsed = adjustSchema.safeParse({
    amount: typeof form.amount === "string" ? form.amount : "",
    reason: typeof form.reason === "string" ? form.reason : "",
  });
  if (!parsed.success) {
    const fieldErrors: ActionState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if ((key === "amount" || key === "reason") && !fieldErrors[key]) fieldErrors[key] = issue.message;
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
      fieldErrors: { amount: `Enter a non-zero amount in ${currency} (at most its decimal places), negative to debit.` },
    };
  }
  try {
    const res = await adjustBalance({ playerId, amount, reason: parsed.data.reason, adminId: admin.id });
    await recordAdminAction(admin.id, "adjust_balance", playerId, { amount, currency, reason: parsed.data.reason, ledgerId: res.ledgerId });
    return {
      status: "ok",
      message: `Adjusted by ${formatMoney(amount, currency)}. New balance ${formatMoney(res.balance, currency)} (ledger #${res.ledgerId}).`,
    };
  } catch (err) {
    if (err instanceof WalletError) {
      const message = err.code === 2 ? "That would take the balance below zero." : err.message;
      return { status: "error", message, fieldErrors: err.code === 2 ? { amount: message } : undefined };
    }
    throw err;
  }
}

import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { adjustBalance } from "@/lib/wallet/adjust";
import { WalletError } from "@/lib/wallet/errors";
import { formatMoney, money } from "@/lib/wallet/money";
import { inTransaction, recordAudit } from "./audit";
import { exactAmount } from "./format";
import { assertCan, type Viewer } from "./permissions";

/**
 * Four-eyes adjustments. A manual adjustment whose absolute amount is above the currency's approval
 * threshold (ADJUSTMENT_APPROVAL_THRESHOLD, default 100.00 units; per-currency overrides in
 * ADJUSTMENT_APPROVAL_THRESHOLDS) becomes a pending request; a second staff member allowed to approve
 * (finance or admin), who is neither the requester nor the player, approves or rejects it. The ledger
 * entry names both (admin_id = requester, approved_by = approver). Nobody adjusts their own wallet.
 */
export function approvalThreshold(
  currency: string,
  cfg = { base: env.ADJUSTMENT_APPROVAL_THRESHOLD, overrides: env.ADJUSTMENT_APPROVAL_THRESHOLDS },
): string {
  for (const pair of cfg.overrides.split(",")) {
    const [code, value] = pair.split("=").map((s) => s.trim());
    if (code && value && code.toUpperCase() === currency.toUpperCase()) return value;
  }
  return cfg.base;
}

export function needsApproval(amount: string, currency: string): boolean {
  return money(amount)
    .abs()
    .greaterThan(money(approvalThreshold(currency)));
}

export interface DecisionState {
  status: "idle" | "ok" | "error";
  message?: string;
}

export interface AdjustmentRequestRow {
  id: string;
  playerId: number;
  playerEmail: string;
  currency: string;
  amount: string;
  reason: string;
  requestedBy: number;
  requesterEmail: string;
  requestedAt: string;
  status: "pending" | "approved" | "rejected";
  decidedBy: number | null;
  deciderEmail: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  ledgerEntryId: string | null;
}

/** Creates a pending request, in the caller's transaction (with its audit row). */
export async function createRequest(
  tx: import("pg").PoolClient,
  r: { playerId: number; currency: string; amount: string; reason: string; requestedBy: number; ip?: string | null },
): Promise<string> {
  const res = await tx.query<{ id: string }>(
    `INSERT INTO adjustment_requests (player_id, currency, amount, reason, requested_by) VALUES ($1, $2, $3::numeric, $4, $5) RETURNING id::text`,
    [r.playerId, r.currency, r.amount, r.reason, r.requestedBy],
  );
  const id = res.rows[0]!.id;
  await recordAudit(tx, {
    actorId: r.requestedBy,
    action: "adjustment_requested",
    playerId: r.playerId,
    details: { requestId: id, amount: r.amount, currency: r.currency, reason: r.reason, threshold: approvalThreshold(r.currency) },
    ip: r.ip,
  });
  return id;
}

async function lockPending(tx: import("pg").PoolClient, id: string) {
  const r = await tx.query<{ player_id: number; currency: string; amount: string; reason: string; requested_by: number; status: string }>(
    `SELECT player_id, currency, amount::text, reason, requested_by, status FROM adjustment_requests WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return r.rows[0] ?? null;
}

class Refusal extends Error {}

/** A second staff member approves: the adjustment is applied, naming requester and approver. */
export async function approveAdjustmentAs(viewer: Viewer, requestId: string, ctx: { ip?: string | null } = {}): Promise<DecisionState> {
  const approver = assertCan(viewer, "adjustments.approve");
  if (!/^\d{1,18}$/.test(requestId)) return { status: "error", message: "Request not found." };
  try {
    return await inTransaction(async (tx) => {
      const req = await lockPending(tx, requestId);
      if (!req) throw new Refusal("Request not found.");
      if (req.status !== "pending") throw new Refusal(`This request was already ${req.status}.`);
      if (req.requested_by === approver.id) throw new Refusal("A second person must approve: you requested this adjustment.");
      if (req.player_id === approver.id) throw new Refusal("Nobody approves an adjustment of their own wallet.");
      // Read by the ledger trigger: the entry records the approver next to the requester.
      await tx.query(`SELECT set_config('webgames.adjustment_approver', $1, true)`, [String(approver.id)]);
      const adj = await adjustBalance({ playerId: req.player_id, amount: req.amount, reason: req.reason, adminId: req.requested_by }, tx);
      await tx.query(`SELECT set_config('webgames.adjustment_approver', '', true)`);
      await tx.query(
        `UPDATE adjustment_requests SET status = 'approved', decided_by = $2, decided_at = now(), ledger_entry_id = $3 WHERE id = $1`,
        [requestId, approver.id, adj.ledgerId],
      );
      await recordAudit(tx, {
        actorId: approver.id,
        action: "adjustment_approved",
        playerId: req.player_id,
        details: {
          requestId,
          requestedBy: req.requested_by,
          amount: exactAmount(req.amount, req.currency),
          currency: req.currency,
          ledgerId: adj.ledgerId,
        },
        ip: ctx.ip,
      });
      return {
        status: "ok",
        message: `Approved: ${formatMoney(req.amount, req.currency)} applied, new balance ${formatMoney(adj.balance, req.currency)} (ledger #${adj.ledgerId}).`,
      } as DecisionState;
    });
  } catch (err) {
    if (err instanceof Refusal) return { status: "error", message: err.message };
    if (err instanceof WalletError)
      return { status: "error", message: err.code === 2 ? "That would take the balance below zero: reject it instead." : err.message };
    throw err;
  }
}

export async function rejectAdjustmentAs(
  viewer: Viewer,
  requestId: string,
  note: string,
  ctx: { ip?: string | null } = {},
): Promise<DecisionState> {
  const approver = assertCan(viewer, "adjustments.approve");
  if (!/^\d{1,18}$/.test(requestId)) return { status: "error", message: "Request not found." };
  const why = note.trim().slice(0, 500);
  try {
    return await inTransaction(async (tx) => {
      const req = await lockPending(tx, requestId);
      if (!req) throw new Refusal("Request not found.");
      if (req.status !== "pending") throw new Refusal(`This request was already ${req.status}.`);
      if (req.requested_by === approver.id) throw new Refusal("A second person must decide: you requested this adjustment.");
      if (req.player_id === approver.id) throw new Refusal("Nobody decides an adjustment of their own wallet.");
      await tx.query(
        `UPDATE adjustment_requests SET status = 'rejected', decided_by = $2, decided_at = now(), decision_note = $3 WHERE id = $1`,
        [requestId, approver.id, why || null],
      );
      await recordAudit(tx, {
        actorId: approver.id,
        action: "adjustment_rejected",
        playerId: req.player_id,
        details: {
          requestId,
          requestedBy: req.requested_by,
          amount: exactAmount(req.amount, req.currency),
          currency: req.currency,
          note: why,
        },
        ip: ctx.ip,
      });
      return { status: "ok", message: "Rejected: nothing was moved." } as DecisionState;
    });
  } catch (err) {
    if (err instanceof Refusal) return { status: "error", message: err.message };
    throw err;
  }
}

/** Pending requests first (oldest first), then the latest decisions. */
export async function listAdjustmentRequests(
  viewer: Viewer,
  opts: { status?: "pending" | "decided"; limit?: number } = {},
): Promise<AdjustmentRequestRow[]> {
  assertCan(viewer, "adjustments.view");
  const where = opts.status === "pending" ? `WHERE r.status = 'pending'` : opts.status === "decided" ? `WHERE r.status <> 'pending'` : "";
  const order = opts.status === "pending" ? `r.requested_at ASC` : `coalesce(r.decided_at, r.requested_at) DESC`;
  const res = await pool.query<{
    id: string;
    player_id: number;
    player_email: string;
    currency: string;
    amount: string;
    reason: string;
    requested_by: number;
    requester_email: string;
    requested_at: Date;
    status: AdjustmentRequestRow["status"];
    decided_by: number | null;
    decider_email: string | null;
    decided_at: Date | null;
    decision_note: string | null;
    ledger_entry_id: string | null;
  }>(
    `SELECT r.id::text, r.player_id, p.email AS player_email, r.currency, r.amount::text, r.reason, r.requested_by, q.email AS requester_email,
            r.requested_at, r.status, r.decided_by, d.email AS decider_email, r.decided_at, r.decision_note, r.ledger_entry_id::text
     FROM adjustment_requests r JOIN players p ON p.id = r.player_id JOIN players q ON q.id = r.requested_by
     LEFT JOIN players d ON d.id = r.decided_by ${where} ORDER BY ${order} LIMIT $1`,
    [opts.limit ?? 100],
  );
  return res.rows.map((r) => ({
    id: r.id,
    playerId: r.player_id,
    playerEmail: r.player_email,
    currency: r.currency,
    amount: exactAmount(r.amount, r.currency),
    reason: r.reason,
    requestedBy: r.requested_by,
    requesterEmail: r.requester_email,
    requestedAt: r.requested_at.toISOString(),
    status: r.status,
    decidedBy: r.decided_by,
    deciderEmail: r.decider_email,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionNote: r.decision_note,
    ledgerEntryId: r.ledger_entry_id,
  }));
}

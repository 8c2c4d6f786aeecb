import "server-only";
import { pool } from "@/lib/db";
import { Code } from "@/lib/webgames/codes";

/**
 * A cashier deposit under the player's deposit limits (rg_deposit: the limits are checked and the
 * period counters updated under the wallet-row lock, then the ledger adjustment is written in the
 * same transaction). A player in a time-out or self-exclusion cannot deposit.
 */
export type DepositResult = { ok: true; balance: string; ledgerId: string } | { ok: false; code: number; message: string };

export async function depositWithinLimits(playerId: number, amount: string, reason: string): Promise<DepositResult> {
  const res = await pool.query<{ code: number; message: string; balance: string | null; ledger_id: string | null }>(
    `SELECT code, message, balance, ledger_id::text FROM rg_deposit($1, $2::numeric, $3)`,
    [playerId, amount, reason],
  );
  const row = res.rows[0];
  if (!row || row.code !== Code.Ok || !row.balance || !row.ledger_id) {
    return { ok: false, code: row?.code ?? Code.InternalError, message: row?.message ?? "Internal error" };
  }
  return { ok: true, balance: row.balance, ledgerId: row.ledger_id };
}

import type pg from "pg";
import { pool } from "@/lib/pg";
import { Code } from "@/lib/webgames/codes";
import { WalletError } from "./errors";

export interface Adjustment {
  ledgerId: string;
  balance: string;
  currency: string;
}

/**
 * A signed balance change with a reason, written to the ledger as kind `adjustment` carrying the
 * admin's id (null for the demo cashier and the seed). Never takes a balance below zero.
 */
export async function adjustBalance(
  opts: {
    playerId: number;
    amount: string;
    reason: string;
    adminId: number | null;
  },
  db: Pick<pg.PoolClient, "query"> = pool,
): Promise<Adjustment> {
  // `db` is a checked-out client when the caller wraps the adjustment and its audit row in one transaction.
  const res = await db.query<{
    code: number;
    message: string;
    balance: string | null;
    ledger_id: string | null;
    currency: string | null;
  }>(`SELECT * FROM wallet_adjust($1, $2::numeric, $3, $4)`, [opts.playerId, opts.amount, opts.reason, opts.adminId]);
  const row = res.rows[0];
  if (!row || row.code !== Code.Ok || !row.ledger_id || !row.balance || !row.currency) {
    throw new WalletError(row?.code ?? Code.InternalError, row?.message);
  }
  return { ledgerId: row.ledger_id, balance: row.balance, currency: row.currency };
}

import type { DatabaseError } from "pg";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import type { AuthorizationRequest, MoneyRequest } from "@/lib/webgames/callback-request";
import { jsonAnswer } from "@/lib/webgames/callback-request";
import { Code } from "@/lib/webgames/codes";
import { hashToken } from "./tokens";

/**
 * The wallet's provider operations: authorize, bet (the provider's "Credit") and win ("Debit").
 * Each is one call of the SQL function `wallet_callback` (prisma/migrations/*_wallet_functions),
 * which is one transaction that also writes the D11 log row, so the decision and its record commit
 * together. This module turns the result into the protocol's answer text.
 */
export interface CallContext {
  /** Milliseconds spent on the request before the database call (parsing, hashing, pool wait). */
  elapsedMs: () => number;
  ip: string | null;
}

export interface WalletAnswer {
  code: number;
  message: string;
  /** The exact JSON text to send. */
  body: string;
  ledgerId: string | null;
}

interface ResultRow {
  code: number;
  message: string;
  body: string | null;
  balance: string | null;
  ledger_id: string | null;
  external_session: string | null;
  nick: string | null;
  currency: string | null;
}

const idleSeconds = () => env.WALLET_SESSION_IDLE_MINUTES * 60;

// PostgreSQL errors worth one more try: serialization failure, deadlock. Neither is expected with
// the wallet's single-row-lock design, but a bounded retry is cheap insurance (issue: faults).
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 3;

async function call(method: "Authorization" | "Credit" | "Debit", args: unknown[], ctx: CallContext): Promise<ResultRow> {
  for (let attempt = 1; ; attempt++) {
    // Checked out explicitly (not pool.query) so that elapsedMs() below is read after the pool
    // wait: the D11 latency includes time spent waiting for a connection.
    const client = await pool.connect();
    try {
      // A named statement is parsed and planned once per connection. The function is called in
      // FROM: `(f()).*` in a select list would be evaluated once per output column.
      const res = await client.query<ResultRow>({
        name: "wallet_callback",
        text: "SELECT * FROM wallet_callback($1, $2, $3, $4, $5, $6, $7::numeric, $8::numeric, $9, $10, $11, $12)",
        values: [method, ...args, idleSeconds(), ctx.elapsedMs(), ctx.ip],
      });
      const row = res.rows[0];
      if (!row) throw new Error("wallet_callback returned no row");
      return row;
    } catch (err) {
      const code = (err as DatabaseError).code;
      if (attempt < MAX_ATTEMPTS && code && RETRYABLE.has(code)) continue;
      throw err;
    } finally {
      client.release();
    }
  }
}

function moneyAnswer(row: ResultRow): WalletAnswer {
  if (row.code === Code.Ok && row.body) {
    return { code: row.code, message: row.message, body: row.body, ledgerId: row.ledger_id };
  }
  return {
    code: row.code,
    message: row.message,
    body: jsonAnswer({ code: row.code, message: row.message, balance: row.balance === null ? undefined : { raw: row.balance } }),
    ledgerId: null,
  };
}

export async function authorize(req: AuthorizationRequest, ctx: CallContext): Promise<WalletAnswer> {
  const row = await call("Authorization", [req.playerId, null, null, req.gameId, hashToken(req.token), null, null, null], ctx);
  if (row.code !== Code.Ok) {
    return { code: row.code, message: row.message, body: jsonAnswer({ code: row.code, message: row.message }), ledgerId: null };
  }
  return {
    code: row.code,
    message: row.message,
    ledgerId: null,
    body: jsonAnswer({
      code: 0,
      message: "Ok",
      player_id: req.playerId,
      currency: row.currency,
      nick: row.nick,
      balance: { raw: row.balance ?? "0" },
      external_session: row.external_session,
    }),
  };
}

/** The provider's Credit: take a bet. */
export async function bet(req: MoneyRequest, ctx: CallContext): Promise<WalletAnswer> {
  return moneyAnswer(
    await call(
      "Credit",
      [req.playerId, req.roundId, req.transactionId, req.gameId, hashToken(req.token), req.amount, null, req.isClose],
      ctx,
    ),
  );
}

/** The provider's Debit: pay a win. */
export async function win(req: MoneyRequest, ctx: CallContext): Promise<WalletAnswer> {
  return moneyAnswer(
    await call(
      "Debit",
      [req.playerId, req.roundId, req.transactionId, req.gameId, hashToken(req.token), req.amount, req.betAmount, req.isClose],
      ctx,
    ),
  );
}

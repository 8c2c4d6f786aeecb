import type { DatabaseError } from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { metrics } from "@/lib/ops/metrics";
import { inTransactionWithTimeouts, pool, sql, WALLET_LOCK_TIMEOUT_MS, WALLET_STATEMENT_TIMEOUT_MS } from "@/lib/pg";
import { Code } from "@/lib/webgames/codes";
import { WalletError } from "./errors";
import type { Money } from "./money";
import { hashToken } from "./tokens";

/**
 * The wallet's game operations: authorize a launch, take a bet, pay a win. Each is one call of the
 * SQL function `wallet_callback` (prisma/migrations/*_wallet_functions and
 * *_wallet_domain_operations), one transaction that also writes the D11 log row, so the decision
 * and its record commit together. Results are domain values; the edge (lib/callbacks) writes the
 * provider's answer from them.
 */
export interface CallContext {
  /** Milliseconds spent on the request before the database call (parsing, hashing, pool wait). */
  elapsedMs: () => number;
  ip: string | null;
  /** The name of the call as the caller made it, recorded as is in the D11 log. */
  logAs: string;
}

/** Who asks: the launch token the partner issued for one player and one game (D3). */
export interface LaunchCredentials {
  playerId: number;
  gameId: number;
  token: string;
}

export interface BetInput extends LaunchCredentials {
  roundId: string;
  transactionId: string;
  /** Non-negative; the wallet checks the currency's minor units (D7). */
  amount: Money;
  /** Close the round once this operation is applied (D6). */
  closesRound: boolean;
}

export interface WinInput extends BetInput {
  /** The bet this win relates to, as the caller reported it; recorded, not checked. */
  betAmount: Money | null;
}

export interface Authorized {
  ok: true;
  playerId: number;
  currency: string;
  nick: string;
  /** Decimal text in the currency's minor units. */
  balance: string;
  /** The game session the launch opened (D10). */
  sessionId: string;
}

/** A bet taken or a win paid (or the repeat of one, D5: then the original's values). */
export interface Moved {
  ok: true;
  /** Balance after the operation, decimal text in the currency's minor units. */
  balance: string;
  /** The ledger entry the operation wrote (D10). */
  ledgerId: string;
}

export interface Refused {
  ok: false;
  error: WalletError;
}

interface ResultRow {
  code: number;
  message: string;
  balance: string | null;
  ledger_id: string | null;
  external_session: string | null;
  nick: string | null;
  currency: string | null;
}

type Operation = "authorize" | "bet" | "win";

interface SqlArgs {
  playerId: number;
  gameId: number;
  tokenHash: string;
  roundId?: string;
  transactionId?: string;
  amount?: Money;
  betAmount?: Money | null;
  closesRound?: boolean;
}

const idleSeconds = () => env.WALLET_SESSION_IDLE_MINUTES * 60;

/** D13's limits for wallet_win, as decimal text (exact in SQL). */
const REVIEW_LIMITS = JSON.stringify({ multiple: env.WALLET_REVIEW_WIN_MULTIPLE, ceilings: env.WALLET_REVIEW_WIN_CEILINGS });

/** wallet_win flags a big win with `RAISE WARNING 'win_review'` (details as JSON): it becomes a warning line in the log. */
function onNotice(notice: { message?: string; detail?: string }): void {
  if (notice.message !== "win_review") return;
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(notice.detail ?? "{}") as Record<string, unknown>;
  } catch {}
  metrics.winsFlagged.inc({ currency: typeof details.currency === "string" ? details.currency : "unknown" });
  logger.warn({ event: "win_review", ...details }, "win paid and flagged for review (D13)");
}

// PostgreSQL errors worth one more try: serialization failure, deadlock. Neither is expected with
// the wallet's single-row-lock design, but a bounded retry is cheap insurance (issue: faults).
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 3;

async function call(op: Operation, a: SqlArgs, ctx: CallContext): Promise<ResultRow> {
  for (let attempt = 1; ; attempt++) {
    // Checked out explicitly (not pool.query) so that elapsedMs() below is read after the pool
    // wait: the D11 latency includes time spent waiting for a connection.
    const client = await pool.connect();
    let broken: Error | undefined;
    if (op === "win") client.on("notice", onNotice);
    try {
      // One round trip, one transaction with its own timeouts (lib/db.ts), no prepared statement
      // (PgBouncer in transaction mode before 1.21 cannot keep one). The function is called in
      // FROM: `(f()).*` in a select list would be evaluated once per output column.
      const rows = await inTransactionWithTimeouts<ResultRow>(
        client,
        { statementMs: WALLET_STATEMENT_TIMEOUT_MS, lockMs: WALLET_LOCK_TIMEOUT_MS },
        sql`SELECT * FROM wallet_callback(${op}, ${a.playerId}::integer, ${a.roundId}::text, ${a.transactionId}::text, ${a.gameId}::integer, ${a.tokenHash}::text, ${a.amount?.toFixed()}::numeric, ${a.betAmount?.toFixed()}::numeric, ${a.closesRound}::boolean, ${idleSeconds()}::integer, ${ctx.elapsedMs()}::double precision, ${ctx.ip}::text, ${ctx.logAs}::text, ${op === "win" ? REVIEW_LIMITS : null}::jsonb)`,
      );
      const row = rows[0];
      if (!row) throw new Error("wallet_callback returned no row");
      return row;
    } catch (err) {
      const code = (err as DatabaseError).code;
      if (attempt < MAX_ATTEMPTS && code && RETRYABLE.has(code)) {
        metrics.walletRetries.inc({ sqlstate: code });
        continue;
      }
      // Not an answer from PostgreSQL (client-side timeout, lost connection): the connection may
      // still be busy, so it is closed instead of going back to the pool.
      if (!code) broken = err as Error;
      throw err;
    } finally {
      if (op === "win") client.off("notice", onNotice);
      client.release(broken);
    }
  }
}

const refused = (row: ResultRow): Refused => ({ ok: false, error: new WalletError(row.code, row.message, row.balance) });

function moved(row: ResultRow): Moved | Refused {
  if (row.code !== Code.Ok) return refused(row);
  if (row.ledger_id === null || row.balance === null) throw new Error("wallet_callback: a move without its ledger entry");
  return { ok: true, balance: row.balance, ledgerId: row.ledger_id };
}

/** The provider asks whether a launch is genuine (D3, D9); the first time, it opens the game session. */
export async function authorize(req: LaunchCredentials, ctx: CallContext): Promise<Authorized | Refused> {
  const row = await call("authorize", { playerId: req.playerId, gameId: req.gameId, tokenHash: hashToken(req.token) }, ctx);
  if (row.code !== Code.Ok) return refused({ ...row, balance: null });
  if (row.external_session === null || row.currency === null) throw new Error("wallet_callback: an authorization without its session");
  return {
    ok: true,
    playerId: req.playerId,
    currency: row.currency,
    nick: row.nick ?? "",
    balance: row.balance ?? "0",
    sessionId: row.external_session,
  };
}

/** Take a bet (D4, D6, D7, D8, D9). */
export async function bet(req: BetInput, ctx: CallContext): Promise<Moved | Refused> {
  const { playerId, gameId, roundId, transactionId, amount, closesRound } = req;
  return moved(await call("bet", { playerId, gameId, tokenHash: hashToken(req.token), roundId, transactionId, amount, closesRound }, ctx));
}

/** Pay a win; money owed is never refused for an idle session or a blocked player (D4, D9). */
export async function win(req: WinInput, ctx: CallContext): Promise<Moved | Refused> {
  const { playerId, gameId, roundId, transactionId, amount, betAmount, closesRound } = req;
  return moved(
    await call("win", { playerId, gameId, tokenHash: hashToken(req.token), roundId, transactionId, amount, betAmount, closesRound }, ctx),
  );
}

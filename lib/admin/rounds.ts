import "server-only";
import { pool } from "@/lib/db";
import { describeCode } from "@/lib/webgames/codes";
import type { CallbackRow } from "./callbacks";
import { assertCan, type Viewer } from "./permissions";

export interface RoundOperation {
  ledgerId: string;
  createdAt: string;
  kind: "bet" | "win" | "adjustment";
  amount: string;
  balanceAfter: string;
  transactionId: string | null;
  betAmount: string | null;
  isClose: boolean | null;
}

/** A callback as the round view lists it: the round's player, round and game go without saying. */
export type RoundCallback = Omit<CallbackRow, "playerId" | "roundId" | "gameId">;

export interface RoundView {
  playerId: number;
  email: string;
  roundId: string;
  gameId: number;
  currency: string;
  status: "open" | "closed";
  betTotal: string;
  winTotal: string;
  openedAt: string;
  closedAt: string | null;
  sessionId: string | null;
  operations: RoundOperation[];
  /** Every callback naming this round, including refused ones that wrote nothing (D11). */
  callbacks: RoundCallback[];
}

/** A round with its ledger operations in order and the callbacks behind them; null if unknown. */
export async function loadRound(viewer: Viewer, playerId: number, roundId: string): Promise<RoundView | null> {
  assertCan(viewer, "rounds.view");
  const r = await pool.query<{
    id: string;
    player_id: number;
    email: string;
    round_id: string;
    game_id: number;
    currency: string;
    status: "open" | "closed";
    bet_total: string;
    win_total: string;
    opened_at: Date;
    closed_at: Date | null;
    session_id: string | null;
  }>(
    `SELECT r.id::text, r.player_id, p.email, r.round_id, r.game_id, r.currency, r.status, r.bet_total::text, r.win_total::text,
            r.opened_at, r.closed_at, r.session_id::text
     FROM rounds r JOIN players p ON p.id = r.player_id WHERE r.player_id = $1 AND r.round_id = $2`,
    [playerId, roundId],
  );
  // Callbacks are loaded even for an unknown round: a Debit answered 8 leaves only a log row.
  const [ops, cbs] = await Promise.all([
    r.rows[0]
      ? pool.query<{
          id: string;
          created_at: Date;
          kind: RoundOperation["kind"];
          amount: string;
          balance_after: string;
          transaction_id: string | null;
          bet_amount: string | null;
          is_close: boolean | null;
        }>(
          `SELECT id::text, created_at, kind, amount::text, balance_after::text, transaction_id, bet_amount::text, is_close
           FROM ledger_entries WHERE player_id = $1 AND round_id = $2 ORDER BY id`,
          // The round's key (D6), through the idempotency key's unique index (no round_pk index).
          [r.rows[0].player_id, r.rows[0].round_id],
        )
      : Promise.resolve({ rows: [] }),
    pool.query<{
      id: string;
      created_at: Date;
      method: string;
      transaction_id: string | null;
      amount: string | null;
      code: number;
      message: string;
      latency_ms: string;
      ledger_entry_id: string | null;
      ip: string | null;
    }>(
      `SELECT id::text, created_at, method, transaction_id, amount, code, message, round(latency_ms::numeric, 1)::text AS latency_ms,
              ledger_entry_id::text, ip
       FROM callback_logs WHERE player_id = $1 AND round_id = $2 ORDER BY id`,
      [String(playerId), roundId],
    ),
  ]);
  const round = r.rows[0];
  if (!round && cbs.rows.length === 0) return null;
  return {
    playerId,
    email: round?.email ?? "",
    roundId,
    gameId: round?.game_id ?? 0,
    currency: round?.currency ?? "",
    status: round?.status ?? "open",
    betTotal: round?.bet_total ?? "0",
    winTotal: round?.win_total ?? "0",
    openedAt: round?.opened_at.toISOString() ?? "",
    closedAt: round?.closed_at?.toISOString() ?? null,
    sessionId: round?.session_id ?? null,
    operations: ops.rows.map((o) => ({
      ledgerId: o.id,
      createdAt: o.created_at.toISOString(),
      kind: o.kind,
      amount: o.amount,
      balanceAfter: o.balance_after,
      transactionId: o.transaction_id,
      betAmount: o.bet_amount,
      isClose: o.is_close,
    })),
    callbacks: cbs.rows.map((c) => ({
      id: c.id,
      createdAt: c.created_at.toISOString(),
      method: c.method,
      transactionId: c.transaction_id,
      amount: c.amount,
      code: c.code,
      codeText: describeCode(c.code),
      message: c.message,
      latencyMs: c.latency_ms,
      ledgerEntryId: c.ledger_entry_id,
      ip: c.ip,
    })),
  };
}

export type RoundHit = Pick<RoundView, "playerId" | "email" | "roundId" | "gameId" | "currency" | "status" | "openedAt">;

/** Rounds with this provider round id (any player, or one player): round ids are per player. */
export async function findRounds(viewer: Viewer, roundId: string, playerId?: number): Promise<RoundHit[]> {
  assertCan(viewer, "rounds.view");
  const res = await pool.query<{
    player_id: number;
    email: string;
    round_id: string;
    game_id: number;
    currency: string;
    status: "open" | "closed";
    opened_at: Date;
  }>(
    `SELECT r.player_id, p.email, r.round_id, r.game_id, r.currency, r.status, r.opened_at
     FROM rounds r JOIN players p ON p.id = r.player_id
     WHERE r.round_id = $1 AND ($2::int IS NULL OR r.player_id = $2) ORDER BY r.opened_at DESC LIMIT 50`,
    [roundId, playerId ?? null],
  );
  return res.rows.map((r) => ({
    playerId: r.player_id,
    email: r.email,
    roundId: r.round_id,
    gameId: r.game_id,
    currency: r.currency,
    status: r.status,
    openedAt: r.opened_at.toISOString(),
  }));
}

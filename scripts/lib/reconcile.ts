import Decimal from "decimal.js";
import type pg from "pg";
import type { LedgerEntry } from "../../sim/ledger";

/**
 * Reconciles what the provider believes happened (the simulator's ledger: one entry per logical
 * Credit/Debit with its final code) with the wallet's ledger, both ways:
 *  - every call answered 0 has exactly one ledger row with the same (player_id, round_id,
 *    transaction_id), kind (Credit = bet, Debit = win) and amount (a bet is negative);
 *  - every bet/win row of these players belongs to a call answered 0 (nothing applied that the
 *    provider was told failed or never sent);
 *  - no idempotency key twice; balance = sum(ledger) per player; no balance_after below zero;
 *    each row's balance_after = running sum of the player's ledger in id order (no lost update);
 *    each round's bet_total/win_total = its ledger rows (nothing half-written).
 * Calls still without code 0 are listed as unresolved (the caller decides whether that is allowed).
 */
export interface ReconcileReport {
  calls: number;
  okCalls: number;
  ledgerRows: number;
  players: number;
  unresolved: ReconcileCall[];
  violations: string[];
}

/** The fields of a simulator ledger entry that reconciliation needs (tests may build their own). */
export type ReconcileCall = Pick<LedgerEntry, "method" | "player_id" | "round_id" | "transaction_id" | "amount" | "code">;

const keyOf = (player: string | number, round: string | null, tx: string | null) => `${player}|${round}|${tx}`;

export async function reconcile(db: pg.Pool, calls: ReconcileCall[], playerIds: number[]): Promise<ReconcileReport> {
  const violations: string[] = [];
  const money = calls.filter((c) => c.method === "Credit" || c.method === "Debit");
  const byKey = new Map<string, ReconcileCall>();
  for (const c of money) {
    const k = keyOf(c.player_id, c.round_id, c.transaction_id);
    if (byKey.has(k)) violations.push(`the simulator sent two logical calls with key ${k}`);
    byKey.set(k, c);
  }

  const rows = await db.query<{ id: string; player_id: number; round_id: string; transaction_id: string; kind: string; amount: string }>(
    `SELECT id::text, player_id, round_id, transaction_id, kind::text, amount::text
       FROM ledger_entries WHERE player_id = ANY($1::int[]) AND kind <> 'adjustment' ORDER BY id`,
    [playerIds],
  );
  const rowsByKey = new Map<string, typeof rows.rows>();
  for (const r of rows.rows) {
    const k = keyOf(r.player_id, r.round_id, r.transaction_id);
    rowsByKey.set(k, [...(rowsByKey.get(k) ?? []), r]);
  }

  let okCalls = 0;
  for (const [k, c] of byKey) {
    if (c.code !== 0) continue;
    okCalls++;
    const found = rowsByKey.get(k) ?? [];
    if (found.length !== 1) {
      violations.push(`${c.method} ${k} answered 0 but has ${found.length} ledger rows`);
      continue;
    }
    const r = found[0]!;
    const kind = c.method === "Credit" ? "bet" : "win";
    const amount = c.method === "Credit" ? new Decimal(c.amount ?? "0").neg() : new Decimal(c.amount ?? "0");
    if (r.kind !== kind) violations.push(`${c.method} ${k}: ledger kind ${r.kind}, expected ${kind}`);
    if (!new Decimal(r.amount).eq(amount)) violations.push(`${c.method} ${k}: ledger amount ${r.amount}, expected ${amount.toFixed()}`);
  }
  for (const [k, found] of rowsByKey) {
    if (found.length > 1) violations.push(`key ${k} has ${found.length} ledger rows`);
    const c = byKey.get(k);
    if (!c) violations.push(`ledger row ${found[0]!.id} (${k}) has no provider call`);
    else if (c.code !== 0) violations.push(`ledger row ${found[0]!.id} (${k}) applied, but the provider's final answer was code ${c.code}`);
  }

  const checks = await db.query<{ mismatched: number; negative: number; broken_chain: number; dupes: number; rounds_off: number }>(
    `SELECT
       (SELECT count(*)::int FROM wallets w WHERE w.player_id = ANY($1::int[])
           AND w.balance <> (SELECT COALESCE(sum(amount), 0) FROM ledger_entries l WHERE l.player_id = w.player_id)) AS mismatched,
       (SELECT count(*)::int FROM ledger_entries WHERE player_id = ANY($1::int[]) AND balance_after < 0) AS negative,
       (SELECT count(*)::int FROM (
          SELECT balance_after, sum(amount) OVER (PARTITION BY player_id ORDER BY id) AS running
            FROM ledger_entries WHERE player_id = ANY($1::int[])) x WHERE balance_after <> running) AS broken_chain,
       (SELECT count(*)::int FROM (SELECT 1 FROM ledger_entries WHERE player_id = ANY($1::int[]) AND round_id IS NOT NULL
          GROUP BY player_id, round_id, transaction_id HAVING count(*) > 1) d) AS dupes,
       (SELECT count(*)::int FROM rounds r WHERE r.player_id = ANY($1::int[]) AND (
           r.bet_total <> COALESCE((SELECT -sum(amount) FROM ledger_entries l WHERE l.player_id = r.player_id AND l.round_id = r.round_id AND l.kind = 'bet'), 0)
        OR r.win_total <> COALESCE((SELECT sum(amount) FROM ledger_entries l WHERE l.player_id = r.player_id AND l.round_id = r.round_id AND l.kind = 'win'), 0))) AS rounds_off`,
    [playerIds],
  );
  const a = checks.rows[0]!;
  if (a.mismatched) violations.push(`${a.mismatched} wallet balance(s) differ from their ledger sum`);
  if (a.negative) violations.push(`${a.negative} ledger row(s) with a negative balance_after`);
  if (a.broken_chain) violations.push(`${a.broken_chain} ledger row(s) whose balance_after is not the running sum (lost update)`);
  if (a.dupes) violations.push(`${a.dupes} duplicate idempotency key(s) in the ledger`);
  if (a.rounds_off) violations.push(`${a.rounds_off} round(s) whose bet/win totals differ from their ledger rows (half-written)`);

  return {
    calls: money.length,
    okCalls,
    ledgerRows: rows.rowCount ?? 0,
    players: playerIds.length,
    unresolved: money.filter((c) => c.code !== 0),
    violations,
  };
}

import "server-only";
import { z } from "zod";
import { pool } from "@/lib/db";
import { describeCode } from "@/lib/webgames/codes";
import { assertCan, type Viewer } from "./permissions";
import { dateText, decodeCursor, encodeCursor, fromDate, parseFields, type SearchParams, toDateExclusive } from "./search-params";
import { Conditions } from "./sql";

export const CALLBACK_METHODS = ["Authorization", "Credit", "Debit"] as const;

export const callbackFilterSchema = z.object({
  method: z.enum(CALLBACK_METHODS),
  code: z.string().regex(/^-?\d{1,4}$/, "a result code"),
  /** Only failures (code ≠ 0): the provider's troubleshooting list starts there. */
  failed: z.enum(["1"]),
  player: z.string().max(64),
  round: z.string().max(200),
  transaction: z.string().max(200),
  from: dateText,
  to: dateText,
});
export type CallbackFilters = Partial<z.infer<typeof callbackFilterSchema>>;

export function parseCallbackFilters(sp: SearchParams): { filters: CallbackFilters; errors: string[] } {
  const { values, errors } = parseFields(callbackFilterSchema, sp);
  return { filters: values, errors };
}

export interface CallbackRow {
  id: string;
  createdAt: string;
  method: string;
  playerId: string | null;
  roundId: string | null;
  transactionId: string | null;
  gameId: string | null;
  amount: string | null;
  code: number;
  codeText: string;
  message: string;
  latencyMs: string;
  ledgerEntryId: string | null;
  ip: string | null;
}

function conditions(f: CallbackFilters): Conditions {
  const c = new Conditions();
  if (f.method) c.add(`method = ${c.p(f.method)}`);
  if (f.code !== undefined) c.add(`code = ${c.p(Number(f.code))}`);
  if (f.failed) c.add(`code <> 0`);
  // player_id is logged as the provider sent it (text), also for unknown players.
  if (f.player) c.add(`player_id = ${c.p(f.player)}`);
  if (f.round) c.add(`round_id = ${c.p(f.round)}`);
  if (f.transaction) c.add(`transaction_id = ${c.p(f.transaction)}`);
  if (f.from) c.add(`created_at >= ${c.p(fromDate(f.from))}`);
  if (f.to) c.add(`created_at < ${c.p(toDateExclusive(f.to))}`);
  return c;
}

/** Newest first, keyset on id (ids grow with time; the log is only ever appended to). */
export async function listCallbacks(
  viewer: Viewer,
  f: CallbackFilters,
  cursor?: string,
  limit = 100,
): Promise<{ rows: CallbackRow[]; nextCursor: string | null }> {
  assertCan(viewer, "callbacks.view");
  const c = conditions(f);
  const after = cursor ? decodeCursor(cursor, 1) : null;
  if (after && /^\d{1,18}$/.test(after[0] ?? "")) c.add(`id < ${c.p(after[0])}::bigint`);
  const res = await pool.query<{
    id: string;
    created_at: Date;
    method: string;
    player_id: string | null;
    round_id: string | null;
    transaction_id: string | null;
    game_id: string | null;
    amount: string | null;
    code: number;
    message: string;
    latency_ms: string;
    ledger_entry_id: string | null;
    ip: string | null;
  }>(
    `SELECT id::text, created_at, method, player_id, round_id, transaction_id, game_id, amount, code, message,
            round(latency_ms::numeric, 1)::text AS latency_ms, ledger_entry_id::text, ip
     FROM callback_logs ${c.where()} ORDER BY id DESC LIMIT ${c.p(limit + 1)}`,
    c.params,
  );
  const more = res.rows.length > limit;
  const rows = (more ? res.rows.slice(0, limit) : res.rows).map((r) => ({
    id: r.id,
    createdAt: r.created_at.toISOString(),
    method: r.method,
    playerId: r.player_id,
    roundId: r.round_id,
    transactionId: r.transaction_id,
    gameId: r.game_id,
    amount: r.amount,
    code: r.code,
    codeText: describeCode(r.code),
    message: r.message,
    latencyMs: r.latency_ms,
    ledgerEntryId: r.ledger_entry_id,
    ip: r.ip,
  }));
  const last = rows.at(-1);
  return { rows, nextCursor: more && last ? encodeCursor([last.id]) : null };
}

export interface CallbackHealth {
  method: string;
  calls: number;
  errors: number;
  /** Percent with one decimal, as text. */
  errorRate: string;
  p50Ms: string | null;
  p99Ms: string | null;
}

/** The last hour per method and overall (method "all"): error rate and latency percentiles. */
export async function callbackHealth(viewer: Viewer): Promise<CallbackHealth[]> {
  assertCan(viewer, "callbacks.view");
  const res = await pool.query<{
    method: string | null;
    calls: string;
    errors: string;
    error_rate: string;
    p50: string | null;
    p99: string | null;
  }>(
    `SELECT method, count(*)::text AS calls, count(*) FILTER (WHERE code <> 0)::text AS errors,
            COALESCE(round(100.0 * count(*) FILTER (WHERE code <> 0) / NULLIF(count(*), 0), 1), 0)::text AS error_rate,
            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms))::numeric, 1)::text AS p50,
            round((percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms))::numeric, 1)::text AS p99
     FROM callback_logs WHERE created_at > now() - interval '1 hour'
     GROUP BY ROLLUP (method) ORDER BY method NULLS FIRST`,
  );
  return res.rows
    .filter((r) => r.calls !== "0")
    .map((r) => ({
      method: r.method ?? "all",
      calls: Number(r.calls),
      errors: Number(r.errors),
      errorRate: r.error_rate,
      p50Ms: r.p50,
      p99Ms: r.p99,
    }));
}

/** Which codes the last hour produced, for the troubleshooting list. */
export async function codeBreakdown(viewer: Viewer): Promise<{ method: string; code: number; codeText: string; count: number }[]> {
  assertCan(viewer, "callbacks.view");
  const res = await pool.query<{ method: string; code: number; n: string }>(
    `SELECT method, code, count(*)::text AS n FROM callback_logs WHERE created_at > now() - interval '1 hour'
     GROUP BY method, code ORDER BY count(*) DESC LIMIT 30`,
  );
  return res.rows.map((r) => ({ method: r.method, code: r.code, codeText: describeCode(r.code), count: Number(r.n) }));
}

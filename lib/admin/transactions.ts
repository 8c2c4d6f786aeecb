import "server-only";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { pool } from "@/lib/db";
import { displayAmount, exactAmount } from "./format";
import { assertCan, type Viewer } from "./permissions";
import {
  dateText,
  decimalText,
  decodeCursor,
  encodeCursor,
  fromDate,
  idText,
  parseFields,
  type SearchParams,
  toDateExclusive,
} from "./search-params";
import { Conditions } from "./sql";

export const LEDGER_KINDS = ["bet", "win", "adjustment"] as const;

/** The transactions page's filters, exactly as they appear in the URL. */
export const transactionFilterSchema = z.object({
  player: z
    .string()
    .max(320)
    .regex(/^(\d{1,9}|[^\s@]+@[^\s@]+)$/, "a player id or email"),
  game: z.string().regex(/^\d{1,9}$/, "a game id"),
  round: z.string().max(200),
  kind: z.enum(LEDGER_KINDS),
  from: dateText,
  to: dateText,
  min: decimalText,
  max: decimalText,
  currency: z.string().regex(/^[A-Za-z]{2,5}$/, "a currency code"),
  q: z.string().max(200),
});
export type TransactionFilters = Partial<z.infer<typeof transactionFilterSchema>>;

export function parseTransactionFilters(sp: SearchParams): { filters: TransactionFilters; errors: string[] } {
  const { values, errors } = parseFields(transactionFilterSchema, sp);
  return { filters: values, errors };
}

/**
 * WHERE clause over `ledger_entries l`. Each filter is a plain equality or range on an indexed
 * column so the planner can walk the matching (col, created_at DESC, id DESC) index in page order.
 */
export function transactionConditions(f: TransactionFilters): Conditions {
  const c = new Conditions();
  if (f.player) {
    if (/^\d+$/.test(f.player)) c.add(`l.player_id = ${c.p(Number(f.player))}`);
    // An InitPlan: resolved once, then the player index is used as for an id.
    else c.add(`l.player_id = (SELECT id FROM players WHERE email = lower(${c.p(f.player)}))`);
  }
  if (f.game) c.add(`l.game_id = ${c.p(Number(f.game))}`);
  if (f.round) c.add(`l.round_id = ${c.p(f.round)}`);
  if (f.kind) c.add(`l.kind = ${c.p(f.kind)}::ledger_kind`);
  if (f.currency) c.add(`l.currency = ${c.p(f.currency)}`);
  if (f.from) c.add(`l.created_at >= ${c.p(fromDate(f.from))}`);
  if (f.to) c.add(`l.created_at < ${c.p(toDateExclusive(f.to))}`);
  // The amount filter is on the absolute amount: bets are stored negative.
  if (f.min) c.add(`abs(l.amount) >= ${c.p(f.min)}::numeric`);
  if (f.max) c.add(`abs(l.amount) <= ${c.p(f.max)}::numeric`);
  if (f.q) {
    // external_session_id is the ledger id (D10); round and transaction ids are provider text.
    const q = c.p(f.q);
    const byId = idText.safeParse(f.q).success ? ` OR l.id = ${q}::bigint` : "";
    c.add(`(l.transaction_id = ${q} OR l.round_id = ${q}${byId})`);
  }
  return c;
}

export interface LedgerRow {
  id: string;
  createdAt: string;
  playerId: number;
  email: string;
  currency: string;
  kind: "bet" | "win" | "adjustment";
  amount: string;
  balanceAfter: string;
  roundId: string | null;
  transactionId: string | null;
  gameId: number | null;
  sessionId: string | null;
  betAmount: string | null;
  isClose: boolean | null;
  adminId: number | null;
  reason: string | null;
}

interface DbLedgerRow {
  id: string;
  cursor_ts: string;
  created_at: Date;
  player_id: number;
  email: string;
  currency: string;
  kind: LedgerRow["kind"];
  amount: string;
  balance_after: string;
  round_id: string | null;
  transaction_id: string | null;
  game_id: number | null;
  session_id: string | null;
  bet_amount: string | null;
  is_close: boolean | null;
  admin_id: number | null;
  reason: string | null;
}

// Amounts travel as text (::text) so no JavaScript number ever holds one.
const LEDGER_COLUMNS = `l.id::text AS id, l.created_at::text AS cursor_ts, l.created_at, l.player_id, p.email, l.currency, l.kind,
  l.amount::text AS amount, l.balance_after::text AS balance_after, l.round_id, l.transaction_id, l.game_id,
  l.session_id::text AS session_id, l.bet_amount::text AS bet_amount, l.is_close, l.admin_id, l.reason`;

function toRow(r: DbLedgerRow): LedgerRow {
  return {
    id: r.id,
    createdAt: r.created_at.toISOString(),
    playerId: r.player_id,
    email: r.email,
    currency: r.currency,
    kind: r.kind,
    amount: r.amount,
    balanceAfter: r.balance_after,
    roundId: r.round_id,
    transactionId: r.transaction_id,
    gameId: r.game_id,
    sessionId: r.session_id,
    betAmount: r.bet_amount,
    isClose: r.is_close,
    adminId: r.admin_id,
    reason: r.reason,
  };
}

/** One keyset page, newest first. `after` is the previous page's nextCursor. */
/** The page query's SQL and parameters (exported for the benchmark's EXPLAIN). */
export function ledgerPageQuery(f: TransactionFilters, after: string[] | null, limit: number): { text: string; values: unknown[] } {
  const c = transactionConditions(f);
  if (after) c.add(`(l.created_at, l.id) < (${c.p(after[0])}::timestamptz, ${c.p(after[1])}::bigint)`);
  const text = `SELECT ${LEDGER_COLUMNS} FROM ledger_entries l JOIN players p ON p.id = l.player_id
     ${c.where()} ORDER BY l.created_at DESC, l.id DESC LIMIT ${c.p(limit + 1)}`;
  return { text, values: c.params };
}

async function ledgerPage(f: TransactionFilters, after: string[] | null, limit: number): Promise<{ rows: DbLedgerRow[]; more: boolean }> {
  const q = ledgerPageQuery(f, after, limit);
  const res = await pool.query<DbLedgerRow>(q.text, q.values);
  const more = res.rows.length > limit;
  return { rows: more ? res.rows.slice(0, limit) : res.rows, more };
}

export interface TransactionPage {
  rows: LedgerRow[];
  nextCursor: string | null;
}

export const PAGE_SIZE = 50;

export async function listTransactions(
  viewer: Viewer,
  f: TransactionFilters,
  cursor?: string,
  limit = PAGE_SIZE,
): Promise<TransactionPage> {
  assertCan(viewer, "transactions.view");
  const after = cursor ? decodeCursor(cursor, 2) : null;
  const { rows, more } = await ledgerPage(f, after, limit);
  const last = rows.at(-1);
  return { rows: rows.map(toRow), nextCursor: more && last ? encodeCursor([last.cursor_ts, last.id]) : null };
}

export interface CurrencyTotals {
  currency: string;
  count: number;
  /** Sum of bets as a positive amount. */
  bets: string;
  wins: string;
  /** Signed sum of adjustments. */
  adjustments: string;
  /** Sum of every signed amount: the change to players' balances. */
  net: string;
  /** bets − wins, the operator's gross gaming revenue. */
  ggr: string;
}

/** Totals of the filtered set, one row per currency: amounts of different currencies never add up. */
export async function transactionTotals(viewer: Viewer, f: TransactionFilters): Promise<CurrencyTotals[]> {
  assertCan(viewer, "transactions.view");
  const c = transactionConditions(f);
  const res = await pool.query<{
    currency: string;
    count: string;
    bets: string;
    wins: string;
    adjustments: string;
    net: string;
    ggr: string;
  }>(
    `SELECT l.currency, count(*)::text AS count,
       COALESCE(-sum(l.amount) FILTER (WHERE l.kind = 'bet'), 0)::text AS bets,
       COALESCE(sum(l.amount) FILTER (WHERE l.kind = 'win'), 0)::text AS wins,
       COALESCE(sum(l.amount) FILTER (WHERE l.kind = 'adjustment'), 0)::text AS adjustments,
       COALESCE(sum(l.amount), 0)::text AS net,
       COALESCE(-sum(l.amount) FILTER (WHERE l.kind IN ('bet', 'win')), 0)::text AS ggr
     FROM ledger_entries l ${c.where()} GROUP BY l.currency ORDER BY l.currency`,
    c.params,
  );
  return res.rows.map((r) => ({
    currency: r.currency,
    count: Number(r.count),
    bets: exactAmount(r.bets, r.currency),
    wins: exactAmount(r.wins, r.currency),
    adjustments: exactAmount(r.adjustments, r.currency),
    net: exactAmount(r.net, r.currency),
    ggr: exactAmount(r.ggr, r.currency),
  }));
}

export const CSV_COLUMNS = [
  "external_session_id",
  "created_at",
  "player_id",
  "email",
  "currency",
  "kind",
  "amount",
  "balance_after",
  "round_id",
  "transaction_id",
  "game_id",
  "session_id",
  "bet_amount",
  "is_close",
  "admin_id",
  "reason",
] as const;

export function csvRecord(r: LedgerRow): string[] {
  return [
    r.id,
    r.createdAt,
    String(r.playerId),
    r.email,
    r.currency,
    r.kind,
    exactAmount(r.amount, r.currency),
    exactAmount(r.balanceAfter, r.currency),
    r.roundId ?? "",
    r.transactionId ?? "",
    r.gameId === null ? "" : String(r.gameId),
    r.sessionId ?? "",
    r.betAmount === null ? "" : exactAmount(r.betAmount, r.currency),
    r.isClose === null ? "" : String(r.isClose),
    r.adminId === null ? "" : String(r.adminId),
    r.reason ?? "",
  ];
}

export const EXPORT_BATCH = 2_000;
const FIRST_BATCH = 100;

/**
 * CSV injection: a cell a spreadsheet would run as a formula (starting with = + - @, tab or CR;
 * emails, round and transaction ids, reasons come from players and the provider) gets a leading
 * quote: csv-stringify's `escape_formulas`. The one exception is a cell that is nothing but an
 * exact decimal ("-3.03" must stay a number for the spreadsheet): the library's per-field options
 * (a cast returning `{ value, …options }`) switch the escape off for it; no formula fits the pattern.
 */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const CSV_OPTIONS = {
  escape_formulas: true,
  cast: { string: (value: string) => (PLAIN_DECIMAL.test(value) ? { value, escape_formulas: false } : value) },
};

/**
 * The filtered set as CSV, streamed: each pull reads the next keyset batch, so memory stays at one
 * batch however many rows match, and a client that stops reading stops the queries (backpressure).
 * Keyset batches instead of a server-side cursor: no connection or transaction is held open
 * between pulls, so a slow download cannot pin a pool connection.
 */
export function transactionsCsvStream(viewer: Viewer, f: TransactionFilters, batch = EXPORT_BATCH): ReadableStream<Uint8Array> {
  assertCan(viewer, "transactions.export");
  const encoder = new TextEncoder();
  let after: string[] | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(stringify([[...CSV_COLUMNS]], CSV_OPTIONS)));
        }
        // A small first batch: a selective filter answers sooner, then full batches follow.
        const { rows, more } = await ledgerPage(f, after, after ? batch : Math.min(batch, FIRST_BATCH));
        if (rows.length)
          controller.enqueue(
            encoder.encode(
              stringify(
                rows.map((r) => csvRecord(toRow(r))),
                CSV_OPTIONS,
              ),
            ),
          );
        const last = rows.at(-1);
        if (!more || !last) controller.close();
        else after = [last.cursor_ts, last.id];
      },
    },
    { highWaterMark: 1 },
  );
}

export { displayAmount };

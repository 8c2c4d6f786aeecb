import { sql } from "@/lib/pg";

/** What a refused callback's D11 record holds (never the api_key or the raw token). */
export interface RefusalRecord {
  method: string;
  playerId?: string | null;
  roundId?: string | null;
  transactionId?: string | null;
  gameId?: string | null;
  amount?: string | null;
  code: number;
  message: string;
  latencyMs: number;
  ip: string | null;
}

/** The per-source bound: at most `limit` rows per source address per window of `windowSeconds`. */
export interface RefusalBound {
  limit: number;
  windowSeconds: number;
}

/** Key of a source whose address is unknown (the app was started without server.mjs). */
export const UNKNOWN_SOURCE = "unknown";

// PostgreSQL text cannot hold NUL; hostile input must still be recorded (D11).
const clean = (s: string | undefined | null) => (s == null ? null : s.replaceAll("\u0000", "\uFFFD").slice(0, 500));

const INSERT_LOG =
  "INSERT INTO callback_logs (method, player_id, round_id, transaction_id, game_id, amount, code, message, latency_ms, ip)";

const logValues = (r: RefusalRecord) =>
  sql`${clean(r.method)}, ${clean(r.playerId)}, ${clean(r.roundId)}, ${clean(r.transactionId)}, ${clean(r.gameId)},
      ${clean(r.amount)}, ${r.code}, ${clean(r.message)}, ${r.latencyMs}, ${clean(r.ip)}`;

/** One callback_logs row, unconditionally: for calls that reached the wallet's side and failed there. */
export function unboundedRefusalStatement(r: RefusalRecord): string {
  return `${INSERT_LOG} VALUES (${logValues(r)})`;
}

/**
 * One statement that counts the refusal in its source's current window and writes the callback_logs
 * row only while the window has logged fewer than `limit`: the upsert's row lock serializes
 * concurrent refusals of one source, so the count is exact under any concurrency. A window logs its
 * first `limit` refusals; from then on `logged` stays at `limit` and every further one only adds to
 * `dropped`, so "this one is logged" is exactly "the window has dropped none yet".
 * Returns a row `{ kept }`.
 */
export function boundedRefusalStatement(r: RefusalRecord, bound: RefusalBound): string {
  const source = clean(r.ip) ?? UNKNOWN_SOURCE;
  return `WITH slot AS (
  INSERT INTO callback_refusal_windows AS t (source, window_start, logged, dropped)
  VALUES (${sql`${source}`}, date_bin(make_interval(secs => ${Math.trunc(bound.windowSeconds)}), now(), TIMESTAMPTZ '2000-01-01 00:00:00+00'), 1, 0)
  ON CONFLICT (source, window_start) DO UPDATE
    SET logged = t.logged + CASE WHEN t.logged < ${Math.trunc(bound.limit)} THEN 1 ELSE 0 END,
        dropped = t.dropped + CASE WHEN t.logged < ${Math.trunc(bound.limit)} THEN 0 ELSE 1 END
  RETURNING t.dropped = 0 AS kept
), logged AS (
  ${INSERT_LOG} SELECT ${logValues(r)} FROM slot WHERE slot.kept RETURNING 1
)
SELECT kept FROM slot`;
}

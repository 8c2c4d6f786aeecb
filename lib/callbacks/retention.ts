import type pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { metrics } from "@/lib/ops/metrics";
import { pool } from "@/lib/pg";

/**
 * Retention of the D11 callback log (docs/protocol.md D11): rows older than
 * CALLBACK_LOG_RETENTION_DAYS (by the database's clock) are deleted in batches, except the rows of a
 * round that is still open (a stuck round's history is what support reads to settle it with the
 * provider) or flagged for review and not yet reviewed (D13: the reviewer reads its callbacks).
 * Nothing else reads callback_logs: byte-identical repeats (D5) are rebuilt from the ledger, reports
 * and the dashboard count the ledger, and the ledger itself is never pruned. Refusal counts
 * (callback_refusal_windows) older than the retention go too.
 */
export const PRUNE_BATCH = 5_000;

export interface PruneResult {
  logs: number;
  windows: number;
  batches: number;
}

type Db = Pick<pg.Pool, "query">;

/**
 * Deletes in batches of `batch` rows, each its own short statement (no long lock, no huge WAL burst),
 * until a batch comes back short. Rows another pruner is deleting are skipped (SKIP LOCKED), so two
 * instances pruning at once neither block nor double-count each other.
 */
export async function pruneCallbackLogs(opts: { retentionDays?: number; batch?: number; db?: Db } = {}): Promise<PruneResult> {
  const days = opts.retentionDays ?? env.CALLBACK_LOG_RETENTION_DAYS;
  const batch = opts.batch ?? PRUNE_BATCH;
  const db = opts.db ?? pool;
  const result: PruneResult = { logs: 0, windows: 0, batches: 0 };
  if (days <= 0) return result;
  for (;;) {
    const r = await db.query(
      `WITH doomed AS (
         SELECT c.id FROM callback_logs c
          WHERE c.created_at < now() - make_interval(days => $1::int)
            AND NOT EXISTS (
              SELECT 1 FROM rounds r
               WHERE r.player_id = CASE WHEN c.player_id ~ '^[0-9]{1,9}$' THEN c.player_id::int END
                 AND r.round_id = c.round_id
                 AND (r.status = 'open' OR (r.flagged_at IS NOT NULL AND r.reviewed_at IS NULL)))
          ORDER BY c.created_at
          LIMIT $2
          FOR UPDATE OF c SKIP LOCKED)
       DELETE FROM callback_logs WHERE id IN (SELECT id FROM doomed)`,
      [days, batch],
    );
    result.batches++;
    result.logs += r.rowCount ?? 0;
    if ((r.rowCount ?? 0) < batch) break;
  }
  const w = await db.query(`DELETE FROM callback_refusal_windows WHERE window_start < now() - make_interval(days => $1::int)`, [days]);
  result.windows = w.rowCount ?? 0;
  metrics.callbackLogPruned.inc(result.logs);
  return result;
}

let timer: NodeJS.Timeout | null = null;
let running = false;

async function pruneNow(): Promise<void> {
  if (running) return;
  running = true;
  try {
    const r = await pruneCallbackLogs();
    if (r.logs > 0 || r.windows > 0)
      logger.info({ ...r, retentionDays: env.CALLBACK_LOG_RETENTION_DAYS }, "callback log retention: old rows deleted");
  } catch (err) {
    logger.error({ err }, "callback log retention: prune failed (retried on the next schedule)");
  } finally {
    running = false;
  }
}

/** From instrumentation.ts: prune a minute after start, then every CALLBACK_LOG_PRUNE_INTERVAL_MINUTES. */
export function startCallbackLogPruner(): void {
  if (timer || env.CALLBACK_LOG_RETENTION_DAYS <= 0) return;
  const first = setTimeout(() => void pruneNow(), 60_000);
  first.unref();
  timer = setInterval(() => void pruneNow(), env.CALLBACK_LOG_PRUNE_INTERVAL_MINUTES * 60_000);
  timer.unref();
}

import "server-only";
import { logger } from "@/lib/log";
import { logPool, pool } from "@/lib/pg";
import { metrics } from "./metrics";
import { opsPool } from "./pool";

/**
 * What a scrape reads at scrape time: this instance's pool counters (free) and one small query for
 * the database-wide gauges, on the ops pool (lib/ops/pool.ts: its own connection, 1 s timeouts), so
 * a scrape neither waits behind nor takes a connection from callbacks. Every part of the query is an
 * index range or a tiny table: rounds (status, opened_at), rounds (flagged_at: only flagged rounds), catalog_snapshots (one row per type),
 * pg_stat_activity.
 */
const DATABASE_GAUGES = `
  SELECT
    (SELECT count(*)::int FROM "rounds" WHERE "status" = 'open' AND "opened_at" < now() - interval '1 hour') AS stuck_rounds,
    (SELECT count(*)::int FROM "rounds" WHERE "flagged_at" IS NOT NULL AND "reviewed_at" IS NULL) AS flagged_unreviewed,
    (SELECT extract(epoch FROM now() - max("fetched_at"))::float8 FROM "catalog_snapshots") AS catalog_age_s,
    (SELECT coalesce(bool_or("last_error_at" > "fetched_at"), false) FROM "catalog_snapshots") AS catalog_stale,
    (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock') AS lock_waiters`;

interface GaugeRow {
  stuck_rounds: number;
  flagged_unreviewed: number;
  catalog_age_s: number | null;
  catalog_stale: boolean;
  lock_waiters: number;
}

export async function renderMetrics(): Promise<string> {
  const m = metrics;
  for (const [name, p] of [
    ["main", pool],
    ["log", logPool],
  ] as const) {
    m.poolConnections.set({ pool: name, state: "in_use" }, p.totalCount - p.idleCount);
    m.poolConnections.set({ pool: name, state: "idle" }, p.idleCount);
    m.poolWaiting.set({ pool: name }, p.waitingCount);
  }
  try {
    const { rows } = await opsPool.query<GaugeRow>(DATABASE_GAUGES);
    const row = rows[0]!;
    m.openRoundsOverHour.set(row.stuck_rounds);
    m.flaggedRoundsUnreviewed.set(row.flagged_unreviewed);
    m.catalogAgeSeconds.set(row.catalog_age_s ?? Number.NaN); // NaN: no catalog yet
    m.catalogStale.set(row.catalog_stale ? 1 : 0);
    m.lockWaiters.set(row.lock_waiters);
    m.databaseUp.set(1);
  } catch (err) {
    // Stale database gauges would lie: NaN (unknown), and the database part is reported down.
    for (const g of [m.openRoundsOverHour, m.flaggedRoundsUnreviewed, m.catalogAgeSeconds, m.catalogStale, m.lockWaiters])
      g.set(Number.NaN);
    m.databaseUp.set(0);
    logger.warn({ err }, "metrics: database gauges unavailable");
  }
  return m.registry.metrics();
}

export const METRICS_CONTENT_TYPE = metrics.registry.contentType;

import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The Prometheus metrics of one app instance (prom-client), served by GET /api/metrics
 * (app/api/metrics/route.ts, bearer token). Counters and histograms are updated where things
 * happen; gauges about the database (pool, stuck rounds, catalog age, lock waits) are read when
 * scraped (lib/ops/scrape.ts). What to alert on: README.md, "Operating it".
 *
 * The registry lives on globalThis: Next bundles this module into several routes, and each copy
 * must count into the same registry.
 */
export interface Metrics {
  registry: Registry;
  callbacks: Counter<"method" | "code">;
  callbackSeconds: Histogram<"method">;
  walletRetries: Counter<"sqlstate">;
  callbackFailures: Counter<"method" | "cause">;
  callbackLogFallbacks: Counter;
  callbackLogDropped: Counter;
  callbackLogPruned: Counter;
  passwordWorkRefused: Counter<"reason">;
  catalogRefreshes: Counter<"result">;
  poolConnections: Gauge<"pool" | "state">;
  poolWaiting: Gauge<"pool">;
  openRoundsOverHour: Gauge;
  winsFlagged: Counter<"currency">;
  flaggedRoundsUnreviewed: Gauge;
  catalogAgeSeconds: Gauge;
  catalogStale: Gauge;
  lockWaiters: Gauge;
  databaseUp: Gauge;
}

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const r = [registry];
  return {
    registry,
    callbacks: new Counter({
      name: "webgames_callbacks_total",
      help: "Provider callbacks answered, by method and protocol code (0 = ok, 1 = internal error, ...)",
      labelNames: ["method", "code"],
      registers: r,
    }),
    callbackSeconds: new Histogram({
      name: "webgames_callback_duration_seconds",
      help: "Server-side time from a callback's arrival in the handler to its answer (the provider gives up after 5 s)",
      labelNames: ["method"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: r,
    }),
    walletRetries: new Counter({
      name: "webgames_wallet_retries_total",
      help: "Wallet transactions retried after a deadlock (40P01) or serialization failure (40001)",
      labelNames: ["sqlstate"],
      registers: r,
    }),
    callbackFailures: new Counter({
      name: "webgames_callback_failures_total",
      help: "Callbacks answered code 1 because of an unexpected failure, by cause: a PostgreSQL SQLSTATE (55P03 lock timeout, 57014 statement timeout), a system error (ECONNREFUSED), or none (pool wait timeout, other)",
      labelNames: ["method", "cause"],
      registers: r,
    }),
    callbackLogFallbacks: new Counter({
      name: "webgames_callback_log_fallbacks_total",
      help: "Refused callbacks whose D11 record could not be written to the database (written to the log instead)",
      registers: r,
    }),
    callbackLogDropped: new Counter({
      name: "webgames_callback_log_dropped_total",
      help: "Refused callbacks (before the wallet) not written to callback_logs because their source passed CALLBACK_REFUSAL_LOG_LIMIT in the window; counted per source in callback_refusal_windows",
      registers: r,
    }),
    callbackLogPruned: new Counter({
      name: "webgames_callback_log_pruned_total",
      help: "callback_logs rows deleted by the retention prune (CALLBACK_LOG_RETENTION_DAYS)",
      registers: r,
    }),
    passwordWorkRefused: new Counter({
      name: "webgames_password_work_refused_total",
      help: "Password checks or hashes refused at once (try again in a moment), by reason: rate (PASSWORD_WORK_PER_SECOND) or busy (concurrency and queue full, or waited too long)",
      labelNames: ["reason"],
      registers: r,
    }),
    catalogRefreshes: new Counter({
      name: "webgames_catalog_refreshes_total",
      help: "Catalog refreshes from the provider by this instance, by result (ok, failed)",
      labelNames: ["result"],
      registers: r,
    }),
    poolConnections: new Gauge({
      name: "webgames_db_pool_connections",
      help: "Connections of this instance's PostgreSQL pools (pool: main, log), by state (in_use, idle)",
      labelNames: ["pool", "state"],
      registers: r,
    }),
    poolWaiting: new Gauge({
      name: "webgames_db_pool_waiting",
      help: "Requests waiting for a connection from this instance's pool",
      labelNames: ["pool"],
      registers: r,
    }),
    openRoundsOverHour: new Gauge({
      name: "webgames_open_rounds_over_1h",
      help: "Rounds still open more than an hour after their first bet (a Debit that never came)",
      registers: r,
    }),
    winsFlagged: new Counter({
      name: "webgames_wins_flagged_total",
      help: "Wins paid and flagged for review by this instance (D13: over the multiple of the round's bets or the currency's ceiling), by currency",
      labelNames: ["currency"],
      registers: r,
    }),
    flaggedRoundsUnreviewed: new Gauge({
      name: "webgames_flagged_rounds_unreviewed",
      help: "Rounds flagged for review (D13) that no staff member has marked reviewed yet (database-wide)",
      registers: r,
    }),
    catalogAgeSeconds: new Gauge({
      name: "webgames_catalog_age_seconds",
      help: "Age of the last good provider catalog (shared snapshot)",
      registers: r,
    }),
    catalogStale: new Gauge({
      name: "webgames_catalog_stale",
      help: "1 when the latest catalog refresh failed and the lobby serves the last good copy",
      registers: r,
    }),
    lockWaiters: new Gauge({
      name: "webgames_db_lock_waiting_sessions",
      help: "Database sessions of this database waiting for a lock right now (wallet row locks included)",
      registers: r,
    }),
    databaseUp: new Gauge({
      name: "webgames_database_up",
      help: "1 when the scrape's database query succeeded",
      registers: r,
    }),
  };
}

const globalForMetrics = globalThis as unknown as { webgamesMetrics?: Metrics };
globalForMetrics.webgamesMetrics ??= createMetrics();
export const metrics: Metrics = globalForMetrics.webgamesMetrics;

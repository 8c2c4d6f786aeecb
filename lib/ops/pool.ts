import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

/**
 * The operator endpoints' own connection (readiness, metrics): one connection, so a load balancer
 * polling /api/ready or Prometheus scraping never takes one from callbacks nor waits behind them.
 * Bounded by client-side timeouts only (no startup parameters, which PgBouncer in transaction mode
 * refuses): 1 s to connect, 1 s per query, so /api/ready answers within ~2 s whatever the database does.
 */
function createOpsPool(): pg.Pool {
  const p = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: 1,
    connectionTimeoutMillis: 1_000,
    query_timeout: 1_000,
    idleTimeoutMillis: 60_000,
    application_name: "webgames-casino-ops",
  });
  p.on("error", (err) => logger.warn({ err }, "ops pool: idle client error"));
  return p;
}

const globalForOps = globalThis as unknown as { webgamesOpsPool?: pg.Pool };
globalForOps.webgamesOpsPool ??= createOpsPool();
export const opsPool: pg.Pool = globalForOps.webgamesOpsPool;
